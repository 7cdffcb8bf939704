import Foundation

/// What a project records after its design (issue 18 §7–8): its works — procurement, progress,
/// problems residents raise, acceptance, operations, the usage rules adopted — and its review —
/// a third-party assessment, an audit, before/after photos, a reminder for a later check, a
/// nomination as an exemplary case. One shape for all, each kind with the fields it needs.
public enum ProjectRecordKind: String, Codable, CaseIterable, Sendable {
    case procurement, progress, problem, acceptance, operations, convention
    case assessment, audit, beforeAfter, reminder, exemplary

    /// Works (实施) or review (评议).
    public var isReview: Bool { [.assessment, .audit, .beforeAfter, .reminder, .exemplary].contains(self) }
}

/// How the works were bought (采购方式).
public enum ProcurementMethod: String, Codable, CaseIterable, Sendable {
    case publicTender, invitedTender, competitiveNegotiation, quotation, directAward
}

/// 验收结论.
public enum AcceptanceResult: String, Codable, CaseIterable, Sendable {
    case passed, passedWithConditions, failed

    public var accepts: Bool { self != .failed }
}

/// A record as sent (every field as text), before checking.
public struct ProjectRecordInput: Sendable, Equatable {
    public var text: String
    public var party: String
    public var method: String
    /// Already read as fen by the money rule; `amountInvalid` when it could not be.
    public var amountFen: Int64?
    public var amountInvalid: Bool
    public var percent: String
    public var result: String
    /// "2026-12-01".
    public var date: String
    public var meeting: Bool
    public var photos: Int

    public init(
        text: String = "", party: String = "", method: String = "", amountFen: Int64? = nil,
        amountInvalid: Bool = false, percent: String = "", result: String = "", date: String = "",
        meeting: Bool = false, photos: Int = 0
    ) {
        self.text = text
        self.party = party
        self.method = method
        self.amountFen = amountFen
        self.amountInvalid = amountInvalid
        self.percent = percent
        self.result = result
        self.date = date
        self.meeting = meeting
        self.photos = photos
    }
}

/// A record as stored: checked, trimmed, typed.
public struct ProjectRecordChecked: Sendable, Equatable {
    public var text: String
    public var party: String?
    public var method: ProcurementMethod?
    public var amountFen: Int64?
    public var percent: Int?
    public var result: AcceptanceResult?
    public var date: String?
}

public enum ProjectRecordRules {
    /// Problems by field, each the key of the text that explains it.
    public typealias Problems = [String: String]

    /// The fields a kind asks for: required, optional (photos are counted separately).
    public static func fields(_ kind: ProjectRecordKind) -> (required: [String], optional: [String]) {
        switch kind {
        case .procurement: (["method", "party", "amount"], ["text", "date"])
        case .progress: (["percent", "date", "text"], [])
        case .problem: (["text"], [])
        case .acceptance: (["party", "date", "result"], ["text"])
        case .operations: (["party"], ["text"])
        case .convention: (["text", "meeting"], [])
        case .assessment: (["party", "text"], ["date"])
        case .audit: (["party", "text"], ["date"])
        case .beforeAfter: ([], ["text"])
        case .reminder: (["date"], ["text"])
        case .exemplary: (["text"], [])
        }
    }

    /// Photos a kind takes: progress and problems up to five, before/after exactly two, others none
    /// (documents go with the project's documents).
    public static func photos(_ kind: ProjectRecordKind) -> ClosedRange<Int> {
        switch kind {
        case .progress, .problem, .acceptance, .assessment, .audit: 0...5
        case .beforeAfter: 2...2
        default: 0...0
        }
    }

    /// "YYYY-MM-DD", a real day between 2000 and 2100.
    public static func validDate(_ s: String) -> Bool {
        let p = s.split(separator: "-", omittingEmptySubsequences: false)
        guard p.count == 3, p[0].count == 4, p[1].count == 2, p[2].count == 2,
            let y = Int(p[0]), let m = Int(p[1]), let d = Int(p[2]), (2000...2100).contains(y), (1...12).contains(m)
        else { return false }
        let days = [31, (y % 4 == 0 && y % 100 != 0) || y % 400 == 0 ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
        return (1...days[m - 1]).contains(d)
    }

    public static func check(_ kind: ProjectRecordKind, _ input: ProjectRecordInput) -> Result<
        ProjectRecordChecked, RecordProblems
    > {
        var problems: Problems = [:]
        let (required, optional) = fields(kind)
        let asked = Set(required + optional)
        func given(_ f: String, _ value: String) -> String? {
            let v = value.trimmingCharacters(in: .whitespacesAndNewlines)
            if v.isEmpty {
                if required.contains(f) { problems[f] = FieldText.requiredText.key }
                return nil
            }
            return asked.contains(f) ? v : nil
        }
        var out = ProjectRecordChecked(text: "")
        if let t = given("text", input.text) {
            switch FieldRules.paragraphs(t, max: 2_000) {
            case .success(let v): out.text = v
            case .failure(let p): problems["text"] = p.fieldKey
            }
        }
        if let party = given("party", input.party) {
            switch FieldRules.text(party, max: 100) {
            case .success(let v): out.party = v
            case .failure(let p): problems["party"] = p.fieldKey
            }
        }
        if let m = given("method", input.method) {
            out.method = ProcurementMethod(rawValue: m)
            if out.method == nil { problems["method"] = FieldText.invalid.key }
        }
        if asked.contains("amount") {
            if input.amountInvalid {
                problems["amount"] = ProjectText.budgetInvalid.key
            } else if let fen = input.amountFen {
                out.amountFen = fen
            } else if required.contains("amount") {
                problems["amount"] = FieldText.requiredText.key
            }
        }
        if let pc = given("percent", input.percent) {
            if let n = Int(pc), (0...100).contains(n) {
                out.percent = n
            } else {
                problems["percent"] = WorksText.percentInvalid.key
            }
        }
        if let r = given("result", input.result) {
            out.result = AcceptanceResult(rawValue: r)
            if out.result == nil { problems["result"] = FieldText.invalid.key }
        }
        if let d = given("date", input.date) {
            if validDate(d) { out.date = d } else { problems["date"] = WorksText.dateInvalid.key }
        }
        if required.contains("meeting") && !input.meeting { problems["meeting"] = WorksText.meetingRequired.key }
        if !photos(kind).contains(input.photos) {
            problems["photos"] = kind == .beforeAfter ? WorksText.twoPhotos.key : WorksText.tooManyPhotos.key
        }
        return problems.isEmpty ? .success(out) : .failure(RecordProblems(fields: problems))
    }
}

public struct RecordProblems: Error, Equatable, Sendable {
    public var fields: [String: String]
}
