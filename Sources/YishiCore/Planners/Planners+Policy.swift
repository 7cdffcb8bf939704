/// Community planners' part of the policy (seed 001). The district and the subdistricts keep the
/// pool, review applications, pair planners with subdistricts and communities, confirm service
/// entries and review planners each year; each appoints for its own tier only (checked by
/// `PlannerAppointment.authorized`). A planner logs their own service and writes diagnoses; a
/// verified resident rates a planner's help on a project.
extension Policy {
    static let plannersSection: PolicySection = [
        .districtAdmin: [.plannerManage, .plannerAppoint, .plannerReview, .diagnosisWrite],
        .subdistrictStaff: [.plannerManage, .plannerAppoint, .plannerReview, .diagnosisWrite],
        .communityStaff: [.diagnosisWrite],
        .planner: [.plannerLog, .diagnosisWrite],
        .resident: [.plannerRate],
    ]
}

extension PlannerAppointment {
    /// Whether `actor` appoints for `tier` at the authority's node (`authority`: the district for
    /// experts, the subdistrict otherwise). The grant must be held at that node itself: the district
    /// does not issue a subdistrict's certificates, nor a subdistrict the district's.
    public static func authorized(_ actor: Actor?, tier: PlannerTier, authority: TerritoryPath) -> Bool {
        guard let actor else { return false }
        return actor.grants.contains { g in
            Policy.actions[g.role, default: []].contains(.plannerAppoint) && g.path == authority
        }
    }
}
