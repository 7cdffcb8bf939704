import Foundation

/// The one rule for where the platform may send a browser after a form or a link (`next=`):
/// a path on this site, nothing else.
///
/// Browsers drop tabs and newlines from URLs and treat `\` like `/`, so `/\tevil.example` or
/// `/\evil.example` would leave the site; a CR or LF would also split the `Location` header.
/// The rule therefore refuses every control character rather than cleaning it, and refuses
/// anything a browser could read as a scheme or a host. Anything refused becomes "/".
public enum RedirectTarget {
    public static let fallback = "/"

    /// `candidate` when it is a safe local path, else "/". Percent-escapes are checked decoded too,
    /// since a later hop might decode them once.
    public static func safe(_ candidate: String?) -> String {
        guard let candidate, isSafe(candidate) else { return fallback }
        return candidate
    }

    public static func isSafe(_ s: String) -> Bool {
        guard !s.isEmpty, s.utf8.count <= 2048, isSafeForm(s) else { return false }
        if let decoded = s.removingPercentEncoding, decoded != s {
            // A second hop may see the decoded form: it must be safe as well.
            guard isSafeForm(decoded) else { return false }
        }
        return true
    }

    private static func isSafeForm(_ s: String) -> Bool {
        guard s.hasPrefix("/") else { return false }
        for scalar in s.unicodeScalars {
            let v = scalar.value
            // C0 controls, space, DEL, C1 controls, and the Unicode line/paragraph separators.
            if v <= 0x20 || v == 0x7F || (0x80...0x9F).contains(v) || v == 0x2028 || v == 0x2029 { return false }
            if scalar == "\\" { return false }
        }
        if s.hasPrefix("//") { return false }
        // A scheme or host could only appear through "//" or ":" before the first "/" after
        // the start; with a leading "/" a colon is harmless except in "/:" tricks some
        // browsers once had, so colons in the first segment are refused too.
        let firstSegment = s.dropFirst().prefix { $0 != "/" && $0 != "?" && $0 != "#" }
        if firstSegment.contains(":") { return false }
        return true
    }
}
