import Foundation

/// The flags a resident may carry. Stored as their raw names joined by ";" in a fixed order.
public struct ResidentFlags: OptionSet, Hashable, Sendable, Codable {
    public let rawValue: Int
    public init(rawValue: Int) { self.rawValue = rawValue }

    public static let partyMember = ResidentFlags(rawValue: 1 << 0)
    public static let representative = ResidentFlags(rawValue: 1 << 1)
    public static let buildingGroupLeader = ResidentFlags(rawValue: 1 << 2)
    public static let elderly = ResidentFlags(rawValue: 1 << 3)
    public static let disability = ResidentFlags(rawValue: 1 << 4)
    /// 独居: lives alone (committees visit them first).
    public static let livingAlone = ResidentFlags(rawValue: 1 << 5)

    /// Every flag with its stored name, in the order the stored form uses.
    public static let named: [(name: String, flag: ResidentFlags)] = [
        ("partyMember", .partyMember), ("representative", .representative),
        ("buildingGroupLeader", .buildingGroupLeader), ("elderly", .elderly),
        ("disability", .disability), ("livingAlone", .livingAlone),
    ]

    public var names: [String] { Self.named.filter { contains($0.flag) }.map(\.name) }
    public var encoded: String { names.joined(separator: ";") }

    /// Parses "partyMember;elderly" (blank for none); nil naming an unknown flag.
    public init?(encoded: String) {
        var flags: ResidentFlags = []
        for part in encoded.split(separator: ";") {
            let name = part.trimmingCharacters(in: .whitespaces)
            if name.isEmpty { continue }
            guard let f = Self.named.first(where: { $0.name == name }) else { return nil }
            flags.insert(f.flag)
        }
        self = flags
    }

    /// Residents aged 60 or over are elderly (老年人权益保障法 art. 2) whatever the flag says.
    public static func isElderly(birthYear: Int, inYear year: Int) -> Bool { year - birthYear >= 60 }
}
