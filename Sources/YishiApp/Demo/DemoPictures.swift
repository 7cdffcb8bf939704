import Foundation

/// Pictures for the demo's projects — design drawings, progress photos, before and after — drawn
/// as simple plans (ground, paths, trees, benches, fitness equipment) and written as PNG files
/// (uncompressed deflate: no library needed), so the pages show real images that pass the same
/// upload check as residents' photos.
enum DemoPictures {
    struct Canvas {
        let width: Int
        let height: Int
        var pixels: [UInt8]

        init(width: Int, height: Int, fill: (UInt8, UInt8, UInt8)) {
            self.width = width
            self.height = height
            pixels = [UInt8](repeating: 0, count: width * height * 3)
            rect(0, 0, width, height, fill)
        }

        mutating func set(_ x: Int, _ y: Int, _ c: (UInt8, UInt8, UInt8)) {
            guard x >= 0, y >= 0, x < width, y < height else { return }
            let i = (y * width + x) * 3
            (pixels[i], pixels[i + 1], pixels[i + 2]) = c
        }

        mutating func rect(_ x: Int, _ y: Int, _ w: Int, _ h: Int, _ c: (UInt8, UInt8, UInt8)) {
            for yy in max(0, y)..<min(height, y + h) { for xx in max(0, x)..<min(width, x + w) { set(xx, yy, c) } }
        }

        mutating func circle(_ cx: Int, _ cy: Int, _ r: Int, _ c: (UInt8, UInt8, UInt8)) {
            for yy in (cy - r)...(cy + r) {
                for xx in (cx - r)...(cx + r) where (xx - cx) * (xx - cx) + (yy - cy) * (yy - cy) <= r * r {
                    set(xx, yy, c)
                }
            }
        }
    }

    static let grass: (UInt8, UInt8, UInt8) = (156, 204, 101)
    static let path: (UInt8, UInt8, UInt8) = (215, 204, 180)
    static let tree: (UInt8, UInt8, UInt8) = (46, 125, 50)
    static let bench: (UInt8, UInt8, UInt8) = (141, 85, 36)
    static let fitness: (UInt8, UInt8, UInt8) = (21, 101, 192)
    static let soil: (UInt8, UInt8, UInt8) = (161, 136, 127)
    static let fence: (UInt8, UInt8, UInt8) = (239, 108, 0)
    static let paper: (UInt8, UInt8, UInt8) = (250, 250, 245)

    /// A plan of the corner: `straight` path or a ring, with `stations` pieces of equipment.
    static func drawing(straight: Bool, stations: Int, play: Bool) -> Data {
        var c = Canvas(width: 480, height: 320, fill: paper)
        c.rect(20, 20, 440, 280, grass)
        if straight {
            c.rect(20, 145, 440, 30, path)
        } else {
            for a in stride(from: 0.0, to: 6.283, by: 0.01) {
                let x = 240 + Int(150 * cos(a))
                let y = 160 + Int(95 * sin(a))
                c.rect(x - 12, y - 12, 24, 24, path)
            }
        }
        for (x, y) in [(70, 60), (410, 60), (70, 260), (410, 260)] { c.circle(x, y, 28, tree) }
        for k in 0..<4 { c.rect(150 + k * 50, 110, 30, 12, bench) }
        for k in 0..<stations { c.rect(140 + k * 45, 200, 26, 26, fitness) }
        if play { c.circle(240, 160, 30, (255, 202, 40)) }
        return png(c)
    }

    /// The works at `percent`: fenced soil giving way to the finished corner.
    static func progress(_ percent: Int) -> Data {
        var c = Canvas(width: 480, height: 320, fill: soil)
        let done = 440 * max(0, min(100, percent)) / 100
        c.rect(20, 20, done, 280, grass)
        c.rect(20, 145, done, 30, path)
        for k in stride(from: 0, to: 480, by: 40) { c.rect(k, 0, 20, 14, fence) }
        for k in stride(from: 0, to: 480, by: 40) { c.rect(k, 306, 20, 14, fence) }
        for k in 0..<(done / 60) { c.rect(40 + k * 60, 200, 26, 26, fitness) }
        return png(c)
    }

    /// Before: bare, broken; after: the corner as built.
    static func before() -> Data {
        var c = Canvas(width: 480, height: 320, fill: soil)
        for (x, y) in [(90, 80), (300, 200), (380, 90)] { c.rect(x, y, 40, 18, (120, 120, 120)) }
        c.circle(70, 260, 26, tree)
        return png(c)
    }

    static func after() -> Data { drawing(straight: true, stations: 5, play: false) }

    // MARK: PNG

    static let crcTable: [UInt32] = (0..<256).map { n -> UInt32 in
        var c = UInt32(n)
        for _ in 0..<8 { c = c & 1 == 1 ? 0xEDB8_8320 ^ (c >> 1) : c >> 1 }
        return c
    }

    static func crc(_ bytes: [UInt8]) -> UInt32 {
        var c: UInt32 = 0xFFFF_FFFF
        for b in bytes { c = crcTable[Int((c ^ UInt32(b)) & 0xFF)] ^ (c >> 8) }
        return c ^ 0xFFFF_FFFF
    }

    static func be32(_ v: UInt32) -> [UInt8] {
        [UInt8(v >> 24), UInt8(v >> 16 & 0xFF), UInt8(v >> 8 & 0xFF), UInt8(v & 0xFF)]
    }

    static func chunk(_ type: String, _ data: [UInt8]) -> [UInt8] {
        let body = Array(type.utf8) + data
        return be32(UInt32(data.count)) + body + be32(crc(body))
    }

    static func png(_ c: Canvas) -> Data {
        // Each row: filter byte 0, then its RGB bytes.
        var raw: [UInt8] = []
        raw.reserveCapacity((c.width * 3 + 1) * c.height)
        for y in 0..<c.height {
            raw.append(0)
            raw += c.pixels[(y * c.width * 3)..<((y + 1) * c.width * 3)]
        }
        // zlib: stored deflate blocks of at most 65,535 bytes, then Adler-32.
        var z: [UInt8] = [0x78, 0x01]
        var i = 0
        repeat {
            let n = min(65_535, raw.count - i)
            let final: UInt8 = i + n >= raw.count ? 1 : 0
            z += [final, UInt8(n & 0xFF), UInt8(n >> 8), UInt8(~n & 0xFF), UInt8((~n >> 8) & 0xFF)]
            z += raw[i..<(i + n)]
            i += n
        } while i < raw.count
        var (a, b): (UInt32, UInt32) = (1, 0)
        for byte in raw {
            a = (a + UInt32(byte)) % 65_521
            b = (b + a) % 65_521
        }
        z += be32(b << 16 | a)
        let ihdr = be32(UInt32(c.width)) + be32(UInt32(c.height)) + [8, 2, 0, 0, 0]
        return Data(
            [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A] + chunk("IHDR", ihdr) + chunk("IDAT", z)
                + chunk("IEND", []))
    }
}
