extension Catalog {
    static let atlas: [String: Bilingual] = [
        "enum.JobStatus.queued": .init("排队中", "Queued"),
        "enum.JobStatus.running": .init("进行中", "Running"),
        "enum.JobStatus.succeeded": .init("已完成", "Done"),
        "enum.JobStatus.failed": .init("失败", "Failed"),
        "enum.FacilityType.bus_stop": .init("公交站", "Bus stop"),
        "enum.FacilityType.clinic": .init("卫生服务站", "Clinic"),
        "enum.FacilityType.culture": .init("文化活动室", "Culture centre"),
        "enum.FacilityType.elderly_care": .init("养老服务", "Elderly care"),
        "enum.FacilityType.kindergarten": .init("幼儿园", "Kindergarten"),
        "enum.FacilityType.market": .init("菜场超市", "Market"),
        "enum.FacilityType.park": .init("公园绿地", "Park"),
        "enum.FacilityType.pharmacy": .init("药店", "Pharmacy"),
        "enum.FacilityType.school": .init("中小学", "School"),
        "enum.FacilityType.sports": .init("健身场所", "Sports ground"),
    ]
}
