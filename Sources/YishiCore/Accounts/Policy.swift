import Foundation

/// A role held at a node (nil: over the whole platform).
public struct Grant: Hashable, Sendable, Codable {
    public var role: Role
    public var path: TerritoryPath?

    public init(role: Role, path: TerritoryPath?) {
        self.role = role
        self.path = path
    }

    /// True when this grant's node is the resource's node or above it. Platform-level
    /// resources (nil) are covered only by platform-wide grants.
    public func covers(_ resource: TerritoryPath?) -> Bool {
        guard let path else { return true }
        guard let resource else { return false }
        return path.contains(resource)
    }
}

/// Who is asking: a signed-in user (or an API token acting for one) with their grants.
public struct Actor: Hashable, Sendable {
    public enum Kind: String, Codable, Sendable { case staff, resident }
    public var userId: UUID
    public var kind: Kind
    /// A resident confirmed against a household (实名); staff are verified by being appointed.
    public var isVerified: Bool
    public var grants: [Grant]

    public init(userId: UUID, kind: Kind, isVerified: Bool, grants: [Grant]) {
        self.userId = userId
        self.kind = kind
        self.isVerified = isVerified
        self.grants = grants
    }
}

/// Why a request was refused; each has a message in both languages.
public enum Denial: String, Error, Sendable, Equatable {
    case notSignedIn
    case roleLacksAction
    case outsideScope
    case notVerified
}

/// One capability's rows of the role → action table.
public typealias PolicySection = [Role: Set<Action>]

/// The one permission policy: "may this actor do this action on this resource at this node?"
///
/// Every route asks it; nothing else decides access. It is a pure function of the actor's grants,
/// the action and the resource's path, so it is tested exhaustively without a database.
public enum Policy {
    /// What each role allows, wherever it is held: each capability's section
    /// (`<Capability>+Policy.swift`) merged. A test prints the whole matrix and compares it with
    /// `Tests/YishiCoreTests/policy-matrix.txt`, so a review sees every change to it.
    public static let actions: [Role: Set<Action>] = sections.reduce(into: [:]) { table, section in
        for (role, granted) in section { table[role, default: []].formUnion(granted) }
    }

    /// The capabilities' sections of the role → action table, one line each.
    static let sections: [PolicySection] = [
        territorySection, peopleSection, accountsSection, auditSection, participationSection, needsSection,
        noticesSection, projectsSection, votesSection, plannersSection, fundsSection,
    ]

    /// Decides one request. `resource` is the path of the node the resource belongs to, or nil
    /// for a platform-level resource (the whole user list, the whole audit log).
    public static func decide(_ actor: Actor?, _ action: Action, at resource: TerritoryPath?) -> Result<Void, Denial> {
        guard let actor else { return .failure(.notSignedIn) }
        let withAction = actor.grants.filter { actions[$0.role, default: []].contains(action) }
        guard !withAction.isEmpty else { return .failure(.roleLacksAction) }
        guard withAction.contains(where: { $0.covers(resource) }) else { return .failure(.outsideScope) }
        if [.vote, .needRaise, .noticeObject, .surveyAnswer, .plannerRate].contains(action) && !actor.isVerified {
            return .failure(.notVerified)
        }
        return .success(())
    }

    public static func allows(_ actor: Actor?, _ action: Action, at resource: TerritoryPath?) -> Bool {
        if case .success = decide(actor, action, at: resource) { return true }
        return false
    }

    /// The nodes where the actor holds `action` (nil inside: platform-wide); where lists start.
    public static func scopes(_ actor: Actor?, for action: Action) -> [TerritoryPath?] {
        actor?.grants.filter { actions[$0.role, default: []].contains(action) }.map(\.path) ?? []
    }

    /// Does the actor hold `action` anywhere? (Which menus and pages to offer.)
    public static func holdsAnywhere(_ actor: Actor?, _ action: Action) -> Bool { !scopes(actor, for: action).isEmpty }

    /// May `actor` grant `role` at the node with `path` (nil: platform-wide)?
    /// Only user managers may, within their scope; only platform admins appoint platform admins,
    /// and a role may be held only at the levels it allows.
    public static func mayGrant(_ actor: Actor?, role: Role, at path: TerritoryPath?, level: TerritoryLevel?) -> Result<
        Void, GrantRefusal
    > {
        if role == .platformAdmin {
            guard path == nil else { return .failure(.wrongLevel) }
        } else {
            guard let level, role.allowedLevels.contains(level), path != nil else { return .failure(.wrongLevel) }
        }
        if case .failure(let denial) = decide(actor, .usersManage, at: path) { return .failure(.denied(denial)) }
        if role == .platformAdmin, !(actor?.grants.contains { $0.role == .platformAdmin } ?? false) {
            return .failure(.denied(.roleLacksAction))
        }
        return .success(())
    }

    /// The grants an API token may carry: a subset of what its owner holds.
    public static func tokenGrantAllowed(owner: Actor, grant: Grant) -> Bool {
        owner.grants.contains { $0.role == grant.role && $0.covers(grant.path) }
    }
}

public enum GrantRefusal: Error, Sendable, Equatable {
    case wrongLevel
    case denied(Denial)
}
