import Foundation
import Vapor

/// A multipart/form-data body split into its parts (RFC 7578).
///
/// Vapor's MultipartKit walks the body byte by byte, which in a debug build (what `swift run` gives)
/// takes a second per megabyte; uploads of map extracts are tens of megabytes. This reader finds
/// the boundaries with Foundation's `Data.range(of:)` and copies each part once.
struct MultipartForm: Sendable {
    struct Part: Sendable {
        var name: String
        var filename: String?
        var data: Data
    }

    var parts: [Part]

    func field(_ name: String) -> String? {
        parts.first { $0.name == name && $0.filename == nil }.map { String(decoding: $0.data, as: UTF8.self) }
    }

    func file(_ name: String) -> Part? { parts.first { $0.name == name && $0.filename != nil } }

    /// The boundary of a `multipart/form-data; boundary=…` content type.
    static func boundary(_ contentType: HTTPMediaType?) -> String? {
        guard let ct = contentType, ct.type == "multipart", ct.subType == "form-data",
            let b = ct.parameters["boundary"], !b.isEmpty
        else { return nil }
        return b
    }

    /// Nil when the body is not a well-formed multipart body with this boundary.
    static func parse(_ body: Data, boundary: String) -> MultipartForm? {
        let delimiter = Data("--\(boundary)".utf8)
        let crlf = Data("\r\n".utf8)
        let headerEnd = Data("\r\n\r\n".utf8)
        guard let first = body.range(of: delimiter) else { return nil }
        var parts: [Part] = []
        var cursor = first.upperBound
        while true {
            // "--" after a delimiter closes the body.
            if body[cursor...].starts(with: Data("--".utf8)) { return MultipartForm(parts: parts) }
            guard body[cursor...].starts(with: crlf) else { return nil }
            let headersStart = cursor + 2
            guard let hEnd = body.range(of: headerEnd, in: headersStart..<body.endIndex) else { return nil }
            let headers = String(decoding: body[headersStart..<hEnd.lowerBound], as: UTF8.self)
            guard let next = body.range(of: crlf + delimiter, in: hEnd.upperBound..<body.endIndex) else { return nil }
            var name: String?
            var filename: String?
            for line in headers.components(separatedBy: "\r\n")
            where line.lowercased().hasPrefix("content-disposition:") {
                name = parameter("name", in: line)
                filename = parameter("filename", in: line)
            }
            guard let name else { return nil }
            parts.append(Part(name: name, filename: filename, data: Data(body[hEnd.upperBound..<next.lowerBound])))
            cursor = next.upperBound
        }
    }

    /// `name="value"` in a Content-Disposition line (quotes as browsers send them: `%22` for a quote).
    private static func parameter(_ key: String, in line: String) -> String? {
        guard let r = line.range(of: "; \(key)=\"") ?? line.range(of: ";\(key)=\"") else { return nil }
        let rest = line[r.upperBound...]
        guard let end = rest.firstIndex(of: "\"") else { return nil }
        return String(rest[..<end]).replacingOccurrences(of: "%22", with: "\"")
    }
}

extension Request {
    private struct MultipartKey: StorageKey { typealias Value = MultipartForm }

    /// The collected body as multipart form data, parsed once per request (the CSRF check and the
    /// route share it); nil when the body is not multipart.
    var multipartForm: MultipartForm? {
        if let cached = storage[MultipartKey.self] { return cached }
        guard let boundary = MultipartForm.boundary(headers.contentType), let buffer = body.data,
            let form = MultipartForm.parse(Data(buffer: buffer), boundary: boundary)
        else { return nil }
        storage[MultipartKey.self] = form
        return form
    }
}
