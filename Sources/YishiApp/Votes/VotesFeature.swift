import Vapor

/// Statutory tallies from files (`yishi votes tally`).
struct VotesFeature: Feature {
    var commands: [FeatureCommand] { [.init(name: "votes", command: VotesCommand())] }
}
