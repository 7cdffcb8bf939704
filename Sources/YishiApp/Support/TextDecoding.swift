import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Reads the bytes of a spreadsheet export as text: UTF-8 with or without a BOM, or GB18030/GBK
/// (what Chinese Excel writes as "CSV"), converted with the C library's iconv since Foundation on
/// Linux has no GB18030 decoder.
enum TextDecoding {
    enum Failure: Error, Equatable { case notText }

    static func decode(_ data: Data) throws -> String {
        var bytes = [UInt8](data)
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
        if let s = String(validating: bytes, as: UTF8.self) { return s }
        if let s = iconvDecode(bytes, from: "GB18030") { return s }
        throw Failure.notText
    }

    /// Converts with iconv; nil when the bytes are not valid in `encoding`.
    static func iconvDecode(_ bytes: [UInt8], from encoding: String) -> String? {
        #if canImport(Glibc)
            let cd = iconv_open("UTF-8", encoding)
            guard cd != iconv_t(bitPattern: -1) else { return nil }
            defer { iconv_close(cd) }
            var input = bytes.map { CChar(bitPattern: $0) }
            // UTF-8 never needs more than twice the bytes of GB18030 (2 bytes → 3, 4 → 4).
            var output = [CChar](repeating: 0, count: bytes.count * 2 + 16)
            let written: Int? = input.withUnsafeMutableBufferPointer { inBuf in
                output.withUnsafeMutableBufferPointer { outBuf in
                    var inPtr: UnsafeMutablePointer<CChar>? = inBuf.baseAddress
                    var inLeft = inBuf.count
                    var outPtr: UnsafeMutablePointer<CChar>? = outBuf.baseAddress
                    var outLeft = outBuf.count
                    let r = iconv(cd, &inPtr, &inLeft, &outPtr, &outLeft)
                    if r == -1 || inLeft != 0 { return nil }
                    return outBuf.count - outLeft
                }
            }
            guard let written else { return nil }
            // By length, not up to the first NUL: a NUL byte must reach the row check (which refuses its
            // line), never end the text silently.
            return String(decoding: output.prefix(written).map { UInt8(bitPattern: $0) }, as: UTF8.self)
        #else
            return nil
        #endif
    }
}
