import Foundation
import Testing
import YishiAtlas

@testable import YishiApp
@testable import YishiCore

/// Every page that is a view of a model, in both languages and in care mode, against its
/// checked-in snapshot (`Snapshot`). Models are made of fixed values: no database, no clock.
@Suite("Page snapshots")
struct PageSnapshotTests {
    static let navigation = Yishi.features(Settings(database: .sqliteMemory, developmentPages: false)).flatMap(
        \.navigation
    ).sorted { $0.order < $1.order }
    static let at = Date(timeIntervalSince1970: 1_795_000_000)

    static func node(_ level: TerritoryLevel, _ n: Int, parent: TerritoryNode? = nil, name: String) -> TerritoryNode {
        let node = try! TerritoryNode(level: level, parent: parent, code: "S\(n)", name: name, kind: level.kinds.first)
        node.id = UUID(uuidString: String(format: "00000000-0000-0000-0000-%012d", n))!
        node.path =
            ((parent.map { TerritoryPath(encoded: $0.path)! }?.appending(node.id!)) ?? TerritoryPath([node.id!]))
            .encoded
        return node
    }

    @Test func auditPage() throws {
        let rows: [AuditPage.Row] = [
            .init(
                seq: 12, at: Self.at, actor: "宝林一村居委会 王芳", action: "代录登记居民",
                target: ("郭晓燕（R-1）", "/residents/00000000-0000-0000-0000-000000000401"),
                details: ["手机号：139****0001", "居民：R-1"], onBehalf: "代郭晓燕办理（电话）"),
            .init(
                seq: 11, at: Self.at, actor: "宝林一村居委会 王芳", action: "修改辖区节点",
                target: ("宝林一村小区", "/territory/00000000-0000-0000-0000-000000000003"),
                details: ["姓名：旧 改为 新"], onBehalf: nil),
        ]
        try Snapshot.check("audit", navigation: Self.navigation) { ctx in
            AuditPage.view(
                AuditPage(
                    rows: rows, verification: .ok(entries: 12, at: Self.at), olderThan: 11,
                    form: .init(action: "residentRegisterAssisted", actor: "王芳")), ctx)
        }
        try Snapshot.check("audit-empty", navigation: Self.navigation) { ctx in
            AuditPage.view(AuditPage(rows: [], verification: .never, olderThan: nil), ctx)
        }
    }

    @Test func jobPage() throws {
        let district = Self.node(.district, 1, name: "宝山区")
        let job = Job()
        job.id = UUID(uuidString: "00000000-0000-0000-0000-0000000000aa")
        job.kind = .territoryImport
        job.status = .running
        job.progress = 40
        job.messageZh = "正在写入：已写入 800 / 2000 行"
        job.messageEn = "Writing: 800 of 2000 rows written"
        job.fileName = "households.csv"
        job.fileSize = 48_213
        job.$node.value = .some(district)
        job.startedAt = Self.at
        try Snapshot.check("job-running", navigation: Self.navigation) { ctx in
            JobPage.view(job, ctx, placeLabel: ImportText.at.key, result: TerritoryImportJob.view(job, ctx))
        }
    }

    @Test func territoryPages() throws {
        let district = Self.node(.district, 1, name: "宝山区")
        let sub = Self.node(.subdistrict, 2, parent: district, name: "友谊路街道")
        try Snapshot.check("territory-roots", navigation: Self.navigation) { ctx in
            TerritoryPages.roots(
                ctx, nodes: [district], errors: FormErrors(), form: .init(), may: .init(createDistrict: true))
        }
        try Snapshot.check("territory-roots-empty", navigation: Self.navigation) { ctx in
            TerritoryPages.roots(ctx, nodes: [], errors: FormErrors(), form: .init(), may: .init())
        }
        var errors = FormErrors()
        errors.add("code", "field.taken")
        try Snapshot.check("territory-edit-invalid", navigation: Self.navigation) { ctx in
            TerritoryPages.edit(
                ctx, node: sub, form: .init(code: "S1", name: sub.name, kind: sub.kind, address: nil), errors: errors,
                status: .unprocessableEntity)
        }
    }

    @Test func lifeCircleIndex() throws {
        let districts = [Self.node(.district, 1, name: "宝山区"), Self.node(.district, 5, name: "杨浦区")]
        try Snapshot.check("lifecircle-index", navigation: Self.navigation) { ctx in
            LifeCirclePages.index(ctx, districts: districts, may: .init(importMaps: true))
        }
        try Snapshot.check("lifecircle-index-empty", navigation: Self.navigation) { ctx in
            LifeCirclePages.index(ctx, districts: [], may: .init())
        }
    }

    @Test func homePages() throws {
        let id = UUID(uuidString: "00000000-0000-0000-0000-000000000003")!
        try Snapshot.check("home-visitor", navigation: Self.navigation) { ctx in HomePage.view(.visitor, ctx) }
        try Snapshot.check("home-staff", navigation: Self.navigation) { ctx in
            HomePage.view(
                .staff(
                    .init(
                        cards: [
                            .init(role: .communityStaff, place: ("宝林一村居民区", id), counts: (4, 120, 96, 230)),
                            .init(role: .platformAdmin, place: nil, counts: nil),
                        ],
                        todo: [
                            .init(text: "2 个居民账户等待实名核验", href: "/residents/verify"),
                            .init(text: "导入没有成功：住户.csv（2026-12-01 09:30）", href: "/jobs/1", tone: .error),
                        ],
                        recent: [
                            .init(
                                seq: 3, at: Self.at, actor: "宝林一村居委会 王芳", action: "修改居民信息",
                                target: ("郭晓燕（R-1）", "/residents/1"), details: ["出生年份：1948 改为 1946"], onBehalf: nil)
                        ])), ctx)
        }
        try Snapshot.check("home-staff-none", navigation: Self.navigation) { ctx in
            HomePage.view(.staff(.init(cards: [])), ctx)
        }
        let district = Self.node(.district, 1, name: "宝山区")
        let community = Self.node(.community, 3, parent: district, name: "宝林一村居民区")
        community.officeAddress = "友谊路 100 弄 1 号"
        community.officeHours = "周一至周五 8:30–17:00"
        community.officePhone = "021-5612 0001"
        try Snapshot.check("home-resident", navigation: Self.navigation) { ctx in
            HomePage.view(
                .resident(
                    .init(
                        verified: false, community: community, home: "宝山区 友谊路街道 宝林一村居民区 宝林一村一区 1号 101",
                        services: [(.market, 6), (.clinic, 12), (.park, nil)], lifeCircleCode: "S3")), ctx)
        }
        try Snapshot.check("home-resident-unknown", navigation: Self.navigation) { ctx in
            HomePage.view(.resident(.init(verified: true)), ctx)
        }
        _ = id
    }

    @Test func accountPages() throws {
        var errors = FormErrors()
        errors.add("password", "signin.error.refused")
        try Snapshot.check("signin-refused", navigation: Self.navigation) { ctx in
            SignInPages.signIn(
                ctx, next: "/territory", username: "baolin1", phone: "", errors: errors, status: .unauthorized)
        }
        try Snapshot.check("signin-code", navigation: Self.navigation) { ctx in
            SignInPages.code(ctx, phone: "13800000001", live: nil, next: "/", errors: FormErrors())
        }
        var userErrors = FormErrors()
        userErrors.add("username", "field.taken")
        try Snapshot.check("users-new-invalid", navigation: Self.navigation) { ctx in
            UserPages.new(
                ctx, form: .init(username: "wangfang", displayName: "王芳"), errors: userErrors,
                status: .unprocessableEntity)
        }
        let user = User.staff(username: "wangfang", passwordHash: "x", displayName: "王芳", enteredBy: nil)
        user.id = UUID(uuidString: "00000000-0000-0000-0000-0000000000bb")
        user.$grants.value = []
        try Snapshot.check("users-list", navigation: Self.navigation) { ctx in UserPages.list(ctx, users: [user]) }
        try Snapshot.check("users-show", navigation: Self.navigation) { ctx in
            UserPages.show(ctx, user: user, errors: FormErrors(), status: .ok)
        }
        try Snapshot.check("account", navigation: Self.navigation) { ctx in
            AccountPage.view(
                AccountPage(user: user, grants: [], sessions: 2, tokens: []), ctx, errors: FormErrors(), newToken: nil,
                status: .ok)
        }
        try Snapshot.check("verify", navigation: Self.navigation) { ctx in
            VerifyPages.verify(ctx, form: .init(), errors: FormErrors())
        }
        try Snapshot.check("setup-invalid", navigation: Self.navigation) { ctx in SetupRoutes.invalidView(ctx) }
        try Snapshot.check("setup", navigation: Self.navigation) { ctx in
            SetupRoutes().view(ctx, form: .init(username: "admin", displayName: "平台管理员"), errors: FormErrors())
        }
        try Snapshot.check("outbox", navigation: Self.navigation) { ctx in
            OutboxRoutes.view([(Self.at, "13800000001", "您的验证码是 123456，5 分钟内有效。")], ctx)
        }
        try Snapshot.check("error-import", navigation: Self.navigation) { ctx in
            ErrorMiddleware.errorPage(
                reason: ctx.t(ImportText.failed), lines: [.init(line: 3, reason: "R-1: 找不到")],
                status: .unprocessableEntity, ctx)
        }
    }

    @Test func importAndAtlasPages() throws {
        let district = Self.node(.district, 1, name: "宝山区")
        try Snapshot.check("import", navigation: Self.navigation) { ctx in
            ImportPage.view(
                ctx, choices: [("BS01-C1", "宝林一村（BS01-C1）"), ("BS01-C2", "友谊新村（BS01-C2）")], history: [],
                failure: ImportFailure([ImportIssue(line: 2, problem: .emptyFile)]), status: .unprocessableEntity)
        }
        var done = TerritoryImportResult(outcome: .init(kind: "households", added: 12, updated: 3, unchanged: 80))
        done.preview = nil
        try Snapshot.check("import-history", navigation: Self.navigation) { ctx in
            ImportPage.view(
                ctx, choices: [],
                history: [
                    .init(
                        id: UUID(uuidString: "00000000-0000-0000-0000-0000000000aa")!, at: Self.at, who: "宝林一村居委会 王芳",
                        file: "住户.csv", status: .succeeded, result: done),
                    .init(
                        id: UUID(uuidString: "00000000-0000-0000-0000-0000000000ab")!, at: Self.at, who: "宝林一村居委会 王芳",
                        file: "住户-旧.csv", status: .failed,
                        result: TerritoryImportResult(ImportFailure([ImportIssue(line: 3, problem: .badYear)]))),
                ], errors: FormErrors(["file": FieldText.chooseFile.key]), status: .unprocessableEntity)
        }
        try Snapshot.check("import-help", navigation: Self.navigation) { ctx in ImportHelp.view(ctx) }
        try Snapshot.check("atlas-import", navigation: Self.navigation) { ctx in
            AtlasImportPage.view(ctx, districts: [district], chosen: nil, recent: [], errors: FormErrors())
        }
        try Snapshot.check("lifecircle-links-none", navigation: Self.navigation) { ctx in
            LinksPage.view(LinksPage(district: district), ctx)
        }
    }

    @Test func territoryNodePage() throws {
        let district = Self.node(.district, 1, name: "宝山区")
        let sub = Self.node(.subdistrict, 2, parent: district, name: "友谊路街道")
        let community = Self.node(.community, 3, parent: sub, name: "宝林一村居民区")
        let model = NodePage(
            node: sub, ancestors: [district], children: [community],
            stats: .init(units: 120, area: "9876.50", households: 96, residents: 230), units: [], lifeCircles: [],
            planningAreas: [], buildingGroup: nil)
        try Snapshot.check("territory-node", navigation: Self.navigation) { ctx in
            TerritoryPages.node(
                ctx, model: model, errors: FormErrors(), childForm: .init(), unitForm: .init(),
                may: .init(read: [district.id!], edit: true))
        }
        try Snapshot.check("territory-node-readonly", navigation: Self.navigation) { ctx in
            TerritoryPages.node(
                ctx, model: model, errors: FormErrors(), childForm: .init(), unitForm: .init(), may: .init())
        }
    }

    @Test func unitAndAssistPages() throws {
        let district = Self.node(.district, 1, name: "宝山区")
        let building = Self.node(.building, 6, parent: district, name: "3号")
        let unit = YishiApp.Unit(
            buildingID: building.id!, code: "S6-101", number: "101", kind: .residential, status: .delivered,
            areas: UnitAreas(register: Area(centi: 9_803)))
        unit.id = UUID(uuidString: "00000000-0000-0000-0000-000000000101")
        unit.$building.value = building
        let owner = Owner(code: "O-S6-101", name: "郭晓燕", phone: "13800000031")
        owner.id = UUID(uuidString: "00000000-0000-0000-0000-000000000201")
        let household = Household(code: "H-S6-101", unitID: unit.id!)
        household.id = UUID(uuidString: "00000000-0000-0000-0000-000000000301")
        let head = Resident(
            code: "R-S6-101-1", householdID: household.id, name: "郭晓燕", birthYear: 1950, phone: "13800000031",
            flags: ResidentFlags())
        head.id = UUID(uuidString: "00000000-0000-0000-0000-000000000401")
        let child = Resident(
            code: "R-S6-101-2", householdID: household.id, name: "王小明", birthYear: 2015, phone: nil,
            flags: ResidentFlags())
        child.id = UUID(uuidString: "00000000-0000-0000-0000-000000000402")
        household.$residents.value = [head, child]
        let detail = TerritoryQueries.UnitDetail(
            unit: unit, building: building, owners: [owner], households: [household], accounts: [head.id!])
        try Snapshot.check("unit-staff", navigation: Self.navigation) { ctx in
            TerritoryPages.unit(
                ctx, detail: detail, ancestors: [district, building],
                may: .init(
                    read: [district.id!, building.id!], personalData: true, ownersRegister: true, actForResident: true))
        }
        try Snapshot.check("unit-owners-committee", navigation: Self.navigation) { ctx in
            TerritoryPages.unit(ctx, detail: detail, ancestors: [district, building], may: .init(ownersRegister: true))
        }
        try Snapshot.check("assist", navigation: Self.navigation) { ctx in
            VerifyPages.assist(
                ctx, resident: child, options: .init(registerPhone: nil, otherPhone: true), form: .init(),
                errors: FormErrors())
        }
    }

    @Test func peoplePages() throws {
        let district = Self.node(.district, 1, name: "宝山区")
        let community = Self.node(.community, 3, parent: district, name: "宝林一村居民区")
        let building = Self.node(.building, 6, parent: community, name: "3号")
        let unit = YishiApp.Unit(
            buildingID: building.id!, code: "S6-101", number: "101", kind: .residential, status: .delivered,
            areas: UnitAreas(register: Area(centi: 9_803)))
        unit.id = UUID(uuidString: "00000000-0000-0000-0000-000000000101")
        let household = Household(code: "H-S6-101", unitID: unit.id!)
        household.id = UUID(uuidString: "00000000-0000-0000-0000-000000000301")
        let head = Resident(
            code: "R-S6-101-1", householdID: household.id, name: "郭晓燕", birthYear: 1950, phone: "13800000031",
            flags: [.elderly, .livingAlone])
        head.id = UUID(uuidString: "00000000-0000-0000-0000-000000000401")
        let home = ResidentHome(resident: head, household: household, unit: unit, building: building)
        let page = ResidentPage(
            home: home, ancestors: [district, community], hasAccount: false, currentYear: 2026,
            may: .init(edit: true, reveal: true, assist: true))
        try Snapshot.check("resident-committee", navigation: Self.navigation) { ctx in ResidentPage.view(page, ctx) }
        var revealed = page
        revealed.may = .init()
        revealed.revealedPhone = "13800000031"
        try Snapshot.check("resident-revealed-readonly", navigation: Self.navigation) { ctx in
            ResidentPage.view(revealed, ctx)
        }
        let row = PeopleQueries.ResidentRow(
            id: head.id!, name: head.name, birthYear: 1950, phone: head.phone, flags: head.residentFlags,
            building: "3号", buildingID: building.id!, unitNumber: "101", unitID: unit.id!, household: "H-S6-101")
        try Snapshot.check("search-results", navigation: Self.navigation) { ctx in
            SearchPage.view(
                ctx, q: "0031",
                results: .init(
                    residents: [row], units: [.init(id: unit.id!, number: "101", building: "3号")],
                    owners: [
                        .init(name: "郭晓燕", phone: "13800000031", unitID: unit.id!, unitNumber: "101", building: "3号")
                    ]),
                year: 2026)
        }
        try Snapshot.check("search-empty", navigation: Self.navigation) { ctx in
            SearchPage.view(ctx, q: "无此人", results: .init(), year: 2026)
        }
        let choice = ResidentsListRoutes.Choice(
            node: community, flag: .elderly, flagName: "elderly", building: building.id, buildings: [building])
        try Snapshot.check("residents-list", navigation: Self.navigation) { ctx in
            ResidentsListPage.view(ctx, choice: choice, rows: [row], year: 2026, printedAt: "2026-12-01 09:30")
        }
        try Snapshot.check("residents-list-empty", navigation: Self.navigation) { ctx in
            ResidentsListPage.view(ctx, choice: choice, rows: [], year: 2026, printedAt: "2026-12-01 09:30")
        }
    }

    @Test func shellAndRegisterPages() throws {
        try Snapshot.check("help", navigation: Self.navigation) { ctx in HelpPages.help(ctx, staff: true) }
        try Snapshot.check("privacy", navigation: Self.navigation) { ctx in HelpPages.privacy(ctx) }
        let district = Self.node(.district, 1, name: "宝山区")
        let sub = Self.node(.subdistrict, 2, parent: district, name: "友谊路街道")
        let community = Self.node(.community, 3, parent: sub, name: "宝林一村居民区")
        community.officeAddress = "友谊路 100 弄 1 号"
        community.officeHours = "周一至周五 8:30–17:00"
        community.officePhone = "021-5612 0001"
        let compound = Self.node(.compound, 4, parent: community, name: "宝林一村小区")
        compound.kind = HousingType.formerPublicHousing.rawValue
        compound.address = "友谊路 100 弄"
        let page = NodePage(
            node: community, ancestors: [district, sub], children: [compound],
            stats: .init(units: 0, area: "0.00", households: 0, residents: 0), units: [],
            lifeCircles: [], planningAreas: [], buildingGroup: nil)
        try Snapshot.check("place-resident", navigation: Self.navigation) { ctx in PlacePages.view(ctx, model: page) }
        let user = User.staff(username: "wangfang", passwordHash: "x", displayName: "宝林一村居委会 王芳", enteredBy: nil)
        user.id = UUID(uuidString: "00000000-0000-0000-0000-0000000000bb")
        let grant = RoleGrant(userID: user.id!, role: .communityStaff, nodeID: community.id, grantedBy: nil)
        grant.id = UUID(uuidString: "00000000-0000-0000-0000-0000000000cc")
        grant.$node.value = community
        try Snapshot.check("users-revoke", navigation: Self.navigation) { ctx in
            UserPages.revoke(ctx, user: user, grant: grant)
        }
        let owner = Owner(code: "O-S6-101", name: "郭晓燕", phone: "13800000031")
        owner.id = UUID(uuidString: "00000000-0000-0000-0000-000000000201")
        let building = Self.node(.building, 6, parent: compound, name: "3号")
        let unit = YishiApp.Unit(
            buildingID: building.id!, code: "S6-101", number: "101", kind: .residential, status: .delivered,
            areas: UnitAreas(register: Area(centi: 9_803)))
        unit.id = UUID(uuidString: "00000000-0000-0000-0000-000000000101")
        unit.$building.value = building
        try Snapshot.check("owner", navigation: Self.navigation) { ctx in
            OwnerPage.view(ctx, owner: owner, units: [unit], mayEdit: true)
        }
    }

    @Test func needPages() throws {
        let district = Self.node(.district, 1, name: "宝山区")
        let community = Self.node(.community, 3, parent: district, name: "宝林一村居民区")
        let resident = Resident(
            code: "R-1", householdID: nil, name: "郭晓燕", birthYear: 1950, phone: nil, flags: [.elderly])
        resident.id = UUID(uuidString: "00000000-0000-0000-0000-000000000401")
        let need = Need()
        need.id = UUID(uuidString: "00000000-0000-0000-0000-000000000501")
        need.$community.id = community.id!
        need.$place.id = community.id!
        need.$place.value = community
        need.$resident.value = resident
        need.category = "seating"
        need.title = "花园里加几张座椅"
        need.body = "花园里加几张座椅，老人散步可以歇歇脚。"
        need.status = .accepted
        need.hideName = true
        need.safety = false
        need.channel = "visit"
        need.firstSubmittedAt = Self.at
        need.setScore(
            .init(
                households: 5, buildings: 3, ageBands: 2, depth: 3.83, commonGround: 53.8, channels: 2, vulnerable: 1,
                safety: false, waitingMonths: 1, priority: 59.8))
        try Snapshot.check("needs-list", navigation: Self.navigation) { ctx in
            NeedPages.list(
                ctx, node: community,
                needs: [
                    .init(
                        id: need.id!, title: need.title, body: need.body, category: need.category, status: need.status,
                        channel: need.channel, firstSubmittedAt: need.firstSubmittedAt, placeName: community.name,
                        placeCode: community.code, communityCode: community.code, score: need.score)
                ], may: .init(raise: true, manage: false, names: false))
        }
        try Snapshot.check("needs-empty", navigation: Self.navigation) { ctx in
            NeedPages.list(ctx, node: community, needs: [], may: .init(raise: false, manage: true, names: true))
        }
        try Snapshot.check("need", navigation: Self.navigation) { ctx in
            NeedPages.need(ctx, need, may: .init(raise: true, manage: false, names: false), supported: false)
        }
        try Snapshot.check("need-raise", navigation: Self.navigation) { ctx in
            NeedPages.raise(ctx, form: .init(), places: [community])
        }
        try Snapshot.check("need-similar", navigation: Self.navigation) { ctx in
            NeedPages.similar(
                ctx, form: .init(text: "花园里放长椅", category: "seating"), similar: [(need, .similarText, 0.5)])
        }
        try Snapshot.check("need-enter", navigation: Self.navigation) { ctx in NeedPages.enter(ctx, form: .init()) }
    }

    @Test func lifeCirclePageWithMapData() throws {
        let district = Self.node(.district, 1, name: "宝山区")
        let compound = Self.node(.compound, 7, parent: district, name: "宝林一村雅苑")
        let types = Array(FacilityType.allCases.sorted { $0.rawValue < $1.rawValue }.prefix(3))
        let reached = PlaceCoverage(types: types, metres: [120, 480, 260])
        let far = PlaceCoverage(types: types, metres: [900, .infinity, 700])
        let imp = AtlasImport()
        imp.sourceName = "baoshan.osm.pbf"
        imp.nodes = 120_000
        imp.edges = 240_000
        imp.origins = 2
        imp.facilities = 41
        imp.createdAt = Self.at
        let summary = LifeCircleQueries.Summary(
            node: district, district: district, atlasImport: imp, types: types, rules: .standard, places: 2,
            shares: Coverage.typeShares([reached, far]),
            rows: [
                .init(compound: compound, mapNames: ["宝林一村"], osmRefs: ["w123"], coverage: reached, gap: reached.gap()),
                .init(compound: nil, mapNames: ["无名小区"], osmRefs: ["w456"], coverage: far, gap: far.gap()),
            ],
            compoundsNotOnMap: 1)
        try Snapshot.check("lifecircle-district", navigation: Self.navigation) { ctx in
            LifeCirclePages.page(
                ctx, summary, ancestors: [], children: [], may: .init(importMaps: true, linkCompounds: true))
        }
        try Snapshot.check("lifecircle-district-public", navigation: Self.navigation) { ctx in
            LifeCirclePages.page(ctx, summary, ancestors: [], children: [], may: .init())
        }
    }
}
