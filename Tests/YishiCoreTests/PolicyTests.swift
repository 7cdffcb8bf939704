import Foundation
import Testing

@testable import YishiCore

/// A small tree: district D with subdistricts S1, S2; S1 has communities C1, C2; C1 has compound X1
/// with building B1. Every role is held at its natural node inside S1/C1/X1.
struct Tree {
    static let d = UUID(), s1 = UUID(), s2 = UUID(), c1 = UUID(), c2 = UUID(), x1 = UUID(), b1 = UUID(), x2 = UUID()
    static let D = TerritoryPath([d])
    static let S1 = D.appending(s1), S2 = D.appending(s2)
    static let C1 = S1.appending(c1), C2 = S1.appending(c2)
    static let X1 = C1.appending(x1), X2 = C2.appending(x2)
    static let B1 = X1.appending(b1)

    /// Where each role is held, a resource inside its scope and one outside.
    static func placement(_ role: Role) -> (held: TerritoryPath?, inside: TerritoryPath?, outside: TerritoryPath?) {
        switch role {
        case .platformAdmin: return (nil, B1, nil)
        case .districtAdmin: return (D, B1, TerritoryPath([UUID()]))
        case .subdistrictStaff, .planner, .socialOrganization: return (S1, B1, S2)
        case .communityStaff, .resident: return (C1, B1, C2)
        case .ownersCommittee, .propertyManager: return (X1, B1, X2)
        }
    }
}

/// The specification of who may do what, written out independently of `Policy.actions`.
let expectedActions: [Role: Set<Action>] = [
    .platformAdmin: [
        .territoryRead, .territoryEdit, .territoryImport, .personalDataRead, .ownersRegisterRead, .residentVerify,
        .usersManage, .auditRead, .districtCreate, .needRead, .needManage, .needFromGap, .noticeManage, .surveyManage,
        .projectManage,
    ],
    .districtAdmin: [
        .territoryRead, .territoryEdit, .territoryImport, .personalDataRead, .ownersRegisterRead, .residentVerify,
        .usersManage, .auditRead, .needRead, .needManage, .needFromGap, .noticeManage, .surveyManage, .projectManage,
        .plannerManage, .plannerAppoint, .plannerReview, .diagnosisWrite, .fundManage, .fundRecord, .fundApprove,
    ],
    .subdistrictStaff: [
        .territoryRead, .territoryEdit, .territoryImport, .personalDataRead, .ownersRegisterRead, .residentVerify,
        .actForResident, .needRead, .needManage, .needFromGap, .noticeManage, .surveyManage, .projectManage,
        .plannerManage, .plannerAppoint, .plannerReview, .diagnosisWrite, .fundManage, .fundRecord, .fundApprove,
    ],
    .communityStaff: [
        .territoryRead, .territoryEdit, .territoryImport, .personalDataRead, .ownersRegisterRead, .residentVerify,
        .actForResident, .phoneReveal, .needRead, .needManage, .needFromGap, .noticeManage, .surveyManage,
        .projectManage, .ownersVoteManage, .diagnosisWrite, .fundManage, .fundRecord, .fundApprove,
    ],
    .planner: [.territoryRead, .needRead, .needFromGap, .plannerLog, .diagnosisWrite],
    .ownersCommittee: [
        .territoryRead, .ownersRegisterRead, .needRead, .ownersVoteManage, .noticeManage, .fundManage, .fundRecord,
        .fundApprove,
    ],
    .propertyManager: [.territoryRead, .needRead, .fundRecord],
    .socialOrganization: [.territoryRead, .actForResident, .needRead, .fundRecord],
    .resident: [.territoryRead, .comment, .vote, .needRead, .needRaise, .noticeObject, .surveyAnswer, .plannerRate],
]

struct PolicyCase: CustomTestStringConvertible, Sendable {
    var role: Role
    var action: Action
    var inside: Bool
    var testDescription: String { "\(role.rawValue) \(action.rawValue) \(inside ? "inside" : "outside")" }
}

let allPolicyCases: [PolicyCase] = Role.allCases.flatMap { role in
    Action.allCases.flatMap { action in [true, false].map { PolicyCase(role: role, action: action, inside: $0) } }
}

@Suite("Permission policy: every role × action × inside/outside scope")
struct PolicyTests {
    @Test(arguments: allPolicyCases)
    func decision(_ c: PolicyCase) {
        let place = Tree.placement(c.role)
        let actor = Actor(
            userId: UUID(), kind: c.role.isStaff ? .staff : .resident, isVerified: true,
            grants: [Grant(role: c.role, path: place.held)])
        let resource = c.inside ? place.inside : place.outside
        let result = Policy.decide(actor, c.action, at: resource)
        let has = expectedActions[c.role]!.contains(c.action)
        if !has {
            #expect(result == .failure(.roleLacksAction))
        } else if c.inside || c.role == .platformAdmin {
            // A platform-wide grant covers platform-level resources (nil) as well.
            #expect(result == .success(()))
        } else {
            #expect(result == .failure(.outsideScope))
        }
    }

    @Test func tableMatchesSpecification() {
        for role in Role.allCases { #expect(Policy.actions[role] == expectedActions[role], "\(role)") }
    }

    @Test func nobodySignedInIsRefused() {
        for action in Action.allCases { #expect(Policy.decide(nil, action, at: Tree.B1) == .failure(.notSignedIn)) }
    }

    @Test func platformLevelResourcesNeedPlatformGrant() {
        let district = Actor(
            userId: UUID(), kind: .staff, isVerified: true, grants: [Grant(role: .districtAdmin, path: Tree.D)])
        #expect(Policy.decide(district, .auditRead, at: nil) == .failure(.outsideScope))
        #expect(Policy.decide(district, .auditRead, at: Tree.C1) == .success(()))
    }

    @Test func unverifiedResidentMayCommentButNotVote() {
        let r = Actor(
            userId: UUID(), kind: .resident, isVerified: false, grants: [Grant(role: .resident, path: Tree.C1)])
        #expect(Policy.decide(r, .comment, at: Tree.B1) == .success(()))
        #expect(Policy.decide(r, .vote, at: Tree.B1) == .failure(.notVerified))
        #expect(Policy.decide(r, .needRaise, at: Tree.B1) == .failure(.notVerified), "needs too: verified residents")
        #expect(
            Policy.decide(r, .noticeObject, at: Tree.B1) == .failure(.notVerified), "objections: verified residents")
        #expect(
            Policy.decide(r, .surveyAnswer, at: Tree.B1) == .failure(.notVerified), "questionnaires: verified residents"
        )
        #expect(Policy.decide(r, .plannerRate, at: Tree.B1) == .failure(.notVerified), "ratings: verified residents")
        #expect(Policy.decide(r, .needRead, at: Tree.B1) == .success(()))
        var v = r
        v.isVerified = true
        #expect(Policy.decide(v, .vote, at: Tree.B1) == .success(()))
        #expect(Policy.decide(v, .vote, at: Tree.C2) == .failure(.outsideScope))
    }

    @Test func anyOfSeveralGrantsSuffices() {
        let a = Actor(
            userId: UUID(), kind: .staff, isVerified: true,
            grants: [Grant(role: .planner, path: Tree.C2), Grant(role: .communityStaff, path: Tree.C1)])
        #expect(Policy.allows(a, .territoryEdit, at: Tree.B1))
        #expect(!Policy.allows(a, .territoryEdit, at: Tree.X2))
        #expect(Policy.allows(a, .territoryRead, at: Tree.X2))
    }

    @Test func grantingRoles() {
        let platform = Actor(
            userId: UUID(), kind: .staff, isVerified: true, grants: [Grant(role: .platformAdmin, path: nil)])
        let district = Actor(
            userId: UUID(), kind: .staff, isVerified: true, grants: [Grant(role: .districtAdmin, path: Tree.D)])
        let community = Actor(
            userId: UUID(), kind: .staff, isVerified: true, grants: [Grant(role: .communityStaff, path: Tree.C1)])
        #expect(Policy.mayGrant(platform, role: .platformAdmin, at: nil, level: nil) == .success(()))
        #expect(
            Policy.mayGrant(district, role: .platformAdmin, at: nil, level: nil) == .failure(.denied(.outsideScope)))
        #expect(Policy.mayGrant(district, role: .communityStaff, at: Tree.C1, level: .community) == .success(()))
        #expect(
            Policy.mayGrant(district, role: .communityStaff, at: Tree.S1, level: .subdistrict) == .failure(.wrongLevel))
        #expect(Policy.mayGrant(district, role: .ownersCommittee, at: Tree.X1, level: .compound) == .success(()))
        #expect(
            Policy.mayGrant(
                district, role: .communityStaff, at: TerritoryPath([UUID(), UUID(), UUID()]), level: .community)
                == .failure(.denied(.outsideScope)))
        #expect(
            Policy.mayGrant(community, role: .resident, at: Tree.C1, level: .community)
                == .failure(.denied(.roleLacksAction)))
        #expect(Policy.mayGrant(platform, role: .districtAdmin, at: nil, level: nil) == .failure(.wrongLevel))
    }

    @Test func tokensCarryNoMoreThanTheOwnerHolds() {
        let owner = Actor(
            userId: UUID(), kind: .staff, isVerified: true, grants: [Grant(role: .communityStaff, path: Tree.C1)])
        #expect(Policy.tokenGrantAllowed(owner: owner, grant: Grant(role: .communityStaff, path: Tree.C1)))
        #expect(Policy.tokenGrantAllowed(owner: owner, grant: Grant(role: .communityStaff, path: Tree.X1)))
        #expect(!Policy.tokenGrantAllowed(owner: owner, grant: Grant(role: .communityStaff, path: Tree.S1)))
        #expect(!Policy.tokenGrantAllowed(owner: owner, grant: Grant(role: .districtAdmin, path: Tree.C1)))
    }

    @Test func assistedEntryNeedsAnOfflineChannelAndScope() {
        let staff = Actor(
            userId: UUID(), kind: .staff, isVerified: true, grants: [Grant(role: .communityStaff, path: Tree.C1)])
        let resident = UUID()
        #expect(
            Provenance.assisted(by: staff, for: resident, residentPath: Tree.B1, channel: .reception)
                == .success(Provenance(forResident: resident, enteredBy: staff.userId, channel: .reception)))
        #expect(
            Provenance.assisted(by: staff, for: resident, residentPath: Tree.B1, channel: .online)
                == .failure(.onlineChannelForAssisted))
        #expect(
            Provenance.assisted(by: staff, for: nil, residentPath: Tree.B1, channel: .visit)
                == .failure(.missingResident))
        #expect(
            Provenance.assisted(by: staff, for: resident, residentPath: Tree.X2, channel: .visit)
                == .failure(.notAllowed))
        #expect(Provenance.selfEntered(by: UUID(), resident: resident).isAssisted == false)
    }

    @Test func rolesAreHeldOnlyAtTheirLevels() {
        #expect(Role.platformAdmin.allowedLevels.isEmpty)
        #expect(Role.communityStaff.allowedLevels == [.community])
        #expect(Role.resident.allowedLevels.contains(.community))
        #expect(!Role.resident.isStaff && Role.planner.isStaff)
    }
}

extension Result: @retroactive Equatable where Success == Void, Failure: Equatable {
    public static func == (a: Result, b: Result) -> Bool {
        switch (a, b) {
        case (.success, .success): return true
        case (.failure(let x), .failure(let y)): return x == y
        default: return false
        }
    }
}

@Suite("Policy scopes")
struct PolicyScopeTests {
    @Test func scopesListWhereAnActionIsHeld() {
        let a = Actor(
            userId: UUID(), kind: .staff, isVerified: true,
            grants: [Grant(role: .planner, path: Tree.S1), Grant(role: .communityStaff, path: Tree.C1)])
        #expect(Policy.scopes(a, for: .territoryRead) == [Tree.S1, Tree.C1])
        #expect(Policy.scopes(a, for: .territoryEdit) == [Tree.C1])
        #expect(Policy.scopes(a, for: .usersManage).isEmpty)
        #expect(
            Policy.holdsAnywhere(a, .actForResident) && !Policy.holdsAnywhere(a, .auditRead)
                && !Policy.holdsAnywhere(nil, .territoryRead))
    }
}

/// The whole role → action table, as a review reads it. A change to any capability's section
/// changes `policy-matrix.txt`, which is checked in: the diff shows who gained or lost what.
/// `YISHI_RECORD=1 swift test --filter PolicyMatrixTests` rewrites the file after a deliberate change.
@Suite("Policy matrix")
struct PolicyMatrixTests {
    static func matrix() -> String {
        let width = Action.allCases.map(\.rawValue.count).max()!
        var lines = [
            "action".padding(toLength: width, withPad: " ", startingAt: 0) + " | "
                + Role.allCases.map(\.rawValue).joined(separator: " | ")
        ]
        for action in Action.allCases {
            let cells = Role.allCases.map { role in
                let mark = Policy.actions[role, default: []].contains(action) ? "x" : "."
                return mark.padding(toLength: role.rawValue.count, withPad: " ", startingAt: 0)
            }
            lines.append(
                action.rawValue.padding(toLength: width, withPad: " ", startingAt: 0) + " | "
                    + cells.joined(separator: " | "))
        }
        // No blanks at line ends (the last column is padded).
        return lines.map { String($0.reversed().drop { $0 == " " }.reversed()) }.joined(separator: "\n") + "\n"
    }

    @Test func theMatrixIsTheCheckedInOne() throws {
        let file = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent(
            "policy-matrix.txt")
        let now = Self.matrix()
        if ProcessInfo.processInfo.environment["YISHI_RECORD"] == "1" {
            try now.write(to: file, atomically: true, encoding: .utf8)
        }
        let stored = try String(contentsOf: file, encoding: .utf8)
        #expect(stored == now, "the policy changed; the whole matrix now:\n\(now)")
    }

    @Test func everySectionNamesOnlyKnownRolesAndEachActionIsGrantedSomewhere() {
        for action in Action.allCases {
            #expect(
                Role.allCases.contains { Policy.actions[$0, default: []].contains(action) },
                "\(action) is granted to no role")
        }
        #expect(Policy.sections.count == 11)
    }
}
