import Foundation
import Vapor

extension Request {
    /// The posted form's fields in the order sent, repeated ones included (`needs[]`, `q3[]`).
    var formItems: [URLQueryItem] {
        let body = body.string ?? ""
        return URLComponents(string: "?" + body.replacingOccurrences(of: "+", with: "%20"))?.queryItems ?? []
    }

    /// Every value of a repeated field (`name` or `name[]`) in the order sent.
    func formValues(_ name: String) -> [String] {
        formItems.filter { $0.name == name || $0.name == name + "[]" }.compactMap(\.value)
    }
}
