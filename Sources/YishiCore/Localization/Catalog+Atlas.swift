extension Catalog {
    static let atlas: [String: Bilingual] = [
        "nav.lifeCircle": .init("生活圈", "Life circle"),
        "lifeCircle.title": .init("15分钟生活圈", "15-minute life circle"),
        "lifeCircle.titleOf": .init("{0} · 15分钟生活圈", "{0} · 15-minute life circle"),
        "lifeCircle.intro": .init(
            "步行能否在规定距离内到达日常设施：按步行路网计算，不是直线距离。",
            "Whether homes reach daily services on foot within the set distance, measured along the walking network, not as the crow flies."
        ),
        "lifeCircle.index.intro": .init(
            "选择一个区、街镇或居村，查看步行可达的日常设施。",
            "Choose a district, subdistrict or community to see which daily services are within walking distance."),
        "lifeCircle.index.none": .init("还没有任何区导入地图数据。", "No district has imported map data yet."),
        "lifeCircle.none": .init("{0}还没有导入地图数据。", "{0} has no map data yet."),
        "lifeCircle.source": .init(
            "数据来源：{0}，导入于 {1}；步行路网 {2} 个节点、{3} 条路段；住宅 {4} 处；设施 {5} 处。",
            "Source: {0}, imported {1}; walking network of {2} nodes and {3} segments; {4} homes; {5} facilities."),
        "lifeCircle.sharesTitle": .init("各类设施的覆盖率", "Share of homes covered, by facility type"),
        "lifeCircle.sharesOf": .init(
            "统计 {0} 处住宅（小区和住宅楼）。", "Counted over {0} homes (compounds and residential buildings)."),
        "lifeCircle.sharesNone": .init(
            "本范围内还没有与地图关联的小区，暂无覆盖率。请工作人员在“关联小区”页面关联。",
            "No compound here is linked to the map yet, so there are no shares. Staff can link them on the “Link compounds” page."
        ),
        "lifeCircle.col.type": .init("设施类型", "Facility type"),
        "lifeCircle.col.radius": .init("标准距离", "Standard distance"),
        "lifeCircle.col.atTier": .init("标准距离内", "Within the standard"),
        "lifeCircle.col.within15": .init("15分钟内（{0} 米）", "Within 15 minutes ({0} m)"),
        "lifeCircle.col.compound": .init("小区", "Compound"),
        "lifeCircle.col.mapName": .init("地图上的名称", "Name on the map"),
        "lifeCircle.col.missing": .init("标准距离内缺少", "Missing within the standard"),
        "lifeCircle.col.missing15": .init("15分钟内缺少", "Missing within 15 minutes"),
        "lifeCircle.col.link": .init("关联的小区", "Linked compound"),
        "lifeCircle.share": .init("{0}%（{1}/{2}）", "{0}% ({1} of {2})"),
        "lifeCircle.metres": .init("{0} 米", "{0} m"),
        "lifeCircle.missingItem": .init("{0}（{1}）", "{0} ({1})"),
        "lifeCircle.allReached": .init("齐全", "All reached"),
        "lifeCircle.compoundsTitle": .init("小区缺口", "Gaps by compound"),
        "lifeCircle.compoundsIntro": .init(
            "缺口多的排在前面。小区由多处组成时，按最远的一处计。",
            "Compounds with the most gaps come first. Where a compound has several places on the map, the farthest one counts."
        ),
        "lifeCircle.unlinked": .init("（未关联）", "(not linked)"),
        "lifeCircle.unnamed": .init("（无名称）", "(no name)"),
        "lifeCircle.notOnMap": .init(
            "本范围内另有 {0} 个小区尚未与地图关联。", "{0} more compounds here are not linked to the map yet."),
        "lifeCircle.mapTitle": .init("覆盖地图", "Coverage map"),
        "lifeCircle.mapAlt": .init(
            "{0}的步行路网、各类设施和按缺口数着色的小区",
            "{0}: the walking network, facilities by type and compounds coloured by their number of gaps"),
        "lifeCircle.mapOpen": .init("打开大图", "Open the full-size map"),
        "lifeCircle.below": .init("下级", "Below"),
        "lifeCircle.downloads": .init("下载", "Downloads"),
        "lifeCircle.csv": .init("缺口清单（CSV，可用 Excel 打开）", "Gap list (CSV, opens in Excel)"),
        "lifeCircle.json": .init("数据接口（JSON）", "Data (JSON)"),
        "lifeCircle.print": .init("打印时只印正文和地图。", "Printing gives the content and the map only."),
        "lifeCircle.importLink": .init("导入或更新地图数据", "Import or update the map data"),
        "lifeCircle.linksLink": .init("关联小区", "Link compounds"),
        "lifeCircle.links.title": .init("{0} · 关联地图小区", "{0} · Link map compounds"),
        "lifeCircle.links.intro": .init(
            "地图上的住宅区按名称自动关联到辖区小区；名称不同或重名时请在这里手动关联或更正。",
            "Residential areas on the map are linked to territory compounds by name; where names differ or repeat, link or correct them here."
        ),
        "lifeCircle.links.choose": .init("关联到", "Link to"),
        "lifeCircle.links.none": .init("不关联", "Not linked"),
        "lifeCircle.links.save": .init("保存关联", "Save link"),
        "lifeCircle.links.saved": .init("已保存关联。", "Link saved."),
        "lifeCircle.links.filter": .init("只看未关联的", "Only those not linked"),
        "lifeCircle.links.all": .init("全部", "All"),
        "atlas.import.title": .init("导入地图数据", "Import map data"),
        "atlas.import.intro": .init(
            "上传本区的 OpenStreetMap 数据（.osm.pbf 或 .osm，最大 {0} MB）。导入在后台进行，页面会显示进度；新数据替换本区原有数据，文件有误时原有数据不变。",
            "Upload the district's OpenStreetMap extract (.osm.pbf or .osm, at most {0} MB). The import runs in the background with its progress shown; the new data replaces the district's previous data, and a bad file changes nothing."
        ),
        "atlas.import.district": .init("区", "District"),
        "atlas.import.file": .init("地图文件", "Map file"),
        "atlas.import.submit": .init("上传并导入", "Upload and import"),
        "atlas.import.recent": .init("最近的导入", "Recent imports"),
        "atlas.import.noFile": .init("请选择一个地图文件。", "Choose a map file."),
        "atlas.import.tooLarge": .init("文件超过 {0} MB。", "The file is larger than {0} MB."),
        "atlas.import.notDistrict": .init("地图数据按区导入，请选择一个区。", "Map data is imported per district; choose a district."),
        "job.title": .init("后台任务", "Background task"),
        "job.kind.atlasImport": .init("导入地图数据", "Map data import"),
        "job.status": .init("状态", "Status"),
        "job.progress": .init("进度", "Progress"),
        "job.step": .init("当前步骤", "Current step"),
        "job.file": .init("文件", "File"),
        "job.started": .init("开始时间", "Started"),
        "job.finished": .init("结束时间", "Finished"),
        "job.error": .init("失败原因", "Why it failed"),
        "job.refresh": .init("本页每 2 秒自动刷新。", "This page refreshes itself every 2 seconds."),
        "job.result": .init(
            "完成：步行路网 {0} 个节点、{1} 条路段；住宅 {2} 处；设施 {3} 处；按名称关联小区 {4} 个，保留原有关联 {5} 个。",
            "Done: walking network of {0} nodes and {1} segments; {2} homes; {3} facilities; {4} compounds linked by name, {5} earlier links kept."
        ),
        "job.view": .init("查看生活圈页面", "See the life-circle page"),
        "job.interrupted": .init(
            "任务被中断（服务重启），已多次重试仍未完成。请重新上传。",
            "The task was interrupted by restarts and did not finish after several tries. Please upload again."),
        "job.failedUnexpectedly": .init(
            "处理时出现意外错误，原有数据未改变。", "An unexpected error stopped the work; the previous data is unchanged."),
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
