/// Projects' part of the policy: staff who run a community's affairs start projects from its
/// needs, move them through their workflow, attach their documents and add a district's templates
/// (district administrators); whoever may read a place's needs reads its projects.
extension Policy {
    static let projectsSection: PolicySection = [
        .communityStaff: [.projectManage],
        .subdistrictStaff: [.projectManage],
        .districtAdmin: [.projectManage],
        .platformAdmin: [.projectManage],
    ]
}
