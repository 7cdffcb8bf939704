/// What an audit entry records. Raw values are stored and never change; names are in the catalog.
public enum AuditAction: String, CaseIterable, Sendable, Codable {
    case setupFirstAdmin, demoLoad
    case accountSignIn, accountRegister, accountSignOutEverywhere, accountChangePassword
    case residentVerify, residentRegisterAssisted
    case userCreate, roleGrant, roleRevoke, tokenCreate, tokenRevoke
    case territoryCreate, territoryUpdate, unitCreate, territoryImport
    case atlasImport, atlasLink
    case residentCreate, residentUpdate, residentMove, householdCreate, phoneReveal, residentsExport
    case ownerUpdate, ownershipAdd, ownershipRemove, householdUpdate
    case needRaise, needSupport, needAccept, needDecline, needMerge, needUnmerge, needDistinct, needSafety
    case needComment, needPhoto, needWithdraw, needsListPublish, needFromGap, needSettings
    case noticeCreate, noticePublish, noticeObject, noticeAnswer
    case surveyCreate, surveyPublish, surveyClose, surveyAnswer
    case projectCreate, projectMove, projectDocument, workflowAdd
    case meetingCreate, meetingSignIn, meetingMinutes, meetingResolution
    case designOptionAdd, designOptionChoose, designOptionComment
    case designVoteOpen, designVoteBallot, designVoteClose, projectRecord, projectFollow, projectSurvey
    case projectMember
    case ownersVoteCreate, ownersVoteRegister, ownersVoteOpen, ownersVoteBallot, ownersVoteCorrect, ownersVoteClose
    case ownersVotePublish, ownersVoteSettings, ownersBallotsView
    case plannerRules, plannerAdd, plannerDecide, plannerAppoint, plannerEnd, plannerPair, plannerUnpair
    case plannerLog, plannerConfirm, plannerRate, plannerReview
    case diagnosisWrite, plannerNominate, plannerHonour
    case fundPotCreate, fundPotClose, fundReceive, fundReverse, fundPledge, fundMatchRule, fundBudget, fundAllocate
    case fundExpense, fundApprove, fundPay, fundStatement
}

/// The kinds of record an audit entry names beyond places, homes, residents and accounts (those
/// are named by the record itself); their names are in the catalog.
public enum AuditTarget: String, CaseIterable, Sendable {
    case need, notice, questionnaire, project, meeting, ownersVote, planner, diagnosis, apiToken, owner
    case fundPot, fundEntry, fundPledge, fundAllocation, fundExpense, fundStatement
}
