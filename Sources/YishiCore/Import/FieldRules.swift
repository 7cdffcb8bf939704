import Foundation

/// Why a field's value was refused. The same problems for the pages, the API and the imports.
public enum FieldProblem: Error, Hashable, Sendable {
    case required
    /// Not of the field's form (a code with characters other than letters, digits, `.`, `_`, `-`).
    case invalid
    case tooLong(max: Int)
    /// A control character (C0, DEL or C1): never typed by a person, a sign of a broken or hostile file.
    case controlCharacter

    /// The field-error key of the pages and the API, which carry a key without arguments: one key per limit.
    public var fieldKey: String {
        if case .tooLong(let max) = self { return "field.tooLong.\(max)" }
        return fieldMessage.key
    }

    /// The field-error key of the pages and the API (`field.*`), with its arguments.
    public var fieldMessage: (key: String, args: [String]) {
        switch self {
        case .required: return (FieldText.requiredText.key, [])
        case .invalid: return (FieldText.invalid.key, [])
        case .tooLong(let max): return (FieldText.tooLong.key, [String(max)])
        case .controlCharacter: return (FieldText.controlCharacter.key, [])
        }
    }
}

/// One validation per field, used by every path that writes territory records: the pages, the
/// API and the CSV imports. Each rule returns the cleaned value (trimmed) or why it was refused.
public enum FieldRules {
    public static let codeMax = 64
    public static let nameMax = 100
    public static let addressMax = 200
    public static let numberMax = 32

    /// True when `s` holds a C0 control character (tab and line breaks included), DEL or a C1 control.
    /// Works on the UTF-8 bytes: an import calls it for every field of every row.
    public static func hasControlCharacter(_ s: String) -> Bool {
        var afterC2 = false
        for b in s.utf8 {
            if b < 0x20 || b == 0x7F || (afterC2 && b >= 0x80 && b <= 0x9F) { return true }
            afterC2 = b == 0xC2
        }
        return false
    }

    /// Longer than `max` characters; a huge value is refused by its size before anything counts it.
    static func longer(_ v: String, than max: Int) -> Bool {
        let bytes = v.utf8.count
        return bytes > max && (bytes > max * 4 || v.count > max)
    }

    /// An external code: 1–64 ASCII letters, digits, `.`, `_`, `-`.
    public static func code(_ raw: String) -> Result<String, FieldProblem> {
        if hasControlCharacter(raw) { return .failure(.controlCharacter) }
        let v = raw.trimmed
        if v.isEmpty { return .failure(.required) }
        if longer(v, than: codeMax) { return .failure(.tooLong(max: codeMax)) }
        guard v.utf8.allSatisfy(isCodeByte) else { return .failure(.invalid) }
        return .success(v)
    }

    @inline(__always)
    static func isCodeByte(_ b: UInt8) -> Bool {
        (b >= 0x30 && b <= 0x39) || (b >= 0x41 && b <= 0x5A) || (b >= 0x61 && b <= 0x7A) || b == 0x2E || b == 0x5F
            || b == 0x2D
    }

    /// Required text of at most `max` characters (a name, a door number).
    public static func text(_ raw: String, max: Int = nameMax) -> Result<String, FieldProblem> {
        if hasControlCharacter(raw) { return .failure(.controlCharacter) }
        let v = raw.trimmed
        if v.isEmpty { return .failure(.required) }
        if longer(v, than: max) { return .failure(.tooLong(max: max)) }
        return .success(v)
    }

    /// Required text of several lines (a need, a notice, an objection, a comment): line breaks are
    /// kept (`\r\n` and `\r` become `\n`, at most one empty line in a row), every other control
    /// character is refused; at most `max` characters.
    public static func paragraphs(_ raw: String, max: Int) -> Result<String, FieldProblem> {
        let unified = raw.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
        let lines = unified.split(separator: "\n", omittingEmptySubsequences: false).map { String($0).trimmed }
        if lines.contains(where: hasControlCharacter) { return .failure(.controlCharacter) }
        var kept: [String] = []
        for line in lines where !(line.isEmpty && (kept.last?.isEmpty ?? true)) { kept.append(line) }
        while kept.last?.isEmpty == true { kept.removeLast() }
        let v = kept.joined(separator: "\n")
        if v.isEmpty { return .failure(.required) }
        if longer(v, than: max) { return .failure(.tooLong(max: max)) }
        return .success(v)
    }

    /// A name: required, at most 100 characters.
    public static func name(_ raw: String) -> Result<String, FieldProblem> { text(raw, max: nameMax) }

    /// Optional text (an address): nil when blank.
    public static func optional(_ raw: String?, max: Int = addressMax) -> Result<String?, FieldProblem> {
        guard let raw else { return .success(nil) }
        if hasControlCharacter(raw) { return .failure(.controlCharacter) }
        let v = raw.trimmed
        if v.isEmpty { return .success(nil) }
        if longer(v, than: max) { return .failure(.tooLong(max: max)) }
        return .success(v)
    }

    /// An office telephone (a landline or a mobile): optional; digits, spaces, `-`, `(`, `)`, `+`
    /// and 转 (extension), at most 32 characters, at least 5 digits.
    public static func telephone(_ raw: String?) -> Result<String?, FieldProblem> {
        switch optional(raw, max: 32) {
        case .failure(let p): return .failure(p)
        case .success(nil): return .success(nil)
        case .success(let v?):
            let allowed = v.allSatisfy { $0.isASCII && ($0.isNumber || " -()+".contains($0)) || $0 == "转" }
            guard allowed, v.filter({ $0.isASCII && $0.isNumber }).count >= 5 else { return .failure(.invalid) }
            return .success(v)
        }
    }

    /// An address: optional, at most 200 characters.
    public static func address(_ raw: String?) -> Result<String?, FieldProblem> { optional(raw, max: addressMax) }
}

extension Result where Failure == FieldProblem {
    /// The refusal, if any.
    public var problem: FieldProblem? { if case .failure(let p) = self { return p } else { return nil } }
    public var value: Success? { try? get() }
}
