import Foundation

/// 一图: the community planning map (issue 18 §3), pure. Each compound is a block — placed by where
/// the map knows it to be, else in a tidy grid — holding its buildings; the block's shade says how
/// many kinds of everyday service its homes miss within the life circle (the number is written,
/// never the colour alone). Needs are round pins and projects square ones, each numbered (the list
/// under the map says what each is) and coloured by how far it has come. Words in the SVG are the
/// places' own names and the pins' numbers; the legend is the page's, in its language.
public enum CommunityMap {
    public struct Building: Sendable, Equatable {
        public var id: UUID
        public var name: String
        public init(id: UUID, name: String) {
            self.id = id
            self.name = name
        }
    }

    public struct Compound: Sendable, Equatable {
        public var id: UUID
        public var name: String
        /// Where the life-circle map puts it (metres, east and north), when known.
        public var position: (x: Double, y: Double)?
        /// Kinds of service its homes miss within the life circle (nil: not on the life-circle map).
        public var missing: Int?
        public var buildings: [Building]
        public init(
            id: UUID, name: String, position: (x: Double, y: Double)? = nil, missing: Int? = nil,
            buildings: [Building] = []
        ) {
            (self.id, self.name, self.position, self.missing, self.buildings) = (id, name, position, missing, buildings)
        }
        public static func == (a: Compound, b: Compound) -> Bool {
            a.id == b.id && a.name == b.name && a.position?.x == b.position?.x && a.position?.y == b.position?.y
                && a.missing == b.missing && a.buildings == b.buildings
        }
    }

    public enum PinKind: String, Sendable { case need, project }

    /// How far a pin has come: waiting, on the list or under way, done (or closed).
    public enum Stage: String, Sendable, CaseIterable { case waiting, underway, done }

    public struct Pin: Sendable, Equatable {
        public var kind: PinKind
        public var number: Int
        public var stage: Stage
        /// The building or compound it is at (nil: the community as a whole).
        public var place: UUID?
        public var highlighted: Bool
        public init(kind: PinKind, number: Int, stage: Stage, place: UUID?, highlighted: Bool = false) {
            (self.kind, self.number, self.stage, self.place, self.highlighted) = (
                kind, number, stage, place, highlighted
            )
        }
    }

    /// Waiting orange, under way blue, done green (Okabe–Ito: told apart by colour-blind readers;
    /// the shape says need or project, and the number is written).
    public static let stageColours: [Stage: String] = [.waiting: "#E69F00", .underway: "#0072B2", .done: "#009E73"]
    /// Missing 0 … 5 or more kinds: light to dark purple (the life-circle map's scale).
    public static let gapColours = ["#f2f0f7", "#dadaeb", "#bcbddc", "#9e9ac8", "#756bb1", "#54278f"]

    /// A block's size and the grid's spacing, in the SVG's units.
    static let blockW = 260.0
    static let blockH = 190.0
    static let gap = 30.0

    /// The top-left corner of each compound's block: by position when every compound has one (scaled
    /// into a grid-like spread and nudged apart so no two blocks overlap), else in reading order in
    /// a grid of `columns`.
    public static func layout(_ compounds: [Compound], columns: Int) -> [(x: Double, y: Double)] {
        let cols = max(1, columns)
        let grid = compounds.indices.map { i in
            (gap + Double(i % cols) * (blockW + gap), gap + Double(i / cols) * (blockH + gap))
        }
        let known = compounds.compactMap(\.position)
        guard known.count == compounds.count, compounds.count > 1 else { return grid }
        // Order by position: rows from north to south, each west to east — the grid keeps the map's
        // sense of place while every block stays readable.
        let rows = max(1, Int((Double(compounds.count) / Double(cols)).rounded(.up)))
        let byNorth = compounds.indices.sorted { known[$0].y > known[$1].y }
        var out = grid
        for r in 0..<rows {
            let start = r * cols
            guard start < byNorth.count else { break }
            let row = byNorth[start..<min(start + cols, byNorth.count)].sorted { known[$0].x < known[$1].x }
            for (c, i) in row.enumerated() {
                out[i] = (gap + Double(c) * (blockW + gap), gap + Double(r) * (blockH + gap))
            }
        }
        return out
    }

    static func escape(_ s: String) -> String {
        s.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
    }

    static func f(_ v: Double) -> String { String(format: "%.1f", v) }

    static func pin(_ p: Pin, x: Double, y: Double) -> String {
        let colour = stageColours[p.stage] ?? "#000"
        let ring = p.highlighted ? " stroke=\"#000\" stroke-width=\"4\"" : " stroke=\"#fff\" stroke-width=\"2\""
        let shape =
            p.kind == .need
            ? "<circle cx=\"\(f(x))\" cy=\"\(f(y))\" r=\"15\" fill=\"\(colour)\"\(ring)/>"
            : "<rect x=\"\(f(x - 15))\" y=\"\(f(y - 15))\" width=\"30\" height=\"30\" rx=\"3\" fill=\"\(colour)\"\(ring)/>"
        return shape
            + "<text x=\"\(f(x))\" y=\"\(f(y + 6))\" text-anchor=\"middle\" font-size=\"17\" font-weight=\"700\" fill=\"#fff\">\(p.number)</text>"
    }

    /// The map: `title` names it for screen readers; `whole` labels pins of the whole community.
    public static func svg(compounds: [Compound], pins: [Pin], title: String, whole: String, columns: Int = 3)
        -> String
    {
        let cols = max(1, min(columns, max(compounds.count, 1)))
        let corners = layout(compounds, columns: cols)
        let rows = max(1, Int((Double(max(compounds.count, 1)) / Double(cols)).rounded(.up)))
        let wholePins = pins.filter { p in
            p.place == nil
                || !compounds.contains { c in c.id == p.place || c.buildings.contains { $0.id == p.place } }
        }
        let width = gap + Double(cols) * (blockW + gap)
        // The whole community's pins: a line for the label, then rows of pins as wide as the map.
        let perRow = max(1, Int((width - 2 * gap) / 38))
        let stripRows = (wholePins.count + perRow - 1) / perRow
        let stripH = wholePins.isEmpty ? 0.0 : 44 + Double(stripRows) * 40
        let height = gap + Double(rows) * (blockH + gap) + stripH
        var out =
            "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(f(width)) \(f(height))\" role=\"img\" aria-label=\"\(escape(title))\" font-family=\"sans-serif\">"
        out += "<title>\(escape(title))</title><rect width=\"100%\" height=\"100%\" fill=\"#fff\"/>"
        for (i, c) in compounds.enumerated() {
            let (x, y) = corners[i]
            let shade = c.missing.map { gapColours[min($0, 5)] } ?? "#f7f7f7"
            out +=
                "<g><rect x=\"\(f(x))\" y=\"\(f(y))\" width=\"\(f(blockW))\" height=\"\(f(blockH))\" rx=\"10\" fill=\"\(shade)\" stroke=\"#444\" stroke-width=\"2\"/>"
            out +=
                "<text x=\"\(f(x + 12))\" y=\"\(f(y + 28))\" font-size=\"20\" font-weight=\"700\" fill=\"#111\">\(escape(String(c.name.prefix(12))))</text>"
            if let m = c.missing {
                // The number of kinds missing, written in a white badge (readable on any shade).
                out +=
                    "<rect x=\"\(f(x + blockW - 52))\" y=\"\(f(y + 8))\" width=\"44\" height=\"26\" rx=\"13\" fill=\"#fff\" stroke=\"#444\"/>"
                out +=
                    "<text x=\"\(f(x + blockW - 30))\" y=\"\(f(y + 27))\" text-anchor=\"middle\" font-size=\"17\" fill=\"#111\">−\(m)</text>"
            }
            // Buildings: small labelled squares in rows of four.
            for (j, b) in c.buildings.prefix(12).enumerated() {
                let bx = x + 14 + Double(j % 4) * 60
                let by = y + 44 + Double(j / 4) * 46
                out +=
                    "<rect x=\"\(f(bx))\" y=\"\(f(by))\" width=\"50\" height=\"36\" rx=\"4\" fill=\"#fff\" stroke=\"#666\"/>"
                out +=
                    "<text x=\"\(f(bx + 25))\" y=\"\(f(by + 23))\" text-anchor=\"middle\" font-size=\"14\" fill=\"#222\">\(escape(String(b.name.prefix(5))))</text>"
            }
            out += "</g>"
            // Pins: at their building's square (several fan out leftwards), or along the block's foot
            // for the compound itself.
            var foot = 0
            var atBuilding: [Int: Int] = [:]
            for p in pins {
                if let bi = c.buildings.prefix(12).firstIndex(where: { $0.id == p.place }) {
                    let bx = x + 14 + Double(bi % 4) * 60 + 50
                    let by = y + 44 + Double(bi / 4) * 46
                    let k = atBuilding[bi, default: 0]
                    atBuilding[bi] = k + 1
                    out += pin(p, x: bx - 4 - Double(k) * 14, y: by + 2 + Double(k % 2) * 6)
                } else if p.place == c.id {
                    out += pin(p, x: x + 24 + Double(foot % 7) * 34, y: y + blockH - 22)
                    foot += 1
                }
            }
        }
        if !wholePins.isEmpty {
            let top = height - stripH
            out += "<text x=\"\(f(gap))\" y=\"\(f(top + 26))\" font-size=\"20\" fill=\"#111\">\(escape(whole))</text>"
            for (k, p) in wholePins.enumerated() {
                out += pin(p, x: gap + 18 + Double(k % perRow) * 38, y: top + 62 + Double(k / perRow) * 40)
            }
        }
        return out + "</svg>"
    }
}
