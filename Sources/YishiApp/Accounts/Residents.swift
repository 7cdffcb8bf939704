import Fluent
import Vapor
import YishiCore

/// Resident accounts: registration on first sign-in, verification by staff (实名), and
/// registration by staff on a resident's behalf (代录).
enum Residents {
    enum Refusal: Error, Sendable { case noSuchAccount, noSuchResident, alreadyLinked, alreadyVerified, phoneTaken, badPhone }

    /// Where a resident lives, as a territory path (to the building), and the community's id.
    static func home(of resident: Resident, on db: any Database) async throws -> (building: TerritoryPath, community: UUID)? {
        guard let hid = resident.$household.id,
              let household = try await Household.query(on: db).filter(\.$id == hid).with(\.$unit, { $0.with(\.$building) }).first()
        else { return nil }
        let path = household.unit.building.territoryPath
        guard path.ids.count > 2 else { return nil }
        return (path, path.ids[2])
    }

    /// First sign-in with a phone: an account, verified when the phone is on the household register.
    static func registerBySignIn(phone: String, req: Request) async throws -> User {
        let resident = try await Resident.query(on: req.db).filter(\.$phone == phone).first()
        var match: Resident? = nil
        if let resident, try await User.query(on: req.db).filter(\.$resident.$id == resident.requireID()).first() == nil { match = resident }
        var home: (building: TerritoryPath, community: UUID)? = nil
        if let match { home = try await Self.home(of: match, on: req.db) }
        let now = req.now
        let (matched, place) = (match, home)
        return try await AuditLog.transaction(on: req.db, actor: AuditActor(id: nil, label: OneTimeCodeRules.mask(phone)), time: req.effects.time) { tx in
            let user = User.resident(phone: phone, displayName: matched?.name ?? OneTimeCodeRules.mask(phone), provenance: nil)
            if let matched, place != nil {
                user.$resident.id = try matched.requireID()
                user.verifiedAt = now
            }
            try await user.create(on: tx)
            if let place {
                try await RoleGrant(userID: try user.requireID(), role: .resident, nodeID: place.community, grantedBy: nil).create(on: tx)
            }
            return (user, AuditEvent(action: .accountRegister, targetType: "user", targetID: try user.requireID().uuidString,
                                     nodeID: place?.community, details: ["verifiedFromRegister": place != nil ? "true" : "false"]))
        }
    }

    /// Staff confirm that the holder of `phone` is the resident `residentCode` (实名核验).
    static func verify(phone phoneText: String, residentCode: String, req: Request) async throws -> User {
        guard let phone = OneTimeCodeRules.normalizePhone(phoneText) else { throw YishiError.invalid(["phone": "signin.error.phone"]) }
        guard let user = try await User.query(on: req.db).filter(\.$phone == phone).filter(\.$kind == .resident).first() else {
            throw YishiError.invalid(["phone": "field.unknownNode"])
        }
        guard let resident = try await Resident.query(on: req.db).filter(\.$code == residentCode).first(),
              let home = try await home(of: resident, on: req.db) else {
            throw YishiError.invalid(["resident": "import.unknownReference"])
        }
        try req.authorize(.residentVerify, at: home.building)
        if user.verifiedAt != nil { throw YishiError.invalid(["phone": "field.taken"]) }
        if try await User.query(on: req.db).filter(\.$resident.$id == resident.requireID()).first() != nil {
            throw YishiError.invalid(["resident": "field.taken"])
        }
        let staff = try req.requirePrincipal()
        let now = req.now
        return try await AuditLog.transaction(on: req.db, actor: staff.auditActor, time: req.effects.time) { tx in
            user.$resident.id = try resident.requireID()
            user.verifiedAt = now
            user.verifiedByID = staff.userID
            user.displayName = resident.name
            try await user.save(on: tx)
            try await RoleGrant(userID: try user.requireID(), role: .resident, nodeID: home.community, grantedBy: staff.userID).create(on: tx)
            return (user, AuditEvent(action: .residentVerify, targetType: "user", targetID: try user.requireID().uuidString,
                                     nodeID: home.community, details: ["resident": residentCode]))
        }
    }

    /// Staff register a resident who cannot use the platform themselves (代录): the account is
    /// verified, linked, and carries who entered it and the channel.
    static func registerAssisted(resident: Resident, phone phoneText: String, channel: YishiCore.Channel, req: Request) async throws -> User {
        let staff = try req.requirePrincipal()
        guard let home = try await home(of: resident, on: req.db) else { throw YishiError.notFound }
        let provenance: Provenance
        switch Provenance.assisted(by: staff.actor, for: try resident.requireID(), residentPath: home.building, channel: channel) {
        case .success(let p): provenance = p
        case .failure(.notAllowed), .failure(.missingResident): throw YishiError.denied(.outsideScope)
        case .failure(.onlineChannelForAssisted): throw YishiError.invalid(["channel": "field.invalid"])
        }
        var phone: String? = nil
        if !phoneText.trimmingCharacters(in: .whitespaces).isEmpty {
            guard let p = OneTimeCodeRules.normalizePhone(phoneText) else { throw YishiError.invalid(["phone": "signin.error.phone"]) }
            if try await User.query(on: req.db).filter(\.$phone == p).first() != nil { throw YishiError.invalid(["phone": "field.taken"]) }
            phone = p
        }
        if try await User.query(on: req.db).filter(\.$resident.$id == resident.requireID()).first() != nil {
            throw YishiError.invalid(["resident": "assisted.hasAccount"])
        }
        let now = req.now
        let newPhone = phone
        return try await AuditLog.transaction(on: req.db, actor: staff.auditActor, time: req.effects.time) { tx in
            let user = User.resident(phone: newPhone ?? "", displayName: resident.name, provenance: provenance)
            user.phone = newPhone
            user.$resident.id = try resident.requireID()
            user.verifiedAt = now
            user.verifiedByID = staff.userID
            try await user.create(on: tx)
            try await RoleGrant(userID: try user.requireID(), role: .resident, nodeID: home.community, grantedBy: staff.userID).create(on: tx)
            return (user, AuditEvent(action: .residentRegisterAssisted, targetType: "user", targetID: try user.requireID().uuidString,
                                     nodeID: home.community, details: ["resident": resident.code], provenance: provenance))
        }
    }
}
