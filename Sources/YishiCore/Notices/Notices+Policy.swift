/// Public notices' and questionnaires' part of the policy. Anyone reads a published notice (no
/// account needed); committee, subdistrict and district staff publish notices, record paper
/// objections and answer them, and run questionnaires; a verified resident objects to a notice
/// and answers a questionnaire of their community (`Policy.decide` checks the verification).
extension Policy {
    static let noticesSection: PolicySection = [
        .resident: [.noticeObject, .surveyAnswer],
        .communityStaff: [.noticeManage, .surveyManage],
        .subdistrictStaff: [.noticeManage, .surveyManage],
        .districtAdmin: [.noticeManage, .surveyManage],
        .platformAdmin: [.noticeManage, .surveyManage],
    ]
}
