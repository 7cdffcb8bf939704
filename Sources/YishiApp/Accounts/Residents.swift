import Fluent
import Vapor
import YishiCore

/// Resident accounts: registration on first sign-in, verification by staff (实名), and
/// registration by staff on a resident's behalf (代录).
enum Residents {
    enum Refusal: Error, Sendable {
        case noSuchAccount, noSuchResident, alreadyLinked, alreadyVerified, phoneTaken, badPhone
    }

    /// Where a resident lives, as a territory path (to the building), and the community's id.
    static func home(of resident: Resident, on db: any Database) async throws -> (
        building: TerritoryPath, community: UUID
    )? {
        guard let hid = resident.$household.id,
            let household = try await Household.query(on: db).filter(\.$id == hid).with(
                \.$unit, { $0.with(\.$building) }
            ).first()
        else { return nil }
        let path = household.unit.building.territoryPath
        guard path.ids.count > 2 else { return nil }
        return (path, path.ids[2])
    }

    /// First sign-in with a phone: an account, verified when the phone is on the household register.
    static func registerBySignIn(phone: String, by caller: Caller) async throws -> User {
        let resident = try await Resident.query(on: caller.db).filter(\.$phone == phone).first()
        var match: Resident? = nil
        if let resident,
            try await User.query(on: caller.db).filter(\.$resident.$id == resident.requireID()).first() == nil
        {
            match = resident
        }
        var home: (building: TerritoryPath, community: UUID)? = nil
        if let match { home = try await Self.home(of: match, on: caller.db) }
        let now = caller.now
        let (matched, place) = (match, home)
        return try await AuditLog.transaction(
            on: caller.db, actor: AuditActor(id: nil, label: OneTimeCodeRules.mask(phone)), time: caller.effects.time
        ) { tx in
            let user = User.resident(
                phone: phone, displayName: matched?.name ?? OneTimeCodeRules.mask(phone), provenance: nil)
            if let matched, place != nil {
                user.$resident.id = try matched.requireID()
                user.verifiedAt = now
            }
            try await user.create(on: tx)
            if let place {
                try await RoleGrant(
                    userID: try user.requireID(), role: .resident, nodeID: place.community, grantedBy: nil
                ).create(on: tx)
            }
            return (
                user,
                AuditEvent(
                    action: .accountRegister, targetType: "user", targetID: try user.requireID().uuidString,
                    nodeID: place?.community, details: ["verifiedFromRegister": place != nil ? "true" : "false"])
            )
        }
    }

    /// Staff confirm that the holder of `phone` is the resident `residentCode` (实名核验).
    ///
    /// A resident code that does not exist and one outside the staff member's area get the same
    /// answer, and so do an unknown phone and one already verified elsewhere: the page must not
    /// tell what exists beyond the staff member's scope.
    static func verify(phone phoneText: String, residentCode: String, by caller: Caller) async throws -> User {
        let staff = try caller.requireActor()
        guard let phone = OneTimeCodeRules.normalizePhone(phoneText) else {
            throw YishiError.invalid(["phone": SignInText.errorPhone.key])
        }
        guard let resident = try await Resident.query(on: caller.db).filter(\.$code == residentCode).first(),
            let home = try await home(of: resident, on: caller.db),
            Policy.allows(staff, .residentVerify, at: home.building)
        else {
            // Without the right anywhere, the plain refusal; with it, one answer for "unknown" and "not yours".
            guard Policy.holdsAnywhere(staff, .residentVerify) else { throw YishiError.denied(.roleLacksAction) }
            throw YishiError.invalid(["resident": VerifyText.residentNotFound.key])
        }
        guard
            let user = try await User.query(on: caller.db).filter(\.$phone == phone).filter(\.$kind == .resident)
                .first()
        else {
            throw YishiError.invalid(["phone": VerifyText.phoneNotFound.key])
        }
        if user.verifiedAt != nil {
            let linked = try await user.$resident.id.asyncMap { try await Resident.find($0, on: caller.db) } ?? nil
            let place = try await linked.asyncMap { try await Self.home(of: $0, on: caller.db) } ?? nil
            let visible = place.map { Policy.allows(staff, .residentVerify, at: $0.building) } ?? false
            throw YishiError.invalid(["phone": visible ? VerifyText.phoneVerified.key : VerifyText.phoneNotFound.key])
        }
        if try await User.query(on: caller.db).filter(\.$resident.$id == resident.requireID()).first() != nil {
            throw YishiError.invalid(["resident": AssistedText.hasAccount.key])
        }
        let now = caller.now
        return try await caller.audited { tx in
            user.$resident.id = try resident.requireID()
            user.verifiedAt = now
            user.verifiedByID = staff.userId
            user.displayName = resident.name
            try await user.save(on: tx)
            try await RoleGrant(
                userID: try user.requireID(), role: .resident, nodeID: home.community, grantedBy: staff.userId
            ).create(on: tx)
            return (
                user,
                AuditEvent(
                    action: .residentVerify, targetType: "user", targetID: try user.requireID().uuidString,
                    nodeID: home.community, details: ["resident": residentCode])
            )
        }
    }
}
