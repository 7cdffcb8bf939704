import Foundation

/// The owners' votes' addresses (pages; the API is under /api/v1/votes).
extension Site.Pattern {
    static let ownersVotes = "/votes"
    static let ownersVoteNew = "/votes/new"
    static let ownersVote = "/votes/:voteID"
    static let ownersVoteFile = "/votes/:voteID/files/:fileID"
    static let ownersVoteRegister = "/votes/:voteID/register"
    static let ownersVoteDesignate = "/votes/:voteID/register/designations"
    static let ownersVoteObject = "/votes/:voteID/register/objections"
    static let ownersVoteOpen = "/votes/:voteID/open"
    static let ownersVoteBallot = "/votes/:voteID/ballot"
    static let ownersVoteEnter = "/votes/:voteID/enter"
    static let ownersVoteTurnout = "/votes/:voteID/turnout"
    static let ownersVoteProjector = "/votes/:voteID/projector"
    static let ownersVoteClose = "/votes/:voteID/close"
    static let ownersVotePublish = "/votes/:voteID/publish"
    static let ownersVoteResult = "/votes/:voteID/result"
    static let ownersVoteBallots = "/votes/:voteID/ballots"
    static let ownersVoteBallotsCSV = "/votes/:voteID/ballots.csv"
    static let receipts = "/receipts"
    static let receipt = "/receipts/:code"
}

extension Site {
    static func ownersVotes(node: UUID) -> String { "\(Pattern.ownersVotes)?node=\(node.uuidString)" }
    static func ownersVoteNew(node: UUID) -> String { "\(Pattern.ownersVoteNew)?node=\(node.uuidString)" }
    static func ownersVote(_ id: UUID, notice: String? = nil) -> String {
        with(fill(Pattern.ownersVote, id.uuidString), notice)
    }
    static func ownersVoteFile(_ id: UUID, _ file: UUID) -> String {
        fill(Pattern.ownersVoteFile, id.uuidString, file.uuidString)
    }
    static func ownersVote(_ pattern: String, _ id: UUID) -> String { fill(pattern, id.uuidString) }
    static func receipt(_ code: String) -> String { fill(Pattern.receipt, code) }
}
