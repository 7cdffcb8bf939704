import Fluent
import Vapor
import YishiCore

/// The votes' pages: opening one at a meeting, a resident's ballot, paper ballots, closing.
/// Every answer returns to the meeting's page.
struct DesignVoteRoutes: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.post(Site.Pattern.meetingVotes.pathComponents, use: open)
        routes.post(Site.Pattern.voteBallots.pathComponents, use: cast)
        routes.post(Site.Pattern.votePaper.pathComponents, use: paper)
        routes.post(Site.Pattern.voteClose.pathComponents, use: close)
    }

    /// Every value of a repeated field (`pick[]`, `rank`…) in the order sent.
    static func values(_ req: Request, _ name: String) -> [String] { req.formValues(name) }

    static func single(_ req: Request, _ name: String) -> String? { values(req, name).first }

    /// The marks sent: picks (one or several) or places in order, blanks left out.
    static func picks(_ req: Request) -> [Int] {
        (values(req, "pick") + values(req, "rank")).compactMap { Int($0.trimmed) }
    }

    func back(_ req: Request, _ meeting: UUID?, _ work: () async throws -> String) async throws -> Response {
        do {
            let notice = try await work()
            return req.redirect(to: Site.meeting(meeting!, notice: notice) + "#votes")
        } catch YishiError.invalid(let fields) {
            return req.render(
                MeetingPages.meeting(
                    req.pageContext, try await MeetingRoutes().model(req, meeting: meeting, errors: FormErrors(fields)),
                    status: .unprocessableEntity))
        }
    }

    func open(req: Request) async throws -> Response {
        let id = req.parameters.get("meetingID", as: UUID.self)
        return try await back(req, id) {
            _ = try await DesignVotes.open(
                meeting: id, method: Self.single(req, "method"), maxPicks: Self.single(req, "maxPicks"),
                tieBreak: Self.single(req, "tieBreak"),
                options: Self.values(req, "options").compactMap(UUID.init(uuidString:)), by: req.caller)
            return VoteText.opened.key
        }
    }

    func meetingOf(_ req: Request) async throws -> UUID? {
        guard let id = req.parameters.get("voteID", as: UUID.self),
            let v = try await DesignVote.find(id, on: req.db)
        else { throw YishiError.notFound }
        return v.$meeting.id
    }

    func cast(req: Request) async throws -> Response {
        let meeting = try await meetingOf(req)
        return try await back(req, meeting) {
            _ = try await DesignVotes.cast(
                req.parameters.get("voteID", as: UUID.self), picks: Self.picks(req), by: req.caller)
            return VoteText.castDone.key
        }
    }

    func paper(req: Request) async throws -> Response {
        let meeting = try await meetingOf(req)
        return try await back(req, meeting) {
            _ = try await DesignVotes.paper(
                req.parameters.get("voteID", as: UUID.self), picks: Self.picks(req), count: Self.single(req, "count"),
                spoilt: Self.single(req, "spoilt"), by: req.caller)
            return VoteText.paperDone.key
        }
    }

    func close(req: Request) async throws -> Response {
        let meeting = try await meetingOf(req)
        return try await back(req, meeting) {
            _ = try await DesignVotes.close(req.parameters.get("voteID", as: UUID.self), by: req.caller)
            return VoteText.closedDone.key
        }
    }
}
