import Foundation
import Testing

@testable import YishiCore

/// The planners' rules (issue 20, seed 001): days and terms, the rules' versions, appointments,
/// the annual review, renewal, pairing coverage and a diagnosis's population figures.
@Suite("Planners: the rules")
struct PlannerTests {
    func day(_ s: String) -> CalendarDay { CalendarDay(s)! }

    @Test func calendarDaysRoundTripAndCountLikeTheCalendar() {
        // Every day from 1999 to 2031 goes to its number and back, and the numbers run on by one.
        var d = day("1999-01-01")
        for _ in 0..<12_000 {
            let n = d.daysSinceEpoch
            #expect(CalendarDay(daysSinceEpoch: n) == d)
            let next = d.adding(days: 1)
            #expect(next.daysSinceEpoch == n + 1)
            #expect(d < next)
            d = next
        }
        #expect(day("1970-01-01").daysSinceEpoch == 0)
        #expect(day("2024-02-29").adding(years: 1) == day("2025-02-28"))
        #expect(day("2024-09-10").days(to: day("2026-09-09")) == 729)
        #expect(day("2024-9-1").description == "2024-09-01")
        for bad in ["2024-02-30", "2023-02-29", "2024-13-01", "24-01-01", "2024/01/01", "", "２０２４-01-01", "2024-01"] {
            #expect(CalendarDay(bad) == nil, "\(bad)")
        }
        // An instant's day is Shanghai's: 16:00 UTC is already the next day there.
        let instant = Date(timeIntervalSince1970: Double(day("2026-12-01").daysSinceEpoch) * 86_400 + 16 * 3_600)
        #expect(CalendarDay(instant) == day("2026-12-02"))
        #expect(
            CalendarDay(Date(timeIntervalSince1970: Double(day("2026-12-01").daysSinceEpoch) * 86_400))
                == day("2026-12-01"))
    }

    @Test func theRulesInForceAndTheirLapse() {
        let r1 = PlannerRules.baoshan2024
        #expect(r1.problem == nil)
        #expect(PlannerRules.inForce(on: day("2024-09-09"), among: [r1]) == nil)
        #expect(PlannerRules.inForce(on: day("2024-09-10"), among: [r1])?.version == 1)
        #expect(PlannerRules.inForce(on: day("2026-09-09"), among: [r1])?.version == 1)
        // Seed 001 第十一条: after 9 September 2026 nothing applies until the district renews.
        #expect(PlannerRules.inForce(on: day("2026-09-10"), among: [r1]) == nil)
        var r2 = r1
        r2.version = 2
        r2.title = "宝山区社区规划师制度实施办法（2026年修订）"
        r2.validFrom = day("2026-09-10")
        r2.validUntil = nil
        r2.termYears = 3
        #expect(PlannerRulesRef.canAdd(r2, to: [r1]))
        #expect(PlannerRules.inForce(on: day("2027-01-01"), among: [r1, r2])?.termYears == 3)
        var early = r2
        early.validFrom = day("2024-01-01")
        #expect(!PlannerRulesRef.canAdd(early, to: [r1]))
        var skipped = r2
        skipped.version = 3
        #expect(!PlannerRulesRef.canAdd(skipped, to: [r1]))
        #expect(PlannerRulesRef.canAdd(r1, to: []))
        // What a version as entered gets wrong.
        var bad = r2
        bad.termYears = 0
        #expect(bad.problem == .termYears)
        bad = r2
        bad.weights[.hours] = 30
        #expect(bad.problem == .weights)
        bad = r2
        bad.weights[.hours] = nil
        #expect(bad.problem == .weights)
        bad = r2
        bad.tiers = []
        #expect(bad.problem == .noTier)
        bad = r2
        bad.passMark = 0
        #expect(bad.problem == .passMark)
        bad = r2
        bad.title = "  "
        #expect(bad.problem == .title)
        bad = r1
        bad.validUntil = day("2024-01-01")
        #expect(bad.problem == .until)
    }

    @Test func termsAndReminders() {
        let t = PlannerTerm(start: day("2024-09-10"), years: 2)
        #expect(t.end == day("2026-09-09"))
        #expect(t.contains(day("2024-09-10")) && t.contains(day("2026-09-09")) && !t.contains(day("2026-09-10")))
        #expect(t.daysLeft(on: day("2026-09-09")) == 0)
        #expect(t.reminderDue(on: day("2026-07-11")))
        #expect(!t.reminderDue(on: day("2026-07-10")))
        #expect(!t.reminderDue(on: day("2026-09-10")))
        let next = PlannerTerm(start: day("2026-09-10"), years: 2)
        #expect(!t.overlaps(next) && !next.overlaps(t))
        #expect(t.overlaps(PlannerTerm(start: day("2026-09-09"), years: 2)))
        #expect(t.overlaps(PlannerTerm(start: day("2023-09-11"), years: 1)))
        #expect(!t.overlaps(PlannerTerm(start: day("2023-09-10"), years: 1)))
        #expect(!t.overlaps(PlannerTerm(start: day("2022-09-10"), years: 2)))
    }

    @Test func appointmentsFollowTheRulesAndNeverOverlap() {
        let rules = [PlannerRules.baoshan2024]
        let today = day("2024-10-01")
        let made = PlannerAppointment.check(
            tier: .subdistrict, scope: .subdistrict, start: day("2024-10-01"), today: today, rules: rules, existing: [])
        #expect((try? made.get())?.0.end == day("2026-09-30"))
        #expect((try? made.get())?.1.version == 1)
        let term = try! made.get().0
        func refusal(
            _ tier: PlannerTier, _ scope: PlannerAppointment.Scope, _ start: String,
            _ existing: [(tier: PlannerTier, term: PlannerTerm)] = [], today: CalendarDay? = nil
        ) -> PlannerAppointment.Refusal? {
            if case .failure(let r) = PlannerAppointment.check(
                tier: tier, scope: scope, start: day(start), today: today ?? self.day("2024-10-01"), rules: rules,
                existing: existing)
            {
                return r
            }
            return nil
        }
        #expect(refusal(.subdistrict, .subdistrict, "2025-03-01", [(.subdistrict, term)]) == .overlappingTerm)
        // Another tier at the same time is another role: allowed.
        #expect(refusal(.area, .planningArea, "2025-03-01", [(.subdistrict, term)]) == nil)
        #expect(refusal(.districtExpert, .subdistrict, "2024-10-01") == .scopeNotForTier)
        #expect(refusal(.area, .district, "2024-10-01") == .scopeNotForTier)
        #expect(refusal(.subdistrict, .subdistrict, "2024-09-01") == .noRulesInForce)
        #expect(refusal(.subdistrict, .subdistrict, "2026-09-10", today: day("2026-06-01")) == .noRulesInForce)
        #expect(refusal(.subdistrict, .subdistrict, "2025-10-03") == .startTooFar)
        var expertsOnly = PlannerRules.baoshan2024
        expertsOnly.tiers = [.districtExpert]
        let refused = PlannerAppointment.check(
            tier: .area, scope: .planningArea, start: today, today: today, rules: [expertsOnly], existing: [])
        if case .failure(let r) = refused { #expect(r == .tierNotInRules) } else { Issue.record("appointed") }
        #expect(PlannerTier.districtExpert.authority == .districtGovernment)
        #expect(PlannerTier.area.authority == .subdistrict && PlannerTier.subdistrict.authority == .subdistrict)
        #expect(PlannerTier.allCases.map(\.symbol) == ["1", "12", "X"])
    }

    @Test func theAnnualReviewWeighsTheFourGrounds() {
        let rules = PlannerRules.baoshan2024
        let all: [ReviewGround: Int] = [.effectiveness: 70, .hours: 50, .attitude: 80, .feedback: 60]
        // 70×40 + 50×20 + 80×20 + 60×20 = 6,600 → 66.
        #expect(try! PlannerReview.outcome(all, rules: rules).get().total == 66)
        #expect(try! PlannerReview.outcome(all, rules: rules).get().passed)
        let low: [ReviewGround: Int] = [.effectiveness: 50, .hours: 60, .attitude: 70, .feedback: 69]
        // 2,000 + 1,200 + 1,400 + 1,380 = 5,980 → 59.8 → 60: rounds half up, passes at the mark.
        #expect(try! PlannerReview.outcome(low, rules: rules).get().total == 60)
        let fail: [ReviewGround: Int] = [.effectiveness: 40, .hours: 60, .attitude: 70, .feedback: 69]
        #expect(try! PlannerReview.outcome(fail, rules: rules).get().passed == false)
        #expect(PlannerReview.check(fail, reasons: "  ", rules: rules) == .failure(.reasonMissing))
        #expect((try? PlannerReview.check(fail, reasons: "全年未参加项目", rules: rules).get())?.passed == false)
        var missing = all
        missing[.attitude] = nil
        #expect(PlannerReview.outcome(missing, rules: rules) == .failure(.scoreMissing))
        missing = all
        missing[.hours] = 101
        #expect(PlannerReview.outcome(missing, rules: rules) == .failure(.scoreMissing))
        let facts = PlannerReview.Facts(
            hours: 120, confirmedHours: 100, entries: 40, projects: 3, ratings: 8, ratingMean: 4.5)
        #expect(PlannerReview.suggestedFeedback(facts) == 88)
        #expect(
            PlannerReview.suggestedFeedback(
                .init(hours: 0, confirmedHours: 0, entries: 0, projects: 0, ratings: 0, ratingMean: nil)) == nil)
    }

    @Test func renewalNeedsAPassAndAProject() {
        #expect(PlannerReview.renewal(lastReviewPassed: true, projectsInTerm: 2, exited: false) == nil)
        #expect(PlannerReview.renewal(lastReviewPassed: true, projectsInTerm: 0, exited: false) == .noProject)
        #expect(PlannerReview.renewal(lastReviewPassed: false, projectsInTerm: 2, exited: false) == .reviewNotPassed)
        #expect(PlannerReview.renewal(lastReviewPassed: nil, projectsInTerm: 2, exited: false) == .reviewNotPassed)
        #expect(PlannerReview.renewal(lastReviewPassed: true, projectsInTerm: 2, exited: true) == .exited)
    }

    @Test func pairingCoverageNamesTheGaps() {
        let subs = (0..<12).map { _ in UUID() }
        let all = PlannerPairing.coverage(subdistricts: subs, pairedWithAppointed: Set(subs))
        #expect(all.paired == 12 && all.unpaired.isEmpty && all.share == 1)
        let gap = PlannerPairing.coverage(subdistricts: subs, pairedWithAppointed: Set(subs.dropFirst(2)))
        #expect(gap.unpaired == Array(subs.prefix(2)) && gap.paired == 10)
        #expect(abs(gap.share - 10.0 / 12.0) < 1e-12)
        #expect(PlannerPairing.coverage(subdistricts: [], pairedWithAppointed: []).share == 1)
    }

    @Test func serviceEntriesAndRatingsAsEntered() {
        let today = day("2026-12-01")
        #expect(PlannerService.check(hours: 1.5, on: today, today: today) == nil)
        #expect(PlannerService.check(hours: 0.25, on: day("2025-12-01"), today: today) == nil)
        #expect(PlannerService.check(hours: 0.2, on: today, today: today) == .hours)
        #expect(PlannerService.check(hours: 1.3, on: today, today: today) == .hours)
        #expect(PlannerService.check(hours: 24.25, on: today, today: today) == .hours)
        #expect(PlannerService.check(hours: .nan, on: today, today: today) == .hours)
        #expect(PlannerService.check(hours: 2, on: day("2026-12-02"), today: today) == .future)
        #expect(PlannerService.check(hours: 2, on: day("2025-11-29"), today: today) == .tooOld)
        #expect((1...5).allSatisfy { PlannerService.checkRating($0) == nil })
        #expect(PlannerService.checkRating(0) == .rating && PlannerService.checkRating(6) == .rating)
    }

    @Test func theDiagnosisCountsPeopleByHousehold() {
        let h = (0..<4).map { _ in UUID() }
        let people: [DiagnosisFigures.Person] = [
            .init(birthYear: 1940, household: h[0]),  // 86
            .init(birthYear: 1948, household: h[0]),  // 78
            .init(birthYear: 1985, household: h[1]),  // 41
            .init(birthYear: 2015, household: h[1]),  // 11
            .init(birthYear: 2008, household: h[1]),  // 18
            .init(birthYear: nil, household: h[2]),
            .init(birthYear: 2030, household: h[2]),  // not born yet: unknown
        ]
        let p = DiagnosisFigures.population(people, households: Set(h), year: 2026)
        #expect(p.residents == 7 && p.households == 4 && p.unknownAge == 2)
        #expect(p.bands == [.from80: 1, .from60: 1, .from35: 1, .under18: 1, .from18: 1])
        #expect(p.children == 1)
        #expect(p.elderlyShare == 2.0 / 5.0)
        // h[3] has nobody: counted as a household, not in the sizes.
        #expect(p.householdSizes == [2: 2, 3: 1])
        #expect(p.meanHouseholdSize == 7.0 / 3.0)
        let empty = DiagnosisFigures.population([], households: [], year: 2026)
        #expect(empty.elderlyShare == nil && empty.meanHouseholdSize == nil && empty.residents == 0)
    }
}

/// Who appoints: the grant must be held at the authority's node itself.
@Suite("Planners: the appointing authority")
struct PlannerAuthorityTests {
    @Test func onlyTheTiersAuthorityAppoints() {
        let district = TerritoryPath([UUID()])
        let sub = TerritoryPath(district.ids + [UUID()])
        let otherSub = TerritoryPath(district.ids + [UUID()])
        func actor(_ role: Role, _ at: TerritoryPath) -> Actor {
            Actor(userId: UUID(), kind: .staff, isVerified: true, grants: [Grant(role: role, path: at)])
        }
        #expect(
            PlannerAppointment.authorized(actor(.districtAdmin, district), tier: .districtExpert, authority: district))
        // The district does not issue a subdistrict's certificates, nor a subdistrict the district's.
        #expect(!PlannerAppointment.authorized(actor(.districtAdmin, district), tier: .subdistrict, authority: sub))
        #expect(
            !PlannerAppointment.authorized(actor(.subdistrictStaff, sub), tier: .districtExpert, authority: district))
        #expect(PlannerAppointment.authorized(actor(.subdistrictStaff, sub), tier: .area, authority: sub))
        #expect(!PlannerAppointment.authorized(actor(.subdistrictStaff, otherSub), tier: .area, authority: sub))
        #expect(!PlannerAppointment.authorized(actor(.communityStaff, sub), tier: .area, authority: sub))
        #expect(!PlannerAppointment.authorized(actor(.planner, sub), tier: .area, authority: sub))
        #expect(!PlannerAppointment.authorized(nil, tier: .area, authority: sub))
    }
}
