import Crypto
import Vapor

/// The time, injected so that tests can move it.
public protocol TimeSource: Sendable {
    func now() -> Date
}

public struct SystemTime: TimeSource {
    public init() {}
    public func now() -> Date { Date() }
}

/// Random bytes for tokens and codes, injected so that tests and the demo can be deterministic.
public protocol RandomSource: Sendable {
    func bytes(_ count: Int) -> [UInt8]
}

public struct SystemRandom: RandomSource {
    public init() {}
    /// Eight bytes per draw of the system generator (one `getrandom` each), not one per byte.
    public func bytes(_ count: Int) -> [UInt8] {
        var g = SystemRandomNumberGenerator()
        var out: [UInt8] = []
        out.reserveCapacity(count + 8)
        while out.count < count { withUnsafeBytes(of: g.next()) { out.append(contentsOf: $0) } }
        return Array(out.prefix(count))
    }
}

extension RandomSource {
    /// A URL-safe token of `bytes` random bytes.
    func token(bytes: Int = 32) -> String {
        var out: [UInt8] = []
        for c in Data(self.bytes(bytes)).base64EncodedString().utf8 {
            switch c {
            case UInt8(ascii: "+"): out.append(UInt8(ascii: "-"))
            case UInt8(ascii: "/"): out.append(UInt8(ascii: "_"))
            case UInt8(ascii: "="): break
            default: out.append(c)
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// `count` decimal digits, uniformly (rejection sampling on bytes below 250).
    func digits(_ count: Int) -> String {
        var out = ""
        while out.count < count {
            for b in bytes(count) where b < 250 && out.count < count { out.append(String(b % 10)) }
        }
        return out
    }
}

extension UUID {
    /// A random (version 4) UUID from the system generator, one `getrandom` call per half.
    /// Foundation's `UUID()` on Linux opens, reads and closes /dev/urandom for each one: on a hot
    /// write path (each ballot and its audit entry) that was three system calls apiece.
    static func random() -> UUID {
        var g = SystemRandomNumberGenerator()
        var bytes = (g.next() as UInt64, g.next() as UInt64)
        return withUnsafeMutableBytes(of: &bytes) { raw in
            raw[6] = (raw[6] & 0x0f) | 0x40
            raw[8] = (raw[8] & 0x3f) | 0x80
            return UUID(
                uuid: (
                    raw[0], raw[1], raw[2], raw[3], raw[4], raw[5], raw[6], raw[7], raw[8], raw[9], raw[10], raw[11],
                    raw[12], raw[13], raw[14], raw[15]
                ))
        }
    }
}

/// SHA-256 in lower-case hex: how tokens, codes and audit entries are kept.
func sha256Hex(_ data: Data) -> String {
    let digits = Array("0123456789abcdef".utf8)
    var out: [UInt8] = []
    out.reserveCapacity(64)
    for byte in SHA256.hash(data: data) {
        out.append(digits[Int(byte >> 4)])
        out.append(digits[Int(byte & 0x0f)])
    }
    return String(decoding: out, as: UTF8.self)
}

func sha256Hex(_ text: String) -> String { sha256Hex(Data(text.utf8)) }

/// The injected side effects of one application.
public struct SideEffects: Sendable {
    public var time: any TimeSource
    public var random: any RandomSource
    public var sms: any SMSSender

    public init(time: any TimeSource = SystemTime(), random: any RandomSource = SystemRandom(), sms: any SMSSender) {
        self.time = time
        self.random = random
        self.sms = sms
    }
}

extension Application {
    private struct SettingsKey: StorageKey { typealias Value = Settings }
    private struct ServicesKey: StorageKey { typealias Value = SideEffects }

    public var settings: Settings {
        get { storage[SettingsKey.self]! }
        set { storage[SettingsKey.self] = newValue }
    }

    public var effects: SideEffects {
        get { storage[ServicesKey.self]! }
        set { storage[ServicesKey.self] = newValue }
    }
}

extension Request {
    var settings: Settings { application.settings }
    var effects: SideEffects { application.effects }
    var now: Date { application.effects.time.now() }
}
