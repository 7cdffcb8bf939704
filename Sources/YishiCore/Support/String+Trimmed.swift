import Foundation

extension String {
    /// The string without leading or trailing white space. Returns `self` at once when neither end is
    /// white space, which is nearly always: Foundation's trimming costs about a microsecond a call,
    /// and a 100,000-row register calls it over half a million times.
    public var trimmed: String {
        guard let first = unicodeScalars.first, let last = unicodeScalars.last,
            Self.isSpace(first) || Self.isSpace(last)
        else { return self }
        return trimmingCharacters(in: .whitespacesAndNewlines)
    }

    @inline(__always)
    static func isSpace(_ s: Unicode.Scalar) -> Bool {
        s.value < 0x80 ? (s.value == 0x20 || (0x09...0x0D).contains(s.value)) : s.properties.isWhitespace
    }
}
