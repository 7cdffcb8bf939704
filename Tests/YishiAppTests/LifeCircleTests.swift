import Fluent
import Foundation
import SQLKit
import Testing
import Vapor
import VaporTesting

@testable import YishiApp
@testable import YishiAtlas
@testable import YishiCore

/// The shared data beside the project (`../shared/data`).
func sharedData(_ path: String) -> URL {
    URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("shared/data/\(path)")
}

extension Browser {
    /// Uploads a map file on the import page, as a browser sends the form.
    func uploadExtract(_ data: Data, name: String, district: String) async throws -> TestingHTTPResponse {
        let boundary = "yishi-\(UUID().uuidString)"
        let body = multipartBody(
            boundary: boundary,
            [(CSRF.field, nil, Data(csrf.utf8)), ("district", nil, Data(district.utf8)), ("file", name, data)])
        var headers = HTTPHeaders()
        headers.replaceOrAdd(name: .contentType, value: "multipart/form-data; boundary=\(boundary)")
        return try await send(.POST, "/atlas/import", headers: headers, body: ByteBuffer(data: body))
    }
}

@Suite("Life-circle atlas in the platform: import job, pages, links, API")
struct LifeCircleTests {
    static func jobID(_ res: TestingHTTPResponse) throws -> UUID {
        let location = try #require(res.location)
        return try #require(UUID(uuidString: String(location.dropFirst("/jobs/".count))))
    }

    /// Imports straight through the importer (what the job and the command call).
    static func importDirectly(_ t: TestContext, _ file: String, district: String = "BS") async throws
        -> LifeCircleImporter.Summary
    {
        let data = try Data(contentsOf: sharedData("osm/\(file)"))
        let d = try #require(try await TerritoryNode.query(on: t.db).filter(\.$code == district).first())
        return try await LifeCircleImporter.run(
            data, sourceName: file, district: d, actor: .system, on: t.db, time: t.clock)
    }

    @Test func aDistrictAdminImportsNeubrandenburgThroughTheUploadPage() async throws {
        try await withYishi(demo: true) { t in
            let b = Browser(t.app)
            try await b.signIn("baoshan")
            #expect(try await b.get("/atlas/import").status == .ok)
            let data = try Data(contentsOf: sharedData("osm/neubrandenburg.osm.pbf"))
            let res = try await b.uploadExtract(data, name: "neubrandenburg.osm.pbf", district: "BS")
            #expect(res.status == .seeOther)
            let id = try Self.jobID(res)
            // The page answered before any work: the job waits in the queue, and its page refreshes itself.
            let queued = try await b.get("/jobs/\(id)")
            #expect(queued.status == .ok && queued.text.contains("http-equiv=\"refresh\""))
            #expect(queued.text.contains(Catalog.text("enum.JobStatus.queued", .zhHans)))
            #expect(try await AtlasImport.query(on: t.db).count() == 0)

            let started = ContinuousClock.now
            #expect(try await JobRunner.runNext(t.app))
            print("platform import of neubrandenburg.osm.pbf (job run, debug build): \(started.duration(to: .now))")
            #expect(try await JobRunner.runNext(t.app) == false)

            let job = try #require(try await Job.find(id, on: t.db))
            #expect(job.status == .succeeded && job.progress == 100 && job.attempts == 1, "\(job.error(.en) ?? "")")
            // The upload is not kept once the job is done; its name and size are.
            #expect(job.$attachment.id == nil && job.fileName == "neubrandenburg.osm.pbf" && job.fileSize == data.count)
            #expect(try await Attachment.query(on: t.db).filter(\.$name == "neubrandenburg.osm.pbf").count() == 0)
            let done = try await b.get("/jobs/\(id)")
            #expect(!done.text.contains("http-equiv=\"refresh\""))
            #expect(done.text.contains("32890") && done.text.contains("/lifecircle/BS"))

            let imp = try #require(try await AtlasImport.query(on: t.db).first())
            #expect(imp.nodes == 32_890 && imp.edges == 36_609 && imp.origins == 1_523 && imp.facilities == 641)
            #expect(imp.svg.hasPrefix("<svg") || imp.svg.hasPrefix("<?xml"))
            #expect(try await AtlasOrigin.query(on: t.db).count() == 1_523)
            #expect(try await AtlasFacility.query(on: t.db).count() == 641)
            let audit = try await AuditEntry.query(on: t.db).filter(\.$action == AuditAction.atlasImport.rawValue).all()
            #expect(audit.count == 1 && audit.first?.actorLabel == "baoshan")

            // The API gives the reference's shares at each type's standard radius and at 1,000 m.
            let api = try await Browser(t.app).get("/api/v1/lifecircle/BS")
            #expect(api.status == .ok)
            let lc = try api.decode(DTO.LifeCircle.self)
            let reference = try #require(
                try JSONSerialization.jsonObject(
                    with: Data(contentsOf: sharedData("lifecircle/neubrandenburg/expected_coverage.json")))
                    as? [String: Any])
            let shares = try #require(reference["coverage_of_origins"] as? [String: [String: Double]])
            #expect(lc.places == 1_523 && lc.shares.count == 10)
            for s in lc.shares {
                let expected = try #require(shares[s.type])
                #expect(abs(s.shareAtStandard - expected[String(Int(s.radius))]!) <= 0.01, "\(s.type) at \(s.radius)")
                #expect(abs(s.share15Minutes - expected["1000"]!) <= 0.01, "\(s.type) at 1000")
            }
            // Every residential area on the map is listed, none linked: the demo district's compounds have Chinese names.
            let areas = try await AtlasOrigin.query(on: t.db).filter(\.$kind == "compound").count()
            #expect(areas > 100 && lc.compounds.count == areas && lc.compounds.allSatisfy { $0.code == nil })
            // An unnamed area lists no name (the page says "no name"), never an empty one.
            #expect(
                lc.compounds.contains { $0.mapNames.isEmpty } && lc.compounds.allSatisfy { !$0.mapNames.contains("") })

            let csv = try await Browser(t.app).get("/api/v1/lifecircle/BS/gaps.csv")
            #expect(csv.status == .ok && csv.headers.contentType?.description.hasPrefix("text/csv") == true)
            #expect(Array(Data(buffer: csv.body).prefix(3)) == [0xEF, 0xBB, 0xBF])
            #expect(csv.text.split(separator: "\r\n").count == areas + 1)

            let svg = try await Browser(t.app).get("/lifecircle/BS/map.svg")
            #expect(svg.status == .ok && svg.headers.first(name: .contentType)?.hasPrefix("image/svg+xml") == true)
            #expect(svg.headers.first(name: "Content-Security-Policy")?.contains("default-src 'none'") == true)
        }
    }

    @Test(arguments: [
        ("garbage.osm.pbf", Data("this is not a map".utf8)),
        ("empty-ish.osm", Data("<?xml version=\"1.0\"?><html></html>".utf8)),
    ])
    func aBadFileFailsClearlyAndChangesNothing(_ name: String, _ data: Data) async throws {
        try await withYishi(demo: true) { t in
            _ = try await Self.importDirectly(t, "helsinki.osm.pbf")
            let before = try #require(try await AtlasImport.query(on: t.db).first())
            let b = Browser(t.app)
            try await b.signIn("baoshan")
            let auditBefore = try await AuditEntry.query(on: t.db).count()
            let id = try Self.jobID(try await b.uploadExtract(data, name: name, district: "BS"))
            try await JobRunner.runNext(t.app)
            let job = try #require(try await Job.find(id, on: t.db))
            #expect(job.status == .failed)
            #expect(job.errorZh?.isEmpty == false && job.errorEn?.isEmpty == false)
            for lang in Lang.allCases {
                _ = try await b.get("/preferences?lang=\(lang.rawValue)&next=/")
                let page = try await b.get("/jobs/\(id)")
                #expect(
                    page.text.contains(job.error(lang)!.replacingOccurrences(of: "\"", with: "&quot;"))
                        || page.text.contains(job.error(lang)!))
                #expect(page.text.contains(Catalog.text(JobText.error, lang)))
            }
            let after = try #require(try await AtlasImport.query(on: t.db).first())
            #expect(after.id == before.id && after.nodes == before.nodes)
            #expect(try await AtlasImport.query(on: t.db).count() == 1)
            #expect(try await AuditEntry.query(on: t.db).count() == auditBefore)
        }
    }

    @Test func aTruncatedExtractIsNamedAndRefusedByTheCommandLineToo() async throws {
        try await withYishi(demo: true) { t in
            let full = try Data(contentsOf: sharedData("osm/helsinki.osm.pbf"))
            let d = try #require(try await TerritoryNode.query(on: t.db).filter(\.$code == "BS").first())
            await #expect(throws: OSMExtract.ReadError.self) {
                _ = try await LifeCircleImporter.run(
                    full.prefix(full.count / 2), sourceName: "cut.osm.pbf", district: d, actor: .system, on: t.db,
                    time: t.clock)
            }
            #expect(try await AtlasImport.query(on: t.db).count() == 0)
            // Only a district takes map data.
            let sub = try #require(try await TerritoryNode.query(on: t.db).filter(\.$code == "BS01").first())
            await #expect(throws: YishiError.self) {
                _ = try await LifeCircleImporter.run(
                    full, sourceName: "h.osm.pbf", district: sub, actor: .system, on: t.db, time: t.clock)
            }
        }
    }

    @Test func onlyThoseWhoMayImportIntoTheDistrictMayUpload() async throws {
        try await withYishi(demo: true) { t in
            let data = try Data(contentsOf: sharedData("osm/helsinki.osm.pbf"))
            let sub = Browser(t.app)
            try await sub.signIn("youyilu")  // subdistrict staff: may import territory CSVs below, not a district's map
            #expect(try await sub.get("/atlas/import").status == .forbidden)
            #expect(try await sub.uploadExtract(data, name: "h.osm.pbf", district: "BS").status == .forbidden)
            let planner = Browser(t.app)
            try await planner.signIn("planner")
            #expect(try await planner.get("/atlas/import").status == .forbidden)
            #expect(
                try await Browser(t.app).get("/atlas/import").location?.hasPrefix(
                    "/signin?notice=signin.required&next=") == true)
            let admin = Browser(t.app)
            try await admin.signIn("baoshan")
            let noFile = try await admin.uploadExtract(Data(), name: "", district: "BS")
            #expect(
                noFile.status == .unprocessableEntity
                    && noFile.text.contains(Catalog.text(AtlasText.importNoFile, .zhHans)))
            let wrong = try await admin.uploadExtract(data, name: "h.osm.pbf", district: "BS01")
            #expect(wrong.status == .unprocessableEntity)
            #expect(try await Job.query(on: t.db).count() == 0)
            // Someone else's job page is refused too.
            let id = try Self.jobID(try await admin.uploadExtract(data, name: "h.osm.pbf", district: "BS"))
            #expect(try await sub.get("/jobs/\(id)").status == .forbidden)
            #expect(try await sub.get("/api/v1/jobs/\(id)").status == .forbidden)
        }
    }

    @Test func staffLinkCompoundsByHandWithinTheirScope() async throws {
        try await withYishi(demo: true) { t in
            _ = try await Self.importDirectly(t, "helsinki.osm.pbf")
            let place = try #require(
                try await AtlasOrigin.query(on: t.db).filter(\.$kind == "compound").sort(\.$osmRef).first())
            let mine = try #require(try await TerritoryNode.query(on: t.db).filter(\.$code == "BS01-C1-X1").first())
            let other = try #require(try await TerritoryNode.query(on: t.db).filter(\.$code == "BS02-C1-X1").first())
            #expect(try await LifeCircleQueries.coverage(of: mine, on: t.db) == nil)

            let b = Browser(t.app)
            try await b.signIn("baolin1")
            let page = try await b.get("/lifecircle/BS/links")
            #expect(page.status == .ok && page.text.contains(mine.name) && !page.text.contains(">\(other.name)（"))
            #expect(page.text.contains(#"name="link[\#(place.id!.uuidString)]""#), "one form, a choice per row")
            let filtered = try await b.get(
                "/lifecircle/BS/links?q=\(H.query(String(place.name.prefix(2))))&show=unlinked")
            #expect(filtered.status == .ok && filtered.text.contains(place.id!.uuidString))
            // Two rows in one save: one changed, one left as it was; back at the same row, same filter.
            let second = try #require(
                try await AtlasOrigin.query(on: t.db).filter(\.$kind == "compound").sort(\.$osmRef).offset(1).first())
            let res = try await b.post(
                "/lifecircle/BS/links",
                [
                    "link[\(place.id!.uuidString)]": mine.id!.uuidString, "link[\(second.id!.uuidString)]": "",
                    "back": "show=unlinked",
                ])
            #expect(res.status == .seeOther)
            #expect(
                res.location?.contains("show=unlinked") == true
                    && res.location?.hasSuffix("#place-\(place.id!.uuidString)") == true)
            #expect(try await AtlasOrigin.find(place.id, on: t.db)?.$compound.id == mine.id)
            #expect(try await AtlasOrigin.find(second.id, on: t.db)?.$compound.id == nil)
            let audit = try await AuditEntry.query(on: t.db).filter(\.$action == AuditAction.atlasLink.rawValue).all()
            #expect(audit.count == 1 && audit.first?.targetID == place.osmRef)

            // The function later capabilities call: a compound's distances and gaps.
            let c = try #require(try await LifeCircleQueries.coverage(of: mine, on: t.db))
            let imp = try #require(try await AtlasImport.query(on: t.db).first())
            let stored = try #require(place.coverage(imp.facilityTypes))
            #expect(c.coverage == stored && c.places == 1)
            #expect(c.gap == stored.gap())

            // The community's page now counts that one place, and lists the compound with its gaps.
            let community = try await Browser(t.app).get("/api/v1/lifecircle/BS01-C1")
            let lc = try community.decode(DTO.LifeCircle.self)
            #expect(lc.places == 1 && lc.compounds.count == 1 && lc.compounds[0].code == "BS01-C1-X1")
            #expect(lc.compounds[0].missingAtStandard.map(\.type) == c.gap.missingAtTier.map(\.type.rawValue))

            // A new import of the district keeps the link (the same OpenStreetMap object).
            let again = try await Self.importDirectly(t, "helsinki.osm.pbf")
            #expect(again.kept == 1)
            let moved = try #require(try await AtlasOrigin.query(on: t.db).filter(\.$osmRef == place.osmRef).first())
            #expect(moved.id != place.id && moved.$compound.id == mine.id)
            let placeID = try #require(moved.id)

            // Outside their scope: refused, nothing changes.
            let refused = try await b.post(
                "/lifecircle/BS/links", ["link[\(placeID.uuidString)]": other.id!.uuidString])
            #expect(refused.status == .forbidden)
            #expect(try await AtlasOrigin.find(placeID, on: t.db)?.$compound.id == mine.id)
            let other2 = Browser(t.app)
            try await other2.signIn("youyixin")  // another community: may not take the link away
            #expect(
                try await other2.json(.PUT, "/api/v1/lifecircle/places/\(placeID)/compound", #"{"compound": null}"#)
                    .status == .forbidden)
            // Unlinking by the API, by someone who may.
            #expect(
                try await b.json(.PUT, "/api/v1/lifecircle/places/\(placeID)/compound", #"{"compound": null}"#).status
                    == .noContent)
            #expect(try await AtlasOrigin.find(placeID, on: t.db)?.$compound.id == nil)
            // Residents and visitors have no links page.
            #expect(
                try await Browser(t.app).get("/lifecircle/BS/links").location?.hasPrefix(
                    "/signin?notice=signin.required&next=") == true)
            let planner = Browser(t.app)
            try await planner.signIn("planner")
            #expect(try await planner.get("/lifecircle/BS/links").status == .forbidden)
        }
    }

    @Test func badLinksAndBadUploadsAreRefusedAndChangeNothing() async throws {
        try await withYishi(demo: true) { t in
            _ = try await Self.importDirectly(t, "helsinki.osm.pbf")
            let place = try #require(
                try await AtlasOrigin.query(on: t.db).filter(\.$kind == "compound").sort(\.$osmRef).first())
            let b = Browser(t.app)
            try await b.signIn("baoshan")
            let auditBefore = try await AuditEntry.query(on: t.db).count()
            // A compound that does not exist, one in no district of ours, a missing place, a place that does not exist.
            #expect(
                try await b.post("/lifecircle/BS/links", ["link[\(place.id!.uuidString)]": "NO-SUCH"]).status
                    == .unprocessableEntity)
            #expect(
                try await b.post("/lifecircle/BS/links", ["link[\(place.id!.uuidString)]": "BS01"]).status
                    == .unprocessableEntity)
            #expect(try await b.post("/lifecircle/BS/links", [:]).status == .seeOther, "an empty form saves nothing")
            #expect(
                try await b.post("/lifecircle/BS/links", ["link[\(UUID().uuidString)]": "BS01-C1-X1"]).status
                    == .notFound)
            #expect(
                try await b.json(.PUT, "/api/v1/lifecircle/places/\(place.id!)/compound", #"{"compound": 7"#).status
                    == .badRequest)
            #expect(try await AtlasOrigin.query(on: t.db).filter(\.$compound.$id != nil).count() == 0)
            // Uploads through the API: an empty body, a subdistrict, a code that is no node.
            var headers = HTTPHeaders()
            headers.replaceOrAdd(name: CSRF.header, value: b.csrf)
            let octet = HTTPMediaType(type: "application", subType: "octet-stream")
            #expect(
                try await b.send(
                    .POST, "/api/v1/lifecircle/BS/import", headers: headers, body: ByteBuffer(), contentType: octet
                ).status == .unprocessableEntity)
            #expect(
                try await b.send(
                    .POST, "/api/v1/lifecircle/BS01/import", headers: headers, body: ByteBuffer(string: "x"),
                    contentType: octet
                ).status == .badRequest)
            #expect(
                try await b.send(
                    .POST, "/api/v1/lifecircle/NOPE/import", headers: headers, body: ByteBuffer(string: "x"),
                    contentType: octet
                ).status == .notFound)
            #expect(try await Job.query(on: t.db).count() == 0)
            #expect(try await AuditEntry.query(on: t.db).count() == auditBefore)
        }
    }

    @Test func compoundsAreMatchedByName() async throws {
        try await withYishi(demo: true) { t in
            // Name a demo compound as a residential area of the Helsinki extract is named.
            let names = try await Self.importDirectly(t, "helsinki.osm.pbf")
            #expect(names.matched == 0)
            let named = try #require(
                try await AtlasOrigin.query(on: t.db).filter(\.$kind == "compound").filter(\.$name != "").first())
            let compound = try #require(try await TerritoryNode.query(on: t.db).filter(\.$code == "BS01-C1-X1").first())
            compound.name = " " + named.name.uppercased() + " "
            try await compound.save(on: t.db)
            let again = try await Self.importDirectly(t, "helsinki.osm.pbf")
            #expect(again.matched >= 1)
            #expect(try await AtlasImport.query(on: t.db).count() == 1)
            let linked = try await AtlasOrigin.query(on: t.db).filter(\.$compound.$id == compound.id).all()
            #expect(
                linked.allSatisfy { LifeCircleImporter.normalize($0.name) == LifeCircleImporter.normalize(named.name) }
                    && !linked.isEmpty)
        }
    }

    @Test func theWorkerRunsQueuedJobsAndRequeuesLostOnes() async throws {
        try await withYishi(demo: true) { t in
            let b = Browser(t.app)
            try await b.signIn("baoshan")
            t.app.jobWorker.start(t.app)
            var headers = HTTPHeaders()
            headers.replaceOrAdd(name: CSRF.header, value: b.csrf)
            let res = try await b.send(
                .POST, "/api/v1/lifecircle/BS/import?name=helsinki.osm.pbf", headers: headers,
                body: ByteBuffer(data: try Data(contentsOf: sharedData("osm/helsinki.osm.pbf"))),
                contentType: .init(type: "application", subType: "octet-stream"))
            #expect(res.status == .accepted)
            let job = try res.decode(DTO.Job.self)
            var status = job.status
            for _ in 0..<600 where status != "succeeded" && status != "failed" {
                try await Task.sleep(for: .milliseconds(100))
                status = try await b.get("/api/v1/jobs/\(job.id)").decode(DTO.Job.self).status
            }
            #expect(status == "succeeded")
            let finished = try await b.get("/api/v1/jobs/\(job.id)").decode(DTO.Job.self)
            #expect(finished.result?.nodes == 5_266 && finished.file == "helsinki.osm.pbf" && finished.progress == 100)

            // A running job whose worker vanished goes back to the queue, and fails after three starts.
            // (The worker is stopped first, so it does not claim the requeued job before we look.)
            await t.app.jobWorker.shutdownAsync(t.app)
            let bs = try #require(try await TerritoryNode.query(on: t.db).filter(\.$code == "BS").first())
            let lost = Job(kind: .atlasImport, nodeID: bs.id, attachment: nil, createdBy: nil)
            lost.status = .running
            lost.attempts = 1
            try await lost.create(on: t.db)
            let old = Date().addingTimeInterval(-JobRunner.staleAfter - 5)
            try await (t.db as! any SQLDatabase).update("jobs").set("updated_at", to: old).where("id", .equal, lost.id!)
                .run()
            try await JobRunner.requeueStale(t.app)
            #expect(try await Job.find(lost.id, on: t.db)?.status == .queued)
            try await (t.db as! any SQLDatabase).update("jobs").set("status", to: "running").set("attempts", to: 3).set(
                "updated_at", to: old
            ).where("id", .equal, lost.id!).run()
            try await JobRunner.requeueStale(t.app)
            let failed = try #require(try await Job.find(lost.id, on: t.db))
            #expect(failed.status == .failed && failed.error(.en) == Catalog.text(JobText.interrupted, .en))
        }
    }

    @Test func lifeCirclePagesRenderInEveryMode() async throws {
        try await withYishi(demo: true) { t in
            let visitor = Browser(t.app)
            // Before any import: the pages say so.
            #expect(try await visitor.get("/lifecircle").text.contains(Catalog.text(LifeCircleText.indexNone, .zhHans)))
            #expect(
                try await visitor.get("/lifecircle/BS").text.contains(
                    Catalog.text(LifeCircleText.noneText, .zhHans, ["宝山区"]))
            )
            #expect(try await visitor.get("/lifecircle/BS01-C1-X1").status == .notFound)
            #expect(try await visitor.get("/lifecircle/NOPE").status == .notFound)
            #expect(try await visitor.get("/api/v1/lifecircle/BS").decode(DTO.LifeCircle.self).source == nil)

            _ = try await Self.importDirectly(t, "helsinki.osm.pbf")
            let place = try #require(try await AtlasOrigin.query(on: t.db).filter(\.$kind == "compound").first())
            place.$compound.id = try #require(
                try await TerritoryNode.query(on: t.db).filter(\.$code == "BS01-C1-X1").first()
            ).id
            try await place.save(on: t.db)
            let staff = Browser(t.app)
            try await staff.signIn("baoshan")
            let id = try Self.jobID(try await staff.uploadExtract(Data("x".utf8), name: "bad.osm", district: "BS"))
            try await JobRunner.runNext(t.app)

            let pages = PageTests()
            for lang in Lang.allCases {
                for care in CareMode.allCases {
                    for (browser, paths) in [
                        (visitor, ["/lifecircle", "/lifecircle/BS", "/lifecircle/BS01", "/lifecircle/BS01-C1"]),
                        (
                            staff,
                            [
                                "/lifecircle/BS", "/lifecircle/BS/links", "/lifecircle/BS/links?show=unlinked",
                                "/atlas/import", "/jobs/\(id)",
                            ]
                        ),
                    ] {
                        _ = try await browser.get("/preferences?lang=\(lang.rawValue)&care=\(care.rawValue)&next=/")
                        for path in paths {
                            let res = try await browser.get(path)
                            #expect(res.status == .ok, "\(path) answered \(res.status)")
                            pages.check(res.text, path, lang: lang, care: care)
                            if path == "/lifecircle/BS" {
                                #expect(
                                    res.text.contains("/lifecircle/BS/map.svg")
                                        && res.text.contains(Catalog.text("enum.FacilityType.bus_stop", lang)))
                                #expect(res.text.contains("/api/v1/lifecircle/BS/gaps.csv"))
                            }
                        }
                    }
                }
            }
            let community = try await visitor.get("/lifecircle/BS01-C1")
            #expect(community.text.contains(Catalog.text(LifeCircleText.sharesOf, .en, ["1"])))
        }
    }

    @Test func everyFacilityTypeHasANameInBothLanguages() {
        for type in FacilityType.allCases {
            #expect(Catalog.entries["enum.FacilityType.\(type.rawValue)"] != nil, "\(type)")
        }
        for status in Job.Status.allCases { #expect(Catalog.entries[status.catalogKey] != nil) }
    }

    @Test func gapCSVQuotesAndDisarmsFormulas() {
        #expect(CSVCell.field("a,b") == "\"a,b\"")
        #expect(CSVCell.field("say \"hi\"") == "\"say \"\"hi\"\"\"")
        #expect(CSVCell.field("=HYPERLINK(1)") == "'=HYPERLINK(1)")
        #expect(CSVCell.field("宝林一村") == "宝林一村")
    }
}

/// Short per-place life-circle pages and their maps (issue 16, items 4 and 5).
@Suite("Life circle: per-place maps and short pages")
struct LifeCirclePlaceTests {
    /// Links the first `n` named residential areas of the imported map to compounds of 宝林一村.
    func linkSome(_ t: TestContext, _ n: Int) async throws -> [TerritoryNode] {
        let compounds = try await TerritoryNode.query(on: t.db).filter(\.$level == .compound)
            .filter(\.$code =~ "BS01-C1-").sort(\.$code).all()
        let places = try await AtlasOrigin.query(on: t.db).filter(\.$kind == "compound").sort(\.$osmRef).limit(n).all()
        for (place, compound) in zip(places, compounds) {
            place.$compound.id = compound.id
            try await place.save(on: t.db)
        }
        return Array(compounds.prefix(n))
    }

    @Test func aCommunitysMapShowsItsOwnHomesMarksMineAndItsLegendReadsInThePagesLanguage() async throws {
        try await withYishi(demo: true) { t in
            _ = try await LifeCircleTests.importDirectly(t, "neubrandenburg.osm.pbf")
            let linked = try await linkSome(t, 2)
            #expect(linked.count == 2)
            let visitor = Browser(t.app)
            let page = try await visitor.get("/lifecircle/BS01-C1")
            #expect(page.status == .ok)
            let svg = try await visitor.get("/lifecircle/BS01-C1/map.svg")
            #expect(svg.status == .ok)
            #expect(svg.text.components(separatedBy: #"r="30""#).count - 1 == 2, "the same homes as the table")
            #expect(!svg.text.contains(LifeCircleText.mine.text(.zhHans)), "no home marked for a visitor")
            #expect(page.text.contains(#"class="legend""#))
            #expect(
                page.text.contains(FacilityType.market.name(.zhHans)) && !page.text.contains("Market"), "one language")
            // The resident of 宝林一村's first compound sees theirs ringed and labelled.
            let resident = Browser(t.app)
            try await resident.signInResident()
            let mine = try await resident.get("/lifecircle/BS01-C1/map.svg")
            #expect(mine.text.contains(LifeCircleText.mine.text(.zhHans)))
            #expect(mine.headers.first(name: .cacheControl)?.contains("private") == true)
            // The district's page leads with its subdistricts; unmatched places are counted, not listed.
            let district = try await visitor.get("/lifecircle/BS")
            let table = try #require(district.text.range(of: LifeCircleText.bySubdistrict.text(.zhHans)))
            let shares = try #require(district.text.range(of: LifeCircleText.sharesTitle.text(.zhHans)))
            #expect(table.lowerBound < shares.lowerBound, "the subdistricts first")
            #expect(district.text.contains(#"href="/lifecircle/BS01""#))
            #expect(district.text.contains("还没有对应到小区，不在表中列出"))
            #expect(!district.text.contains("（无名称）") && !district.text.contains("工作人员"))
            #expect(try await visitor.get("/lifecircle/BS/map.svg?roads=1").status == .ok)
        }
    }

    @Test func theMapsSymbolsAreDistinctAndApartFromTheGapScale() {
        let pairs = FacilityType.allCases.map { PlaceMap.symbols[$0].map { "\($0.shape)\($0.colour)" } }
        #expect(pairs.allSatisfy { $0 != nil } && Set(pairs).count == FacilityType.allCases.count, "each type its own")
        let facilityColours = Set(PlaceMap.symbols.values.map { $0.colour.lowercased() })
        #expect(facilityColours.isDisjoint(with: Set(PlaceMap.gapColours.map { $0.lowercased() })))
        let homes = [
            PlaceMap.Home(x: 0, y: 0, missing: 2, title: "A"), PlaceMap.Home(x: 500, y: 500, missing: 7, title: "B"),
        ]
        let near = PlaceMap.Facility(x: 600, y: 600, type: .market, title: "m")
        let far = PlaceMap.Facility(x: 5000, y: 0, type: .park, title: "p")
        #expect(PlaceMap.clip([near, far], to: homes).map(\.title) == ["m"], "clipped to the homes and a margin")
        let svg = PlaceMap.svg(homes: homes, facilities: [near, far], title: "t", mineLabel: "我家")
        #expect(svg.contains(">5+<"), "seven missing shows as 5+")
    }
}
