import Foundation
import Testing
import Vapor

@testable import YishiApp

/// The check every API exchange of the suite goes through (`SchemaCheck`, in `Browser.send`)
/// finds each kind of drift between a JSON shape and the document.
@Suite("API answers are checked against the document")
struct SchemaCheckTests {
    @Test func eachKindOfDriftIsFound() async throws {
        try await withYishi { t in
            let check = SchemaCheck(t.app)
            let node: [String: Any] = ["$ref": "#/components/schemas/Node"]
            let id = UUID().uuidString
            func problems(_ json: String) -> [String] { check.check(json: Data(json.utf8), node, "Node") }
            let good =
                #"{"id":"\#(id)","level":"compound","code":"X","name":"n","kind":null,"address":null,"parentId":null,"path":"p"}"#
            #expect(problems(good).isEmpty)
            #expect(
                problems(good.replacingOccurrences(of: #","path":"p""#, with: "")).contains {
                    $0.contains("$.path: required")
                })
            #expect(
                problems(good.replacingOccurrences(of: #""name":"n""#, with: #""name":"n","nickname":"m""#)).contains {
                    $0.contains("$.nickname: not in the schema")
                })
            #expect(
                problems(good.replacingOccurrences(of: #""level":"compound""#, with: #""level":"flat""#)).contains {
                    $0.contains("not one of")
                })
            #expect(
                problems(good.replacingOccurrences(of: #""id":"\#(id)""#, with: #""id":"x""#)).contains {
                    $0.contains("is not a uuid")
                })
            #expect(
                problems(good.replacingOccurrences(of: #""name":"n""#, with: #""name":7"#)).contains {
                    $0.contains("$.name: not a string")
                })
            #expect(
                problems(good.replacingOccurrences(of: #""kind":null"#, with: #""kind":true"#)).contains {
                    $0.contains("$.kind: matches no alternative")
                })
            // A status the operation does not document, and an operation the document lacks.
            #expect(check.operation(.GET, "/api/v1/territory/\(id)")?.0 == "/api/v1/territory/{nodeID}")
            #expect(check.operation(.PUT, "/api/v1/territory/\(id)") == nil)
        }
    }
}
