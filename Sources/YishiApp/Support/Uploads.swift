import Fluent
import Vapor
import YishiCore

/// Files people attach to records — a need's photos, a notice's documents — checked by their
/// content (never their name or declared type), photos cleaned of their location, and kept in the
/// one attachment store every instance shares (DESIGN.md). Pages (multipart forms) and the API
/// (base64 in JSON) hand their files to the same check.
enum Uploads {
    /// A file that passed the check, ready to store.
    struct File: Sendable {
        var name: String
        var contentType: String
        var data: Data
    }

    enum Accept: Sendable {
        /// JPEG, PNG or WebP.
        case photos
        /// Photos or PDF.
        case documents
    }

    /// At most five files to a record.
    static let maxFiles = 5
    /// The largest body a form or API call with files may send: five files and the rest of the form
    /// (base64 in JSON is a third larger).
    static let maxRequestBytes = (maxFiles * ImageFile.maxBytes) * 4 / 3 + (1 << 20)

    /// Every named file, or the field's problem (a text key) if any one is refused: none is kept then.
    static func check(_ files: [(name: String, data: Data)], accept: Accept, max: Int = maxFiles) -> Result<
        [File], FileProblem
    > {
        let given = files.filter { !$0.data.isEmpty }
        guard given.count <= max else { return .failure(.tooMany) }
        var out: [File] = []
        for f in given {
            let base = safeName(f.name)
            if accept == .documents, f.data.starts(with: Data("%PDF-".utf8)) {
                guard f.data.count <= ImageFile.maxBytes else { return .failure(.refused) }
                out.append(File(name: base.isEmpty ? "file.pdf" : base, contentType: "application/pdf", data: f.data))
                continue
            }
            switch ImageFile.cleaned(f.data) {
            case .success(let (kind, clean)):
                out.append(
                    File(
                        name: base.isEmpty ? "photo.\(kind.fileExtension)" : base, contentType: kind.contentType,
                        data: clean))
            case .failure:
                return .failure(.refused)
            }
        }
        return .success(out)
    }

    enum FileProblem: Error, Sendable { case refused, tooMany }

    /// The files of a multipart form field (a part a browser sends with no file chosen is skipped).
    static func parts(_ form: MultipartForm?, _ field: String) -> [(name: String, data: Data)] {
        (form?.parts ?? []).filter { $0.name == field && $0.filename != nil && !$0.data.isEmpty }
            .map { ($0.filename ?? "", $0.data) }
    }

    /// Files sent in JSON as base64 (a `data:` URL prefix allowed); nil when one is not base64.
    static func decoded(_ base64: [String]) -> [(name: String, data: Data)]? {
        var out: [(name: String, data: Data)] = []
        for (i, s) in base64.enumerated() {
            let body = s.range(of: ";base64,").map { String(s[$0.upperBound...]) } ?? s
            guard let data = Data(base64Encoded: body, options: .ignoreUnknownCharacters) else { return nil }
            out.append(("photo-\(i + 1)", data))
        }
        return out
    }

    /// A file name reduced to what is safe to show and to send back in a header.
    static func safeName(_ name: String) -> String {
        let last = name.split(whereSeparator: { $0 == "/" || $0 == "\\" }).last.map(String.init) ?? ""
        let kept = last.unicodeScalars.filter {
            !CharacterSet.controlCharacters.contains($0) && $0 != "\"" && $0 != ";" && $0 != "%"
        }
        return String(String.UnicodeScalarView(kept).prefix(80))
    }

    /// Stores checked files (inside the caller's transaction) and gives their ids in order.
    static func store(_ files: [File], by user: UUID?, held: Bool = false, on db: any Database) async throws -> [UUID] {
        var ids: [UUID] = []
        for f in files {
            let a = Attachment(name: f.name, contentType: f.contentType, data: f.data)
            a.uploadedByID = user
            a.held = held ? true : nil
            try await a.create(on: db)
            ids.append(try a.requireID())
        }
        return ids
    }

    /// A stored file as the answer to a request: its own type, never guessed by the browser, shown
    /// in the page (a picture, a PDF), kept privately by the browser for an hour.
    static func response(_ a: Attachment) -> Response {
        var headers = HTTPHeaders()
        headers.replaceOrAdd(name: .contentType, value: a.contentType)
        headers.replaceOrAdd(name: "X-Content-Type-Options", value: "nosniff")
        headers.replaceOrAdd(name: .cacheControl, value: "private, max-age=3600")
        let ascii = a.name.unicodeScalars.allSatisfy { $0.isASCII && $0.value >= 0x20 } ? a.name : "file"
        headers.replaceOrAdd(
            name: .contentDisposition,
            value: "inline; filename=\"\(ascii)\"; filename*=UTF-8''\(H.query(a.name))")
        return Response(status: .ok, headers: headers, body: .init(data: a.data))
    }
}
