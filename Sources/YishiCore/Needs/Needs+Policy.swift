/// The needs' part of the policy. Residents read their community's needs and raise them (once
/// verified, `Policy.decide`); committee, subdistrict and district staff enter needs for residents
/// and sort them; staff and planners turn life-circle gaps into needs; planners, social organisations, owners' committees and property managers read.
extension Policy {
    static let needsSection: PolicySection = [
        .resident: [.needRead, .needRaise],
        .communityStaff: [.needRead, .needManage, .needFromGap],
        .subdistrictStaff: [.needRead, .needManage, .needFromGap],
        .districtAdmin: [.needRead, .needManage, .needFromGap],
        .platformAdmin: [.needRead, .needManage, .needFromGap],
        .planner: [.needRead, .needFromGap],
        .socialOrganization: [.needRead],
        .ownersCommittee: [.needRead],
        .propertyManager: [.needRead],
    ]
}
