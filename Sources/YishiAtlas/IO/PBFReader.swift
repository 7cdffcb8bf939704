import CZlib
import Foundation

/// Reads `.osm.pbf`: length-prefixed blocks (BlobHeader + Blob), zlib-compressed PrimitiveBlocks
/// with string tables, plain and dense nodes, and ways. Relations are skipped.
public enum PBFReader {
    public static func read(_ data: Data) throws -> OSMExtract {
        do { return try readBlocks(data) } catch is ProtoReader.Malformed {
            throw OSMExtract.ReadError(zh: "文件已损坏：数据块格式不对", en: "the file is damaged: a block is malformed")
        }
    }

    static func readBlocks(_ data: Data) throws -> OSMExtract {
        var out = OSMExtract()
        try data.withUnsafeBytes { raw in
            let bytes = raw.bindMemory(to: UInt8.self)
            var pos = 0
            var first = true
            while pos < bytes.count {
                guard pos + 4 <= bytes.count else { throw truncated(pos) }
                let headerLength =
                    Int(bytes[pos]) << 24 | Int(bytes[pos + 1]) << 16 | Int(bytes[pos + 2]) << 8 | Int(bytes[pos + 3])
                pos += 4
                guard headerLength > 0, headerLength < 64 * 1024 else { throw foreign() }
                guard pos + headerLength <= bytes.count else { throw truncated(pos) }
                var type = ""
                var dataSize = -1
                var h = ProtoReader(bytes, from: pos, to: pos + headerLength)
                while let (n, w) = try h.field() {
                    if n == 1 && w == 2 {
                        let r = try h.lengthDelimited()
                        type = String(decoding: UnsafeBufferPointer(rebasing: bytes[r]), as: UTF8.self)
                    } else if n == 3 && w == 0 {
                        dataSize = Int(try h.varint())
                    } else {
                        try h.skip(wire: w)
                    }
                }
                pos += headerLength
                if first {
                    guard type == "OSMHeader" else { throw foreign() }
                    first = false
                }
                guard dataSize >= 0 else { throw foreign() }
                guard pos + dataSize <= bytes.count else { throw truncated(pos) }
                if type == "OSMData" {
                    let block = try blob(bytes, pos..<(pos + dataSize))
                    try block.withUnsafeBufferPointer { try primitiveBlock($0, into: &out) }
                }
                pos += dataSize
            }
            if first { throw foreign() }
        }
        return out
    }

    static func truncated(_ at: Int) -> OSMExtract.ReadError {
        .init(zh: "文件不完整：在第 \(at) 字节处截断", en: "the file is truncated at byte \(at)")
    }

    static func foreign() -> OSMExtract.ReadError {
        .init(zh: "这不是 OpenStreetMap 的 .osm.pbf 文件", en: "this is not an OpenStreetMap .osm.pbf file")
    }

    /// The uncompressed bytes of a Blob (raw or zlib).
    static func blob(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) throws -> [UInt8] {
        var r = ProtoReader(bytes, from: range.lowerBound, to: range.upperBound)
        var rawSize = 0
        var raw: Range<Int>? = nil
        var zlib: Range<Int>? = nil
        while let (n, w) = try r.field() {
            switch (n, w) {
            case (1, 2): raw = try r.lengthDelimited()
            case (2, 0): rawSize = Int(try r.varint())
            case (3, 2): zlib = try r.lengthDelimited()
            case (4, 2), (5, 2), (6, 2), (7, 2):
                throw OSMExtract.ReadError(
                    zh: "不支持的压缩方式（只支持 zlib）", en: "unsupported compression (only zlib is supported)")
            default: try r.skip(wire: w)
            }
        }
        if let raw { return Array(bytes[raw]) }
        guard let zlib, rawSize > 0, rawSize <= 64 << 20 else { throw foreign() }
        var out = [UInt8](repeating: 0, count: rawSize)
        var outLength = uLongf(rawSize)
        let status = out.withUnsafeMutableBufferPointer { o in
            uncompress(o.baseAddress, &outLength, bytes.baseAddress! + zlib.lowerBound, uLong(zlib.count))
        }
        guard status == Z_OK, Int(outLength) == rawSize else {
            throw OSMExtract.ReadError(zh: "数据块解压失败（文件损坏？）", en: "a block could not be decompressed (a damaged file?)")
        }
        return out
    }

    static func primitiveBlock(_ b: UnsafeBufferPointer<UInt8>, into out: inout OSMExtract) throws {
        var strings: [String] = []
        var groups: [Range<Int>] = []
        var granularity: Int64 = 100
        var latOffset: Int64 = 0
        var lonOffset: Int64 = 0
        var r = ProtoReader(b)
        while let (n, w) = try r.field() {
            switch (n, w) {
            case (1, 2):
                let st = try r.lengthDelimited()
                var s = ProtoReader(b, from: st.lowerBound, to: st.upperBound)
                while let (sn, sw) = try s.field() {
                    if sn == 1 && sw == 2 {
                        let x = try s.lengthDelimited()
                        strings.append(String(decoding: UnsafeBufferPointer(rebasing: b[x]), as: UTF8.self))
                    } else {
                        try s.skip(wire: sw)
                    }
                }
            case (2, 2): groups.append(try r.lengthDelimited())
            case (17, 0): granularity = Int64(try r.varint())
            case (19, 0): latOffset = Int64(bitPattern: try r.varint())
            case (20, 0): lonOffset = Int64(bitPattern: try r.varint())
            default: try r.skip(wire: w)
            }
        }
        func str(_ i: UInt64) throws -> String {
            guard Int(i) < strings.count else { throw ProtoReader.Malformed() }
            return strings[Int(i)]
        }
        let scale = 1e-9
        for g in groups {
            var gr = ProtoReader(b, from: g.lowerBound, to: g.upperBound)
            while let (n, w) = try gr.field() {
                switch (n, w) {
                case (1, 2):  // Node
                    let nr = try gr.lengthDelimited()
                    var x = ProtoReader(b, from: nr.lowerBound, to: nr.upperBound)
                    var id: Int64 = 0
                    var lat: Int64 = 0
                    var lon: Int64 = 0
                    var keys: [UInt64] = []
                    var vals: [UInt64] = []
                    while let (fn, fw) = try x.field() {
                        switch (fn, fw) {
                        case (1, 0): id = ProtoReader.zigzag(try x.varint())
                        case (2, 2): try ProtoReader.packed(b, try x.lengthDelimited()) { keys.append($0) }
                        case (3, 2): try ProtoReader.packed(b, try x.lengthDelimited()) { vals.append($0) }
                        case (8, 0): lat = ProtoReader.zigzag(try x.varint())
                        case (9, 0): lon = ProtoReader.zigzag(try x.varint())
                        default: try x.skip(wire: fw)
                        }
                    }
                    out.nodeIDs.append(id)
                    out.lats.append(scale * Double(latOffset + granularity * lat))
                    out.lons.append(scale * Double(lonOffset + granularity * lon))
                    if !keys.isEmpty {
                        var tags: [String: String] = [:]
                        for (k, v) in zip(keys, vals) { tags[try str(k)] = try str(v) }
                        out.nodeTags[out.nodeIDs.count - 1] = tags
                    }
                case (2, 2):  // DenseNodes
                    let dr = try gr.lengthDelimited()
                    var x = ProtoReader(b, from: dr.lowerBound, to: dr.upperBound)
                    var ids: [Int64] = []
                    var lats: [Int64] = []
                    var lons: [Int64] = []
                    var kv: [UInt64] = []
                    while let (fn, fw) = try x.field() {
                        switch (fn, fw) {
                        case (1, 2):
                            var acc: Int64 = 0
                            try ProtoReader.packed(b, try x.lengthDelimited()) {
                                acc += ProtoReader.zigzag($0)
                                ids.append(acc)
                            }
                        case (8, 2):
                            var acc: Int64 = 0
                            try ProtoReader.packed(b, try x.lengthDelimited()) {
                                acc += ProtoReader.zigzag($0)
                                lats.append(acc)
                            }
                        case (9, 2):
                            var acc: Int64 = 0
                            try ProtoReader.packed(b, try x.lengthDelimited()) {
                                acc += ProtoReader.zigzag($0)
                                lons.append(acc)
                            }
                        case (10, 2): try ProtoReader.packed(b, try x.lengthDelimited()) { kv.append($0) }
                        default: try x.skip(wire: fw)
                        }
                    }
                    guard ids.count == lats.count, ids.count == lons.count else { throw ProtoReader.Malformed() }
                    let base = out.nodeIDs.count
                    out.nodeIDs.append(contentsOf: ids)
                    out.lats.append(contentsOf: lats.map { scale * Double(latOffset + granularity * $0) })
                    out.lons.append(contentsOf: lons.map { scale * Double(lonOffset + granularity * $0) })
                    if !kv.isEmpty {
                        var k = 0
                        for i in ids.indices {
                            var tags: [String: String] = [:]
                            while k < kv.count && kv[k] != 0 {
                                guard k + 1 < kv.count else { throw ProtoReader.Malformed() }
                                tags[try str(kv[k])] = try str(kv[k + 1])
                                k += 2
                            }
                            k += 1
                            if !tags.isEmpty { out.nodeTags[base + i] = tags }
                        }
                    }
                case (3, 2):  // Way
                    let wr = try gr.lengthDelimited()
                    var x = ProtoReader(b, from: wr.lowerBound, to: wr.upperBound)
                    var id: Int64 = 0
                    var keys: [UInt64] = []
                    var vals: [UInt64] = []
                    var refs: [Int64] = []
                    while let (fn, fw) = try x.field() {
                        switch (fn, fw) {
                        case (1, 0): id = Int64(bitPattern: try x.varint())
                        case (2, 2): try ProtoReader.packed(b, try x.lengthDelimited()) { keys.append($0) }
                        case (3, 2): try ProtoReader.packed(b, try x.lengthDelimited()) { vals.append($0) }
                        case (8, 2):
                            var acc: Int64 = 0
                            try ProtoReader.packed(b, try x.lengthDelimited()) {
                                acc += ProtoReader.zigzag($0)
                                refs.append(acc)
                            }
                        default: try x.skip(wire: fw)
                        }
                    }
                    var tags: [String: String] = [:]
                    for (k, v) in zip(keys, vals) { tags[try str(k)] = try str(v) }
                    out.ways.append(.init(id: id, refs: refs, tags: tags))
                default:
                    try gr.skip(wire: w)
                }
            }
        }
    }
}
