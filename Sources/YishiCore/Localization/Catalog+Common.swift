extension Catalog {
    static let common: [String: Bilingual] = [
        "app.name": .init("议事", "Yishi"),
        "app.tagline": .init("社区参与式规划平台", "Participatory community planning"),
        "nav.main": .init("主导航", "Main navigation"),
        "nav.skip": .init("跳到正文", "Skip to main content"),
        "nav.home": .init("首页", "Home"),
        "nav.territory": .init("辖区", "Territory"),
        "nav.import": .init("导入", "Import"),
        "nav.users": .init("用户与角色", "Users and roles"),
        "nav.verify": .init("实名核验", "Verify residents"),
        "nav.audit": .init("审计日志", "Audit log"),
        "nav.account": .init("我的账户", "My account"),
        "nav.signin": .init("登录", "Sign in"),
        "nav.outbox": .init("短信发件箱（开发）", "SMS outbox (development)"),
        "pref.label": .init("显示设置", "Display settings"),
        "pref.switchLanguage": .init("English", "中文"),
        "pref.care.on": .init("长辈版（大字）", "Care mode (large text)"),
        "pref.care.off": .init("标准版", "Standard view"),
        "pref.care.xl": .init("字再大些", "Larger text"),
        "pref.care.smaller": .init("字小一些", "Smaller text"),
        "common.save": .init("保存", "Save"),
        "common.back": .init("返回", "Back"),
        "common.add": .init("添加", "Add"),
        "common.submit": .init("提交", "Submit"),
        "common.none": .init("无", "None"),
        "common.actions": .init("操作", "Actions"),
        "common.name": .init("名称", "Name"),
        "common.code": .init("编码", "Code"),
        "common.kind": .init("类型", "Type"),
        "common.required": .init("（必填）", "(required)"),
        "common.optional": .init("（选填）", "(optional)"),
        "common.yes": .init("是", "Yes"),
        "common.no": .init("否", "No"),
        "common.items": .init("共 {0} 条", "{0} in all"),
        "common.choose": .init("请选择", "Choose"),
        "common.more": .init("更多", "More"),
        "footer.text": .init(
            "议事 · 社区参与式规划平台 · 需求居民提、方案居民议、成效居民评",
            "Yishi · participatory community planning · residents raise needs, discuss plans and judge results"),
        "home.welcome.title": .init("欢迎使用议事", "Welcome to Yishi"),
        "home.welcome.body": .init(
            "议事帮助居民、居委会、社区规划师和街镇一起收集需求、商议方案、依法表决、公开资金、评价成效。请登录后使用。",
            "Yishi helps residents, residents' committees, community planners and subdistricts gather needs, discuss plans, vote by the law, show the money and judge the results together. Please sign in to use it."
        ),
        "home.resident.title": .init("我的社区", "My community"),
        "home.resident.unverified": .init(
            "您的账户尚未实名核验：可以浏览和留言，暂不能投票。请带身份证到居委会核验。",
            "Your account is not verified yet: you can read and comment but not vote. Bring your ID card to your residents' committee to be verified."
        ),
        "home.resident.noCommunity": .init(
            "您的账户还没有关联到社区。请联系居委会。",
            "Your account is not linked to a community yet. Please contact your residents' committee."),
        "home.resident.household": .init("我的住址：{0}", "My home: {0}"),
        "home.staff.title": .init("我的工作范围", "My scope"),
        "home.staff.scope": .init("{0}：{1}", "{0}: {1}"),
        "home.staff.platform": .init("全平台", "The whole platform"),
        "home.staff.noRoles": .init(
            "您的账户还没有角色。请联系管理员授予角色。", "Your account has no role yet. Ask an administrator to grant one."),
        "home.staff.counts": .init(
            "下级 {0} 个 · 房屋 {1} 套 · 住户 {2} 户 · 居民 {3} 人", "{0} below · {1} units · {2} households · {3} residents"),
    ]
}
