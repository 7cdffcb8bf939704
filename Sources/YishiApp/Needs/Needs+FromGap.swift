import Fluent
import Vapor
import YishiAtlas
import YishiCore

/// A need raised from the life circle (issue 17 §9): staff or a planner turn a compound's gap
/// ("15 分钟内没有卫生站") into a need of the matching category, with the distances as evidence.
/// It has no resident: its origin is `lifeCircle`, and residents' support is added as for any need.
enum NeedsFromGap {
    static let origin = "lifeCircle"

    /// The need category a missing service belongs to.
    static func category(_ type: FacilityType) -> String {
        switch type {
        case .park: "greenery"
        case .sports: "fitness"
        case .elderly_care: "ageing"
        case .culture: "culture"
        case .kindergarten: "play"
        case .bus_stop, .clinic, .market, .pharmacy, .school: "amenities"
        }
    }

    static func raise(compound compoundID: UUID?, type raw: String?, lang: Lang, by caller: Caller) async throws -> Need
    {
        let compound = try await TerritoryQueries.node(compoundID, on: caller.db)
        try caller.authorize(.needFromGap, at: compound.territoryPath)
        guard compound.level == .compound, compound.territoryPath.ids.count > 2,
            let type = raw.flatMap(FacilityType.init(rawValue:))
        else { throw YishiError.invalid(["type": FieldText.invalid.key]) }
        guard let cov = try await LifeCircleQueries.coverage(of: compound, on: caller.db),
            let i = cov.coverage.types.firstIndex(of: type), cov.gap.missing15Minutes.contains(type)
        else { throw YishiError.invalid(["type": NeedText.fromGapNotAGap.key]) }
        let metres = cov.coverage.metres[i]
        let name = Catalog.text("enum.FacilityType.\(type.rawValue)", lang)
        let imported = String(Show.dateTime(cov.importedAt).prefix(10))
        let body = NeedText.fromGapText.text(lang, [compound.name, name])
        let evidence =
            metres.isFinite
            ? NeedText.fromGapEvidence.text(
                lang, [name, String(Int(metres.rounded())), String(Int((metres / 60).rounded(.up))), imported])
            : NeedText.fromGapUnreachable.text(lang, [name, imported])
        let category = category(type)
        // Once per compound and service while the need is open.
        if try await Need.query(on: caller.db).filter(\.$place.$id == compound.requireID())
            .filter(\.$origin == origin).filter(\.$category == category).filter(\.$body == body)
            .filter(\.$status ~~ [.new, .accepted, .takenUp]).first() != nil
        {
            throw YishiError.conflict(key: NeedText.fromGapExists.key)
        }
        let now = caller.now
        let user = caller.actor?.userId
        let settings = try await NeedSettingsStore.of(district: compound.territoryPath.ids.first, on: caller.db)
        return try await caller.audited { tx in
            let need = try await NeedsService.insert(
                .init(
                    community: compound.territoryPath.ids[2], place: try compound.requireID(), category: category,
                    body: body, channel: .online, enteredBy: user, origin: origin, evidence: evidence,
                    settings: settings),
                now: now, on: tx)
            return (
                need,
                AuditEvent(
                    action: .needFromGap, targetType: "need", targetID: need.id!.uuidString, nodeID: compound.id,
                    details: ["title": need.title, "evidence": evidence])
            )
        }
    }
}
