/// The audit log's part of the policy.
extension Policy {
    static let auditSection: PolicySection = [
        .platformAdmin: [.auditRead],
        .districtAdmin: [.auditRead],
    ]
}
