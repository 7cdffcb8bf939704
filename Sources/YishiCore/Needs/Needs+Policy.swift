/// The needs' part of the policy. Residents read their community's needs and raise them (once
/// verified, `Policy.decide`); committee, subdistrict and district staff enter needs for residents
/// and sort them; planners, social organisations, owners' committees and property managers read.
extension Policy {
    static let needsSection: PolicySection = [
        .resident: [.needRead, .needRaise],
        .communityStaff: [.needRead, .needManage],
        .subdistrictStaff: [.needRead, .needManage],
        .districtAdmin: [.needRead, .needManage],
        .platformAdmin: [.needRead, .needManage],
        .planner: [.needRead],
        .socialOrganization: [.needRead],
        .ownersCommittee: [.needRead],
        .propertyManager: [.needRead],
    ]
}
