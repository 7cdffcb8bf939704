import Foundation

/// A minimal protobuf wire-format reader over a byte buffer (as libosmium's protozero does):
/// just what the OSM PBF format needs.
struct ProtoReader {
    let bytes: UnsafeBufferPointer<UInt8>
    var pos: Int
    let end: Int

    struct Malformed: Error {}

    init(_ bytes: UnsafeBufferPointer<UInt8>, from: Int = 0, to: Int? = nil) {
        self.bytes = bytes
        pos = from
        end = to ?? bytes.count
    }

    var atEnd: Bool { pos >= end }

    @inline(__always)
    mutating func varint() throws -> UInt64 {
        var result: UInt64 = 0
        var shift: UInt64 = 0
        while pos < end {
            let b = bytes[pos]
            pos += 1
            result |= UInt64(b & 0x7F) << shift
            if b < 0x80 { return result }
            shift += 7
            if shift > 63 { throw Malformed() }
        }
        throw Malformed()
    }

    @inline(__always)
    static func zigzag(_ v: UInt64) -> Int64 { Int64(bitPattern: (v >> 1) ^ (0 &- (v & 1))) }

    /// The next field's number and wire type, or nil at the end.
    mutating func field() throws -> (number: Int, wire: Int)? {
        guard !atEnd else { return nil }
        let key = try varint()
        return (Int(key >> 3), Int(key & 7))
    }

    /// A length-delimited field's byte range.
    mutating func lengthDelimited() throws -> Range<Int> {
        let n = Int(try varint())
        guard n >= 0, pos + n <= end else { throw Malformed() }
        defer { pos += n }
        return pos..<(pos + n)
    }

    mutating func skip(wire: Int) throws {
        switch wire {
        case 0: _ = try varint()
        case 1: pos += 8
        case 2: _ = try lengthDelimited()
        case 5: pos += 4
        default: throw Malformed()
        }
        if pos > end { throw Malformed() }
    }

    /// Calls `body` for each varint of a packed field.
    static func packed(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, _ body: (UInt64) throws -> Void) throws
    {
        var r = ProtoReader(bytes, from: range.lowerBound, to: range.upperBound)
        while !r.atEnd { try body(try r.varint()) }
    }
}
