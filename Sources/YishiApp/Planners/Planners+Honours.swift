import Fluent
import SQLKit
import Vapor
import YishiCore

/// A nomination for an annual honour and the district's decision on it.
final class PlannerHonour: Model, @unchecked Sendable {
    static let schema = "planner_honours"

    @ID(key: .id) var id: UUID?
    @Parent(key: "district_id") var district: TerritoryNode
    @Field(key: "year") var year: Int
    @Field(key: "kind") var kind: HonourKind
    @Parent(key: "planner_id") var planner: Planner
    @OptionalParent(key: "project_id") var project: Project?
    @Field(key: "citation") var citation: String
    @Field(key: "status") var status: HonourStatus
    @OptionalField(key: "created_by_id") var createdByID: UUID?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    @OptionalField(key: "decided_by_id") var decidedByID: UUID?
    @OptionalField(key: "decided_at") var decidedAt: Date?

    init() {}
}

/// Honours: the planner's keepers nominate (one per planner, kind and year); the district decides
/// once; the awarded ones make the public roll.
extension Planners {
    struct NewHonour: Sendable {
        var kind: String?
        var year: Int?
        var citation: String?
        var project: UUID?
    }

    static func nominate(_ plannerID: UUID?, _ n: NewHonour, by caller: Caller) async throws -> PlannerHonour {
        let (p, places) = try await plannerAndPlaces(plannerID, by: caller)
        guard places.contains(where: { caller.allows(.plannerManage, at: $0) }) else {
            throw YishiError.denied(.outsideScope)
        }
        var fields: [String: String] = [:]
        let kind = n.kind.flatMap { HonourKind(rawValue: $0.trimmed) }
        if kind == nil { fields["kind"] = HonourText.kindInvalid.key }
        let thisYear = CalendarDay(caller.now).year
        let year = n.year ?? thisYear
        if !(2000...thisYear).contains(year) { fields["year"] = PlannerText.yearInvalid.key }
        let citation = FieldRules.text(n.citation ?? "", max: 200)
        if citation.problem != nil { fields["citation"] = HonourText.citationNeeded.key }
        if kind == .exemplaryCase {
            // An exemplary case is a project the planner worked on.
            let worked =
                try await n.project.asyncMap { project in
                    try await PlannerServiceEntry.query(on: caller.db).filter(\.$planner.$id == p.id!)
                        .filter(\.$projectID == project).first() != nil
                } ?? false
            if !worked { fields["project"] = HonourText.exemplaryNeedsProject.key }
        }
        guard fields.isEmpty, let kind, let text = citation.value else { throw YishiError.invalid(fields) }
        let (user, district, plannerID) = (caller.actor?.userId, p.$district.id, p.id!)
        let project = kind == .exemplaryCase ? n.project : nil
        do {
            return try await caller.audited(atomic: true) { tx in
                let h = PlannerHonour()
                h.$district.id = district
                h.year = year
                h.kind = kind
                h.$planner.id = plannerID
                h.$project.id = project
                h.citation = text
                h.status = .nominated
                h.createdByID = user
                try await h.create(on: tx)
                return (
                    h,
                    AuditEvent(
                        action: .plannerNominate, targetType: "planner", targetID: plannerID.uuidString,
                        nodeID: district, details: ["kind": kind.rawValue, "year": String(year), "name": p.name])
                )
            }
        } catch let e where e.isUniqueViolation {
            throw YishiError.conflict(key: ErrorText.code409.key)
        }
    }

    /// The district awards or declines a nomination, once (the district's own staff: the authority
    /// that appoints its experts).
    static func decideHonour(_ id: UUID?, award: Bool?, by caller: Caller) async throws -> PlannerHonour {
        guard let id, let h = try await PlannerHonour.query(on: caller.db).filter(\.$id == id).with(\.$district).first()
        else { throw YishiError.notFound }
        let path = h.district.territoryPath
        try caller.authorize(.plannerAppoint, at: path)
        guard PlannerAppointment.authorized(caller.actor, tier: .districtExpert, authority: path) else {
            throw YishiError.denied(.outsideScope)
        }
        guard let award else { throw invalid("decision", PlannerText.decisionInvalid) }
        let (user, now) = (caller.actor?.userId, caller.now)
        let status: HonourStatus = award ? .awarded : .declined
        try await caller.audited(atomic: true) { tx in
            guard
                try await (tx as! any SQLDatabase).raw(
                    """
                    UPDATE planner_honours SET status = \(bind: status.rawValue), decided_by_id = \(bind: user),
                      decided_at = \(bind: now)
                    WHERE id = \(bind: id) AND status = 'nominated' RETURNING id
                    """
                ).first() != nil
            else { throw YishiError.conflict(key: PlannerText.alreadyDecided.key) }
            return (
                (),
                AuditEvent(
                    action: .plannerHonour, targetType: "planner", targetID: h.$planner.id.uuidString,
                    nodeID: h.$district.id, details: ["kind": h.kind.rawValue, "decision": status.rawValue])
            )
        }
        h.status = status
        return h
    }

    /// A district's honours: the awarded ones (public), or all of them for its staff.
    static func honours(_ district: UUID, awardedOnly: Bool, on db: any Database) async throws -> [PlannerHonour] {
        let q = PlannerHonour.query(on: db).filter(\.$district.$id == district).with(\.$planner).with(\.$project)
        if awardedOnly { q.filter(\.$status == .awarded) }
        return try await q.sort(\.$year, .descending).sort(\.$kind).sort(\.$createdAt).all()
    }
}
