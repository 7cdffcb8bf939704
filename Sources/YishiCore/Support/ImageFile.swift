import Foundation

/// The photo formats residents may attach to a need.
public enum ImageKind: String, Sendable, CaseIterable {
    case jpeg, png, webp

    /// The MIME type to serve the photo with.
    public var contentType: String {
        switch self {
        case .jpeg: "image/jpeg"
        case .png: "image/png"
        case .webp: "image/webp"
        }
    }

    /// The file extension to store the photo under, without the dot.
    public var fileExtension: String {
        switch self {
        case .jpeg: "jpg"
        case .png: "png"
        case .webp: "webp"
        }
    }
}

/// Checks residents' photo uploads and strips the metadata that can give away where they were taken.
/// Pure byte work: nothing is decoded or re-encoded, so the picture itself is untouched.
public enum ImageFile {
    /// The largest upload accepted: 5 MB.
    public static let maxBytes = 5 * 1024 * 1024

    /// The kind by the file's first bytes (magic numbers), never by name or declared type.
    public static func kind(of data: Data) -> ImageKind? {
        kind(of: [UInt8](data.prefix(12)))
    }

    /// Why an upload was refused.
    public enum Problem: String, Error, Sendable {
        /// The bytes are not a JPEG, PNG or WebP file.
        case notAnImage
        /// Larger than `maxBytes`.
        case tooLarge
        /// It starts like an image but its structure is cut short or broken.
        case damaged
        /// No bytes at all.
        case empty
    }

    /// Checks and cleans an upload: refuses empty (.empty), over maxBytes (.tooLarge), unknown content (.notAnImage),
    /// or a file whose structure cannot be walked (.damaged); returns the kind and the bytes with metadata that can carry a location removed.
    public static func cleaned(_ data: Data) -> Result<(kind: ImageKind, data: Data), Problem> {
        guard !data.isEmpty else { return .failure(.empty) }
        guard data.count <= maxBytes else { return .failure(.tooLarge) }
        let bytes = [UInt8](data)
        guard let kind = kind(of: bytes) else { return .failure(.notAnImage) }
        let out: [UInt8]?
        switch kind {
        case .jpeg: out = strippedJPEG(bytes)
        case .png: out = strippedPNG(bytes)
        case .webp: out = strippedWebP(bytes)
        }
        guard let out else { return .failure(.damaged) }
        return .success((kind, Data(out)))
    }

    // MARK: - Sniffing

    private static let pngSignature: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]

    /// The kind from at least the first 12 bytes (fewer when the file is shorter).
    private static func kind(of head: [UInt8]) -> ImageKind? {
        if head.count >= 3, head[0] == 0xFF, head[1] == 0xD8, head[2] == 0xFF { return .jpeg }
        if head.count >= 8, head[0..<8].elementsEqual(pngSignature) { return .png }
        if head.count >= 12, fourCC(head, 0) == riffID, fourCC(head, 8) == webpID { return .webp }
        return nil
    }

    // MARK: - JPEG

    /// The JPEG without APP1 (Exif, XMP), APP13 (Photoshop, IPTC) or COM segments; nil when it cannot be walked.
    /// Everything from the first scan (SOS) to the end marker is copied as it is; what follows is dropped.
    private static func strippedJPEG(_ b: [UInt8]) -> [UInt8]? {
        let n = b.count
        guard n >= 2, b[0] == 0xFF, b[1] == 0xD8 else { return nil }
        var out: [UInt8] = []
        out.reserveCapacity(n)
        out.append(contentsOf: b[0..<2])
        var i = 2
        while i < n {
            let start = i
            guard b[i] == 0xFF else { return nil }
            while i < n, b[i] == 0xFF { i += 1 }  // fill bytes before the marker
            guard i < n else { return nil }
            let marker = b[i]
            i += 1
            switch marker {
            case 0x01, 0xD0...0xD7:  // standalone: no length follows
                out.append(contentsOf: b[start..<i])
                continue
            case 0x00, 0xD8, 0xD9:  // not a marker here, a second start, or the end before any scan
                return nil
            default:
                break
            }
            guard n - i >= 2 else { return nil }
            let length = Int(b[i]) << 8 | Int(b[i + 1])
            guard length >= 2, length <= n - i else { return nil }
            if marker == 0xDA {
                // The picture ends at the first end marker after the scan (inside scan data every
                // 0xFF is followed by 0x00 or a restart marker). Phones append further pictures
                // after it (MPF), each with its own Exif: those are left out.
                var j = i + length
                while j + 1 < n, !(b[j] == 0xFF && b[j + 1] == 0xD9) { j += 1 }
                out.append(contentsOf: b[start..<min(n, j + 2)])
                return out
            }
            let end = i + length
            if marker != 0xE1, marker != 0xED, marker != 0xFE {
                out.append(contentsOf: b[start..<end])
            }
            i = end
        }
        return nil  // no scan
    }

    // MARK: - PNG

    private static let pngDropped: Set<UInt32> = [fourCC("eXIf"), fourCC("tEXt"), fourCC("zTXt"), fourCC("iTXt")]
    private static let iendID = fourCC("IEND")

    /// The PNG without eXIf or text chunks (XMP lives in iTXt); nil when it cannot be walked to IEND.
    /// Kept chunks are copied whole, CRC included; anything after IEND is left out.
    private static func strippedPNG(_ b: [UInt8]) -> [UInt8]? {
        let n = b.count
        guard n >= 8, b[0..<8].elementsEqual(pngSignature) else { return nil }
        var out: [UInt8] = []
        out.reserveCapacity(n)
        out.append(contentsOf: b[0..<8])
        var i = 8
        while true {
            guard n - i >= 12 else { return nil }
            let length = Int(bigEndian32(b, i))
            guard length <= 0x7FFF_FFFF, length <= n - i - 12 else { return nil }
            for k in 4..<8 where !isLetter(b[i + k]) { return nil }
            let type = fourCC(b, i + 4)
            let end = i + 12 + length
            if !pngDropped.contains(type) {
                out.append(contentsOf: b[i..<end])
            }
            if type == iendID { return out }
            i = end
        }
    }

    // MARK: - WebP

    private static let riffID = fourCC("RIFF")
    private static let webpID = fourCC("WEBP")
    private static let vp8xID = fourCC("VP8X")
    private static let exifID = fourCC("EXIF")
    private static let xmpID = fourCC("XMP ")

    /// The WebP without EXIF or XMP chunks, with VP8X's EXIF and XMP flags cleared and the RIFF size rewritten;
    /// nil when it cannot be walked. Anything after the declared RIFF size is left out.
    private static func strippedWebP(_ b: [UInt8]) -> [UInt8]? {
        let n = b.count
        guard n >= 12, fourCC(b, 0) == riffID, fourCC(b, 8) == webpID else { return nil }
        let riffSize = Int(littleEndian32(b, 4))
        guard riffSize >= 4, riffSize <= n - 8 else { return nil }
        let end = riffSize + 8
        var out: [UInt8] = []
        out.reserveCapacity(end)
        out.append(contentsOf: b[0..<12])
        var i = 12
        var chunks = 0
        while i < end {
            guard end - i >= 8 else { return nil }
            let id = fourCC(b, i)
            let size = Int(littleEndian32(b, i + 4))
            let padded = size + (size & 1)
            guard padded <= end - i - 8 else { return nil }
            let next = i + 8 + padded
            if id != exifID, id != xmpID {
                if id == vp8xID {
                    guard size >= 10 else { return nil }
                    out.append(contentsOf: b[i..<next])
                    out[out.count - padded] &= ~0x0C  // flags: EXIF 0x08, XMP 0x04
                } else {
                    out.append(contentsOf: b[i..<next])
                }
            }
            chunks += 1
            i = next
        }
        guard chunks > 0 else { return nil }
        let newSize = UInt32(out.count - 8)
        for k in 0..<4 { out[4 + k] = UInt8(truncatingIfNeeded: newSize >> (8 * UInt32(k))) }
        return out
    }

    // MARK: - Bytes

    private static func fourCC(_ s: String) -> UInt32 {
        s.utf8.reduce(0) { $0 << 8 | UInt32($1) }
    }

    /// The four bytes at `i` as a big-endian number, for comparing chunk names. The caller checks the bounds.
    private static func fourCC(_ b: [UInt8], _ i: Int) -> UInt32 { bigEndian32(b, i) }

    private static func bigEndian32(_ b: [UInt8], _ i: Int) -> UInt32 {
        UInt32(b[i]) << 24 | UInt32(b[i + 1]) << 16 | UInt32(b[i + 2]) << 8 | UInt32(b[i + 3])
    }

    private static func littleEndian32(_ b: [UInt8], _ i: Int) -> UInt32 {
        UInt32(b[i]) | UInt32(b[i + 1]) << 8 | UInt32(b[i + 2]) << 16 | UInt32(b[i + 3]) << 24
    }

    private static func isLetter(_ c: UInt8) -> Bool {
        (0x41...0x5A).contains(c) || (0x61...0x7A).contains(c)
    }
}
