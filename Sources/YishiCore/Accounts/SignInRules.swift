import Foundation

/// Rules for staff passwords and their back-off after failures.
public enum PasswordRules {
    public static let minimumLength = 10

    /// Failures allowed before the account is locked for a while.
    public static let freeFailures = 5

    /// How long an account stays locked after `failures` consecutive failures: nothing for the
    /// first five, then 1, 2, 4 … minutes, at most one hour.
    public static func lockSeconds(afterFailures failures: Int) -> Int {
        guard failures >= freeFailures else { return 0 }
        let exponent = min(failures - freeFailures, 6)
        return min(60 << exponent, 3600)
    }

    public static func isAcceptable(_ password: String) -> Bool {
        password.count >= minimumLength && password.count <= 200
    }
}

/// Rules for residents' one-time codes (DECISION-RULES.md §5: a code valid at most a few minutes
/// can be extended to at least twice its time).
public enum OneTimeCodeRules {
    public static let digits = 6
    public static let validSeconds = 300
    /// One extension, of the same length again.
    public static let extensionSeconds = 300
    public static let maxAttempts = 5

    /// At most 3 codes a phone in 10 minutes and 10 a day; at most 20 an address an hour.
    public static let perPhoneShort = RateLimit(max: 3, windowSeconds: 600)
    public static let perPhoneDay = RateLimit(max: 10, windowSeconds: 86_400)
    public static let perAddress = RateLimit(max: 20, windowSeconds: 3600)

    /// A mainland mobile number: 11 digits starting 1[3-9]. Spaces and dashes are ignored,
    /// as is a +86 prefix. Returns the 11 digits, or nil.
    public static func normalizePhone(_ text: String) -> String? {
        var digits = text.filter { !" -".contains($0) }
        if digits.hasPrefix("+86") { digits.removeFirst(3) }
        guard digits.count == 11, digits.allSatisfy({ $0.isASCII && $0.isNumber }),
            digits.first == "1", let second = digits.dropFirst().first, "3456789".contains(second)
        else { return nil }
        return digits
    }

    /// "138****5678": what others see of a phone number.
    public static func mask(_ phone: String) -> String {
        guard phone.count >= 7 else { return String(repeating: "*", count: phone.count) }
        return phone.prefix(3) + "****" + phone.suffix(4)
    }

    /// Is `code` six ASCII digits?
    public static func isWellFormed(_ code: String) -> Bool {
        code.count == digits && code.allSatisfy { $0.isASCII && $0.isNumber }
    }
}

/// "At most `max` events in `windowSeconds`."
public struct RateLimit: Hashable, Sendable {
    public var max: Int
    public var windowSeconds: Int
    public init(max: Int, windowSeconds: Int) {
        self.max = max
        self.windowSeconds = windowSeconds
    }

    /// May one more event happen, given how many happened inside the window?
    public func allows(eventsInWindow: Int) -> Bool { eventsInWindow < max }
}
