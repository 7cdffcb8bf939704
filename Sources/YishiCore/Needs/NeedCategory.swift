/// The kinds of need (issue 17 §1). These are the seeded ones; a district administrator adds more
/// (stored with the district), each with a key and both languages.
public struct NeedCategory: Hashable, Sendable, Codable {
    public var key: String
    public var zh: String
    public var en: String
    public init(key: String, zh: String, en: String) {
        (self.key, self.zh, self.en) = (key, zh, en)
    }

    public func name(_ lang: Lang) -> String { lang == .zhHans ? zh : en }

    public static let seeded: [NeedCategory] = [
        .init(key: "elevator", zh: "加装电梯", en: "Lift for an old building"),
        .init(key: "parking", zh: "停车", en: "Parking"),
        .init(key: "greenery", zh: "绿化", en: "Greenery"),
        .init(key: "lighting", zh: "照明", en: "Lighting"),
        .init(key: "seating", zh: "休憩座椅", en: "Benches"),
        .init(key: "fitness", zh: "健身", en: "Exercise"),
        .init(key: "play", zh: "儿童游戏", en: "Children's play"),
        .init(key: "ageing", zh: "适老化", en: "Ageing-friendly changes"),
        .init(key: "accessibility", zh: "无障碍", en: "Step-free access"),
        .init(key: "waste", zh: "垃圾分类", en: "Waste sorting"),
        .init(key: "pets", zh: "宠物", en: "Pets"),
        .init(key: "safety", zh: "安全", en: "Safety"),
        .init(key: "culture", zh: "文化活动", en: "Culture and activities"),
        .init(key: "amenities", zh: "便民设施", en: "Everyday services"),
        .init(key: "cleanliness", zh: "环境卫生", en: "Cleanliness"),
        .init(key: "other", zh: "其他", en: "Other"),
    ]

    /// A category named by its key or its Chinese name (as the API and imports accept), among `categories`.
    public static func find(_ text: String, in categories: [NeedCategory] = seeded) -> NeedCategory? {
        let v = text.trimmed
        return categories.first { $0.key == v || $0.zh == v }
    }
}
