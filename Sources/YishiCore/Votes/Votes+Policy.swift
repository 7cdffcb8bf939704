/// Owners' votes' part of the policy: the owners' committee runs its compound's votes and posts
/// their notices (the register, the result); the residents' committee may run one where the
/// compound has no owners' committee (the service checks that). Reading a vote's staff pages needs
/// the owners' register right; owners vote through their own session (the register's phone).
extension Policy {
    static let votesSection: PolicySection = [
        .ownersCommittee: [.ownersVoteManage, .noticeManage],
        .communityStaff: [.ownersVoteManage],
    ]
}
