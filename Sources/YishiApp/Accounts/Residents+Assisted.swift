import Fluent
import Vapor
import YishiCore

/// Registration by staff on a resident's behalf (代录).
extension Residents {
    /// Staff register a resident who cannot use the platform themselves: the account is verified,
    /// linked, and carries who entered it and the channel.
    ///
    /// Whoever may act for the resident may register them with the register's own phone or with none.
    /// Another phone binds the resident's verified identity to a number the register does not know
    /// (perhaps the actor's own), so it needs the personal-data right at the resident's place
    /// (committee staff). The audit entry keeps both numbers, and the resident is told by SMS at the
    /// register's phone.
    static func registerAssisted(
        resident: Resident, phone phoneText: String, channel: YishiCore.Channel,
        by caller: Caller
    ) async throws -> User {
        let staff = try caller.requireActor()
        guard let home = try await home(of: resident, on: caller.db) else { throw YishiError.notFound }
        let provenance: Provenance
        switch Provenance.assisted(
            by: staff, for: try resident.requireID(), residentPath: home.building, channel: channel)
        {
        case .success(let p): provenance = p
        case .failure(.notAllowed), .failure(.missingResident): throw YishiError.denied(.outsideScope)
        case .failure(.onlineChannelForAssisted): throw YishiError.invalid(["channel": FieldText.invalid.key])
        }
        let registerPhone = resident.phone.flatMap(OneTimeCodeRules.normalizePhone)
        var phone: String? = nil
        if !phoneText.trimmingCharacters(in: .whitespaces).isEmpty {
            guard let p = OneTimeCodeRules.normalizePhone(phoneText) else {
                throw YishiError.invalid(["phone": SignInText.errorPhone.key])
            }
            if p != registerPhone, !Policy.allows(staff, .personalDataRead, at: home.building) {
                throw YishiError.denied(.roleLacksAction)
            }
            if try await User.query(on: caller.db).filter(\.$phone == p).first() != nil {
                throw YishiError.invalid(["phone": FieldText.taken.key])
            }
            phone = p
        }
        if try await User.query(on: caller.db).filter(\.$resident.$id == resident.requireID()).first() != nil {
            throw YishiError.invalid(["resident": AssistedText.hasAccount.key])
        }
        let user = try await create(
            resident: resident, phone: phone, registerPhone: registerPhone, home: home,
            provenance: provenance, staff: staff, by: caller)
        if let registerPhone { await tell(resident: registerPhone, phone: phone, channel: channel, by: caller) }
        return user
    }

    private static func create(
        resident: Resident, phone: String?, registerPhone: String?, home: (building: TerritoryPath, community: UUID),
        provenance: Provenance, staff: Actor, by caller: Caller
    ) async throws -> User {
        let now = caller.now
        let details = [
            "resident": resident.code, "registerPhone": registerPhone ?? "", "phone": phone ?? "",
            "phoneDiffersFromRegister": phone != nil && phone != registerPhone ? "true" : "false",
        ]
        do {
            return try await caller.audited { tx in
                let user = User.resident(phone: phone ?? "", displayName: resident.name, provenance: provenance)
                user.phone = phone
                user.$resident.id = try resident.requireID()
                user.verifiedAt = now
                user.verifiedByID = staff.userId
                try await user.create(on: tx)
                try await RoleGrant(
                    userID: try user.requireID(), role: .resident, nodeID: home.community, grantedBy: staff.userId
                )
                .create(on: tx)
                return (
                    user,
                    AuditEvent(
                        action: .residentRegisterAssisted, targetType: "user",
                        targetID: try user.requireID().uuidString,
                        nodeID: home.community, details: details, provenance: provenance)
                )
            }
        } catch let error where error.isUniqueViolation {
            // Someone registered the same phone or resident a moment ago.
            throw YishiError.invalid(
                phone == nil ? ["resident": AssistedText.hasAccount.key] : ["phone": FieldText.taken.key])
        }
    }

    /// The SMS to the register's phone: who registered the resident, how, and with which phone (masked).
    /// The registration stands if the gateway fails; the failure is logged.
    private static func tell(
        resident registerPhone: String, phone: String?, channel: YishiCore.Channel, by caller: Caller
    ) async {
        let text = Catalog.text(
            SMSText.assisted.key, .zhHans,
            [
                caller.auditActor.label, Catalog.name(channel, .zhHans),
                phone.map(OneTimeCodeRules.mask) ?? Catalog.text(SMSText.assistedNoPhone, .zhHans),
            ])
        do {
            try await caller.effects.sms.send(phone: registerPhone, text: text, on: caller.db)
        } catch {
            caller.logger.error("assisted registration: SMS to the register phone failed: \(String(reflecting: error))")
        }
    }
}
