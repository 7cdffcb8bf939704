import Foundation
import Testing

@testable import YishiCore

@Suite("Photos: kind by content and location stripped")
struct ImageFileTests {
    // MARK: Kind by content

    @Test func kindsHaveTypesAndExtensions() {
        #expect(ImageKind.allCases == [.jpeg, .png, .webp])
        #expect(ImageKind.allCases.map(\.contentType) == ["image/jpeg", "image/png", "image/webp"])
        #expect(ImageKind.allCases.map(\.fileExtension) == ["jpg", "png", "webp"])
    }

    @Test func kindIsSniffedFromTheFirstBytes() {
        #expect(ImageFile.kind(of: Data(Self.jpeg(metadata: true))) == .jpeg)
        #expect(ImageFile.kind(of: Data(Self.png(metadata: true))) == .png)
        #expect(ImageFile.kind(of: Data(Self.webpWithMetadata)) == .webp)
    }

    @Test func otherContentHasNoKind() {
        #expect(ImageFile.kind(of: Data("GIF89a\u{1}\0\u{1}\0".utf8)) == nil)
        #expect(ImageFile.kind(of: Data("%PDF-1.7\n%âãÏÓ".utf8)) == nil)
        #expect(ImageFile.kind(of: Data("小区东门的路灯坏了".utf8)) == nil)
        #expect(ImageFile.kind(of: Data()) == nil)
        #expect(ImageFile.kind(of: Data(Self.bytes("RIFF") + [4, 0, 0, 0] + Self.bytes("WAVE"))) == nil)
        #expect(ImageFile.kind(of: Data([0xFF, 0xD8])) == nil)
        #expect(ImageFile.kind(of: Data(Self.pngSignature.dropLast())) == nil)
    }

    @Test func textRenamedJpgIsNotAnImage() {
        // Only the bytes reach `cleaned`: a name like "photo.jpg" cannot make text into a photo.
        #expect(Self.problem(Self.bytes("这不是照片，只是改了扩展名的文本。")) == .notAnImage)
        #expect(Self.problem(Self.bytes("RIFF\u{4}\0\0\0WAVE")) == .notAnImage)
    }

    // MARK: JPEG

    @Test func jpegLosesExifAndCommentButKeepsThePicture() throws {
        let cleaned = try #require(Self.clean(Self.jpeg(metadata: true)))
        #expect(cleaned.kind == .jpeg)
        let out = cleaned.bytes
        #expect(!Self.has(out, Self.bytes("Exif")))
        #expect(!Self.has(out, Self.bytes("GPS")))
        #expect(!Self.has(out, Self.bytes("taken at home")))
        #expect(!Self.has(out, [0xFF, 0xE1]))
        #expect(!Self.has(out, [0xFF, 0xFE]))
        #expect(Array(out.prefix(2)) == [0xFF, 0xD8])
        #expect(Array(out.suffix(2)) == [0xFF, 0xD9])
        #expect(Self.has(out, Self.app0))
        #expect(Self.has(out, Self.dqt))
        #expect(Self.has(out, Self.sos + Self.scan))
        #expect(out == Self.jpeg(metadata: false))
    }

    @Test func jpegLosesXmpAndPhotoshopBlocksAndWalksFillAndStandaloneMarkers() throws {
        let xmp = Self.segment(0xE1, Self.bytes("http://ns.adobe.com/xap/1.0/\0<exif:GPSLatitude>39,54N"))
        let iptc = Self.segment(0xED, Self.bytes("Photoshop 3.0\08BIM GPS"))
        let icc = Self.segment(0xE2, Self.bytes("ICC_PROFILE\0\u{1}\u{1}"))
        let head: [UInt8] = [0xFF, 0xD8] + Self.app0
        let input =
            head + xmp + icc + [0xFF, 0xFF] + Self.dqt + [0xFF, 0x01] + iptc + [0xFF, 0xD0]
            + Self.sof + Self.sos + Self.scan + [0xFF, 0xD9]
        let out = try #require(Self.clean(input)).bytes
        #expect(!Self.has(out, Self.bytes("GPS")))
        #expect(!Self.has(out, Self.bytes("8BIM")))
        #expect(
            out == head + icc + [0xFF, 0xFF] + Self.dqt + [0xFF, 0x01, 0xFF, 0xD0] + Self.sof + Self.sos
                + Self.scan + [0xFF, 0xD9])
    }

    @Test func jpegAfterTheScanIsCopiedVerbatim() throws {
        // Bytes after SOS that look like an APP1 are image data, not a segment to drop.
        let tail: [UInt8] = [0xAB, 0xFF, 0xE1, 0x00, 0x04, 0xCD, 0xFF, 0xD9]
        let input: [UInt8] = [0xFF, 0xD8] + Self.dqt + Self.sof + Self.sos + tail
        #expect(Self.clean(input)?.bytes == input)
    }

    @Test func picturesAppendedAfterTheEndAreLeftOut() throws {
        // A phone's second picture (MPF) after the end marker, with Exif and a location of its own.
        let main: [UInt8] = [0xFF, 0xD8] + Self.dqt + Self.sof + Self.sos + [0xAB, 0xFF, 0x00, 0xCD, 0xFF, 0xD9]
        let appended: [UInt8] = [0xFF, 0xD8, 0xFF, 0xE1, 0x00, 0x08] + Self.bytes("GPS!!!") + [0xFF, 0xD9]
        let out = try #require(Self.clean(main + appended)).bytes
        #expect(out == main)
        #expect(!Self.has(out, Self.bytes("GPS")))
    }

    @Test func truncatedOrScanlessJpegIsDamaged() {
        let full = Self.jpeg(metadata: true)
        // Cut inside the Exif segment, inside a length field, and before any scan.
        #expect(Self.problem(Array(full.prefix(2 + Self.app0.count + 10))) == .damaged)
        #expect(Self.problem(Array(full.prefix(2 + Self.app0.count + 3))) == .damaged)
        #expect(Self.problem([0xFF, 0xD8] + Self.app0 + Self.dqt) == .damaged)
        #expect(Self.problem([0xFF, 0xD8] + Self.app0 + [0xFF, 0xD9]) == .damaged)
        // A length below 2, and junk where a marker should be.
        #expect(Self.problem([0xFF, 0xD8, 0xFF, 0xDB, 0x00, 0x01] + Self.sos) == .damaged)
        #expect(Self.problem([0xFF, 0xD8] + Self.app0 + [0x12, 0x34] + Self.sos) == .damaged)
        // A scan header whose length runs past the end.
        #expect(Self.problem([0xFF, 0xD8, 0xFF, 0xDA, 0x00, 0x20, 0x01]) == .damaged)
    }

    // MARK: PNG

    @Test func pngLosesExifAndTextChunksButKeepsTheRestInOrder() throws {
        let cleaned = try #require(Self.clean(Self.png(metadata: true)))
        #expect(cleaned.kind == .png)
        let out = cleaned.bytes
        for gone in ["eXIf", "tEXt", "zTXt", "iTXt", "GPS", "xmp"] {
            #expect(!Self.has(out, Self.bytes(gone)), "\(gone) is still there")
        }
        #expect(Array(out.prefix(8)) == Self.pngSignature)
        let ihdr = try #require(Self.index(of: Self.bytes("IHDR"), in: out))
        let idat = try #require(Self.index(of: Self.bytes("IDAT"), in: out))
        let iend = try #require(Self.index(of: Self.bytes("IEND"), in: out))
        #expect(ihdr < idat && idat < iend)
        #expect(out == Self.png(metadata: false))
    }

    @Test func pngWithoutIendOrCutShortIsDamaged() {
        let full = Self.png(metadata: true)
        #expect(Self.problem(Array(full.dropLast(Self.iend.count))) == .damaged)
        #expect(Self.problem(Array(full.dropLast(3))) == .damaged)
        #expect(Self.problem(Array(full.prefix(8 + 20))) == .damaged)
        #expect(Self.problem(Self.pngSignature) == .damaged)
        // A chunk whose declared length runs past the end.
        #expect(Self.problem(Self.pngSignature + [0, 0, 0x10, 0] + Self.bytes("IDAT") + [1, 2, 3, 4]) == .damaged)
    }

    // MARK: WebP

    @Test func webpLosesExifAndXmpAndItsFlags() throws {
        let cleaned = try #require(Self.clean(Self.webpWithMetadata))
        #expect(cleaned.kind == .webp)
        let out = cleaned.bytes
        #expect(!Self.has(out, Self.bytes("EXIF")))
        #expect(!Self.has(out, Self.bytes("XMP ")))
        #expect(!Self.has(out, Self.bytes("GPS")))
        let vp8x = try #require(Self.index(of: Self.bytes("VP8X"), in: out))
        #expect(out[vp8x + 8] & 0x0C == 0)
        #expect(Self.riffSize(out) == out.count - 8)
        #expect(Self.has(out, Self.vp8l))
        #expect(out == Self.webp(Self.chunk("VP8X", [0x00] + Array(repeating: 0, count: 9)) + Self.vp8l))
    }

    @Test func webpOddSizedChunksArePadded() throws {
        // An odd-sized ICC chunk and an odd-sized EXIF chunk, each followed by its pad byte.
        let iccp = Self.chunk("ICCP", [1, 2, 3])
        let exif = Self.chunk("EXIF", Self.bytes("MM\0*GPS 39.9N"))
        #expect(iccp.count == 12 && exif.count == 22)
        let vp8x = Self.chunk("VP8X", [0x2C] + Array(repeating: 0, count: 9))
        let input = Self.webp(vp8x + iccp + exif + Self.vp8l)
        let out = try #require(Self.clean(input)).bytes
        let expected = Self.webp(Self.chunk("VP8X", [0x20] + Array(repeating: 0, count: 9)) + iccp + Self.vp8l)
        #expect(out == expected)
        #expect(Self.riffSize(out) == out.count - 8)
        // The pad byte is required: without it the chunk walk runs off the end.
        #expect(Self.problem(Self.webp(Array(Self.chunk("VP8L", [7, 7, 7]).dropLast()))) == .damaged)
    }

    @Test func truncatedWebpIsDamaged() {
        let full = Self.webpWithMetadata
        #expect(Self.problem(Array(full.dropLast(3))) == .damaged)
        #expect(Self.problem(Array(full.prefix(12))) == .damaged)
        // The RIFF size fits, but a chunk claims more than is there.
        #expect(Self.problem(Self.webp(Self.bytes("VP8L") + [0xE8, 0x03, 0, 0] + [1, 2, 3, 4])) == .damaged)
        // A VP8X chunk too short to hold its flags and canvas size.
        #expect(Self.problem(Self.webp(Self.chunk("VP8X", [0x0C, 0]) + Self.vp8l)) == .damaged)
    }

    // MARK: Unchanged, size and empty

    @Test func imagesWithoutMetadataComeBackByteIdentical() {
        let plain = [
            Self.jpeg(metadata: false),
            Self.png(metadata: false),
            Self.webp(Self.vp8l),
            Self.webp(Self.chunk("VP8X", [0x10] + Array(repeating: 0, count: 9)) + Self.chunk("ALPH", [0]) + Self.vp8l),
        ]
        for image in plain {
            #expect(Self.clean(image)?.bytes == image)
        }
    }

    @Test func overFiveMegabytesIsTooLarge() {
        #expect(Self.problem(Array(repeating: 0, count: ImageFile.maxBytes + 1)) == .tooLarge)
        let bigJpeg = Self.jpeg(metadata: true) + Array(repeating: 0, count: ImageFile.maxBytes)
        #expect(Self.problem(bigJpeg) == .tooLarge)
    }

    @Test func fiveMegabyteJpegIsCleaned() throws {
        let small = Self.jpeg(metadata: true)
        let filler = Array(repeating: UInt8(0x5A), count: ImageFile.maxBytes - small.count)
        let input = Array(small.dropLast(2)) + filler + [0xFF, 0xD9]
        #expect(input.count == ImageFile.maxBytes)
        let out = try #require(Self.clean(input)).bytes
        #expect(out.count == ImageFile.maxBytes - Self.exif.count - Self.comment.count)
        #expect(!Self.has(Array(out.prefix(200)), Self.bytes("GPS")))
        #expect(Array(out.suffix(2)) == [0xFF, 0xD9])
    }

    @Test func emptyIsEmpty() {
        #expect(Self.problem([]) == .empty)
    }
}

// MARK: - Building test files

extension ImageFileTests {
    static func bytes(_ s: String) -> [UInt8] { Array(s.utf8) }

    /// The outcome of `cleaned` as plain bytes, or nil when it was refused.
    static func clean(_ input: [UInt8]) -> (kind: ImageKind, bytes: [UInt8])? {
        guard case .success(let r) = ImageFile.cleaned(Data(input)) else { return nil }
        return (r.kind, [UInt8](r.data))
    }

    /// Why `cleaned` refused the input, or nil when it accepted it.
    static func problem(_ input: [UInt8]) -> ImageFile.Problem? {
        guard case .failure(let p) = ImageFile.cleaned(Data(input)) else { return nil }
        return p
    }

    static func index(of needle: [UInt8], in hay: [UInt8]) -> Int? {
        guard !needle.isEmpty, hay.count >= needle.count else { return nil }
        for i in 0...(hay.count - needle.count) where hay[i..<(i + needle.count)].elementsEqual(needle) {
            return i
        }
        return nil
    }

    static func has(_ hay: [UInt8], _ needle: [UInt8]) -> Bool { index(of: needle, in: hay) != nil }

    // JPEG: marker, 2-byte big-endian length counting itself, payload.

    static func segment(_ marker: UInt8, _ payload: [UInt8]) -> [UInt8] {
        let length = payload.count + 2
        return [0xFF, marker, UInt8(length >> 8), UInt8(length & 0xFF)] + payload
    }

    static let app0 = segment(0xE0, bytes("JFIF\0") + [1, 1, 0, 0, 1, 0, 1, 0, 0])
    static let exif = segment(0xE1, bytes("Exif\0\0MM\0*GPS 39.9042N 116.4074E"))
    static let comment = segment(0xFE, bytes("taken at home"))
    static let dqt = segment(0xDB, [0x00] + Array(repeating: 1, count: 64))
    static let sof = segment(0xC0, [8, 0, 1, 0, 1, 1, 1, 0x11, 0])
    static let sos = segment(0xDA, [1, 1, 0, 0, 0x3F, 0])
    static let scan: [UInt8] = [0x12, 0x34, 0xFF, 0x00, 0x56]

    static func jpeg(metadata: Bool) -> [UInt8] {
        [0xFF, 0xD8] + app0 + (metadata ? exif + comment : []) + dqt + sof + sos + scan + [0xFF, 0xD9]
    }

    // PNG: 4-byte big-endian length, type, data, CRC (not checked, so any 4 bytes).

    static let pngSignature: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]

    static func pngChunk(_ type: String, _ data: [UInt8]) -> [UInt8] {
        let n = data.count
        return [UInt8(n >> 24 & 0xFF), UInt8(n >> 16 & 0xFF), UInt8(n >> 8 & 0xFF), UInt8(n & 0xFF)]
            + bytes(type) + data + [0xDE, 0xAD, 0xBE, 0xEF]
    }

    static let ihdr = pngChunk("IHDR", [0, 0, 0, 1, 0, 0, 0, 1, 8, 2, 0, 0, 0])
    static let idat = pngChunk("IDAT", [0x78, 0x9C, 0x63, 0, 0, 0, 1, 0, 1])
    static let iend = pngChunk("IEND", [])

    static func png(metadata: Bool) -> [UInt8] {
        let meta =
            pngChunk("eXIf", bytes("MM\0*GPS 39.9042N"))
            + pngChunk("tEXt", bytes("Comment\0GPS at home"))
            + pngChunk("zTXt", bytes("Location\0\0x"))
            + pngChunk("iTXt", bytes("XML:com.adobe.xmp\0\0\0\0\0<x:xmpmeta/>"))
        return pngSignature + ihdr + (metadata ? meta : []) + idat + iend
    }

    // WebP: 4-char id, 4-byte little-endian size, data, a pad byte when the size is odd.

    static func le32(_ n: Int) -> [UInt8] {
        [UInt8(n & 0xFF), UInt8(n >> 8 & 0xFF), UInt8(n >> 16 & 0xFF), UInt8(n >> 24 & 0xFF)]
    }

    static func chunk(_ id: String, _ data: [UInt8]) -> [UInt8] {
        bytes(id) + le32(data.count) + data + (data.count % 2 == 1 ? [0] : [])
    }

    static func webp(_ chunks: [UInt8]) -> [UInt8] {
        bytes("RIFF") + le32(chunks.count + 4) + bytes("WEBP") + chunks
    }

    static func riffSize(_ b: [UInt8]) -> Int {
        Int(b[4]) | Int(b[5]) << 8 | Int(b[6]) << 16 | Int(b[7]) << 24
    }

    static let vp8l = chunk("VP8L", [0x2F, 0, 0, 0, 0x10, 0x07, 0x10, 0x11, 0x11, 0x88, 0x88, 0xFE, 0x07, 0x00])

    static let webpWithMetadata = webp(
        chunk("VP8X", [0x0C] + Array(repeating: 0, count: 9))
            + chunk("EXIF", bytes("MM\0*GPS 39.9042N 116.4074E"))
            + chunk("XMP ", bytes("<x:xmpmeta><exif:GPSLatitude/></x:xmpmeta>"))
            + vp8l)
}
