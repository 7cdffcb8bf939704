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
        case .node: .init("范围（辖区节点编码，平台管理员留空）", "Scope (territory node code; blank for platform administrator)")
        case .revoke: .init("撤销", "Revoke")
        case .noneText: .init("没有用户。", "No users.")
        case .created: .init("账户已创建。", "The account has been created.")
        case .granted: .init("角色已授予。", "The role has been granted.")
        case .revoked: .init("角色已撤销。", "The role has been revoked.")
        }
    }
}
