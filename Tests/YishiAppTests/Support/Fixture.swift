import Fluent
import Foundation
import Vapor

@testable import YishiApp
@testable import YishiCore

/// A small territory made through the same services the pages use (`TerritoryEditing`, as the
/// platform): one district, subdistrict and community, one compound with one building and a few
/// units. Most tests need this much, not the whole demo district (`withYishi(demo: true)`).
struct Fixture {
    var district: TerritoryNode
    var subdistrict: TerritoryNode
    var community: TerritoryNode
    var compound: TerritoryNode
    var building: TerritoryNode
    var units: [YishiApp.Unit]

    /// Codes start with `prefix` (default `F`): `F`, `F-S`, `F-C`, `F-X`, `F-B`, `F-B-101` ….
    static func community(_ t: TestContext, prefix p: String = "F", units count: Int = 3) async throws -> Fixture {
        let c = t.platform
        func make(_ parent: TerritoryNode?, _ code: String, _ name: String, _ level: TerritoryLevel) async throws
            -> TerritoryNode
        {
            try await TerritoryEditing.create(
                below: parent, .init(code: code, name: name, kind: level.kinds.first, address: nil), by: c)
        }
        let district = try await make(nil, p, "测试区", .district)
        let subdistrict = try await make(district, "\(p)-S", "测试街道", .subdistrict)
        let community = try await make(subdistrict, "\(p)-C", "测试居民区", .community)
        let compound = try await make(community, "\(p)-X", "测试小区", .compound)
        let building = try await make(compound, "\(p)-B", "1号楼", .building)
        var units: [YishiApp.Unit] = []
        for i in 1...max(1, count) {
            units.append(
                try await TerritoryEditing.createUnit(
                    in: building,
                    .init(
                        code: "\(p)-B-\(100 + i)", number: "\(100 + i)", kind: .residential, status: .delivered,
                        registerArea: "88.50", surveyArea: nil, contractArea: nil), by: c))
        }
        return Fixture(
            district: district, subdistrict: subdistrict, community: community, compound: compound, building: building,
            units: units)
    }

    /// A staff member of this community (the role held at the community), as a job or page would act.
    func staff(_ t: TestContext, role: Role = .communityStaff) -> Caller {
        t.app.caller(
            .person(
                Actor(
                    userId: UUID(), kind: .staff, isVerified: true,
                    grants: [Grant(role: role, path: community.territoryPath)])),
            auditActor: AuditActor(id: nil, label: "fixture:\(role.rawValue)"))
    }
}
