import Foundation

/// An IPv4 or IPv6 address as bytes (4 or 16). IPv4-mapped IPv6 (`::ffff:a.b.c.d`) is read as IPv4,
/// so one client has one address whichever way the socket reports it.
public struct IPAddress: Hashable, Sendable, CustomStringConvertible {
    public var bytes: [UInt8]

    public init?(_ text: String) {
        var s = Substring(text.trimmingCharacters(in: .whitespaces))
        if s.hasPrefix("["), let close = s.firstIndex(of: "]") { s = s[s.index(after: s.startIndex)..<close] }
        if let zone = s.firstIndex(of: "%") { s = s[..<zone] }
        // "a.b.c.d:port", as some proxies write it.
        if s.contains("."), s.filter({ $0 == ":" }).count == 1, let colon = s.firstIndex(of: ":") { s = s[..<colon] }
        if let v4 = Self.ipv4(s) {
            bytes = v4
        } else if let v6 = Self.ipv6(s) {
            bytes = v6.starts(with: [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff]) ? Array(v6.suffix(4)) : v6
        } else {
            return nil
        }
    }

    public var isIPv4: Bool { bytes.count == 4 }

    public var description: String {
        if isIPv4 { return bytes.map(String.init).joined(separator: ".") }
        let groups = stride(from: 0, to: 16, by: 2).map { UInt16(bytes[$0]) << 8 | UInt16(bytes[$0 + 1]) }
        return groups.map { String($0, radix: 16) }.joined(separator: ":")
    }

    private static func ipv4(_ s: Substring) -> [UInt8]? {
        let parts = s.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 4 else { return nil }
        var out: [UInt8] = []
        for p in parts {
            // No leading zeros: "010" means 8 to some readers and 10 to others.
            guard (1...3).contains(p.count), p.allSatisfy({ $0.isASCII && $0.isNumber }),
                p.count == 1 || p.first != "0", let n = UInt8(p)
            else { return nil }
            out.append(n)
        }
        return out
    }

    private static func ipv6(_ s: Substring) -> [UInt8]? {
        guard s.contains(":") else { return nil }
        let halves = s.components(separatedBy: "::")
        guard halves.count <= 2 else { return nil }
        func groups(_ part: String) -> [UInt16]? {
            guard !part.isEmpty else { return [] }
            var out: [UInt16] = []
            let items = part.split(separator: ":", omittingEmptySubsequences: false)
            for (i, g) in items.enumerated() {
                if i == items.count - 1, g.contains(".") {
                    guard let v4 = ipv4(g) else { return nil }
                    out += [UInt16(v4[0]) << 8 | UInt16(v4[1]), UInt16(v4[2]) << 8 | UInt16(v4[3])]
                } else {
                    guard (1...4).contains(g.count), g.allSatisfy(\.isHexDigit), g.allSatisfy(\.isASCII),
                        let n = UInt16(g, radix: 16)
                    else { return nil }
                    out.append(n)
                }
            }
            return out
        }
        guard let head = groups(halves[0]) else { return nil }
        var all = head
        if halves.count == 2 {
            guard let tail = groups(halves[1]), head.count + tail.count <= 7 else { return nil }
            all += Array(repeating: 0, count: 8 - head.count - tail.count) + tail
        }
        guard all.count == 8 else { return nil }
        return all.flatMap { [UInt8($0 >> 8), UInt8($0 & 0xff)] }
    }
}

/// A block of addresses: one address or a CIDR range ("10.0.0.0/8", "fd00::/8").
public struct IPRange: Hashable, Sendable {
    public var base: IPAddress
    public var prefix: Int

    public init?(_ text: String) {
        let parts = text.trimmingCharacters(in: .whitespaces).split(separator: "/", omittingEmptySubsequences: false)
        guard (1...2).contains(parts.count), let base = IPAddress(String(parts[0])) else { return nil }
        let bits = base.bytes.count * 8
        var prefix = bits
        if parts.count == 2 {
            guard parts[1].allSatisfy({ $0.isASCII && $0.isNumber }), let n = Int(parts[1]), (0...128).contains(n)
            else { return nil }
            // A mapped IPv4 range written as IPv6 ("::ffff:10.0.0.0/104") counts its bits from the IPv4 part.
            let mapped = base.isIPv4 && parts[0].contains(":")
            prefix = mapped ? n - 96 : n
            guard (0...bits).contains(prefix) else { return nil }
        }
        self.base = base
        self.prefix = prefix
    }

    public func contains(_ address: IPAddress) -> Bool {
        guard address.bytes.count == base.bytes.count else { return false }
        var left = prefix
        for (a, b) in zip(address.bytes, base.bytes) where left > 0 {
            let mask: UInt8 = left >= 8 ? 0xff : ~(0xff >> UInt8(left))
            if a & mask != b & mask { return false }
            left -= 8
        }
        return true
    }
}

/// Whose address a request counts under, for per-address limits (sign-in holds, SMS limits).
public enum ClientAddress {
    /// Parses `YISHI_TRUSTED_PROXIES`: comma-separated addresses and CIDR ranges. Returns the ranges,
    /// or the entries that are not addresses.
    public static func parseTrusted(_ text: String) -> Result<[IPRange], InvalidEntries> {
        var ranges: [IPRange] = []
        var bad: [String] = []
        for item in text.split(separator: ",").map({ $0.trimmingCharacters(in: .whitespaces) }) where !item.isEmpty {
            if let r = IPRange(item) { ranges.append(r) } else { bad.append(item) }
        }
        return bad.isEmpty ? .success(ranges) : .failure(InvalidEntries(entries: bad))
    }

    public struct InvalidEntries: Error, Equatable, Sendable { public var entries: [String] }

    /// The socket's peer, unless it is a trusted proxy; then the right-most `X-Forwarded-For` entry
    /// that is not a trusted proxy (each proxy appends the address it saw, so entries left of the
    /// last untrusted one were written by the client and prove nothing). When every entry is a
    /// trusted proxy, the left-most. Nil without a peer.
    ///
    /// The result is a key: IPv4 as dotted decimal, IPv6 as its /64 (the block one subscriber gets,
    /// so that walking through a /64 does not lift a limit).
    public static func choose(peer: String?, forwardedFor: [String], trusted: [IPRange]) -> String? {
        guard let peerText = peer else { return nil }
        guard let peerIP = IPAddress(peerText) else { return peerText }
        func isTrusted(_ ip: IPAddress) -> Bool { trusted.contains { $0.contains(ip) } }
        guard isTrusted(peerIP) else { return key(peerIP) }
        let entries = forwardedFor.map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        for entry in entries.reversed() {
            guard let ip = IPAddress(entry) else { return "unreadable:" + entry.prefix(64) }
            if !isTrusted(ip) { return key(ip) }
        }
        return entries.first.flatMap(IPAddress.init).map(key) ?? key(peerIP)
    }

    /// IPv4 as is; IPv6 reduced to its /64.
    public static func key(_ ip: IPAddress) -> String {
        guard !ip.isIPv4 else { return ip.description }
        var net = ip
        for i in 8..<16 { net.bytes[i] = 0 }
        return net.description + "/64"
    }
}
