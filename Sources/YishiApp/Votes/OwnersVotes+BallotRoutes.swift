import Fluent
import SQLKit
import Vapor
import YishiCore

/// The ballot pages: an owner's own, staff's entry (paper, proxy, assisted), the projector, receipts.
struct OwnersVoteBallotRoutes {
    typealias P = Site.Pattern

    func register(_ routes: any RoutesBuilder, max: ByteCount) {
        routes.get(P.ownersVoteBallot.pathComponents, use: ballotPage)
        routes.post(P.ownersVoteBallot.pathComponents, use: cast)
        routes.get(P.ownersVoteEnter.pathComponents, use: enterPage)
        routes.on(.POST, P.ownersVoteEnter.pathComponents, body: .collect(maxSize: max), use: enter)
            .allowingBody(upTo: Uploads.maxRequestBytes)
        routes.get(P.ownersVoteProjector.pathComponents, use: projector)
        routes.get(P.receipts.pathComponents, use: receiptForm)
        routes.get(P.receipt.pathComponents, use: receipt)
    }

    static func current(_ v: OwnersVote, person: Int, on db: any Database) async throws -> (
        choice: BallotChoice, receipt: String, version: Int
    )? {
        guard
            let r = try await (db as! any SQLDatabase).raw(
                "SELECT choice, receipt, version FROM owner_ballots WHERE vote_id = \(bind: v.id!) AND person = \(bind: person)"
            ).first()
        else { return nil }
        return (
            BallotChoice(rawValue: try r.decode(column: "choice", as: String.self)) ?? .invalid,
            try r.decode(column: "receipt", as: String.self), try r.decode(column: "version", as: Int.self)
        )
    }

    func ballotModel(_ req: Request) async throws -> (OwnersVote, [OwnersVoteBallotPages.Entry]) {
        let caller = req.caller
        _ = try caller.requireActor()
        let v = try await OwnersVotes.readable(OwnersVoteRoutes.id(req), by: caller)
        let mine = try await OwnersVotes.entries(of: v, phone: try await OwnersVotes.phone(of: caller), on: req.db)
        let reg = mine.isEmpty ? nil : try await OwnersVotes.register(of: v, only: mine.map(\.person), on: req.db)
        var entries: [OwnersVoteBallotPages.Entry] = []
        for e in mine where !entries.contains(where: { $0.person == e.person }) {
            guard let p = reg?.persons.first(where: { $0.number == e.person }) else { continue }
            let b = try await Self.current(v, person: e.person, on: req.db)
            let labels = try await OwnersVotes.unitLabels(p.units, on: req.db)
            entries.append(
                .init(
                    owner: e.owner, person: e.person, names: p.names, units: p.units.map { labels[$0] ?? $0 },
                    ballot: b.map { ($0.choice, $0.receipt) }, mayCast: p.owners.count == 1 || p.designated == e.owner))
        }
        return (v, entries)
    }

    func ballotPage(req: Request) async throws -> Response {
        let (v, entries) = try await ballotModel(req)
        return req.render(
            OwnersVoteBallotPages.ballot(
                req.pageContext, v, entries: entries, receipt: try? req.query.get(String.self, at: "receipt"),
                files: try await OwnersVoteRoutes.files(v, on: req.db)))
    }

    struct CastForm: Content {
        var owner: String?
        var choice: String?
        var correction: String?
    }

    func cast(req: Request) async throws -> Response {
        let f = try req.content.decode(CastForm.self)
        let id = OwnersVoteRoutes.id(req)
        do {
            let e = try await OwnersVotes.cast(
                id, .init(owner: f.owner ?? "", choice: f.choice, channel: "online", correction: f.correction == "1"),
                by: req.caller)
            return req.redirect(to: Site.ownersVote(P.ownersVoteBallot, id!) + "?receipt=\(e.receipt)")
        } catch YishiError.invalid(let fields) {
            let (v, entries) = try await ballotModel(req)
            return req.render(
                OwnersVoteBallotPages.ballot(
                    req.pageContext, v, entries: entries, receipt: nil,
                    files: try await OwnersVoteRoutes.files(v, on: req.db),
                    errors: FormErrors(fields), status: .unprocessableEntity))
        }
    }

    func enterPage(req: Request) async throws -> Response {
        let v = try await OwnersVotes.managed(OwnersVoteRoutes.id(req), by: req.caller)
        return req.render(
            OwnersVoteBallotPages.enter(
                req.pageContext, v, turnout: try await OwnersVotes.turnout(v, on: req.db), form: .init(),
                done: try? req.query.get(String.self, at: "receipt")))
    }

    /// A paper or proxy ballot entered by staff; the form comes back empty for the next one.
    func enter(req: Request) async throws -> Response {
        let m = req.multipartForm
        let f = OwnersVoteBallotPages.EnterForm(
            owner: m?.field("owner"), channel: m?.field("channel"), choice: m?.field("choice"),
            serial: m?.field("serial"),
            invalidReason: m?.field("invalidReason"), proxyName: m?.field("proxyName"),
            instruction: m?.field("instruction"), correction: m?.field("correction") == "1")
        let id = OwnersVoteRoutes.id(req)
        do {
            let e = try await OwnersVotes.cast(
                id,
                .init(
                    owner: f.owner ?? "", choice: f.choice, channel: f.channel ?? "paper", serial: f.serial,
                    invalidReason: f.invalidReason, proxyName: f.proxyName, instruction: f.instruction,
                    correction: f.correction, scan: Uploads.parts(m, "scan"), authority: Uploads.parts(m, "authority")),
                by: req.caller)
            return req.redirect(to: Site.ownersVote(P.ownersVoteEnter, id!) + "?receipt=\(e.receipt)")
        } catch YishiError.invalid(let fields) {
            let v = try await OwnersVotes.managed(id, by: req.caller)
            return req.render(
                OwnersVoteBallotPages.enter(
                    req.pageContext, v, turnout: try await OwnersVotes.turnout(v, on: req.db), form: f, done: nil,
                    errors: FormErrors(fields), status: .unprocessableEntity))
        }
    }

    func projector(req: Request) async throws -> Response {
        let v = try await OwnersVotes.readable(OwnersVoteRoutes.id(req), by: req.caller)
        return req.render(
            OwnersVoteBallotPages.projector(req.pageContext, v, try await OwnersVotes.turnout(v, on: req.db)))
    }

    /// The form, or (with `?code=`) the receipt's own page.
    func receiptForm(req: Request) async throws -> Response {
        if let typed = try? req.query.get(String.self, at: "code"), !typed.trimmed.isEmpty {
            guard let code = OwnerVote.Receipt.normalise(typed) else {
                return req.render(OwnersVoteBallotPages.receiptForm(req.pageContext, code: typed, status: .notFound))
            }
            return req.redirect(to: Site.receipt(code))
        }
        return req.render(OwnersVoteBallotPages.receiptForm(req.pageContext))
    }

    func receipt(req: Request) async throws -> Response {
        let typed = req.parameters.get("code") ?? ""
        do {
            return req.render(
                OwnersVoteBallotPages.receipt(req.pageContext, try await OwnersVotes.receipt(typed, on: req.db)))
        } catch YishiError.notFound {
            return req.render(OwnersVoteBallotPages.receiptForm(req.pageContext, code: typed, status: .notFound))
        }
    }
}
