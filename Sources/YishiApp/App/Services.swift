import Vapor
import Crypto

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
    public func bytes(_ count: Int) -> [UInt8] {
        var g = SystemRandomNumberGenerator()
        return (0..<count).map { _ in UInt8.random(in: .min ... .max, using: &g) }
    }
}

extension RandomSource {
    /// A URL-safe token of `bytes` random bytes.
    func token(bytes: Int = 32) -> String {
        Data(self.bytes(bytes)).base64EncodedString()
            .replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
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

/// SHA-256 in lower-case hex: how tokens, codes and audit entries are kept.
func sha256Hex(_ data: Data) -> String {
    SHA256.hash(data: data).map { String(format: "%02x", $0) }.joined()
}

func sha256Hex(_ text: String) -> String { sha256Hex(Data(text.utf8)) }

/// The injected side effects of one application.
public struct SideEffects: Sendable {
    public var time: any TimeSource
    public var random: any RandomSource
    public var sms: any SMSSender

    public init(time: any TimeSource = SystemTime(), random: any RandomSource = SystemRandom(), sms: any SMSSender) {
        self.time = time; self.random = random; self.sms = sms
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
