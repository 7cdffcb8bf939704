import Fluent
import Vapor
import YishiCore

/// The needs pages' actions on one need or a list: publishing the list, "me too" (also for a
/// resident), withdrawing, sorting, the safety mark, joining and separating.
extension NeedRoutes {
    struct PublishForm: Content { var days: String? }

    /// Freezes the list and publishes it as a notice.
    func publish(req: Request) async throws -> Response {
        let form = try req.content.decode(PublishForm.self)
        let notice = try await NeedsList.publish(
            req.parameters.get("nodeID", as: UUID.self), days: form.days, lang: req.pageContext.lang, by: req.caller)
        return req.redirect(to: Site.notice(notice.id!, notice: NeedText.listPublished.key))
    }

    struct SupportForm: Content {
        var resident: String?
        var channel: String?
        /// A resident picked from those found for what was typed.
        var pick: String?

        var named: String? { (pick ?? "").isEmpty ? resident : pick }
    }

    func support(req: Request) async throws -> Response {
        let id = req.parameters.get("needID", as: UUID.self)
        let form = try req.content.decode(SupportForm.self)
        let staff = req.actor?.kind == .staff
        do {
            let need = try await NeedsService.support(
                id, forResident: form.named, channel: form.channel.flatMap(YishiCore.Channel.init), by: req.caller)
            return req.redirect(
                to: Site.need(need.id!, notice: (staff ? NeedText.supportedFor : NeedText.supported).key))
        } catch is NeedsService.AlreadySupported {
            // The need's page again, saying so (staff: at the resident they named).
            return try await page(
                req,
                support: staff
                    ? .init(
                        form: form, errors: FormErrors(["resident": NeedText.residentSupports.key]), candidates: [])
                    : nil,
                notice: staff ? nil : NeedText.alreadySupported, status: .conflict)
        } catch YishiError.invalid(let fields) where staff {
            let candidates =
                fields["resident"] == nil
                ? [] : try await ResidentHome.candidates(form.resident, by: req.caller, managing: .needManage)
            return try await page(
                req, support: .init(form: form, errors: Self.pickErrors(fields, candidates), candidates: candidates),
                status: .unprocessableEntity)
        }
    }

    func withdraw(req: Request) async throws -> Response {
        let need = try await NeedsService.withdraw(req.parameters.get("needID", as: UUID.self), by: req.caller)
        return req.redirect(to: Site.need(need.id!, notice: NeedText.withdrawn.key))
    }

    struct PairForm: Content { var other: String? }
    struct SafetyForm: Content { var safety: String? }

    func safety(req: Request) async throws -> Response {
        let form = try req.content.decode(SafetyForm.self)
        let need = try await NeedsService.setSafety(
            req.parameters.get("needID", as: UUID.self), form.safety == "on", by: req.caller)
        return req.redirect(to: Site.need(need.id!, notice: NeedText.safetySaved.key))
    }

    /// Joins the need named in the form into this one.
    func merge(req: Request) async throws -> Response {
        let form = try req.content.decode(PairForm.self)
        let target = try await NeedsService.merge(
            form.other.flatMap { UUID(uuidString: $0) }, into: req.parameters.get("needID", as: UUID.self),
            by: req.caller)
        return req.redirect(to: Site.need(target.id!, notice: NeedText.merged.key))
    }

    func unmerge(req: Request) async throws -> Response {
        let need = try await NeedsService.unmerge(req.parameters.get("needID", as: UUID.self), by: req.caller)
        return req.redirect(to: Site.need(need.id!, notice: NeedText.unmerged.key))
    }

    func distinct(req: Request) async throws -> Response {
        let form = try req.content.decode(PairForm.self)
        let id = req.parameters.get("needID", as: UUID.self)
        try await NeedsService.markDistinct(id, form.other.flatMap { UUID(uuidString: $0) }, by: req.caller)
        return req.redirect(to: Site.need(id!, notice: NeedText.distinct.key))
    }

    struct TriageForm: Content {
        var decision: String?
        var reason: String?
    }

    func triage(req: Request) async throws -> Response {
        let form = try req.content.decode(TriageForm.self)
        let accept = form.decision == "accept"
        let need = try await NeedsService.triage(
            req.parameters.get("needID", as: UUID.self), accept: accept, reason: form.reason, by: req.caller)
        return req.redirect(to: Site.need(need.id!, notice: accept ? NeedText.accepted.key : NeedText.declined.key))
    }
}
