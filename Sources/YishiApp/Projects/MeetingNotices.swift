import Fluent
import Vapor
import YishiCore

/// A meeting announced ahead through a public notice: the notice links back to the meeting.
enum MeetingNotices {
    static let kind = "meeting"

    static let subject = NoticeSubject(kind: kind) { id, db, ctx, poster in
        guard let m = try await Meeting.find(id, on: db), !m.kind.isInternal else { return [] }
        let line = ctx.t(MeetingText.noticeOf, m.title)
        return [poster ? C.text(line) : H.el("p", [], [H.link(line, Site.meeting(id))])]
    }
}
