import Vapor

/// Owners' votes (业主大会表决) on the platform, and statutory tallies from files (`yishi votes tally`,
/// `yishi votes verify VOTE_ID`).
struct VotesFeature: Feature {
    var api: [any RouteCollection] { [OwnersVotesAPI()] }
    var apiDescription: APIDescription {
        .init(operations: OpenAPIDocument.ownersVotesOperations, schemas: { OpenAPIDocument.ownersVotesSchemas })
    }
    var commands: [FeatureCommand] { [.init(name: "votes", command: VotesCommand())] }
}
