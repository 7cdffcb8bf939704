import Foundation

/// The map of one subdistrict or community: only its own homes (the places its table lists), the
/// facilities around them, clipped to those homes with a margin. Homes are large circles that carry
/// the number of types they miss (a purple scale — never the only cue, the number is written);
/// facilities are small symbols whose shape and colour both tell the type (Okabe–Ito colours, none
/// of them purple); the viewer's own compound wears a thick ring and a label. The legend is the
/// page's (HTML, in its language, readable on a phone), so the SVG holds no words but the label,
/// the scale and the attribution.
public enum PlaceMap {
    public struct Home: Sendable {
        public var x: Double
        public var y: Double
        public var missing: Int
        public var title: String
        public var mine: Bool
        public init(x: Double, y: Double, missing: Int, title: String, mine: Bool = false) {
            (self.x, self.y, self.missing, self.title, self.mine) = (x, y, missing, title, mine)
        }
    }

    public struct Facility: Sendable {
        public var x: Double
        public var y: Double
        public var type: FacilityType
        public var title: String
        public init(x: Double, y: Double, type: FacilityType, title: String) {
            (self.x, self.y, self.type, self.title) = (x, y, type, title)
        }
    }

    public enum Shape: String, Sendable { case circle, square, triangle, diamond }

    /// Missing 0 … 5 or more: light to dark purple; the number is written on each home.
    public static let gapColours = ["#f2f0f7", "#dadaeb", "#bcbddc", "#9e9ac8", "#756bb1", "#54278f"]
    /// Each type a shape and a colour (Okabe–Ito, which colour-blind readers tell apart).
    public static let symbols: [FacilityType: (shape: Shape, colour: String)] = [
        .bus_stop: (.circle, "#0072B2"), .clinic: (.square, "#D55E00"), .pharmacy: (.diamond, "#D55E00"),
        .market: (.triangle, "#E69F00"), .school: (.square, "#0072B2"), .kindergarten: (.triangle, "#56B4E9"),
        .elderly_care: (.diamond, "#009E73"), .park: (.circle, "#009E73"), .sports: (.triangle, "#000000"),
        .culture: (.square, "#F0E442"),
    ]

    public static let margin = 250.0

    /// The symbol of a type at (cx, cy) with half-size r.
    public static func symbol(_ type: FacilityType, cx: Double, cy: Double, r: Double) -> String {
        let (shape, colour) = symbols[type] ?? (.circle, "#000000")
        let f = { (v: Double) in String(format: "%.1f", v) }
        let style = "fill=\"\(colour)\" stroke=\"#222\" stroke-width=\"1\""
        switch shape {
        case .circle: return "<circle cx=\"\(f(cx))\" cy=\"\(f(cy))\" r=\"\(f(r))\" \(style)/>"
        case .square:
            return "<rect x=\"\(f(cx - r))\" y=\"\(f(cy - r))\" width=\"\(f(2 * r))\" height=\"\(f(2 * r))\" \(style)/>"
        case .triangle:
            return "<path d=\"M\(f(cx)) \(f(cy - r))L\(f(cx + r)) \(f(cy + r))L\(f(cx - r)) \(f(cy + r))Z\" \(style)/>"
        case .diamond:
            return
                "<path d=\"M\(f(cx)) \(f(cy - r))L\(f(cx + r)) \(f(cy))L\(f(cx)) \(f(cy + r))L\(f(cx - r)) \(f(cy))Z\" \(style)/>"
        }
    }

    static func escape(_ s: String) -> String {
        s.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
    }

    /// The facilities drawn: those within the homes' box and its margin.
    public static func clip(_ facilities: [Facility], to homes: [Home]) -> [Facility] {
        guard let minX = homes.map(\.x).min(), let maxX = homes.map(\.x).max(), let minY = homes.map(\.y).min(),
            let maxY = homes.map(\.y).max()
        else { return [] }
        return facilities.filter {
            $0.x >= minX - margin && $0.x <= maxX + margin && $0.y >= minY - margin && $0.y <= maxY + margin
        }
    }

    public static func svg(homes: [Home], facilities: [Facility], title: String, mineLabel: String) -> String {
        let shown = clip(facilities, to: homes)
        let xs = homes.map(\.x)
        let ys = homes.map(\.y)
        let minX = (xs.min() ?? 0) - margin
        let maxX = (xs.max() ?? 1) + margin
        let minY = (ys.min() ?? 0) - margin
        let maxY = (ys.max() ?? 1) + margin
        let width = 1000.0
        let scale = width / max(maxX - minX, 1)
        let height = max((maxY - minY) * scale, 300) + 80
        func px(_ x: Double) -> Double { (x - minX) * scale }
        func py(_ y: Double) -> Double { (maxY - y) * scale }
        let f = { (v: Double) in String(format: "%.1f", v) }
        var s =
            "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(Int(width)) \(Int(height.rounded(.up)))\" role=\"img\" aria-label=\"\(escape(title))\" font-family=\"sans-serif\">\n"
        s += "<rect width=\"100%\" height=\"100%\" fill=\"#ffffff\"/>\n<g>\n"
        for fac in shown {
            s += symbol(fac.type, cx: px(fac.x), cy: py(fac.y), r: 14)
            s += "<title>\(escape(fac.title))</title>\n"
        }
        // Drawn 1000 wide and shown about 350 px wide on a phone: sizes here are three times the
        // size on the screen (a number of 36 reads at 12 px).
        s += "</g>\n<g font-size=\"36\" font-weight=\"bold\" text-anchor=\"middle\">\n"
        for h in homes.sorted(by: { !$0.mine && $1.mine }) {
            let k = min(max(h.missing, 0), 5)
            let ink = k >= 3 ? "#ffffff" : "#000000"
            if h.mine {
                s +=
                    "<circle cx=\"\(f(px(h.x)))\" cy=\"\(f(py(h.y)))\" r=\"44\" fill=\"none\" stroke=\"#000\" stroke-width=\"9\"/>"
                s +=
                    "<text x=\"\(f(px(h.x)))\" y=\"\(f(py(h.y) - 56))\" font-size=\"42\" stroke=\"#fff\" stroke-width=\"8\" paint-order=\"stroke\">\(escape(mineLabel))</text>"
            }
            s +=
                "<circle cx=\"\(f(px(h.x)))\" cy=\"\(f(py(h.y)))\" r=\"30\" fill=\"\(gapColours[k])\" stroke=\"#222\" stroke-width=\"1.5\"><title>\(escape(h.title))</title></circle>"
            s +=
                "<text x=\"\(f(px(h.x)))\" y=\"\(f(py(h.y) + 12))\" fill=\"\(ink)\">\(k == 5 ? "5+" : String(k))</text>\n"
        }
        s += "</g>\n"
        let barMetres = (maxX - minX) > 3000 ? 1000.0 : ((maxX - minX) > 1200 ? 500.0 : 200.0)
        let barY = height - 24
        s +=
            "<g font-size=\"36\"><line x1=\"10\" y1=\"\(f(barY))\" x2=\"\(f(10 + barMetres * scale))\" y2=\"\(f(barY))\" stroke=\"#000\" stroke-width=\"8\"/>"
        s += "<text x=\"\(f(20 + barMetres * scale))\" y=\"\(f(barY + 12))\">\(Int(barMetres)) m</text>"
        // The attribution is written under the map, in the page.
        s += "</g>\n</svg>\n"
        return s
    }
}
