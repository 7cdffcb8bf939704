/// The people registers' part of the policy. Reading the household register is `personalDataRead`
/// (the territory's section); seeing a whole phone number is more, and only the residents'
/// committee — who ring residents — may, each time audited. Everyone else sees `138****0001`.
extension Policy {
    static let peopleSection: PolicySection = [
        .communityStaff: [.phoneReveal]
    ]
}
