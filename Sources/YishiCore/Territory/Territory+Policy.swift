/// The territory's part of the policy: reading and editing the tree, importing it, and the two
/// registers (households: personal data; owners: the owners' register).
extension Policy {
    static let territorySection: PolicySection = [
        .platformAdmin: [
            .territoryRead, .territoryEdit, .territoryImport, .personalDataRead, .ownersRegisterRead, .districtCreate,
        ],
        .districtAdmin: [.territoryRead, .territoryEdit, .territoryImport, .personalDataRead, .ownersRegisterRead],
        .subdistrictStaff: [.territoryRead, .territoryEdit, .territoryImport, .personalDataRead, .ownersRegisterRead],
        .communityStaff: [.territoryRead, .territoryEdit, .territoryImport, .personalDataRead, .ownersRegisterRead],
        .planner: [.territoryRead],
        .ownersCommittee: [.territoryRead, .ownersRegisterRead],
        .propertyManager: [.territoryRead],
        .socialOrganization: [.territoryRead],
        .resident: [.territoryRead],
    ]
}
