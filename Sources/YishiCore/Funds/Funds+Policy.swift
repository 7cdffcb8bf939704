/// Money in the open's part of the policy (seed 000 §三.4). The district, the subdistricts and the
/// residents' committees keep pots, allocate on decisions, record and approve; the owners' committee
/// does the same for its compound's maintenance fund; the property manager and social organisations
/// record money received and submit expenses. Reading a pot's figures, statements and a project's
/// money needs no right: they are public (names only as the pot allows).
extension Policy {
    static let fundsSection: PolicySection = [
        .districtAdmin: [.fundManage, .fundRecord, .fundApprove],
        .subdistrictStaff: [.fundManage, .fundRecord, .fundApprove],
        .communityStaff: [.fundManage, .fundRecord, .fundApprove],
        .ownersCommittee: [.fundManage, .fundRecord, .fundApprove],
        .propertyManager: [.fundRecord],
        .socialOrganization: [.fundRecord],
    ]
}
