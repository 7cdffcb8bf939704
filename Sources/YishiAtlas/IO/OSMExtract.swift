import Foundation

/// What the life-circle engine needs of an OpenStreetMap extract: every node's position, the
/// tags of tagged nodes, and every way with its node references and tags.
public struct OSMExtract: Sendable {
    public var nodeIDs: [Int64] = []
    public var lats: [Double] = []
    public var lons: [Double] = []
    /// Tags of the nodes that have any, by index into `nodeIDs`.
    public var nodeTags: [Int: [String: String]] = [:]
    public var ways: [Way] = []

    public struct Way: Sendable {
        public var id: Int64
        public var refs: [Int64]
        public var tags: [String: String]
    }

    public init() {}

    /// Why a file could not be read, in both languages.
    public struct ReadError: Error, CustomStringConvertible, Equatable {
        public var zh: String
        public var en: String
        public var description: String { "\(zh) / \(en)" }
    }
}
