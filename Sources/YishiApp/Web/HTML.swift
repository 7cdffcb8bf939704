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

    /// Query-string encoding for links built from values: every byte but RFC 3986's unreserved
    /// characters (letters, digits, `-._~`) is percent-encoded, in one pass over the UTF-8.
    static func query(_ s: String) -> String {
        let hex: [UInt8] = Array("0123456789ABCDEF".utf8)
        var out: [UInt8] = []
        out.reserveCapacity(s.utf8.count * 3)
        for b in s.utf8 {
            switch b {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
                UInt8(ascii: "0")...UInt8(ascii: "9"),
                UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "~"):
                out.append(b)
            default:
                out += [UInt8(ascii: "%"), hex[Int(b >> 4)], hex[Int(b & 0xF)]]
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// A whole document, written into one buffer.
    static func document(lang: String, class htmlClass: String, head: [HTMLNode], body: [HTMLNode]) -> ByteBuffer {
        var w = HTMLWriter()
        w.raw("<!DOCTYPE html>")
        w.write(
            .element(
                "html", [("lang", lang)] + (htmlClass.isEmpty ? [] : [("class", htmlClass)]),
                [
                    .element("head", [], head), .element("body", [], body),
                ]))
        return ByteBuffer(bytes: w.bytes)
    }

    /// A fragment as a string (tests, and attribute-escaping checks).
    static func render(_ node: HTMLNode) -> String {
        var w = HTMLWriter()
        w.write(node)
        return String(decoding: w.bytes, as: UTF8.self)
    }
}

/// Writes nodes as HTML: text escapes `& < >`, attribute values also both quotes. Into a plain
/// byte array (one copy into the response at the end: cheaper than many small buffer writes).
struct HTMLWriter {
    var bytes: [UInt8] = []

    init() { bytes.reserveCapacity(16_384) }

    mutating func raw(_ s: String) { bytes += s.utf8 }

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
            bytes.append(UInt8(ascii: "<"))
            bytes.append(UInt8(ascii: "/"))
            bytes += name.utf8
            bytes.append(UInt8(ascii: ">"))
        }
    }

    private mutating func open(_ name: String, _ attributes: [(String, String?)]) {
        bytes.append(UInt8(ascii: "<"))
        bytes += name.utf8
        for (key, value) in attributes {
            bytes.append(UInt8(ascii: " "))
            bytes += key.utf8
            if let value {
                bytes.append(UInt8(ascii: "="))
                bytes.append(UInt8(ascii: "\""))
                escaped(value, quotes: true)
                bytes.append(UInt8(ascii: "\""))
            }
        }
        bytes.append(UInt8(ascii: ">"))
    }

    /// Copies runs without special characters as they are.
    mutating func escaped(_ s: String, quotes: Bool) {
        var s = s
        s.withUTF8 { text in
            var start = 0
            for i in 0..<text.count {
                let replacement: String
                switch text[i] {
                case UInt8(ascii: "&"): replacement = "&amp;"
                case UInt8(ascii: "<"): replacement = "&lt;"
                case UInt8(ascii: ">"): replacement = "&gt;"
                case UInt8(ascii: "\"") where quotes: replacement = "&quot;"
                case UInt8(ascii: "'") where quotes: replacement = "&#39;"
                default: continue
                }
                if i > start { bytes += UnsafeBufferPointer(rebasing: text[start..<i]) }
                bytes += replacement.utf8
                start = i + 1
            }
            if start < text.count { bytes += UnsafeBufferPointer(rebasing: text[start..<text.count]) }
        }
    }
}
