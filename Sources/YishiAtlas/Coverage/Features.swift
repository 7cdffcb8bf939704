import Foundation

/// Facilities and residential compounds found in an extract, at their position in UTM metres.
public struct Feature: Sendable {
    public enum Kind: Sendable, Equatable {
        case facility(FacilityType)
        case compound, residentialBuilding
    }
    public var kind: Kind
    public var osmType: Character
    public var osmID: Int64
    public var name: String
    public var x: Double
    public var y: Double
}

public enum Features {
    /// The facility type of a set of tags (`shared/data/README.md`), or nil.
    public static func facilityType(_ t: [String: String]) -> FacilityType? {
        func any(_ key: String, _ values: Set<String>) -> Bool { t[key].map(values.contains) ?? false }
        if any("amenity", ["social_facility", "nursing_home"]) { return .elderly_care }
        if any("amenity", ["clinic", "doctors", "hospital"])
            || any("healthcare", ["clinic", "doctor", "centre", "hospital"])
        {
            return .clinic
        }
        if any("amenity", ["pharmacy"]) || any("shop", ["chemist"]) { return .pharmacy }
        if any("amenity", ["kindergarten", "childcare"]) { return .kindergarten }
        if any("amenity", ["school"]) { return .school }
        if any("amenity", ["marketplace"])
            || any("shop", ["supermarket", "greengrocer", "convenience", "butcher", "bakery"])
        {
            return .market
        }
        if any(
            "leisure",
            ["sports_centre", "pitch", "fitness_centre", "fitness_station", "swimming_pool", "stadium", "track"])
        {
            return .sports
        }
        if any("amenity", ["library", "community_centre", "arts_centre", "theatre", "cinema", "social_centre"]) {
            return .culture
        }
        if any("leisure", ["park", "playground", "garden", "recreation_ground"]) { return .park }
        if any("highway", ["bus_stop"]) || any("public_transport", ["platform", "stop_position"]) { return .bus_stop }
        return nil
    }

    static let residentialBuildings: Set<String> = [
        "residential", "apartments", "house", "detached", "terrace", "semidetached_house", "dormitory",
    ]

    /// Every facility and compound of the extract: tagged nodes at their position, ways at the
    /// centroid of their polygon (closed) or of their points.
    public static func extract(_ osm: OSMExtract, projection: UTM) -> [Feature] {
        var indexOf: [Int64: Int] = [:]
        indexOf.reserveCapacity(osm.nodeIDs.count)
        for (i, id) in osm.nodeIDs.enumerated() { indexOf[id] = i }
        var out: [Feature] = []
        func kind(_ tags: [String: String]) -> Feature.Kind? {
            if let f = facilityType(tags) { return .facility(f) }
            if tags["landuse"] == "residential" { return .compound }
            if let b = tags["building"], residentialBuildings.contains(b) { return .residentialBuilding }
            return nil
        }
        for (i, tags) in osm.nodeTags.sorted(by: { $0.key < $1.key }) {
            guard let k = kind(tags), k != .compound, k != .residentialBuilding else { continue }
            let p = projection.project(lat: osm.lats[i], lon: osm.lons[i])
            out.append(Feature(kind: k, osmType: "n", osmID: osm.nodeIDs[i], name: tags["name"] ?? "", x: p.x, y: p.y))
        }
        for way in osm.ways {
            guard let k = kind(way.tags) else { continue }
            let pts = way.refs.compactMap { indexOf[$0] }.map {
                projection.project(lat: osm.lats[$0], lon: osm.lons[$0])
            }
            guard !pts.isEmpty, let c = centroid(pts, closed: way.refs.count >= 4 && way.refs.first == way.refs.last)
            else { continue }
            out.append(Feature(kind: k, osmType: "w", osmID: way.id, name: way.tags["name"] ?? "", x: c.x, y: c.y))
        }
        return out
    }

    /// The area-weighted centroid of a closed ring, else the mean of the points.
    static func centroid(_ p: [(x: Double, y: Double)], closed: Bool) -> (x: Double, y: Double)? {
        if closed {
            var a = 0.0
            var cx = 0.0
            var cy = 0.0
            let ox = p[0].x
            let oy = p[0].y  // shift for precision
            for i in 0..<(p.count - 1) {
                let x0 = p[i].x - ox
                let y0 = p[i].y - oy
                let x1 = p[i + 1].x - ox
                let y1 = p[i + 1].y - oy
                let cross = x0 * y1 - x1 * y0
                a += cross
                cx += (x0 + x1) * cross
                cy += (y0 + y1) * cross
            }
            if abs(a) > 1e-9 { return (ox + cx / (3 * a), oy + cy / (3 * a)) }
        }
        let n = Double(p.count)
        return (p.reduce(0) { $0 + $1.x } / n, p.reduce(0) { $0 + $1.y } / n)
    }
}
