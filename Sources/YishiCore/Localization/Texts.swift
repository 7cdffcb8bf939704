import Foundation

/// One capability's user-facing texts: an enum whose `bilingual` switch names every case, so a
/// text without both languages does not compile, and a misspelt text does not either. The raw
/// value is the text's key below the capability's `prefix` (`audit` + `verify.ok`), which jobs
/// and commands store instead of two sentences.
///
/// Capabilities move from string keys (`Catalog`) to these one at a time; `Catalog.typed` lists
/// those that have, and their entries also answer the old key lookups until every caller is typed.
public protocol Texts: CaseIterable, Sendable, Hashable, RawRepresentable where RawValue == String {
    static var prefix: String { get }
    var bilingual: Bilingual { get }
}

extension Texts {
    /// The whole key, as stored and as the reviewers' export lists it.
    public var key: String { "\(Self.prefix).\(rawValue)" }

    /// The text in `lang` with `args` put in for `{0}`, `{1}` ….
    public func text(_ lang: Lang, _ args: [String] = []) -> String { Catalog.fill(bilingual.in(lang), args) }
}

/// A registered capability's texts, as the tests and `yishi strings export` see them.
public struct TextTable: Sendable {
    public let name: String
    public let entries: [(key: String, caseName: String, text: Bilingual)]

    var dictionary: [String: Bilingual] { Dictionary(uniqueKeysWithValues: entries.map { ($0.key, $0.text) }) }

    public init<T: Texts>(_ type: T.Type) {
        name = String(describing: type)
        entries = type.allCases.map { ($0.key, String(describing: $0), $0.bilingual) }
    }
}

extension Catalog {
    /// A typed text in `lang` (the same as `text.text(lang, args)`).
    public static func text<T: Texts>(_ text: T, _ lang: Lang, _ args: [String] = []) -> String {
        text.text(lang, args)
    }

    /// The capabilities whose texts are typed (`Texts`), one line each.
    public static let typed: [TextTable] = [
        TextTable(AuditText.self),
        TextTable(AuditDetailText.self),
        TextTable(AccountText.self),
        TextTable(AppText.self),
        TextTable(AssistedText.self),
        TextTable(AtlasText.self),
        TextTable(CommonText.self),
        TextTable(ErrorText.self),
        TextTable(FieldText.self),
        TextTable(FooterText.self),
        TextTable(FundText.self),
        TextTable(FundPageText.self),
        TextTable(HelpText.self),
        TextTable(HomeText.self),
        TextTable(ImportText.self),
        TextTable(JobText.self),
        TextTable(LifeCircleText.self),
        TextTable(NavigationText.self),
        TextTable(NeedText.self),
        TextTable(NoticeText.self),
        TextTable(SurveyText.self),
        TextTable(ProjectText.self),
        TextTable(MeetingText.self),
        TextTable(VoteText.self),
        TextTable(OwnerVoteText.self),
        TextTable(OwnerVotePageText.self),
        TextTable(PlannerText.self),
        TextTable(PlannerPageText.self),
        TextTable(PlannerFormText.self),
        TextTable(DiagnosisText.self),
        TextTable(HonourText.self),
        TextTable(WorksText.self),
        TextTable(MapText.self),
        TextTable(OutboxText.self),
        TextTable(PeopleText.self),
        TextTable(PreferencesText.self),
        TextTable(SMSText.self),
        TextTable(SetupText.self),
        TextTable(SignInText.self),
        TextTable(SignoutText.self),
        TextTable(TerritoryText.self),
        TextTable(UsersText.self),
        TextTable(VerifyText.self),
    ]
}
