/// The texts keyed `users.…` (`Texts`).
public enum UsersText: String, Texts {
    public static let prefix = "users"

    case title
    case newText = "new"
    case displayName
    case kind
    case kindStaff = "kind.staff"
    case kindResident = "kind.resident"
    case roles
    case grant
    case role
    case node
    case revoke
    case noneText = "none"
    case created
    case granted
    case revoked
    case nodeHint
    case noRoleHere
    case revokeTitle
    case revokeQuestion
    case revokeEffect
    case revokeConfirm

    public var bilingual: Bilingual {
        switch self {
        case .title: .init("用户与角色", "Users and roles")
        case .newText: .init("新建工作人员账户", "New staff account")
        case .displayName: .init("姓名", "Full name")
        case .kind: .init("账户类型", "Account type")
        case .kindStaff: .init("工作人员", "Staff")
        case .kindResident: .init("居民", "Resident")
        case .roles: .init("角色", "Roles")
        case .grant: .init("授予角色", "Grant a role")
        case .role: .init("角色", "Role")
        case .node: .init("在哪里", "Where")
        case .nodeHint:
            .init(
                "输入名称或编号的几个字，从列表中选择；平台管理员留空。",
                "Type part of a name or number and pick from the list; leave blank for a platform administrator.")
        case .noRoleHere: .init("此人现在没有角色。可以在下面重新授予。", "This person holds no role now. You can grant one again below.")
        case .revokeTitle: .init("撤销角色", "Revoke a role")
        case .revokeQuestion: .init("撤销{0}的这个角色：{1}？", "Revoke this role of {0}: {1}?")
        case .revokeEffect:
            .init(
                "撤销后，此人在那里就不能再做这个角色的工作，用这个角色的 API 令牌也一起作废。以后可以重新授予。",
                "Once revoked, they can no longer do that role's work there, and API tokens of that role stop working. You can grant it again later."
            )
        case .revokeConfirm: .init("确认撤销", "Revoke")
        case .revoke: .init("撤销", "Revoke")
        case .noneText: .init("没有用户。", "No users.")
        case .created: .init("账户已创建。", "The account has been created.")
        case .granted: .init("角色已授予。", "The role has been granted.")
        case .revoked: .init("角色已撤销。", "The role has been revoked.")
        }
    }
}
