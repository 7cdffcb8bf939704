import Fluent
import SQLKit
import Vapor
import YishiCore

/// A project's working group (项目工作组).
extension ProjectsService {
    /// Adds a member to the working group (staff): a staff account by its username, a resident of
    /// the place from the register, or a contractor by name. The same person twice is a 409.
    static func addMember(_ id: UUID?, role: String?, who: String, by caller: Caller) async throws -> ProjectMember {
        let p = try await readable(id, by: caller)
        try caller.authorize(.projectManage, at: p.node.territoryPath)
        guard let role = role.flatMap(WorkingGroupRole.init(rawValue:)) else {
            throw YishiError.invalid(["role": FieldText.requiredText.key])
        }
        let text = who.trimmed
        guard !text.isEmpty else { throw YishiError.invalid(["who": FieldText.requiredText.key]) }
        var (userID, residentID, name): (UUID?, UUID?, String) = (nil, nil, text)
        switch role {
        case .resident:
            let (home, _) = try await ResidentHome.whose(text, by: caller, managing: .projectManage)
            guard p.node.territoryPath.contains(home.path) || home.path.contains(p.node.territoryPath) else {
                throw YishiError.invalid(["who": NeedText.noResident.key])
            }
            residentID = home.resident.id
            name = home.resident.name
        case .planner, .committee, .ownersCommittee:
            // An account that works in the project's district (a role at one of its nodes); any other
            // answers as if there were none, so a username elsewhere reveals nothing.
            let district = p.node.territoryPath.ids.first
            guard let u = try await User.query(on: caller.db).filter(\.$username == text).first(),
                try await RoleGrant.query(on: caller.db).filter(\.$user.$id == u.requireID()).with(\.$node).all()
                    .contains(where: { $0.node?.territoryPath.ids.first == district && district != nil })
            else {
                throw YishiError.invalid(["who": ProjectText.noAccount.key])
            }
            userID = u.id
            name = u.displayName
        case .contractor:
            switch FieldRules.text(text, max: 60) {
            case .success(let v): name = v
            case .failure(let problem): throw YishiError.invalid(["who": problem.fieldKey])
            }
        }
        let (u, r, n) = (userID, residentID, name)
        do {
            return try await caller.audited { tx in
                let m = ProjectMember()
                m.$project.id = try p.requireID()
                m.role = role
                m.userID = u
                m.residentID = r
                m.name = n
                try await m.create(on: tx)
                return (
                    m,
                    AuditEvent(
                        action: .projectMember, targetType: "project", targetID: p.id!.uuidString, nodeID: p.$node.id,
                        details: ["title": p.title, "role": role.rawValue, "name": n])
                )
            }
        } catch let error where error.isUniqueViolation {
            throw YishiError.conflict(key: ProjectText.memberClash.key)
        }
    }

    static func removeMember(_ memberID: UUID?, by caller: Caller) async throws -> ProjectMember {
        guard let memberID, let m = try await ProjectMember.find(memberID, on: caller.db) else {
            throw YishiError.notFound
        }
        let p = try await readable(m.$project.id, by: caller)
        try caller.authorize(.projectManage, at: p.node.territoryPath)
        return try await caller.audited { tx in
            try await m.delete(on: tx)
            return (
                m,
                AuditEvent(
                    action: .projectMember, targetType: "project", targetID: p.id!.uuidString, nodeID: p.$node.id,
                    details: ["title": p.title, "role": m.role.rawValue, "removed": "yes"])
            )
        }
    }

    static func members(of p: Project, on db: any Database) async throws -> [ProjectMember] {
        try await ProjectMember.query(on: db).filter(\.$project.$id == p.requireID()).sort(\.$createdAt).all()
    }
}
