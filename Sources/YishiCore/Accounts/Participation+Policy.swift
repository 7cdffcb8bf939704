/// Residents' participation: commenting, and voting once verified (`Policy.decide` checks that).
extension Policy {
    static let participationSection: PolicySection = [
        .resident: [.comment, .vote]
    ]
}
