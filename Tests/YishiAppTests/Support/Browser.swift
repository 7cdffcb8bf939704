import Fluent
import Foundation
import Testing
import Vapor
import VaporTesting

@testable import YishiApp

/// A browser for tests: keeps cookies, sends forms with the CSRF token like a page would.
final class Browser: @unchecked Sendable {
    let app: Application
    var cookies: [String: String]
    var lang: String?

    init(_ app: Application) {
        self.app = app
        cookies = [CSRF.cookie: "test-csrf-token-\(UUID().uuidString)"]
    }

    var csrf: String { cookies[CSRF.cookie]! }

    /// Every API exchange is compared with the served document (`SchemaCheck`).
    private lazy var schemaCheck = SchemaCheck(app)

    @discardableResult
    func send(
        _ method: HTTPMethod, _ path: String, headers extra: HTTPHeaders = [:], body: ByteBuffer? = nil,
        contentType: HTTPMediaType? = nil
    ) async throws -> TestingHTTPResponse {
        var headers = extra
        if !cookies.isEmpty {
            headers.replaceOrAdd(name: .cookie, value: cookies.map { "\($0.key)=\($0.value)" }.joined(separator: "; "))
        }
        if let contentType { headers.contentType = contentType }
        let res = try await app.testing().sendRequest(method, path, headers: headers, body: body)
        for problem in schemaCheck.problems(
            method: method, path: path, requestBody: body, requestType: headers.contentType, response: res)
        {
            Issue.record("API and document differ: \(problem)")
        }
        // No literal placeholder ("{0}") reaches a page or an API answer (issue 16, item 13).
        if let text = res.body.getString(at: res.body.readerIndex, length: res.body.readableBytes),
            res.headers.contentType != .init(type: "text", subType: "csv"),
            // (A regular expression's "[0-9]{6}" in a pattern attribute or a schema is not one.)
            text.range(of: #"(?<![\]\\])\{[0-9]\}"#, options: .regularExpression) != nil
        {
            Issue.record("\(method) \(path) shows a literal placeholder")
        }
        for value in res.headers[.setCookie] {
            let pair = value.split(separator: ";").first.map(String.init) ?? ""
            let parts = pair.split(separator: "=", maxSplits: 1).map(String.init)
            guard parts.count == 2 else { continue }
            if value.contains("Expires=Thu, 01 Jan 1970") || parts[1].isEmpty {
                cookies[parts[0]] = nil
            } else {
                cookies[parts[0]] = parts[1]
            }
        }
        return res
    }

    @discardableResult
    func get(_ path: String) async throws -> TestingHTTPResponse { try await send(.GET, path) }

    /// Posts a form as a page does, with the CSRF field unless `csrf` is false.
    @discardableResult
    func post(_ path: String, _ form: [String: String] = [:], csrf: Bool = true) async throws -> TestingHTTPResponse {
        var fields = form
        if csrf { fields[CSRF.field] = self.csrf }
        let body = fields.map { "\(formEncode($0.key))=\(formEncode($0.value))" }.joined(separator: "&")
        return try await send(.POST, path, body: ByteBuffer(string: body), contentType: .urlEncodedForm)
    }

    /// Posts a form whose fields may repeat (checkboxes: `flags[]`), in the order given.
    @discardableResult
    func post(_ path: String, fields: [(String, String)]) async throws -> TestingHTTPResponse {
        let all = fields + [(CSRF.field, csrf)]
        let body = all.map { "\(formEncode($0.0))=\(formEncode($0.1))" }.joined(separator: "&")
        return try await send(.POST, path, body: ByteBuffer(string: body), contentType: .urlEncodedForm)
    }

    /// A JSON call with the session cookie and the CSRF header, as a script on a page would.
    @discardableResult
    func json(_ method: HTTPMethod, _ path: String, _ body: String? = nil, token: String? = nil) async throws
        -> TestingHTTPResponse
    {
        var headers = HTTPHeaders()
        if let token {
            headers.bearerAuthorization = .init(token: token)
        } else {
            headers.replaceOrAdd(name: CSRF.header, value: csrf)
        }
        if let lang { headers.replaceOrAdd(name: .acceptLanguage, value: lang) }
        return try await send(
            method, path, headers: headers, body: body.map { ByteBuffer(string: $0) },
            contentType: body == nil ? nil : .json)
    }

    /// Signs a resident in as a phone does: the code sent to `phone` is read from the outbox.
    func signInResident(_ phone: String = DemoDistrict.residentPhone) async throws {
        let sent = try await post("/signin/code", ["phone": phone])
        #expect(sent.status == .seeOther, "code for \(phone) answered \(sent.status)")
        let message = try #require(
            try await OutboxMessage.query(on: app.db).filter(\.$phone == phone).sort(\.$sentAt, .descending).first())
        let code = String(message.body.filter(\.isNumber).prefix(6))
        let verified = try await post("/signin/verify", ["code": code])
        #expect(verified.status == .seeOther, "resident sign-in answered \(verified.status)")
    }

    func signIn(_ username: String, password: String = DemoLoader.password) async throws {
        let res = try await post("/signin", ["username": username, "password": password])
        #expect(res.status == .seeOther, "sign-in of \(username) answered \(res.status)")
        #expect(cookies[SessionCookie.name] != nil, "no session cookie for \(username)")
    }

    private func formEncode(_ s: String) -> String {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._*")
        return s.addingPercentEncoding(withAllowedCharacters: allowed)!.replacingOccurrences(of: "%20", with: "+")
    }
}

/// A multipart/form-data body as a browser sends it (a quote in a file name as %22).
func multipartBody(boundary: String, _ parts: [(name: String, filename: String?, data: Data)]) -> Data {
    var d = Data()
    for (name, filename, data) in parts {
        let disposition = "form-data; name=\"\(name)\"" + (filename.map { "; filename=\"\($0)\"" } ?? "")
        d.append(Data("--\(boundary)\r\nContent-Disposition: \(disposition)\r\n".utf8))
        if filename != nil { d.append(Data("Content-Type: application/octet-stream\r\n".utf8)) }
        d.append(Data("\r\n".utf8))
        d.append(data)
        d.append(Data("\r\n".utf8))
    }
    d.append(Data("--\(boundary)--\r\n".utf8))
    return d
}

extension TestingHTTPResponse {
    var text: String { body.getString(at: body.readerIndex, length: body.readableBytes) ?? "" }
    func decode<T: Decodable>(_ type: T.Type) throws -> T {
        let d = JSONDecoder()
        d.dateDecodingStrategy = .iso8601
        return try d.decode(T.self, from: Data(buffer: body))
    }
    var location: String? { headers.first(name: .location) }
}

extension Browser {
    /// Posts a multipart form as a page with a file chooser does (the CSRF field first, then the
    /// fields, then each file under its field's name).
    @discardableResult
    func multipart(_ path: String, fields: [(String, String)], files: [(field: String, name: String, data: Data)])
        async throws -> TestingHTTPResponse
    {
        let boundary = "b\(UUID().uuidString)"
        let parts: [(name: String, filename: String?, data: Data)] =
            [(CSRF.field, nil, Data(csrf.utf8))] + fields.map { ($0.0, nil, Data($0.1.utf8)) }
            + files.map { ($0.field, $0.name, $0.data) }
        return try await send(
            .POST, path, body: ByteBuffer(data: multipartBody(boundary: boundary, parts)),
            contentType: HTTPMediaType(type: "multipart", subType: "form-data", parameters: ["boundary": boundary]))
    }
}
