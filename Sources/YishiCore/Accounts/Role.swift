import Foundation

/// A role is held at a node of the territory tree and applies to it and everything below.
/// Platform administrators hold theirs over the whole platform (no node).
public enum Role: String, Codable, CaseIterable, Sendable {
    case platformAdmin
    case districtAdmin
    case subdistrictStaff
    case communityStaff
    case planner
    case ownersCommittee
    case propertyManager
    case socialOrganization
    case resident

    /// The levels at which this role may be held; empty means platform-wide only.
    public var allowedLevels: Set<TerritoryLevel> {
        switch self {
        case .platformAdmin: return []
        case .districtAdmin: return [.district]
        case .subdistrictStaff: return [.subdistrict]
        case .communityStaff: return [.community]
        case .planner: return [.district, .subdistrict, .community]
        case .ownersCommittee, .propertyManager: return [.compound]
        case .socialOrganization: return [.subdistrict, .community]
        case .resident: return [.community, .compound, .building]
        }
    }

    /// Staff sign in with a password; residents with a phone and a one-time code.
    public var isStaff: Bool { self != .resident }
}

/// What an actor may want to do. Raw values are stored with API tokens and in the audit log.
public enum Action: String, Codable, CaseIterable, Sendable {
    /// See the territory tree (names, kinds, counts) within scope.
    case territoryRead
    /// Create and edit nodes, units and their fields.
    case territoryEdit
    /// Import compounds, buildings, units, owners and households from CSV.
    case territoryImport
    /// See the household register: residents, households, tenants, birth years, flags, their phones.
    case personalDataRead
    /// 显示完整手机号: see a resident's whole phone number, each time audited (committee staff).
    case phoneReveal
    /// 需求: read a community's needs; raise a need and add "me too" (a verified resident); enter
    /// needs for residents and sort them (accept, decline) as staff.
    case needRead, needRaise, needManage
    /// Turn a gap of the 15-minute life circle into a need, with the distances as evidence (staff
    /// and community planners).
    case needFromGap
    /// 公示: publish notices, record paper objections and answer them (staff); object to one (a
    /// verified resident whose home is under the notice's place). Reading a notice needs no account.
    case noticeManage, noticeObject
    /// 问卷: build and run questionnaires, enter paper answers (staff); answer one (a verified resident).
    case surveyManage, surveyAnswer
    /// 项目: start a project from needs, move it through its workflow, attach its documents (staff).
    case projectManage
    /// See the owners' register: owners, their units and areas, owners' phones (the owners'
    /// committee needs it to run owners' votes; it gives nothing about households or residents).
    case ownersRegisterRead
    /// Confirm a resident's account against a household (实名).
    case residentVerify
    /// Enter something on a resident's behalf (代录).
    case actForResident
    /// List users and grant or revoke roles within scope.
    case usersManage
    /// Read the audit log within scope.
    case auditRead
    /// Create a district (a new tree root).
    case districtCreate
    /// Comment on items within scope: any signed-in resident.
    case comment
    /// Vote within scope: verified residents only.
    case vote
    /// 业主大会表决: create an owners' vote, freeze and publish its register, enter paper and proxy
    /// ballots, open, close and publish it (the owners' committee; the residents' committee where
    /// the compound has none — the service checks that).
    case ownersVoteManage
    /// 社区规划师: keep the pool of planners, review applications, pair planners with subdistricts
    /// and communities, confirm service entries (the district and the subdistricts).
    case plannerManage
    /// Appoint a planner and issue the certificate (the tier's authority: the district for experts,
    /// the subdistrict otherwise — checked by `PlannerAppointment.authorized`).
    case plannerAppoint
    /// Score a planner's annual review (评定).
    case plannerReview
    /// Log one's own service as a planner.
    case plannerLog
    /// Rate a planner's help on a project (a verified resident, once per project).
    case plannerRate
    /// Write a community's diagnosis report (把脉).
    case diagnosisWrite
    /// 阳光居务: open and close pots, allocate to projects on their decisions, set matching rules,
    /// record payments, correct entries and publish statements.
    case fundManage
    /// Record money received and pledged (cash collected on residents' behalf too), set budget lines'
    /// expenses and submit them.
    case fundRecord
    /// Approve, reject or send back an expense at a step of its pot's approval policy.
    case fundApprove
}
