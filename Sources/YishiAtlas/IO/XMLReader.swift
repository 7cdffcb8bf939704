import Foundation

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// Reads OSM XML (`.osm`): nodes with their tags, ways with their node references and tags.
public enum OSMXMLReader {
    public static func read(_ data: Data) throws -> OSMExtract {
        let handler = Handler()
        let parser = XMLParser(data: data)
        parser.delegate = handler
        let ok = parser.parse()
        if !handler.sawRoot {
            throw OSMExtract.ReadError(
                zh: "这不是 OpenStreetMap 的 .osm（XML）文件", en: "this is not an OpenStreetMap .osm (XML) file")
        }
        if !ok || handler.failure != nil {
            let line = parser.lineNumber
            throw OSMExtract.ReadError(
                zh: "XML 文件有误或不完整（第 \(line) 行附近）", en: "the XML is malformed or truncated (near line \(line))")
        }
        return handler.out
    }

    final class Handler: NSObject, XMLParserDelegate {
        var out = OSMExtract()
        var sawRoot = false
        var failure: Error?
        private var tags: [String: String] = [:]
        private var refs: [Int64] = []
        private var current: (kind: String, id: Int64)?

        func parser(
            _ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
            attributes a: [String: String] = [:]
        ) {
            switch name {
            case "osm": sawRoot = true
            case "node":
                guard let id = a["id"].flatMap(Int64.init), let lat = a["lat"].flatMap(Double.init),
                    let lon = a["lon"].flatMap(Double.init)
                else { return }
                out.nodeIDs.append(id)
                out.lats.append(lat)
                out.lons.append(lon)
                current = ("node", id)
                tags = [:]
            case "way":
                guard let id = a["id"].flatMap(Int64.init) else { return }
                current = ("way", id)
                tags = [:]
                refs = []
            case "relation": current = ("relation", 0)
            case "nd": if current?.kind == "way", let r = a["ref"].flatMap(Int64.init) { refs.append(r) }
            case "tag": if let k = a["k"], let v = a["v"], current != nil { tags[k] = v }
            default: break
            }
        }

        func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
            switch name {
            case "node":
                if current?.kind == "node", !tags.isEmpty { out.nodeTags[out.nodeIDs.count - 1] = tags }
                current = nil
            case "way":
                if let c = current, c.kind == "way" { out.ways.append(.init(id: c.id, refs: refs, tags: tags)) }
                current = nil
            case "relation": current = nil
            default: break
            }
        }

        func parser(_ parser: XMLParser, parseErrorOccurred parseError: Error) { failure = parseError }
    }
}

public enum OSMFile {
    /// Reads `.osm.pbf` or `.osm` (XML), told apart by their first bytes.
    public static func read(_ data: Data) throws -> OSMExtract {
        let head = data.prefix(64)
        if let text = String(data: head, encoding: .utf8),
            text.trimmingCharacters(in: .whitespacesAndNewlines).hasPrefix("<")
        {
            return try OSMXMLReader.read(data)
        }
        return try PBFReader.read(data)
    }
}
