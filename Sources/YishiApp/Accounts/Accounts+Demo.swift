import Fluent
import Vapor
import YishiCore

/// The accounts' part of the demo: one staff account per role, each granted at its place in the
/// demo district, and the verified resident whose phone is on the first community's register.
enum AccountsDemo {
    static let part = DemoPart(order: 20) { demo in
        let tx = demo.db
        let firstSub = demo.district.subdistricts[0]
        let firstComm = firstSub.communities[0]
        let firstComp = firstComm.compounds[0]
        let staff: [(Role, String, String, String?)] = [
            (.platformAdmin, "admin", "平台管理员", nil),
            (.districtAdmin, "baoshan", "宝山区管理员", DemoDistrict.districtCode),
            (.subdistrictStaff, "youyilu", "友谊路街道 李敏", firstSub.code),
            (.communityStaff, "baolin1", "宝林一村居委会 王芳", firstComm.code),
            (.communityStaff, "youyixin", "友谊新村居委会 陈静", firstSub.communities[1].code),
            (.planner, "planner", "社区规划师 周文杰", firstSub.code),
            (.ownersCommittee, "yeweihui", "\(firstComp.name)业委会 张建国", firstComp.code),
            (.propertyManager, "wuye", "\(firstComp.name)物业 刘军", firstComp.code),
            (.socialOrganization, "shehui", "友谊路社工站 徐婷", firstSub.code),
        ]
        for (role, username, name, code) in staff {
            let node: TerritoryNode? = if let code { try await demo.node(code) } else { nil }
            let user = User.staff(
                username: username, passwordHash: demo.passwordHash, displayName: name, enteredBy: nil)
            try await user.create(on: tx)
            try await RoleGrant(userID: user.id!, role: role, nodeID: node?.id, grantedBy: nil).create(on: tx)
            demo.signIns.append(
                .init(role: role, username: username, phone: nil, where_: node?.name ?? "全平台 / platform"))
        }
        let phone = DemoDistrict.residentPhone
        if let resident = try await Resident.query(on: tx).filter(\.$phone == phone).first() {
            let community = try await demo.node(firstComm.code)
            let user = User.resident(phone: phone, displayName: resident.name, provenance: nil)
            user.$resident.id = resident.id
            user.verifiedAt = demo.effects.time.now()
            try await user.create(on: tx)
            try await RoleGrant(userID: user.id!, role: .resident, nodeID: community.id, grantedBy: nil).create(on: tx)
            demo.signIns.append(.init(role: .resident, username: nil, phone: phone, where_: community.name))
        }
    }
}
