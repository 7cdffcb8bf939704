import Foundation

/// The coverage map as SVG: roads, facilities by type, compounds coloured by how many types they
/// miss at their tier radius (the number is also written in each compound's title and the legend,
/// so colour is never the only cue), a legend, a scale bar and the OpenStreetMap attribution.
public enum CoverageMap {
    static let typeColours: [FacilityType: String] = [
        .bus_stop: "#1f77b4", .clinic: "#d62728", .culture: "#9467bd", .elderly_care: "#8c564b",
        .kindergarten: "#e377c2",
        .market: "#ff7f0e", .park: "#2ca02c", .pharmacy: "#17becf", .school: "#bcbd22", .sports: "#7f7f7f",
    ]
    /// 0 missing … 5 or more missing: green to red.
    static let gapColours = ["#1a9850", "#91cf60", "#d9ef8b", "#fee08b", "#fc8d59", "#d73027"]

    static func escape(_ s: String) -> String {
        s.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;").replacingOccurrences(
            of: ">", with: "&gt;"
        )
        .replacingOccurrences(of: "\"", with: "&quot;")
    }

    /// `typeNames` labels the legend and titles (the platform passes both languages); the raw type name otherwise.
    public static func svg(
        _ a: BuiltAtlas, table: NearestTable, title: String = "15-minute life circle coverage / 15分钟生活圈覆盖",
        typeNames: [FacilityType: String] = [:]
    ) -> String {
        func label(_ t: FacilityType) -> String { escape(typeNames[t] ?? t.rawValue) }
        let minX = a.xs.min() ?? 0
        let maxX = a.xs.max() ?? 1
        let minY = a.ys.min() ?? 0
        let maxY = a.ys.max() ?? 1
        let width = 1000.0
        let scale = width / max(maxX - minX, 1)
        let mapHeight = (maxY - minY) * scale
        let legendHeight = 150.0
        let height = mapHeight + legendHeight
        func px(_ x: Double) -> String { String(format: "%.1f", (x - minX) * scale) }
        func py(_ y: Double) -> String { String(format: "%.1f", (maxY - y) * scale) }
        var s =
            "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(Int(width)) \(Int(height.rounded(.up)))\" role=\"img\" aria-labelledby=\"t d\" font-family=\"sans-serif\">\n"
        s += "<title id=\"t\">\(escape(title))</title>\n"
        let gaps = a.origins.indices.map { Coverage.gap(table, origin: $0).missingAtTier.count }
        let full = gaps.filter { $0 == 0 }.count
        s +=
            "<desc id=\"d\">\(a.origins.count) compounds, \(full) reach every type at its tier radius; \(a.facilities.count) facilities. © OpenStreetMap contributors</desc>\n"
        s += "<rect width=\"100%\" height=\"100%\" fill=\"#ffffff\"/>\n"
        // Roads: one path.
        var d = ""
        let g = a.graph.graph
        for u in 0..<g.nodeCount {
            for e in Int(g.offsets[u])..<Int(g.offsets[u + 1]) where Int(g.targets[e]) > u {
                let v = Int(g.targets[e])
                d += "M\(px(a.xs[u])) \(py(a.ys[u]))L\(px(a.xs[v])) \(py(a.ys[v]))"
            }
        }
        s += "<path d=\"\(d)\" stroke=\"#b0b0b0\" stroke-width=\"0.6\" fill=\"none\"/>\n"
        s += "<g>\n"
        for f in a.facilities {
            let node = Int(f.node)
            s +=
                "<circle cx=\"\(px(a.xs[node]))\" cy=\"\(py(a.ys[node]))\" r=\"2.5\" fill=\"\(typeColours[f.type!]!)\"><title>\(label(f.type!)) \(escape(f.name))</title></circle>\n"
        }
        s += "</g>\n<g stroke=\"#222\" stroke-width=\"0.8\">\n"
        for (i, o) in a.origins.enumerated() {
            let node = Int(o.node)
            s +=
                "<circle cx=\"\(px(a.xs[node]))\" cy=\"\(py(a.ys[node]))\" r=\"\(o.kind == "compound" ? 6 : 2.5)\" fill=\"\(gapColours[min(gaps[i], 5)])\"><title>\(escape(o.name.isEmpty ? "\(o.kind) \(o.osmID)" : o.name)): \(gaps[i]) missing / 缺 \(gaps[i]) 类</title></circle>\n"
        }
        s += "</g>\n"
        // Legend, scale bar, attribution below the map.
        let top = mapHeight + 20
        s +=
            "<g font-size=\"13\">\n<text x=\"10\" y=\"\(Int(top))\" font-weight=\"bold\">Compounds: types missing at tier radius / 小区：缺少的设施类型数</text>\n"
        for k in 0...5 {
            let count = gaps.filter { min($0, 5) == k }.count
            let x = 10 + k * 110
            s +=
                "<circle cx=\"\(x + 8)\" cy=\"\(Int(top) + 18)\" r=\"7\" fill=\"\(gapColours[k])\" stroke=\"#222\"/><text x=\"\(x + 20)\" y=\"\(Int(top) + 23)\">\(k == 5 ? "5+" : String(k)): \(count)</text>\n"
        }
        s += "<text x=\"10\" y=\"\(Int(top) + 50)\" font-weight=\"bold\">Facilities / 设施</text>\n"
        for (k, type) in FacilityType.allCases.enumerated() {
            let x = 10 + (k % 5) * 190
            let y = Int(top) + 66 + (k / 5) * 20
            s +=
                "<circle cx=\"\(x + 6)\" cy=\"\(y - 4)\" r=\"5\" fill=\"\(typeColours[type]!)\"/><text x=\"\(x + 16)\" y=\"\(y)\">\(label(type))</text>\n"
        }
        let barMetres = (maxX - minX) > 4000 ? 1000.0 : 200.0
        let barY = Int(height) - 14
        s +=
            "<line x1=\"10\" y1=\"\(barY)\" x2=\"\(String(format: "%.1f", 10 + barMetres * scale))\" y2=\"\(barY)\" stroke=\"#000\" stroke-width=\"3\"/>"
        s +=
            "<text x=\"\(String(format: "%.1f", 16 + barMetres * scale))\" y=\"\(barY + 4)\">\(Int(barMetres)) m</text>\n"
        s +=
            "<text x=\"\(Int(width) - 10)\" y=\"\(barY + 4)\" text-anchor=\"end\">© OpenStreetMap contributors</text>\n</g>\n</svg>\n"
        return s
    }
}
