import Fluent
import SQLKit
import Vapor
import YishiCore

/// The meetings' pages: calling one for a project, the meeting (sign-in by code, by the roster or a
/// paper count; minutes; resolutions with their rule's result).
struct MeetingRoutes: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.post(Site.Pattern.projectMeetings.pathComponents, use: call)
        routes.get(Site.Pattern.meeting.pathComponents, use: show)
        routes.post(Site.Pattern.meetingSignIn.pathComponents, use: signIn)
        routes.get(Site.Pattern.meetingSheet.pathComponents, use: sheet)
        routes.post(Site.Pattern.meetingNotice.pathComponents, use: notice)
        routes.post(Site.Pattern.meetingMinutes.pathComponents, use: minutes)
        routes.post(Site.Pattern.meetingResolutions.pathComponents, use: resolve)
        routes.get(Site.Pattern.nodeMeetings.pathComponents, use: placeMeetings)
        routes.post(Site.Pattern.nodeMeetings.pathComponents, use: callAtPlace)
        routes.post(Site.Pattern.meetingItems.pathComponents, use: addItem)
        let max = ByteCount(value: Uploads.maxRequestBytes)
        routes.on(.POST, Site.Pattern.meetingFiles.pathComponents, body: .collect(maxSize: max), use: addFiles)
            .allowingBody(upTo: Uploads.maxRequestBytes)
        routes.get(Site.Pattern.itemFile.pathComponents, use: file)
        routes.post(Site.Pattern.itemDone.pathComponents, use: itemDone)
        routes.post(Site.Pattern.meetingOutcome.pathComponents, use: outcome)
    }

    struct ItemForm: Content {
        var kind: String?
        var view: String?
        var action: String?
        var owner: String?
        var due: String?
    }

    func addItem(req: Request) async throws -> Response {
        let f = try req.content.decode(ItemForm.self)
        let id = req.parameters.get("meetingID", as: UUID.self)
        let kind = f.kind.flatMap(MeetingItem.Kind.init(rawValue:))
        do {
            _ = try await MeetingsService.addItem(
                id, kind: kind, text: (kind == .view ? f.view : f.action) ?? "", owner: f.owner, due: f.due,
                by: req.caller)
        } catch YishiError.invalid(let fields) {
            return req.render(
                MeetingPages.meeting(
                    req.pageContext, try await model(req, errors: FormErrors(fields)), status: .unprocessableEntity))
        }
        return req.redirect(to: Site.meeting(id!, notice: MeetingText.itemSaved.key))
    }

    func addFiles(req: Request) async throws -> Response {
        let id = req.parameters.get("meetingID", as: UUID.self)
        do {
            _ = try await MeetingsService.addFiles(id, Uploads.parts(req.multipartForm, "files"), by: req.caller)
        } catch YishiError.invalid(let fields) {
            return req.render(
                MeetingPages.meeting(
                    req.pageContext, try await model(req, errors: FormErrors(fields)), status: .unprocessableEntity))
        }
        return req.redirect(to: Site.meeting(id!, notice: MeetingText.itemSaved.key))
    }

    func file(req: Request) async throws -> Response {
        Uploads.response(try await MeetingsService.file(req.parameters.get("itemID", as: UUID.self), by: req.caller))
    }

    func itemDone(req: Request) async throws -> Response {
        let item = try await MeetingsService.completeItem(req.parameters.get("itemID", as: UUID.self), by: req.caller)
        return req.redirect(to: Site.meeting(item.$meeting.id, notice: MeetingText.itemSaved.key))
    }

    /// The outcome published as a notice (attendance, minutes, resolutions, views, actions), drafted for staff.
    func outcome(req: Request) async throws -> Response {
        let m = try await MeetingsService.readable(req.parameters.get("meetingID", as: UUID.self), by: req.caller)
        try req.caller.authorize(.projectManage, at: m.node.territoryPath)
        guard !m.kind.isInternal else { throw YishiError.conflict(key: MeetingText.internalNote.key) }
        let lang = req.pageContext.lang
        let body = try await MeetingsService.outcomeText(m, lang: lang, on: req.db)
        let n = try await NoticesService.create(
            .init(
                node: m.$node.id, title: String(MeetingText.outcomeTitle.text(lang, [m.title]).prefix(100)),
                body: String(body.prefix(5_000)), days: "7", subject: (MeetingNotices.kind, try m.requireID())),
            by: req.caller)
        return req.redirect(to: Site.notice(n.id!, notice: NoticeText.created.key))
    }

    struct CallForm: Content {
        var kind: String?
        var title: String?
        var agenda: String?
        var venue: String?
        var startsAt: String?
        var venueLevel: String?
    }

    func call(req: Request) async throws -> Response {
        let pid = req.parameters.get("projectID", as: UUID.self)
        let f = try req.content.decode(CallForm.self)
        do {
            let m = try await MeetingsService.create(
                .init(
                    node: nil, project: pid, kind: f.kind, title: f.title ?? "", agenda: f.agenda ?? "",
                    venue: f.venue ?? "", startsAt: f.startsAt ?? "", venueLevel: f.venueLevel), by: req.caller)
            return req.redirect(to: Site.meeting(m.id!, notice: MeetingText.created.key))
        } catch YishiError.invalid(let fields) {
            let routes = ProjectRoutes()
            var model = try await routes.model(req, errors: FormErrors(fields))
            model.meetingForm = f
            return req.render(ProjectPages.project(req.pageContext, model, status: .unprocessableEntity))
        }
    }

    func placePage(_ req: Request, form: CallForm = .init(), errors: FormErrors = FormErrors()) async throws
        -> PageView
    {
        let node = try await TerritoryQueries.node(req.parameters.get("nodeID", as: UUID.self), on: req.db)
        let manage = req.caller.allows(.projectManage, at: node.territoryPath)
        if !manage { try req.caller.authorize(.needRead, at: node.territoryPath) }
        let path = node.territoryPath
        let meetings = try await Meeting.query(on: req.db)
            .join(TerritoryNode.self, on: \Meeting.$node.$id == \TerritoryNode.$id)
            .filter(TerritoryNode.self, \.$path >= path.encoded).filter(
                TerritoryNode.self, \.$path < path.subtreeUpperBound
            )
            .sort(\.$startsAt, .descending).limit(50).all()
            .filter { manage || !$0.kind.isInternal }
        return MeetingPages.placeMeetings(
            req.pageContext, node: node, meetings: meetings, manage: manage, form: form, errors: errors,
            status: errors.isEmpty ? .ok : .unprocessableEntity)
    }

    func placeMeetings(req: Request) async throws -> Response { req.render(try await placePage(req)) }

    /// A meeting of a place that belongs to no project.
    func callAtPlace(req: Request) async throws -> Response {
        let f = try req.content.decode(CallForm.self)
        do {
            let m = try await MeetingsService.create(
                .init(
                    node: req.parameters.get("nodeID", as: UUID.self), project: nil, kind: f.kind, title: f.title ?? "",
                    agenda: f.agenda ?? "", venue: f.venue ?? "", startsAt: f.startsAt ?? "", venueLevel: f.venueLevel),
                by: req.caller)
            return req.redirect(to: Site.meeting(m.id!, notice: MeetingText.created.key))
        } catch YishiError.invalid(let fields) {
            return req.render(try await placePage(req, form: f, errors: FormErrors(fields)))
        }
    }

    func model(_ req: Request, meeting id: UUID? = nil, errors: FormErrors = FormErrors()) async throws
        -> MeetingPages.Model
    {
        let caller = req.caller
        let m = try await MeetingsService.readable(id ?? req.parameters.get("meetingID", as: UUID.self), by: caller)
        let manage = caller.allows(.projectManage, at: m.node.territoryPath)
        var mayCode = false
        if req.actor?.kind == .resident, MeetingRules.codeValid(at: caller.now, starts: m.startsAt) {
            mayCode = true
        }
        let project = try await m.$project.get(on: req.db)
        let options = try await project.asyncMap { try await DesignOptions.of($0, on: req.db) } ?? []
        var resident: UUID? = nil
        var attended = false
        if req.actor?.kind == .resident,
            let (home, _) = try? await ResidentHome.whose(nil, by: caller, managing: .projectManage)
        {
            resident = home.resident.id
            attended =
                try await MeetingAttendance.query(on: req.db).filter(\.$meeting.$id == m.requireID())
                .filter(\.$resident.$id == home.resident.id).first() != nil
        }
        var votes: [MeetingPages.VoteView] = []
        for v in try await DesignVotes.of(m, on: req.db) {
            let voted =
                try await resident.asyncMap { try await DesignVotes.hasVoted(v, resident: $0, on: req.db) } ?? false
            votes.append(
                .init(
                    vote: v, options: v.optionIDs.compactMap { id in options.first { $0.id == id } },
                    ballots: try await DesignVotes.ballotCount(v, on: req.db), mayCast: v.isOpen && attended && !voted,
                    voted: voted))
        }
        let resolutions = try await MeetingsService.resolutions(of: m, on: req.db)
        return .init(
            meeting: m, project: project, attendance: try await MeetingsService.attendance(of: m, on: req.db),
            resolutions: resolutions, manage: manage, mayCode: mayCode,
            codeValid: MeetingRules.codeValid(at: caller.now, starts: m.startsAt), errors: errors, votes: votes,
            projectOptions: options, items: try await MeetingsService.items(of: m, on: req.db),
            village: try await MeetingsService.atVillage(m, on: req.db),
            started: caller.now >= m.startsAt.addingTimeInterval(-3_600) || m.held,
            attendees: manage ? try await MeetingsService.attendees(of: m, on: req.db) : [],
            hands: try await MeetingsService.hands(of: resolutions, on: req.db))
    }

    func show(req: Request) async throws -> Response {
        req.render(MeetingPages.meeting(req.pageContext, try await model(req)))
    }

    /// The A4 sign-in sheet for the meeting's place: a line per household (building and door), the
    /// name and signature left blank for the day — no one's personal data printed (staff only).
    func sheet(req: Request) async throws -> Response {
        let m = try await MeetingsService.readable(req.parameters.get("meetingID", as: UUID.self), by: req.caller)
        try req.caller.authorize(.projectManage, at: m.node.territoryPath)
        return req.render(
            MeetingPages.sheet(req.pageContext, m, households: try await Self.households(of: m, on: req.db)))
    }

    /// A line per household at the meeting's place, each building named with its compound.
    static func households(of m: Meeting, on db: any Database) async throws -> [(building: String, unit: String)] {
        let path = m.node.territoryPath
        return try await (db as! any SQLDatabase).raw(
            """
            SELECT c.name AS compound, b.name AS building, u.number AS unit FROM households h
            JOIN units u ON u.id = h.unit_id JOIN territory_nodes b ON b.id = u.building_id
            LEFT JOIN territory_nodes c ON c.id = b.parent_id
            WHERE b.path >= \(bind: path.encoded) AND b.path < \(bind: path.subtreeUpperBound)
            ORDER BY b.path, u.number LIMIT 2000
            """
        ).all().map { row in
            // Two compounds may both have a 1号: the building is named with its compound.
            let compound = try row.decode(column: "compound", as: String?.self) ?? ""
            let building = try row.decode(column: "building", as: String.self)
            return (
                (compound.isEmpty ? "" : compound + " ") + building, try row.decode(column: "unit", as: String.self)
            )
        }
    }

    /// The meeting announced ahead through a public notice (time, place, agenda), drafted for
    /// staff to check and publish.
    func notice(req: Request) async throws -> Response {
        let m = try await MeetingsService.readable(req.parameters.get("meetingID", as: UUID.self), by: req.caller)
        try req.caller.authorize(.projectManage, at: m.node.territoryPath)
        // The party members' meeting is internal: it is never announced in public.
        guard !m.kind.isInternal else { throw YishiError.conflict(key: MeetingText.internalNote.key) }
        let lang = req.pageContext.lang
        let body = [
            MeetingText.noticeWhen.text(lang, [Show.dateTime(m.startsAt), m.venue]),
            MeetingText.agenda.text(lang) + (lang == .zhHans ? "：" : ": "), m.agenda,
        ].joined(separator: "\n")
        let n = try await NoticesService.create(
            .init(
                node: m.$node.id, title: MeetingText.noticeTitle.text(lang, [m.title]), body: body, days: "7",
                subject: (MeetingNotices.kind, try m.requireID())), by: req.caller)
        return req.redirect(to: Site.notice(n.id!, notice: NoticeText.created.key))
    }

    struct SignInForm: Content {
        var code: String?
        var resident: String?
        var count: String?
    }

    func signIn(req: Request) async throws -> Response {
        let f = try req.content.decode(SignInForm.self)
        let id = req.parameters.get("meetingID", as: UUID.self)
        do {
            _ = try await MeetingsService.signIn(
                id, code: f.code, resident: f.resident, paperCount: (f.count ?? "").isEmpty ? nil : f.count,
                by: req.caller)
        } catch YishiError.invalid(let fields) {
            return req.render(
                MeetingPages.meeting(
                    req.pageContext, try await model(req, errors: FormErrors(fields)), status: .unprocessableEntity))
        }
        return req.redirect(to: Site.meeting(id!, notice: MeetingText.signedIn.key))
    }

    struct MinutesForm: Content { var minutes: String? }

    func minutes(req: Request) async throws -> Response {
        let f = try req.content.decode(MinutesForm.self)
        let id = req.parameters.get("meetingID", as: UUID.self)
        do {
            _ = try await MeetingsService.recordMinutes(id, text: f.minutes ?? "", by: req.caller)
        } catch YishiError.invalid(let fields) {
            return req.render(
                MeetingPages.meeting(
                    req.pageContext, try await model(req, errors: FormErrors(fields)), status: .unprocessableEntity))
        }
        return req.redirect(to: Site.meeting(id!, notice: MeetingText.minutesSaved.key))
    }

    struct ResolveForm: Content {
        var resolution: String?
        var electorate: String?
        var present: String?
        var yes: String?
        var basis: String?
        var households: String?
        var householdsPresent: String?
        var hands: [String]?
    }

    func resolve(req: Request) async throws -> Response {
        let f = try req.content.decode(ResolveForm.self)
        let id = req.parameters.get("meetingID", as: UUID.self)
        do {
            _ = try await MeetingsService.resolve(
                id, text: f.resolution ?? "", electorate: f.electorate, present: f.present, yes: f.yes, basis: f.basis,
                households: f.households, householdsPresent: f.householdsPresent,
                hands: (f.hands ?? []).compactMap(UUID.init(uuidString:)), by: req.caller)
        } catch YishiError.invalid(let fields) {
            return req.render(
                MeetingPages.meeting(
                    req.pageContext, try await model(req, errors: FormErrors(fields)), status: .unprocessableEntity))
        }
        return req.redirect(to: Site.meeting(id!, notice: MeetingText.resolved.key))
    }
}
