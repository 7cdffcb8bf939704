import Vapor
import YishiCore

/// Questionnaires (问卷): a shared mechanism — staff build and publish one at a place, residents
/// answer once, staff enter paper forms, results with charts and CSV; written answers may become
/// needs. Later issues reuse it for satisfaction surveys and the demonstration index.
struct QuestionnairesFeature: Feature {
    var pages: [any RouteCollection] { [QuestionnaireRoutes()] }
    var api: [any RouteCollection] { [QuestionnairesAPI()] }
    var apiDescription: APIDescription {
        .init(operations: OpenAPIDocument.questionnairesOperations, schemas: { OpenAPIDocument.questionnairesSchemas })
    }
    var demo: [DemoPart] { [QuestionnairesDemo.part] }
    var navigation: [NavEntry] {
        [
            NavEntry(order: 16, label: NavigationText.questionnaires.key, path: Site.questionnaires) {
                $0 != nil && (Policy.holdsAnywhere($0, .surveyManage) || Policy.holdsAnywhere($0, .surveyAnswer))
            }
        ]
    }
    var notices: [String] {
        [
            SurveyText.created.key, SurveyText.questionAdded.key, SurveyText.published.key, SurveyText.closed.key,
            SurveyText.answered.key, SurveyText.paperEntered.key,
        ]
    }
}
