import Foundation
import NIOCore

/// A piece of a page: an element with its attributes and children, a void element, text, or a
/// group of pieces. Values are kept as given and escaped once, when the page is written.
///
/// Our own, instead of Plot: Plot's typed contexts forbid mixing that semantic HTML needs, it
/// wrote attribute values unescaped, and rendering through its closures cost about a quarter of a
/// signed-in page's time. This one writes a page straight into the response's bytes.
indirect enum HTMLNode: Sendable {
    /// `nil` as an attribute's value writes a boolean attribute (`required`).
    case element(String, [(String, String?)], [HTMLNode])
    case void(String, [(String, String?)])
    case text(String)
    case group([HTMLNode])
}

/// The short way to write elements, used by every view.
enum H {
    static func el(_ name: String, _ attributes: [(String, String?)] = [], _ children: [HTMLNode] = []) -> HTMLNode {
        .element(name, attributes, children)
    }

    static func el(_ name: String, _ attributes: [(String, String?)] = [], text: String) -> HTMLNode {
        .element(name, attributes, [.text(text)])
    }

    /// A void element (`input`, `meta` …).
    static func void(_ name: String, _ attributes: [(String, String?)]) -> HTMLNode {
        .void(name, attributes)
    }

    static func text(_ s: String) -> HTMLNode { .text(s) }

    static func link(_ label: String, _ href: String, _ attributes: [(String, String?)] = []) -> HTMLNode {
        el("a", [("href", href)] + attributes, text: label)
    }

    /// Query-string encoding for links built from values.
    static func query(_ s: String) -> String {
        var allowed = CharacterSet.urlQueryAllowed
        allowed.remove(charactersIn: "&=+?#/")
        return s.addingPercentEncoding(withAllowedCharacters: allowed) ?? ""
    }

    /// A whole document, written into one buffer.
    static func document(lang: String, class htmlClass: String, head: [HTMLNode], body: [HTMLNode]) -> ByteBuffer {
        var w = HTMLWriter()
        w.buffer.writeStaticString("<!DOCTYPE html>")
        w.write(.element("html", [("lang", lang)] + (htmlClass.isEmpty ? [] : [("class", htmlClass)]), [
            .element("head", [], head), .element("body", [], body),
        ]))
        return w.buffer
    }

    /// A fragment as a string (tests, and attribute-escaping checks).
    static func render(_ node: HTMLNode) -> String {
        var w = HTMLWriter()
        w.write(node)
        return String(buffer: w.buffer)
    }
}

/// Writes nodes as HTML: text escapes `& < >`, attribute values also both quotes.
struct HTMLWriter {
    var buffer = ByteBufferAllocator().buffer(capacity: 8_192)

    mutating func write(_ node: HTMLNode) {
        switch node {
        case .text(let s):
            escaped(s, quotes: false)
        case .group(let nodes):
            for n in nodes { write(n) }
        case .void(let name, let attributes):
            open(name, attributes)
        case .element(let name, let attributes, let children):
            open(name, attributes)
            for n in children { write(n) }
            buffer.writeStaticString("</")
            buffer.writeString(name)
            buffer.writeInteger(UInt8(ascii: ">"))
        }
    }

    private mutating func open(_ name: String, _ attributes: [(String, String?)]) {
        buffer.writeInteger(UInt8(ascii: "<"))
        buffer.writeString(name)
        for (key, value) in attributes {
            buffer.writeInteger(UInt8(ascii: " "))
            buffer.writeString(key)
            if let value {
                buffer.writeStaticString("=\"")
                escaped(value, quotes: true)
                buffer.writeInteger(UInt8(ascii: "\""))
            }
        }
        buffer.writeInteger(UInt8(ascii: ">"))
    }

    /// Copies runs without special characters as they are.
    mutating func escaped(_ s: String, quotes: Bool) {
        var s = s
        s.withUTF8 { bytes in
            var start = 0
            for i in 0..<bytes.count {
                let replacement: StaticString
                switch bytes[i] {
                case UInt8(ascii: "&"): replacement = "&amp;"
                case UInt8(ascii: "<"): replacement = "&lt;"
                case UInt8(ascii: ">"): replacement = "&gt;"
                case UInt8(ascii: "\"") where quotes: replacement = "&quot;"
                case UInt8(ascii: "'") where quotes: replacement = "&#39;"
                default: continue
                }
                if i > start { buffer.writeBytes(UnsafeRawBufferPointer(UnsafeBufferPointer(rebasing: bytes[start..<i]))) }
                buffer.writeStaticString(replacement)
                start = i + 1
            }
            if start < bytes.count { buffer.writeBytes(UnsafeRawBufferPointer(UnsafeBufferPointer(rebasing: bytes[start..<bytes.count]))) }
        }
    }
}
