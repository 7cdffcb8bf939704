extension Catalog {

    static let admin: [String: Bilingual] = [
        "enum.AuditAction.setupFirstAdmin": .init("创建首位管理员", "First administrator created"),
        "enum.AuditAction.demoLoad": .init("载入演示数据", "Demo data loaded"),
        "enum.AuditAction.accountSignIn": .init("登录", "Signed in"),
        "enum.AuditAction.accountRegister": .init("注册账户", "Account registered"),
        "enum.AuditAction.accountSignOutEverywhere": .init("在所有设备上退出", "Signed out everywhere"),
        "enum.AuditAction.accountChangePassword": .init("修改密码", "Password changed"),
        "enum.AuditAction.residentVerify": .init("实名核验", "Resident verified"),
        "enum.AuditAction.residentRegisterAssisted": .init("代录登记居民", "Resident registered by staff"),
        "enum.AuditAction.userCreate": .init("新建账户", "Account created"),
        "enum.AuditAction.roleGrant": .init("授予角色", "Role granted"),
        "enum.AuditAction.roleRevoke": .init("撤销角色", "Role revoked"),
        "enum.AuditAction.tokenCreate": .init("创建 API 令牌", "API token created"),
        "enum.AuditAction.tokenRevoke": .init("撤销 API 令牌", "API token revoked"),
        "enum.AuditAction.territoryCreate": .init("新增辖区节点", "Territory node added"),
        "enum.AuditAction.territoryUpdate": .init("修改辖区节点", "Territory node edited"),
        "enum.AuditAction.unitCreate": .init("新增房屋", "Unit added"),
        "enum.AuditAction.territoryImport": .init("导入辖区数据", "Territory data imported"),
        "enum.AuditAction.atlasImport": .init("导入生活圈地图", "Life-circle map imported"),
        "enum.AuditAction.atlasLink": .init("关联地图小区", "Map compound linked"),
    ]
}
