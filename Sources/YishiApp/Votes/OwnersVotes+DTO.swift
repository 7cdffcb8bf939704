import Foundation
import Vapor
import YishiCore

extension DTO {
    struct OwnersVote: Content {
        var id: UUID
        var node: String
        var nodeName: String
        var project: UUID?
        var scope: String
        var scopeLabel: String?
        var matter: Int
        var matterName: String
        var title: String
        var text: String
        var countParking: Bool
        var silenceFollowsMajority: Bool
        var silenceRule: String?
        var registerNoticeDays: Int
        var opensAt: Date?
        var closesAt: Date?
        var status: String
        var registerVersion: Int
        var registerHash: String?
        var registerPublishedAt: Date?
        var correctionEndsAt: Date?
        var registerNotice: UUID?
        var openedAt: Date?
        var closedAt: Date?
        var resultStatus: String?
        var resultHash: String?
        var resultNotice: UUID?
        var documents: [String]
    }

    struct OwnersVoteIn: Content {
        /// The compound's (or building's) code.
        var node: String
        var matter: Int?
        var title: String
        var text: String
        var countParking: Bool?
        var silenceFollowsMajority: Bool?
        var silenceRule: String?
        var registerNoticeDays: Int?
        /// Shanghai time, "2026-12-08 09:00".
        var opensAt: String?
        var closesAt: String?
        var sharedPart: String?
        var partBuildings: [String]?
        var project: UUID?
        /// Base64 documents (PDF or pictures).
        var documents: [String]?
    }

    struct RegisterIn: Content {
        var reason: String?
    }

    struct DesignationIn: Content {
        var person: Int
        var owner: String
    }

    struct RegisterPersonOut: Content {
        var number: Int
        var owners: [String]
        var names: [String]
        var units: [String]
        var area: String
        var developer: Bool
        var designated: String?
    }

    struct OwnersRegister: Content {
        var version: Int
        var hash: String
        var personsTotal: Int
        var areaTotal: String
        var persons: [RegisterPersonOut]
        var notes: [String]
    }

    struct OwnerBallotIn: Content {
        var owner: String
        var choice: String?
        var channel: String?
        var serial: String?
        var invalidReason: String?
        var proxyName: String?
        var instruction: String?
        var correction: Bool?
        /// Base64: the paper ballot's scan; the proxy's written authority.
        var scan: String?
        var authority: String?
    }

    struct OwnerBallotOut: Content {
        var receipt: String
        var person: Int
        var version: Int
        var channel: String
        var at: Date
    }

    struct Turnout: Content {
        var personsTotal: Int
        var personsParticipating: Int
        var personsNeeded: Int
        var areaTotal: String
        var areaParticipating: String
        var areaNeeded: String
        var quorumMet: Bool
        init(_ t: YishiCore.OwnerVote.Turnout) {
            personsTotal = t.personsTotal
            personsParticipating = t.personsIn
            personsNeeded = t.personsNeeded
            areaTotal = Area(centi: t.areaTotal).description
            areaParticipating = Area(centi: t.areaIn).description
            areaNeeded = Area(centi: t.areaNeeded).description
            quorumMet = t.personsMet && t.areaMet
        }
    }

    struct SignedBallot: Content {
        var person: Int
        var owner: String
        var choice: String
        var invalidReason: String?
        var channel: String
        var serial: String?
        var proxyName: String?
        var version: Int
        var at: Date
    }

    struct Receipt: Content {
        var receipt: String
        var vote: UUID
        var title: String
        var choice: String
        var channel: String
        var at: Date
        /// This ballot is the one that counts (no later correction replaced it).
        var counts: Bool
        var voteStatus: String
        /// The vote is closed and this ballot was in its count.
        var counted: Bool
    }

    struct VoteSettings: Content {
        var registerNoticeDays: Int
    }
}
