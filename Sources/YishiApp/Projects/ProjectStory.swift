import Fluent
import SQLKit
import Vapor
import YishiCore

/// The project's story (issue 18 §9): one page that tells everything in order — the needs, the
/// meetings, the design versions, the decisions, the notices, the works, the review — with what
/// happens next in plain words; printable. The party members' meeting and drafts are shown only
/// to staff who manage the project.
enum ProjectStory {
    struct Model: Sendable {
        var project: Project
        var template: WorkflowTemplate?
        var facts: StageFacts
        var needs: [Need]
        var meetings: [Meeting]
        var resolutions: [MeetingResolution]
        var votes: [(vote: DesignVote, options: [(label: String, version: Int)])]
        var options: [DesignOption]
        var notices: [PublicNotice]
        var records: [ProjectRecord]
        var survey: ProjectSurveys.State?
        var history: [ProjectMove]
    }

    static func model(_ id: UUID?, by caller: Caller) async throws -> Model {
        let p = try await ProjectsService.readable(id, by: caller)
        let db = caller.db
        let manage = caller.allows(.projectManage, at: p.node.territoryPath)
        let pid = try p.requireID()
        let meetings = try await Meeting.query(on: db).filter(\.$project.$id == pid).sort(\.$startsAt).all()
            .filter { manage || !$0.kind.isInternal }
        let ids = meetings.compactMap(\.id)
        let resolutions =
            ids.isEmpty
            ? [] : try await MeetingResolution.query(on: db).filter(\.$meeting.$id ~~ ids).sort(\.$createdAt).all()
        let options = try await DesignOptions.of(p, on: db)
        var votes: [(DesignVote, [(label: String, version: Int)])] = []
        if !ids.isEmpty {
            for v in try await DesignVote.query(on: db).filter(\.$meeting.$id ~~ ids).sort(\.$createdAt).all() {
                votes.append(
                    (
                        v,
                        v.optionIDs.map { id in
                            options.first { $0.id == id }.map { ($0.label, $0.version) }
                        }.compactMap { $0 }
                    ))
            }
        }
        let notices = try await PublicNotice.query(on: db).filter(\.$subjectKind == ProjectNotices.kind)
            .filter(\.$subjectID == pid).filter(\.$status == .published).sort(\.$startsAt).all()
        return Model(
            project: p, template: try await Workflows.template(p.templateKey, for: p.node, on: db),
            facts: try await ProjectsService.facts(p, now: caller.now, on: db),
            needs: try await ProjectsService.needs(of: p, on: db).sorted { $0.firstSubmittedAt < $1.firstSubmittedAt },
            meetings: meetings, resolutions: resolutions,
            votes: votes, options: options, notices: notices,
            records: try await ProjectRecords.of(p, limit: 500, on: db),
            survey: try await ProjectSurveys.state(p, now: caller.now, on: db),
            history: try await ProjectMove.query(on: db).filter(\.$project.$id == pid).sort(\.$createdAt).all())
    }

    /// What happens next, in plain words: the stage it is at and what it still needs, or done.
    static func next(_ ctx: PageContext, _ m: Model) -> [String] {
        guard let t = m.template else { return [] }
        let p = m.project
        guard p.stage < t.stages.count else { return [ctx.t(WorksText.nextDone)] }
        let stage = t.stages[p.stage]
        let lacking = WorkflowRules.missing(stage, m.facts)
        var lines = [ctx.t(WorksText.nextStage, stage.name.text(ctx.lang))]
        if !lacking.isEmpty {
            lines.append(
                ctx.t(
                    WorksText.nextMissing,
                    lacking.map { ProjectPages.describe(ctx, $0) }.joined(separator: ctx.lang == .zhHans ? "；" : "; ")
                ))
        }
        return lines
    }

    static func optionLine(_ ctx: PageContext, _ o: DesignOption) -> String {
        let name: String = ctx.t(ProjectText.optionVersion, o.label, String(o.version))
        let chosen: String = o.chosen ? " · " + ctx.t(ProjectText.optionChosen) : ""
        let cost: String =
            o.costFen.map {
                (ctx.lang == .zhHans ? "（" : " (") + ctx.t(ProjectText.budgetLabel) + " " + Show.money(fen: $0)
                    + (ctx.lang == .zhHans ? "）" : ")")
            } ?? ""
        let sep = ctx.lang == .zhHans ? "：" : ": "
        return name + chosen + sep + o.description + cost
    }

    static func resolutionLine(_ ctx: PageContext, _ r: MeetingResolution) -> String {
        let status: String = MeetingPages.statusText(ctx, r.status)
        let counts: String = ctx.t(MeetingText.countsLine, String(r.yes), String(r.present))
        let checks: String = r.conditions.map { $0.plain(ctx.lang) }.joined(separator: "；")
        return [r.text, status, counts, checks].joined(separator: " · ")
    }

    static func page(_ ctx: PageContext, _ m: Model) -> PageView {
        let p = m.project
        return PageView(title: ctx.t(WorksText.storyTitle, p.title)) {
            H.el("p", [("class", "no-print")], [H.link(ctx.t(CommonText.back), Site.project(p.id!))])
            C.text(ctx.t(WorksText.storyIntro), muted: true)
            HTMLNode.group(C.paragraphs(p.description))
            C.facts(
                [
                    (ctx.t(ProjectText.fieldKind), ProjectPages.kindName(ctx, p.kind)),
                    (ctx.t(ProjectText.initiatorLabel), ProjectPages.initiatorName(ctx, p.initiator)),
                    (ctx.t(ProjectText.stage), ProjectPages.stageLine(ctx, p, m.template)),
                ] + (p.budgetFen.map { [(ctx.t(ProjectText.budgetLabel), Show.money(fen: $0))] } ?? []))
            C.section(ctx.t(WorksText.storyNext)) { C.list(next(ctx, m)) }
            C.section(ctx.t(WorksText.storyNeeds)) {
                C.list(
                    m.needs.map {
                        $0.title + " · " + ctx.t(NeedText.households, String($0.households)) + " · "
                            + Show.dateTime($0.firstSubmittedAt)
                    })
            }
            C.section(ctx.t(WorksText.storyMeetings)) {
                if m.meetings.isEmpty { C.text(ctx.t(MeetingText.noMeetings), muted: true) }
                for mt in m.meetings {
                    H.el("div", [("class", "card")]) {
                        H.el("h3", [], [H.link(mt.title, Site.meeting(mt.id!))])
                        C.text(mt.kind.name.text(ctx.lang) + " · " + Show.dateTime(mt.startsAt) + " · " + mt.venue)
                        if let minutes = mt.minutes, !minutes.isEmpty {
                            HTMLNode.group(C.paragraphs(minutes))
                        } else {
                            C.tag(ctx.t(MeetingText.planned))
                        }
                    }
                }
            }
            C.section(ctx.t(WorksText.storyOptions)) {
                if m.options.isEmpty { C.text(ctx.t(ProjectText.optionsEmpty), muted: true) }
                C.list(m.options.map { optionLine(ctx, $0) })
            }
            C.section(ctx.t(WorksText.storyDecisions)) {
                if m.resolutions.isEmpty && m.votes.isEmpty { C.text(ctx.t(MeetingText.noResolutions), muted: true) }
                C.list(m.resolutions.map { resolutionLine(ctx, $0) })
                for (v, options) in m.votes {
                    if let r = v.result {
                        let labels = options.map { ctx.t(ProjectText.optionVersion, $0.label, String($0.version)) }
                        H.el("div", [("class", "card")]) {
                            H.el("h3", text: ctx.t(VoteText.title))
                            C.list(OptionVote.explain(r, labels: labels, lang: ctx.lang))
                        }
                    }
                }
            }
            C.section(ctx.t(WorksText.storyNotices)) {
                if m.notices.isEmpty { C.text(ctx.t(NoticeText.listEmpty), muted: true) }
                C.list(
                    m.notices.map { n in
                        [
                            H.link(n.title, Site.notice(n.id!)),
                            .text(" · " + Show.dateTime(n.startsAt) + " – " + Show.dateTime(n.endsAt)),
                        ]
                    })
            }
            C.section(ctx.t(WorksText.storyWorks)) {
                let works = m.records.filter { !$0.kind.isReview }
                if works.isEmpty { C.text(ctx.t(WorksText.worksEmpty), muted: true) }
                for r in works { ProjectPages.record(ctx, p, r, meetings: m.meetings) }
            }
            C.section(ctx.t(WorksText.storyReview)) {
                if let s = m.survey, s.closed { ProjectPages.satisfaction(ctx, s.satisfaction) }
                let review = m.records.filter(\.kind.isReview)
                if review.isEmpty && m.survey == nil { C.text(ctx.t(WorksText.reviewEmpty), muted: true) }
                for r in review { ProjectPages.record(ctx, p, r, meetings: m.meetings) }
            }
            C.section(ctx.t(ProjectText.history)) {
                let stages = m.template?.stages ?? []
                C.timeline(
                    ctx.t(ProjectText.history),
                    m.history.map { mv in
                        let name =
                            mv.toStage < stages.count ? stages[mv.toStage].name.text(ctx.lang) : ctx.t(ProjectText.done)
                        return (
                            Show.dateTime(mv.createdAt),
                            mv.reason.map { ctx.t(ProjectText.historyBack, name, $0) }
                                ?? ctx.t(ProjectText.historyForward, name)
                        )
                    })
            }
        }
    }
}
