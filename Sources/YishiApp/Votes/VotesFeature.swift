import SQLKit
import Vapor
import YishiCore

/// Owners' votes (业主大会表决) on the platform, and statutory tallies from files (`yishi votes tally`,
/// `yishi votes verify VOTE_ID`).
struct VotesFeature: Feature {
    var pages: [any RouteCollection] { [OwnersVoteRoutes()] }
    var api: [any RouteCollection] { [OwnersVotesAPI()] }
    var apiDescription: APIDescription {
        .init(operations: OpenAPIDocument.ownersVotesOperations, schemas: { OpenAPIDocument.ownersVotesSchemas })
    }
    var commands: [FeatureCommand] { [.init(name: "votes", command: VotesCommand())] }
    var navigation: [NavEntry] {
        [
            NavEntry(order: 14, label: OwnerVotePageText.nav.key, path: Site.Pattern.ownersVotes) {
                Policy.holdsAnywhere($0, .ownersVoteManage) || Policy.holdsAnywhere($0, .ownersRegisterRead)
            }
        ]
    }
    var notices: [String] {
        [
            OwnerVotePageText.created, OwnerVotePageText.frozen, OwnerVotePageText.objected, OwnerVotePageText.opened,
            OwnerVotePageText.closedDone, OwnerVotePageText.published, OwnerVotePageText.designatedDone,
        ].map(\.key)
    }
    var noticeSubjects: [NoticeSubject] { [OwnersVoteNotices.register, OwnersVoteNotices.result] }
    var demoStories: [DemoStory] { [OwnersVotesDemo.story] }
}

/// The register and the result, published through the notice mechanism. The public notice shows
/// counts only: owners' names stay off it (an owner sees their own entry on the vote's page).
enum OwnersVoteNotices {
    static let register = NoticeSubject(
        kind: "ownersRegister",
        view: { id, db, ctx, poster in
            guard let v = try await OwnersVote.find(id, on: db) else { return [] }
            let head = try await (db as! any SQLDatabase).raw(
                "SELECT version, hash, persons, area FROM owner_vote_registers WHERE vote_id = \(bind: id) ORDER BY version DESC LIMIT 1"
            ).first()
            guard let head else { return [] }
            let line = ctx.t(
                OwnerVotePageText.noticeRegisterLine, String(try head.decode(column: "version", as: Int.self)),
                String(try head.decode(column: "persons", as: Int.self)),
                Show.area(centi: try head.decode(column: "area", as: Int64.self)),
                RecordHash.shown(try head.decode(column: "hash", as: String.self)))
            return [
                poster ? C.text(v.title) : H.el("p", [], [H.link(v.title, Site.ownersVote(id))]), C.text(line),
                C.text(ctx.t(OwnerVotePageText.noticeSignIn), muted: true),
            ]
        })

    static let result = NoticeSubject(
        kind: "ownersResult",
        view: { id, db, ctx, poster in
            guard let v = try await OwnersVote.find(id, on: db), let r = OwnersVotes.result(v) else { return [] }
            return [
                poster ? C.text(v.title) : H.el("p", [], [H.link(v.title, Site.ownersVote(id))]),
                OwnersVoteResultView.figures(ctx, r, notes: true),
            ]
        })
}
