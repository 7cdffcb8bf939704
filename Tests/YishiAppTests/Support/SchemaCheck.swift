import Foundation
import Testing
import Vapor
import VaporTesting

@testable import YishiApp

/// Checks the suite's API traffic against the served OpenAPI document: every answer of an
/// `/api/v1` route that a test receives (its status must be documented for the operation, and a
/// JSON body must match the schema), and every JSON body the server accepted. So a field renamed,
/// added or dropped in a DTO without the document — or the other way round — fails the test that
/// touched it. (The routes themselves are compared with the document in `APITests`.)
///
/// The JSON Schema subset the document uses: type, properties, required, additionalProperties,
/// items, anyOf, enum, $ref, format (uuid, date-time), pattern, minLength.
struct SchemaCheck {
    let document: [String: Any]
    private var schemas: [String: Any] {
        ((document["components"] as? [String: Any])?["schemas"] as? [String: Any]) ?? [:]
    }

    init(_ app: Application) {
        document = OpenAPIDocument.document(app.features)
    }

    /// The documented operation for a method and a concrete path: (path template, operation).
    func operation(_ method: HTTPMethod, _ path: String) -> (String, [String: Any])? {
        let paths = document["paths"] as? [String: Any] ?? [:]
        let segments = path.split(separator: "?").first.map { $0.split(separator: "/").map(String.init) } ?? []
        for (template, item) in paths {
            let t = template.split(separator: "/").map(String.init)
            guard t.count == segments.count, zip(t, segments).allSatisfy({ $0.hasPrefix("{") || $0 == $1 }) else {
                continue
            }
            if let op = (item as? [String: Any])?[method.rawValue.lowercased()] as? [String: Any] {
                return (template, op)
            }
        }
        return nil
    }

    /// Problems with one exchange; empty when it matches the document.
    func problems(
        method: HTTPMethod, path: String, requestBody: ByteBuffer?, requestType: HTTPMediaType?,
        response: TestingHTTPResponse
    ) -> [String] {
        guard path.hasPrefix("/api/v1/"), !path.hasPrefix("/api/v1/openapi.json") else { return [] }
        guard let (template, op) = operation(method, path) else {
            // Unrouted paths answer 404 (or 405) with the error shape; nothing more to compare.
            return response.status == .notFound || response.status == .methodNotAllowed
                ? [] : ["\(method) \(path): not in the document"]
        }
        let name = "\(method.rawValue) \(template) → \(response.status.code)"
        var out: [String] = []
        let responses = op["responses"] as? [String: Any] ?? [:]
        guard let documented = responses[String(response.status.code)] as? [String: Any] else {
            return ["\(name): status not documented (documented: \(responses.keys.sorted().joined(separator: ", ")))"]
        }
        if let content = documented["content"] as? [String: Any] {
            let type = response.headers.contentType.map { "\($0.type)/\($0.subType)" } ?? ""
            if let media = content[type] as? [String: Any], let schema = media["schema"] as? [String: Any] {
                if type == "application/json" {
                    out += check(json: Data(buffer: response.body), schema, name)
                }
            } else {
                out.append("\(name): answered \(type), documented \(content.keys.sorted())")
            }
        }
        // A body the server accepted must be one the document allows.
        if (200..<300).contains(response.status.code), requestType == .json, let body = requestBody,
            let schema = ((op["requestBody"] as? [String: Any])?["content"] as? [String: Any])?["application/json"]
                as? [String: Any],
            let s = schema["schema"] as? [String: Any]
        {
            out += check(json: Data(buffer: body), s, "\(name) request")
        }
        return out
    }

    func check(json data: Data, _ schema: [String: Any], _ name: String) -> [String] {
        guard let value = try? JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed]) else {
            return ["\(name): not JSON"]
        }
        var errors: [String] = []
        validate(value, schema, at: "$", into: &errors)
        return errors.map { "\(name): \($0)" }
    }

    func validate(_ value: Any, _ schema: [String: Any], at path: String, into errors: inout [String]) {
        if let ref = schema["$ref"] as? String {
            let name = String(ref.split(separator: "/").last ?? "")
            guard let target = schemas[name] as? [String: Any] else {
                errors.append("\(path): unknown schema \(name)")
                return
            }
            return validate(value, target, at: path, into: &errors)
        }
        if let options = schema["anyOf"] as? [[String: Any]] {
            var all: [[String]] = []
            for option in options {
                var e: [String] = []
                validate(value, option, at: path, into: &e)
                if e.isEmpty { return }
                all.append(e)
            }
            errors.append(
                "\(path): matches no alternative (\(all.map { $0.joined(separator: "; ") }.joined(separator: " | ")))")
            return
        }
        let isBool = String(describing: type(of: value)).contains("Boolean")
        switch schema["type"] as? String {
        case "object":
            guard let object = value as? [String: Any] else {
                errors.append("\(path): not an object")
                return
            }
            let properties = schema["properties"] as? [String: Any] ?? [:]
            for key in schema["required"] as? [String] ?? [] where object[key] == nil {
                errors.append("\(path).\(key): required, missing")
            }
            for (key, v) in object {
                if let p = properties[key] as? [String: Any] {
                    validate(v, p, at: "\(path).\(key)", into: &errors)
                } else if let extra = schema["additionalProperties"] as? [String: Any] {
                    validate(v, extra, at: "\(path).\(key)", into: &errors)
                } else if (schema["additionalProperties"] as? Bool) == false {
                    errors.append("\(path).\(key): not in the schema")
                }
            }
        case "array":
            guard let array = value as? [Any] else {
                errors.append("\(path): not an array")
                return
            }
            if let items = schema["items"] as? [String: Any] {
                for (i, v) in array.enumerated() { validate(v, items, at: "\(path)[\(i)]", into: &errors) }
            }
        case "string":
            guard let s = value as? String else {
                errors.append("\(path): not a string")
                return
            }
            if let allowed = schema["enum"] as? [String], !allowed.contains(s) {
                errors.append("\(path): \(s) not one of \(allowed)")
            }
            if let min = schema["minLength"] as? Int, s.count < min { errors.append("\(path): shorter than \(min)") }
            if let pattern = schema["pattern"] as? String, s.range(of: pattern, options: .regularExpression) == nil {
                errors.append("\(path): \(s) does not match \(pattern)")
            }
            switch schema["format"] as? String {
            case "uuid" where UUID(uuidString: s) == nil: errors.append("\(path): \(s) is not a uuid")
            case "date-time" where ISO8601DateFormatter().date(from: s) == nil:
                errors.append("\(path): \(s) is not a date-time")
            default: break
            }
        case "integer":
            if isBool || !(value is Int) { errors.append("\(path): not an integer") }
        case "number":
            if isBool || !(value is Double || value is Int) { errors.append("\(path): not a number") }
        case "boolean":
            if !isBool { errors.append("\(path): not a boolean") }
        case "null":
            if !(value is NSNull) { errors.append("\(path): not null") }
        default:
            break
        }
    }
}
