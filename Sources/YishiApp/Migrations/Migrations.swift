import Fluent

/// Every migration, in the one global order. Append only: never reorder or edit a shipped one.
enum Migrations {
    static let all: [any Migration] = [
        M001CreateTerritoryNodes(),
        M002CreateBuildingGroups(),
        M003CreateUnits(),
        M004CreateHouseholdsAndResidents(),
        M005CreateOwners(),
        M006CreateLifeCirclesAndPlanningAreas(),
        M007CreateUsers(),
        M008CreateSessionsAndCodes(),
        M009CreateAPITokens(),
        M010CreateAuditLog(),
        M011CreateJobsAndAttachments(),
        M012CreateLifeCircleAtlas(),
        M013UpdateIndexesAndAuditVerifications(),
        M015UpdateOneTimeCodesBrowserAndSMSBudget(),
        M016CreatePlanNodeIndexes(),
        M017UpdateJobsMessageKeys(),
        M018UpdateNodesCommitteeOffice(),
        M019CreateNeeds(),
        M020CreateNoticesAndNeedParts(),
        M021CreateQuestionnaires(),
        M022CreateProjects(),
        M023CreateMeetings(),
        M024CreateDesignOptions(),
        M025CreateVotesWorksAndFollowing(),
        M026CreateOwnerVotes(),
        M027UpdateBallotChain(),
        M028CreatePlanners(),
        M029CreateDiagnoses(),
        M030CreateFunds(),
        M031CreateMatchingShares(),
    ]
}
