import Vapor
import YishiCore

/// The needs list as CSV: one line per need, in rank order, every part of the score.
enum NeedsCSV {
    static func table(_ needs: [NeedsService.Row], lang: Lang, categories: [NeedCategory] = NeedCategory.seeded) -> (
        header: [String], rows: [[String]]
    ) {
        let zh = lang == .zhHans
        let header =
            zh
            ? [
                "排名", "需求", "类别", "地方", "进展", "支持户数", "楼栋数", "年龄段数", "同楼多户分", "共识分", "渠道数", "弱势群体类数",
                "安全隐患", "等待月数", "优先分", "提出时间",
            ]
            : [
                "Rank", "Need", "Kind", "Place", "Status", "Households", "Buildings", "Age groups",
                "Several households in one building", "Common ground",
                "Channels", "Vulnerable groups", "Safety", "Months waiting", "Priority", "Raised",
            ]
        let rows = needs.enumerated().map { i, n -> [String] in
            let s = n.score
            return [
                String(i + 1), n.title, n.categoryName(lang, in: categories), n.placeName, n.status.text.text(lang),
                String(s.households), String(s.buildings), String(s.ageBands), String(NeedRanking.rounded(s.depth)),
                String(NeedRanking.rounded(s.commonGround)), String(s.channels), String(s.vulnerable),
                s.safety ? (zh ? "是" : "yes") : "", String(s.waitingMonths), String(NeedRanking.rounded(s.priority)),
                Show.dateTime(n.firstSubmittedAt),
            ]
        }
        return (header, rows)
    }
}
