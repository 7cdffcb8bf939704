import Fluent
import SQLKit
import Vapor
import YishiCore

/// The demo story's writing hand: each thing of a project stored as it happened, on its day.
extension ProjectsDemoStory {
    struct Ctx {
        let db: any Database
        let now: Date
        let staff: UUID?
        let people: [PeopleQueries.ResidentRow]

        func day(_ d: Int, hour: Int = 14) -> Date {
            // `d` days from now, at `hour` o'clock in Shanghai.
            let t = now.addingTimeInterval(Double(d) * 86_400)
            let secs = (t.timeIntervalSince1970 + 8 * 3_600).truncatingRemainder(dividingBy: 86_400)
            return t.addingTimeInterval(-secs + Double(hour) * 3_600)
        }

        /// Sets a row's creation time (the demo tells a story over months).
        func backdate(_ table: String, _ id: UUID?, _ at: Date) async throws {
            guard let id else { return }
            try await (db as! any SQLDatabase).raw(
                "UPDATE \(unsafeRaw: table) SET created_at = \(bind: at) WHERE id = \(bind: id)"
            ).run()
        }

        func move(_ p: Project, to stage: Int, at: Date) async throws {
            let mv = ProjectMove()
            mv.$project.id = try p.requireID()
            mv.fromStage = p.stage
            mv.toStage = stage
            mv.byID = staff
            try await mv.create(on: db)
            try await backdate("project_moves", mv.id, at)
            p.stage = stage
            try await p.update(on: db)
        }

        /// A held meeting: `code` people signed in by code, `roster` ticked off, `paper` counted.
        func meeting(
            _ p: Project, _ kind: MeetingKind, _ title: String, agenda: String, venue: String, at: Date,
            minutes: String, code: Int, roster: Int, paper: Int, level: VenueLevel = .community, offset: Int = 0
        ) async throws -> Meeting {
            let m = Meeting()
            m.$node.id = p.$node.id
            m.$project.id = p.id
            m.projectStage = p.stage
            m.kind = kind
            m.title = title
            m.agenda = agenda
            m.venue = venue
            m.venueLevel = level.rawValue
            m.startsAt = at
            m.code = String(format: "%06d", (abs(title.hashValue) % 900_000) + 100_000)
            m.minutes = minutes
            m.createdByID = staff
            try await m.create(on: db)
            try await backdate("meetings", m.id, at.addingTimeInterval(-7 * 86_400))
            for (i, person) in people.dropFirst(offset).prefix(code + roster).enumerated() {
                let a = MeetingAttendance()
                a.$meeting.id = try m.requireID()
                a.$resident.id = person.id
                a.channel = i < code ? .code : .roster
                a.count = 1
                a.enteredByID = i < code ? nil : staff
                try await a.create(on: db)
            }
            if paper > 0 {
                let a = MeetingAttendance()
                a.$meeting.id = try m.requireID()
                a.channel = .paper
                a.count = paper
                a.enteredByID = staff
                try await a.create(on: db)
            }
            return m
        }

        func resolve(_ m: Meeting, _ text: String, present: Int, yes: Int) async throws {
            let d = try MeetingRules.decide(m.kind, .init(present: present, yes: yes)).get()
            let r = MeetingResolution()
            r.$meeting.id = try m.requireID()
            r.text = text
            r.present = present
            r.yes = yes
            r.status = d.status.rawValue
            r.conditionsJSON = String(decoding: try JSONEncoder().encode(d.conditions), as: UTF8.self)
            r.enteredByID = staff
            try await r.create(on: db)
            try await backdate("meeting_resolutions", r.id, m.startsAt.addingTimeInterval(5_400))
        }

        func item(_ m: Meeting, _ kind: MeetingItem.Kind, _ text: String, owner: String? = nil, due: String? = nil)
            async throws
        {
            let i = MeetingItem()
            i.$meeting.id = try m.requireID()
            i.kind = kind
            i.text = text
            i.owner = owner
            i.dueOn = due
            i.doneAt = kind == .action ? m.startsAt.addingTimeInterval(6 * 86_400) : nil
            i.byID = staff
            try await i.create(on: db)
        }

        func files(_ pictures: [(String, Data)]) async throws -> [UUID] {
            try await Uploads.store(
                pictures.map { Uploads.File(name: $0.0, contentType: "image/png", data: $0.1) }, by: staff, on: db)
        }

        func record(
            _ p: Project, _ kind: ProjectRecordKind, at: Date, text: String = "", party: String? = nil,
            method: ProcurementMethod? = nil, amount: Int64? = nil, percent: Int? = nil,
            result: AcceptanceResult? = nil, date: String? = nil, meeting: UUID? = nil,
            pictures: [(String, Data)] = [], byResident: Bool = false
        ) async throws {
            let r = ProjectRecord()
            r.$project.id = try p.requireID()
            r.kind = kind
            r.stage = p.stage
            r.text = text
            r.party = party
            r.method = method?.rawValue
            r.amountFen = amount
            r.percent = percent
            r.result = result?.rawValue
            r.date = date ?? String(Show.dateTime(at).prefix(10))
            r.meetingID = meeting
            r.attachmentsJSON = DesignVotes.json(try await files(pictures))
            r.byID = staff
            r.byResident = byResident
            try await r.create(on: db)
            try await backdate("project_records", r.id, at)
        }

        /// A published notice of the project, its period over, with `objection` answered if given.
        func notice(
            _ p: Project, _ title: String, _ body: String, published: Date, days: Int,
            subject: (String, UUID)? = nil, objection: (String, String)? = nil
        ) async throws {
            let n = PublicNotice()
            n.$node.id = p.$node.id
            n.title = title
            n.body = body
            n.subjectKind = subject?.0 ?? ProjectNotices.kind
            n.subjectID = subject?.1 ?? p.id
            n.days = days
            n.status = .published
            let period = NoticePeriod.starting(published, days: days)
            n.startsAt = period.starts
            n.endsAt = period.ends
            n.createdByID = staff
            n.publishedByID = staff
            try await n.create(on: db)
            try await backdate("public_notices", n.id, published.addingTimeInterval(-3_600))
            if let (text, answer) = objection {
                let o = NoticeObjection()
                o.$notice.id = try n.requireID()
                o.text = text
                o.$resident.id = people.first?.id
                o.channel = YishiCore.Channel.online.rawValue
                o.answer = answer
                o.answeredByID = staff
                o.answeredAt = published.addingTimeInterval(2 * 86_400)
                try await o.create(on: db)
            }
        }
    }
}
