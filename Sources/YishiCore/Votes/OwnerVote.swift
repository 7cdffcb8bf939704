import Foundation

/// An owners' vote held on the platform (业主大会 表决, issue 19): its lifecycle, what a ballot must
/// carry on each channel, the turnout the quorum needs, receipt codes and the lines the record's
/// hash chain is made of. Pure; the count itself is `OwnersTally`'s and nothing here repeats it.
public enum OwnerVote {
    /// draft → register frozen and published → open → closed → result published.
    public enum Status: String, Codable, CaseIterable, Sendable {
        case draft, registerPublished, open, closed, resultPublished
    }

    /// What someone asks of a vote; `check` says whether its state allows it.
    public enum Step: Sendable, Hashable {
        /// Freeze the register (again, with a reason, while it is published and voting has not begun).
        case freeze(hasReason: Bool)
        /// Designate the co-owner who votes for a co-owned home (part of the register).
        case designate
        case open
        case ballot
        case close
        case publishResult
    }

    public enum Refusal: Error, Hashable, Sendable {
        /// The register changes only before voting opens.
        case registerLocked
        /// A second freeze must say why.
        case reasonNeeded
        /// Opening needs a frozen, published register.
        case registerNotPublished
        /// The correction period has not ended yet (it ends at the given time).
        case correctionPeriod(until: Date)
        /// Objections to the register are waiting for an answer.
        case objectionsUnanswered(Int)
        case notOpenYet
        case closed
        case alreadyOpen
        case notClosed
        case alreadyPublished
        /// Closing time set in the past, or before opening.
        case closesAtPassed
    }

    /// What the vote's state says about a step. `registerPublishedAt` and `noticeDays` give the end of
    /// the correction period; `unanswered` counts objections to the register not yet answered.
    public static func check(
        _ step: Step, status: Status, now: Date, registerPublishedAt: Date?, noticeDays: Int, unanswered: Int,
        closesAt: Date?
    ) -> Refusal? {
        switch step {
        case .freeze(let hasReason):
            switch status {
            case .draft: return nil
            case .registerPublished: return hasReason ? nil : .reasonNeeded
            default: return .registerLocked
            }
        case .designate:
            return status == .draft || status == .registerPublished ? nil : .registerLocked
        case .open:
            switch status {
            case .draft: return .registerNotPublished
            case .registerPublished: break
            case .open: return .alreadyOpen
            case .closed, .resultPublished: return .closed
            }
            if let end = correctionEnds(publishedAt: registerPublishedAt, days: noticeDays), now < end {
                return .correctionPeriod(until: end)
            }
            if unanswered > 0 { return .objectionsUnanswered(unanswered) }
            if let c = closesAt, c <= now { return .closesAtPassed }
            return nil
        case .ballot:
            switch status {
            case .draft, .registerPublished: return .notOpenYet
            case .open: return closesAt.map { now >= $0 } == true ? .closed : nil
            case .closed, .resultPublished: return .closed
            }
        case .close:
            switch status {
            case .draft, .registerPublished: return .notOpenYet
            case .open: return nil
            case .closed, .resultPublished: return .closed
            }
        case .publishResult:
            switch status {
            case .closed: return nil
            case .resultPublished: return .alreadyPublished
            default: return .notClosed
            }
        }
    }

    /// The end of the correction period: `days` whole days after publication (0: none).
    public static func correctionEnds(publishedAt: Date?, days: Int) -> Date? {
        publishedAt.map { $0.addingTimeInterval(Double(max(0, days)) * 86_400) }
    }

    /// How a ballot reached the count.
    public enum Channel: String, Codable, CaseIterable, Sendable {
        case online, paper, proxy
    }

    /// Why a ballot is invalid (DECISION-RULES §1).
    public enum InvalidReason: String, Codable, CaseIterable, Sendable {
        case unsigned, severalChoices, conflictingCoOwners, unverifiedPerson
    }

    /// A ballot as it arrives, before it is checked.
    public struct BallotInput: Sendable, Hashable {
        public var channel: Channel
        public var choice: BallotChoice
        public var invalidReason: InvalidReason?
        public var serial: String?
        /// A proxy's written authority is attached (a scan).
        public var hasAuthority: Bool
        /// What the owner instructed the proxy to choose.
        public var instruction: BallotChoice?
        public var proxyName: String?
        public init(
            channel: Channel, choice: BallotChoice, invalidReason: InvalidReason? = nil, serial: String? = nil,
            hasAuthority: Bool = false, instruction: BallotChoice? = nil, proxyName: String? = nil
        ) {
            self.channel = channel
            self.choice = choice
            self.invalidReason = invalidReason
            self.serial = serial
            self.hasAuthority = hasAuthority
            self.instruction = instruction
            self.proxyName = proxyName
        }
    }

    /// Who is casting, as far as the rules care.
    public enum Caster: Sendable, Hashable {
        /// The owner themself, signed in: `designated` is the co-owner the others designated for the
        /// home (nil when nobody was), `coOwned` whether the home has several owners.
        case owner(code: String, coOwned: Bool, designated: String?)
        /// Staff entering a paper or proxy ballot (or one for an owner at the office).
        case staff
    }

    public enum BallotProblem: String, Error, Hashable, Sendable, CaseIterable {
        /// Online ballots come from the owner's own session; paper and proxy from staff.
        case wrongChannel
        /// A co-owned home votes online only through the co-owner the others designated.
        case notDesignated
        /// A paper ballot needs its serial number (1–40 characters).
        case serialMissing
        /// A proxy ballot needs the written authority, the proxy's name and the owner's instruction.
        case authorityMissing
        case proxyNameMissing
        case instructionMissing
        /// A proxy votes as instructed.
        case notAsInstructed
        /// An invalid ballot says why; a valid one has no such reason.
        case reasonMissing
        case reasonNotAllowed
        /// Only a ballot entered from paper can be recorded as invalid.
        case invalidOnline
    }

    /// Checks a ballot on its channel; nil when it may be stored.
    public static func check(_ b: BallotInput, by caster: Caster) -> BallotProblem? {
        switch (b.channel, caster) {
        case (.online, .owner(let code, let coOwned, let designated)):
            if coOwned, designated != code { return .notDesignated }
        case (.online, .staff), (.paper, .owner), (.proxy, .owner): return .wrongChannel
        case (.paper, .staff), (.proxy, .staff): break
        }
        if b.channel == .online && b.choice == .invalid { return .invalidOnline }
        if b.choice == .invalid && b.invalidReason == nil { return .reasonMissing }
        if b.choice != .invalid && b.invalidReason != nil { return .reasonNotAllowed }
        if b.channel == .paper {
            let s = (b.serial ?? "").trimmed
            if s.isEmpty || s.count > 40 { return .serialMissing }
        }
        if b.channel == .proxy {
            if !b.hasAuthority { return .authorityMissing }
            if (b.proxyName ?? "").trimmed.isEmpty { return .proxyNameMissing }
            guard let i = b.instruction else { return .instructionMissing }
            if b.choice != .invalid && b.choice != i { return .notAsInstructed }
        }
        return nil
    }

    /// What the quorum needs (3·x ≥ 2·total for persons and for area) and how far the count is.
    public struct Turnout: Sendable, Hashable {
        public var personsTotal: Int
        public var areaTotal: Int64
        public var personsIn: Int
        public var areaIn: Int64
        public init(personsTotal: Int, areaTotal: Int64, personsIn: Int, areaIn: Int64) {
            self.personsTotal = personsTotal
            self.areaTotal = areaTotal
            self.personsIn = personsIn
            self.areaIn = areaIn
        }
        /// The fewest persons with 3·n ≥ 2·total.
        public var personsNeeded: Int { (2 * personsTotal + 2) / 3 }
        /// The least area (0.01 m²) with 3·a ≥ 2·total.
        public var areaNeeded: Int64 { (2 * areaTotal + 2) / 3 }
        public var personsMet: Bool { 3 * personsIn >= 2 * personsTotal }
        public var areaMet: Bool { 3 * areaIn >= 2 * areaTotal }
        public var personsStillNeeded: Int { max(0, personsNeeded - personsIn) }
        public var areaStillNeeded: Int64 { max(0, areaNeeded - areaIn) }
    }

    /// Receipt codes: ten characters of Crockford's base 32 (no I, L, O, U), shown as two groups of five.
    public enum Receipt {
        static let alphabet = Array("0123456789ABCDEFGHJKMNPQRSTVWXYZ")

        /// A code from random bytes (at least 7: 50 bits are used).
        public static func code(_ bytes: [UInt8]) -> String {
            var bits: UInt64 = 0
            for b in bytes.prefix(7) { bits = bits << 8 | UInt64(b) }
            var out: [Character] = []
            for i in 0..<10 { out.append(alphabet[Int((bits >> UInt64(5 * i)) & 31)]) }
            return String(out.prefix(5)) + "-" + String(out.suffix(5))
        }

        /// What a person typed, read the forgiving way: case, spaces and dashes ignored, O read as 0
        /// and I or L as 1. Nil when it cannot be a code.
        public static func normalise(_ typed: String) -> String? {
            var out: [Character] = []
            for ch in typed.uppercased() {
                if ch == " " || ch == "-" || ch == "\u{3000}" { continue }
                let c: Character = ch == "O" ? "0" : (ch == "I" || ch == "L") ? "1" : ch
                guard alphabet.contains(c) else { return nil }
                out.append(c)
            }
            guard out.count == 10 else { return nil }
            return String(out.prefix(5)) + "-" + String(out.suffix(5))
        }
    }

    /// The lines the record's hash chain is made of: the register, each ballot as entered (cast or
    /// corrected) and the result each hashed onto the one before, so changing any stored row changes
    /// every hash after it. Fields are joined with a unit separator, never free text alone.
    public enum Record {
        static func join(_ parts: [String]) -> String { parts.joined(separator: "\u{1F}") }

        /// One person of a frozen register.
        public static func personLine(
            number: Int, owners: [String], units: [String], area: Int64, developer: Bool, designated: String?
        ) -> String {
            join([
                "person", String(number), owners.joined(separator: ";"), units.joined(separator: ";"), String(area),
                developer ? "developer" : "", designated ?? "",
            ])
        }

        /// The register's head line: what the vote counts by.
        public static func registerLine(
            vote: String, version: Int, matter: Int, countParking: Bool, silence: Bool, persons: Int, area: Int64
        ) -> String {
            join([
                "register", vote, String(version), String(matter), countParking ? "parking" : "",
                silence ? "silence" : "", String(persons), String(area),
            ])
        }

        /// One ballot as entered: `seq` orders the chain; `version` counts the person's ballots.
        public static func ballotLine(
            seq: Int, person: Int, owner: String, choice: BallotChoice, reason: InvalidReason?, channel: Channel,
            serial: String?, enteredBy: String, at: Date, version: Int, receipt: String
        ) -> String {
            join([
                "ballot", String(seq), String(person), owner, choice.rawValue, reason?.rawValue ?? "", channel.rawValue,
                serial ?? "", enteredBy, String(Int64((at.timeIntervalSince1970 * 1000).rounded())), String(version),
                receipt,
            ])
        }

        /// The result: its JSON as stored.
        public static func resultLine(ballots: Int, json: String) -> String {
            join(["result", String(ballots), json])
        }
    }

    /// The ballots that count: for each person, the latest entered.
    public static func current<T>(_ history: [T], person: (T) -> Int, seq: (T) -> Int) -> [Int: T] {
        var out: [Int: T] = [:]
        for h in history {
            let p = person(h)
            if let old = out[p], seq(old) > seq(h) { continue }
            out[p] = h
        }
        return out
    }
}
