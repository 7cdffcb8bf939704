/// Accounts' part of the policy: managing users and roles, verifying residents, acting for them.
extension Policy {
    static let accountsSection: PolicySection = [
        .platformAdmin: [.residentVerify, .usersManage],
        .districtAdmin: [.residentVerify, .usersManage],
        .subdistrictStaff: [.residentVerify, .actForResident],
        .communityStaff: [.residentVerify, .actForResident],
        .socialOrganization: [.actForResident],
    ]
}
