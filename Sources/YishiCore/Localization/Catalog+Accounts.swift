extension Catalog {
    static let accounts: [String: Bilingual] = [
        "enum.Role.platformAdmin": .init("平台管理员", "Platform administrator"),
        "enum.Role.districtAdmin": .init("区管理员", "District administrator"),
        "enum.Role.subdistrictStaff": .init("街镇工作人员", "Subdistrict staff"),
        "enum.Role.communityStaff": .init("居委会工作人员", "Residents' committee staff"),
        "enum.Role.planner": .init("社区规划师", "Community planner"),
        "enum.Role.ownersCommittee": .init("业委会", "Owners' committee"),
        "enum.Role.propertyManager": .init("物业服务企业", "Property manager"),
        "enum.Role.socialOrganization": .init("社会组织", "Social organisation"),
        "enum.Role.resident": .init("居民", "Resident"),
        "enum.Channel.online": .init("本人在线", "Online, by the person"),
        "enum.Channel.visit": .init("走访", "Home visit"),
        "enum.Channel.reception": .init("全岗通接待", "Reception desk"),
        "enum.Channel.phone": .init("电话", "Telephone"),
        "enum.Channel.questionnaire": .init("问卷", "Questionnaire"),
        "enum.Channel.meeting": .init("会议", "Meeting"),
        "enum.Channel.paper": .init("纸质材料", "On paper"),
        "enum.Denial.notSignedIn": .init("请先登录。", "Please sign in first."),
        "enum.Denial.roleLacksAction": .init("您的角色无权进行此操作。", "Your role does not allow this."),
        "enum.Denial.outsideScope": .init("此内容不在您的工作范围内。", "This is outside your area."),
        "enum.Denial.notVerified": .init("需要先实名核验。", "You need to be verified first."),
    ]
}
