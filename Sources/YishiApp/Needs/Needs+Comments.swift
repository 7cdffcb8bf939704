import Fluent
import Vapor
import YishiCore

/// A comment on a need: a resident of its community, or the committee's answer (staff who manage
/// it). Residents' names are not shown to other residents.
final class NeedComment: Model, @unchecked Sendable {
    static let schema = "need_comments"

    @ID(key: .id) var id: UUID?
    @Parent(key: "need_id") var need: Need
    @Field(key: "text") var text: String
    @Field(key: "user_id") var userID: UUID
    @OptionalParent(key: "resident_id") var resident: Resident?
    /// Written by staff: the committee's answer.
    @Field(key: "staff") var staff: Bool
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?

    init() {}
}

enum NeedComments {
    static func add(_ text: String, to needID: UUID?, by caller: Caller) async throws -> NeedComment {
        guard let needID,
            let need = try await Need.query(on: caller.db).filter(\.$id == needID).with(\.$community).first()
        else { throw YishiError.notFound }
        let actor = try caller.requireActor()
        var residentID: UUID? = nil
        let staff = caller.allows(.needManage, at: need.community.territoryPath)
        if actor.kind == .staff {
            try caller.authorize(.needManage, at: need.community.territoryPath)
        } else {
            let (home, _) = try await ResidentHome.whose(nil, by: caller, managing: .needManage)
            try caller.authorize(.comment, at: home.building.territoryPath)
            guard home.community == need.$community.id else { throw YishiError.denied(.outsideScope) }
            residentID = try home.resident.requireID()
        }
        let body = FieldRules.paragraphs(text, max: 500)
        if let p = body.problem { throw YishiError.invalid(["comment": p.fieldKey]) }
        let (words, rid) = (body.value ?? "", residentID)
        return try await caller.audited { tx in
            let c = NeedComment()
            c.$need.id = needID
            c.text = words
            c.userID = actor.userId
            c.$resident.id = rid
            c.staff = staff
            try await c.create(on: tx)
            return (
                c,
                AuditEvent(
                    action: .needComment, targetType: "need", targetID: needID.uuidString, nodeID: need.$place.id,
                    details: ["title": need.title])
            )
        }
    }

    static func of(_ needs: [UUID], on db: any Database) async throws -> [NeedComment] {
        guard !needs.isEmpty else { return [] }
        return try await NeedComment.query(on: db).filter(\.$need.$id ~~ needs).with(\.$resident).sort(\.$createdAt)
            .all()
    }
}

extension NeedPages {
    /// Residents' comments (their names for staff only) and the committee's answers.
    static func comments(_ ctx: PageContext, _ n: Need, _ extra: Extra, names: Bool) -> HTMLNode {
        H.el("section", [("id", "comments")]) {
            H.el("h2", text: ctx.t(NeedText.comments))
            if extra.comments.isEmpty {
                C.text(ctx.t(NeedText.commentsEmpty), muted: true)
            } else {
                H.el("ol", [("class", "objections")]) {
                    for c in extra.comments {
                        H.el("li", [("class", c.staff ? "card reply" : "card")]) {
                            H.el("p", text: c.text)
                            C.text(
                                (c.staff
                                    ? ctx.t(NeedText.committeeReply)
                                    : (names
                                        ? (c.resident?.name ?? ctx.t(NeedText.aResident)) : ctx.t(NeedText.aResident)))
                                    + " · " + Show.dateTime(c.createdAt), muted: true)
                        }
                    }
                }
            }
            if extra.mayComment {
                Forms.form(
                    ctx, action: Site.needComments(n.id!),
                    [
                        Forms.textArea(
                            ctx, "comment", label: ctx.t(NeedText.commentLabel), max: 500, rows: 3, required: true),
                        Forms.submit(ctx.t(NeedText.comment)),
                    ])
            }
        }
    }
}
