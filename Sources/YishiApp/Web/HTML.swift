import Plot

/// Page content: Plot nodes in the body context.
typealias HTMLNode = Node<HTML.BodyContext>

/// A thin way to write any element with Plot's renderer. Plot's typed contexts forbid mixing that
/// semantic HTML needs (a label with its input and error inside a form inside a section), and
/// Plot writes attribute values unescaped; every attribute here goes through `escapeAttribute`.
enum H {
    static func el(_ name: String, _ attributes: [(String, String?)] = [], _ children: [HTMLNode] = []) -> HTMLNode {
        .element(named: name, nodes: attributes.map(attribute) + children)
    }

    static func el(_ name: String, _ attributes: [(String, String?)] = [], text: String) -> HTMLNode {
        el(name, attributes, [.text(text)])
    }

    /// A void element (`input`, `meta` …).
    static func void(_ name: String, _ attributes: [(String, String?)]) -> HTMLNode {
        .selfClosedElement(named: name, attributes: attributes.map { Attribute(name: $0.0, value: $0.1.map(escapeAttribute), ignoreIfValueIsEmpty: false) })
    }

    /// `nil` writes a boolean attribute (`required`).
    static func attribute(_ pair: (String, String?)) -> HTMLNode {
        .attribute(Attribute(name: pair.0, value: pair.1.map(escapeAttribute), ignoreIfValueIsEmpty: false))
    }

    static func text(_ s: String) -> HTMLNode { .text(s) }

    static func link(_ label: String, _ href: String, _ attributes: [(String, String?)] = []) -> HTMLNode {
        el("a", [("href", href)] + attributes, text: label)
    }

    static func escapeAttribute(_ s: String) -> String {
        var out = ""
        out.reserveCapacity(s.count)
        for c in s {
            switch c {
            case "&": out += "&amp;"
            case "\"": out += "&quot;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "'": out += "&#39;"
            default: out.append(c)
            }
        }
        return out
    }

    /// Query-string encoding for links built from values.
    static func query(_ s: String) -> String {
        var allowed = CharacterSet.urlQueryAllowed
        allowed.remove(charactersIn: "&=+?#/")
        return s.addingPercentEncoding(withAllowedCharacters: allowed) ?? ""
    }
}

import Foundation
