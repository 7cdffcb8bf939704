import Fluent
import Vapor
import YishiCore

/// The audit log's entries in the reader's words: who, what, on which record (named and linked),
/// and the details as sentences.
extension AuditPage {
    /// The entries in the reader's words: targets and residents by name (a few queries per page,
    /// not one per entry), details as sentences.
    static func rows(_ entries: [AuditEntry], by caller: Caller, lang: Lang) async throws -> [Row] {
        let db = caller.db
        let levels = Set(TerritoryLevel.allCases.map(\.rawValue) + ["node"])
        let userIDs = entries.filter { $0.targetType == "user" }.compactMap { UUID(uuidString: $0.targetID) }
        let nodeCodes = entries.filter { levels.contains($0.targetType) }.map(\.targetID)
        let unitCodes = entries.filter { $0.targetType == "unit" }.map(\.targetID)
        let residentCodes = entries.filter { $0.targetType == "resident" }.map(\.targetID)
        let forIDs = entries.compactMap(\.onBehalfOf)
        let users = userIDs.isEmpty ? [] : try await User.query(on: db).filter(\.$id ~~ userIDs).all()
        // Places are named by code, a few (made before they had one) by id.
        let nodeIDs = nodeCodes.compactMap(UUID.init(uuidString:))
        let nodes =
            nodeCodes.isEmpty
            ? []
            : try await TerritoryNode.query(on: db).group(.or) { g in
                g.filter(\.$code ~~ nodeCodes)
                if !nodeIDs.isEmpty { g.filter(\.$id ~~ nodeIDs) }
            }.all()
        let units =
            unitCodes.isEmpty ? [] : try await Unit.query(on: db).filter(\.$code ~~ unitCodes).with(\.$building).all()
        let residents =
            residentCodes.isEmpty && forIDs.isEmpty
            ? []
            : try await Resident.query(on: db).group(.or) { g in
                if !residentCodes.isEmpty { g.filter(\.$code ~~ residentCodes) }
                if !forIDs.isEmpty { g.filter(\.$id ~~ forIDs) }
            }.all()
        // Residents are named: whoever may read the log at a place (platform and district
        // administrators) may read the household register there too (see the policy matrix).
        let name: (String, String) -> String = { type, raw in
            let key = "enum.\(type).\(raw)"
            return Catalog.entries[key] != nil ? Catalog.text(key, lang) : raw
        }
        return entries.map { e in
            var target: (String, String?) = ("\(e.targetType) \(e.targetID)", nil)
            switch e.targetType {
            case "user":
                if let u = users.first(where: { $0.id?.uuidString == e.targetID }) {
                    target = (u.displayName, Site.user(u.id!))
                }
            case "unit":
                if let u = units.first(where: { $0.code == e.targetID }) {
                    target = ("\(u.building.name) \(u.number)", Site.unit(u.id!))
                }
            case "resident":
                if let r = residents.first(where: { $0.code == e.targetID }) {
                    target = ("\(r.name)（\(r.code)）", Site.resident(r.id!))
                }
            case let type where levels.contains(type):
                if let n = nodes.first(where: { $0.code == e.targetID || $0.id?.uuidString == e.targetID }) {
                    target = (n.name, Site.node(n.id!))
                }
            case "household":
                target = (AuditDetailText.value.text(lang, [AuditDetailText.household.text(lang), e.targetID]), nil)
            default:
                if let kind = TerritoryImportKind(rawValue: e.targetType) {
                    target = (Catalog.text("import.kind.\(kind.rawValue)", lang), nil)
                } else if let kind = AuditTarget(rawValue: e.targetType) {
                    target = named(kind, e.targetID, lang)
                }
            }
            let onBehalf = e.onBehalfOf.map { id in
                let who = residents.first { $0.id == id }.map(\.name) ?? String(id.uuidString.prefix(8))
                let channel = e.channel.flatMap { YishiCore.Channel(rawValue: $0) }.map { Catalog.name($0, lang) } ?? ""
                return AuditText.onBehalf.text(lang, [who, channel])
            }
            return Row(
                seq: e.seq, at: Date(timeIntervalSince1970: Double(e.atMillis) / 1000),
                actor: actorLabel(e.actorLabel, lang),
                action: AuditAction(rawValue: e.action).map { Catalog.name($0, lang) } ?? e.action,
                target: target,
                details: AuditSentences.sentences(AuditEntry.decode(e.details), lang: lang, name: name),
                onBehalf: onBehalf)
        }
    }

    /// A record of another kind: its kind in words and the start of its number, linked where it has
    /// a page (the page checks the reader's rights as always).
    static func named(_ kind: AuditTarget, _ id: String, _ lang: Lang) -> (String, String?) {
        let text = Catalog.name(kind, lang) + " " + String(id.prefix(8))
        guard let uuid = UUID(uuidString: id) else { return (text, nil) }
        let link: String? =
            switch kind {
            case .need: Site.need(uuid)
            case .notice: Site.notice(uuid)
            case .questionnaire: Site.questionnaire(uuid)
            case .project: Site.project(uuid)
            case .meeting: Site.meeting(uuid)
            case .ownersVote: Site.ownersVote(uuid)
            case .planner: Site.planner(uuid)
            case .fundPot: Site.fundPot(uuid)
            case .fundStatement: Site.fundStatement(uuid)
            case .fundExpense: Site.fundExpense(uuid)
            default: nil
            }
        return (text, link)
    }

    /// Who acted, in words: a person's name as recorded, or what the platform's own actors are.
    static func actorLabel(_ label: String, _ lang: Lang) -> String {
        switch label {
        case "demo": return AuditText.actorDemo.text(lang)
        case "system": return AuditText.actorSystem.text(lang)
        case "anonymous": return AuditText.actorNobody.text(lang)
        default:
            if label.hasPrefix("cli:") {
                let who = String(label.dropFirst(4))
                return AuditText.actorCommandLine.text(lang, [who == "unknown" ? "—" : who])
            }
            return label
        }
    }
}
