import Fluent
import Vapor
import YishiCore

/// Projects and meetings under /api/v1, described in `Projects+OpenAPI.swift`.
struct ProjectsAPI: RouteCollection {
    func boot(routes api: any RoutesBuilder) throws {
        api.get("projects", use: list)
        api.post("projects", use: create)
        api.get("projects", ":projectID", use: read)
        api.post("projects", ":projectID", "move", use: move)
        api.post("projects", ":projectID", "meetings", use: call)
        api.get("meetings", use: meetings)
        api.post("meetings", use: callAtPlace)
        api.get("meetings", ":meetingID", use: meeting)
        api.post("meetings", ":meetingID", "signin", use: signIn)
        api.post("meetings", ":meetingID", "minutes", use: minutes)
        api.post("meetings", ":meetingID", "resolutions", use: resolve)
        api.post("meetings", ":meetingID", "items", use: addItem)
        api.post("meeting-items", ":itemID", "done", use: itemDone)
    }

    func addItem(req: Request) async throws -> Response {
        let input = try req.content.decode(DTO.MeetingItemIn.self)
        let id = req.parameters.get("meetingID", as: UUID.self)
        _ = try await MeetingsService.addItem(
            id, kind: MeetingItem.Kind(rawValue: input.kind), text: input.text, owner: input.owner, due: input.due,
            by: req.caller)
        let res = Response(status: .created)
        try res.content.encode(try await meetingOut(try await MeetingsService.readable(id, by: req.caller), req))
        return res
    }

    func itemDone(req: Request) async throws -> DTO.Meeting {
        let item = try await MeetingsService.completeItem(req.parameters.get("itemID", as: UUID.self), by: req.caller)
        return try await meetingOut(try await MeetingsService.readable(item.$meeting.id, by: req.caller), req)
    }

    func out(_ p: Project, _ req: Request) async throws -> DTO.Project {
        let t = try await Workflows.template(p.templateKey, for: p.node, on: req.db)
        let facts = try await ProjectsService.facts(p, now: req.caller.now, on: req.db)
        let stage = t.flatMap { p.stage < $0.stages.count ? $0.stages[p.stage] : nil }
        let missing = stage.map { WorkflowRules.missing($0, facts) } ?? []
        let needs = try await ProjectsService.needs(of: p, on: req.db)
        return DTO.Project(
            id: p.id!, node: p.node.code, title: p.title, description: p.description, kind: p.kind.rawValue,
            initiator: p.initiator.rawValue, budgetFen: p.budgetFen, template: p.templateKey, stage: p.stage,
            stages: t?.stages.map(\.key) ?? [], stageKey: stage?.key,
            done: t.map { p.stage >= $0.stages.count } ?? false,
            missing: missing.map { ProjectPages.describe(req.lang, $0) },
            needs: needs.compactMap(\.id), lat: p.lat, lon: p.lon,
            members: try await ProjectsService.members(of: p, on: req.db).map {
                DTO.Member(id: $0.id!, role: $0.role.rawValue, name: $0.name)
            })
    }

    func list(req: Request) async throws -> [DTO.Project] {
        guard let code = try? req.query.get(String.self, at: "node"),
            let node = try await TerritoryNode.query(on: req.db).filter(\.$code == code).first()
        else { throw YishiError.invalid(["node": FieldText.unknownNode.key]) }
        if !req.caller.allows(.projectManage, at: node.territoryPath) {
            try req.caller.authorize(.needRead, at: node.territoryPath)
        }
        let path = node.territoryPath
        var out: [DTO.Project] = []
        for p in try await Project.query(on: req.db).join(
            TerritoryNode.self, on: \Project.$node.$id == \TerritoryNode.$id
        )
        .filter(TerritoryNode.self, \.$path >= path.encoded).filter(
            TerritoryNode.self, \.$path < path.subtreeUpperBound
        )
        .with(\.$node).sort(\.$updatedAt, .descending).limit(200).all() {
            out.append(try await self.out(p, req))
        }
        return out
    }

    func create(req: Request) async throws -> Response {
        let input = try req.content.decode(DTO.ProjectIn.self)
        guard let node = try await TerritoryNode.query(on: req.db).filter(\.$code == input.node).first() else {
            throw YishiError.invalid(["node": FieldText.unknownNode.key])
        }
        let p = try await ProjectsService.create(
            .init(
                node: node.id, title: input.title, description: input.description ?? "", kind: input.kind,
                initiator: input.initiator,
                budget: input.budgetFen.map { String(format: "%d.%02d", $0 / 100, $0 % 100) },
                template: input.template, needs: input.needs,
                point: input.lat.flatMap { lat in input.lon.map { "\(lat),\($0)" } }), by: req.caller)
        let fresh = try await ProjectsService.readable(p.id, by: req.caller)
        let res = Response(status: .created)
        try res.content.encode(try await out(fresh, req))
        return res
    }

    func read(req: Request) async throws -> DTO.Project {
        try await out(
            try await ProjectsService.readable(req.parameters.get("projectID", as: UUID.self), by: req.caller), req)
    }

    func move(req: Request) async throws -> DTO.Project {
        let input = try req.content.decode(DTO.MoveIn.self)
        guard ["forward", "back"].contains(input.direction) else {
            throw YishiError.invalid(["direction": FieldText.invalid.key])
        }
        let p = try await ProjectsService.move(
            req.parameters.get("projectID", as: UUID.self), forward: input.direction == "forward", reason: input.reason,
            by: req.caller)
        return try await out(try await ProjectsService.readable(p.id, by: req.caller), req)
    }

    func meetingOut(_ m: Meeting, _ req: Request) async throws -> DTO.Meeting {
        let manage = req.caller.allows(.projectManage, at: m.node.territoryPath)
        let a = try await MeetingsService.attendance(of: m, on: req.db)
        return DTO.Meeting(
            id: m.id!, node: m.node.code, project: m.$project.id, kind: m.kind.rawValue, title: m.title,
            agenda: m.agenda,
            venue: m.venue, venueLevel: m.venueLevel, startsAt: m.startsAt, code: manage ? m.code : nil, held: m.held,
            minutes: m.minutes, attendance: a.total,
            items: try await MeetingsService.items(of: m, on: req.db).map {
                DTO.MeetingItem(
                    id: $0.id!, kind: $0.kind.rawValue, text: $0.text, owner: $0.owner, due: $0.dueOn,
                    done: $0.doneAt != nil)
            },
            resolutions: try await MeetingsService.resolutions(of: m, on: req.db).map {
                DTO.Resolution(
                    id: $0.id!, text: $0.text, electorate: $0.electorate, present: $0.present, yes: $0.yes,
                    status: $0.status,
                    conditions: $0.conditions.map { DTO.Condition(name: $0.name, check: $0.check, passed: $0.passed) })
            })
    }

    func call(req: Request) async throws -> Response {
        let input = try req.content.decode(DTO.MeetingIn.self)
        let m = try await MeetingsService.create(
            .init(
                node: nil, project: req.parameters.get("projectID", as: UUID.self), kind: input.kind,
                title: input.title,
                agenda: input.agenda, venue: input.venue, startsAt: input.startsAt, venueLevel: input.venueLevel),
            by: req.caller)
        let res = Response(status: .created)
        try res.content.encode(try await meetingOut(try await MeetingsService.readable(m.id, by: req.caller), req))
        return res
    }

    func node(_ code: String?, _ req: Request) async throws -> TerritoryNode {
        guard let code, let node = try await TerritoryNode.query(on: req.db).filter(\.$code == code).first() else {
            throw YishiError.invalid(["node": FieldText.unknownNode.key])
        }
        return node
    }

    /// The meetings at or below a node, newest first (the party members' own for staff only).
    func meetings(req: Request) async throws -> [DTO.Meeting] {
        let node = try await node(try? req.query.get(String.self, at: "node"), req)
        let manage = req.caller.allows(.projectManage, at: node.territoryPath)
        if !manage { try req.caller.authorize(.needRead, at: node.territoryPath) }
        let path = node.territoryPath
        var out: [DTO.Meeting] = []
        for m in try await Meeting.query(on: req.db).join(
            TerritoryNode.self, on: \Meeting.$node.$id == \TerritoryNode.$id
        )
        .filter(TerritoryNode.self, \.$path >= path.encoded).filter(
            TerritoryNode.self, \.$path < path.subtreeUpperBound
        )
        .with(\.$node).sort(\.$startsAt, .descending).limit(100).all() where manage || !m.kind.isInternal {
            out.append(try await meetingOut(m, req))
        }
        return out
    }

    /// A meeting of a place that belongs to no project.
    func callAtPlace(req: Request) async throws -> Response {
        let input = try req.content.decode(DTO.PlaceMeetingIn.self)
        let node = try await node(input.node, req)
        let m = try await MeetingsService.create(
            .init(
                node: node.id, project: nil, kind: input.kind, title: input.title, agenda: input.agenda,
                venue: input.venue, startsAt: input.startsAt, venueLevel: input.venueLevel), by: req.caller)
        let res = Response(status: .created)
        try res.content.encode(try await meetingOut(try await MeetingsService.readable(m.id, by: req.caller), req))
        return res
    }

    func meeting(req: Request) async throws -> DTO.Meeting {
        try await meetingOut(
            try await MeetingsService.readable(req.parameters.get("meetingID", as: UUID.self), by: req.caller), req)
    }

    func signIn(req: Request) async throws -> Response {
        let input = try req.content.decode(DTO.SignInIn.self)
        let m = try await MeetingsService.signIn(
            req.parameters.get("meetingID", as: UUID.self), code: input.code, resident: input.onBehalfOf?.resident,
            paperCount: input.paperCount.map(String.init), by: req.caller)
        let res = Response(status: .created)
        try res.content.encode(try await meetingOut(m, req))
        return res
    }

    func minutes(req: Request) async throws -> DTO.Meeting {
        let input = try req.content.decode(DTO.MinutesIn.self)
        return try await meetingOut(
            try await MeetingsService.recordMinutes(
                req.parameters.get("meetingID", as: UUID.self), text: input.minutes, by: req.caller),
            req)
    }

    /// Resident codes to the residents signed in at the meeting (a code not among them is refused).
    func handsOf(_ codes: [String], _ meeting: UUID?, _ req: Request) async throws -> [UUID] {
        guard !codes.isEmpty else { return [] }
        let m = try await MeetingsService.readable(meeting, by: req.caller)
        let byCode = Dictionary(
            try await Resident.query(on: req.db).filter(\.$code ~~ codes).all().map { ($0.code, $0.id!) },
            uniquingKeysWith: { a, _ in a })
        let present = Set(try await MeetingsService.attendees(of: m, on: req.db).map(\.id))
        return try codes.map { code in
            guard let id = byCode[code], present.contains(id) else {
                throw YishiError.invalid(["hands": MeetingText.handsNotPresent.key])
            }
            return id
        }
    }

    func resolve(req: Request) async throws -> Response {
        let input = try req.content.decode(DTO.ResolutionIn.self)
        let id = req.parameters.get("meetingID", as: UUID.self)
        _ = try await MeetingsService.resolve(
            id, text: input.text, electorate: input.electorate.map(String.init),
            present: input.present.map(String.init), yes: input.yes.map(String.init), basis: input.basis,
            households: input.households.map(String.init), householdsPresent: input.householdsPresent.map(String.init),
            hands: try await handsOf(input.hands ?? [], id, req), by: req.caller)
        let res = Response(status: .created)
        try res.content.encode(try await meetingOut(try await MeetingsService.readable(id, by: req.caller), req))
        return res
    }
}

extension DTO {
    struct Project: Content {
        var id: UUID
        var node: String
        var title: String
        var description: String
        var kind: String
        var initiator: String
        var budgetFen: Int64?
        var template: String
        /// The index of the stage it is at (the count of stages when every step is done).
        var stage: Int
        var stages: [String]
        var stageKey: String?
        var done: Bool
        /// What the stage still needs, in words.
        var missing: [String]
        var needs: [UUID]
        var lat: Double?
        var lon: Double?
        /// The working group.
        var members: [Member]
    }

    struct Member: Content {
        var id: UUID
        var role: String
        var name: String
    }

    struct ProjectIn: Content {
        var node: String
        var title: String
        var description: String?
        var kind: String
        var initiator: String
        var budgetFen: Int64?
        var template: String
        var needs: [UUID]
        var lat: Double?
        var lon: Double?
    }

    struct MoveIn: Content {
        var direction: String
        var reason: String?
    }

    struct Condition: Content {
        var name: String
        var check: String
        var passed: Bool
    }

    struct Resolution: Content {
        var id: UUID
        var text: String
        var electorate: Int?
        var present: Int
        var yes: Int
        var status: String
        var conditions: [Condition]
    }

    struct Meeting: Content {
        var id: UUID
        var node: String
        var project: UUID?
        var kind: String
        var title: String
        var agenda: String
        var venue: String
        var venueLevel: String?
        var startsAt: Date
        /// For staff only, to announce.
        var code: String?
        var held: Bool
        var minutes: String?
        /// Person-times present.
        var attendance: Int
        /// Views expressed and follow-up actions.
        var items: [MeetingItem]
        var resolutions: [Resolution]
    }

    struct MeetingItem: Content {
        var id: UUID
        var kind: String
        var text: String
        var owner: String?
        var due: String?
        var done: Bool
    }

    struct MeetingItemIn: Content {
        /// "view" or "action" (an action needs its owner and due date).
        var kind: String
        var text: String
        var owner: String?
        var due: String?
    }

    struct PlaceMeetingIn: Content {
        /// The place's code.
        var node: String
        var kind: String
        var title: String
        var agenda: String
        var venue: String
        var startsAt: String
        var venueLevel: String?
    }

    struct MeetingIn: Content {
        var kind: String
        var title: String
        var agenda: String
        var venue: String
        /// "2026-12-03 14:00", Shanghai time.
        var startsAt: String
        var venueLevel: String?
    }

    struct SignInIn: Content {
        var code: String?
        var onBehalfOf: OnBehalfOf?
        var paperCount: Int?
    }

    struct MinutesIn: Content { var minutes: String }

    struct ResolutionIn: Content {
        var text: String
        var electorate: Int?
        var present: Int?
        /// Those in favour as a number (added to `hands` when both are given).
        var yes: Int?
        /// Residents (their codes) who raised a hand, each signed in at the meeting.
        var hands: [String]?
        /// A residents' meeting: "adults", "households" or "groupRepresentatives".
        var basis: String?
        /// A village's meetings: its households, and those present or represented.
        var households: Int?
        var householdsPresent: Int?
    }
}
