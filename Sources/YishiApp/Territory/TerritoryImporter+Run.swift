import Fluent
import SQLKit
import Vapor
import YishiCore

extension TerritoryImporter {
    /// One import in progress. It plans the whole file first, part by part (reads in chunks, checks
    /// every record against the scope where it is and where it goes); when no line was refused, each
    /// part is written in its own short transaction with its own audit entry: new records in
    /// multi-row INSERTs, changed ones one by one.
    struct Run {
        let scope: Scope
        let db: any Database
        var issues: [ImportIssue] = []
        var added = 0, updated = 0, unchanged = 0
        /// The first `auditedCodes` codes added and updated, for the audit entry.
        var addedCodes: [String] = [], updatedCodes: [String] = []
        /// Where the import changed something (old and new places).
        var touched: Set<TerritoryPath> = []
        /// What `write` stores, in this order (parents before children): nodes as models, the
        /// many rows below them as plain values; then the changed models one by one.
        var nodeInserts: [[any Model]] = []
        var inserts: [BatchInsert] = []
        var saves: [any Model] = []
        /// Changes to people, written only if each is still where the plan found it — a resident in
        /// the same household, an owner with the same number of holdings — since someone with the
        /// right to both places may move them while the import runs, and the plan's scope check
        /// would then be stale. Owners' before the inserts (which may add their holdings),
        /// residents' after them (they may move into a household the part adds).
        var ownerUpdates: [SQLQueryString] = [], residentUpdates: [SQLQueryString] = []
        /// Paths parsed once per stored path, and the scope's answer once per place.
        var paths: [String: TerritoryPath] = [:]
        var allowed: [TerritoryPath?: Bool] = [:]
        let now = Date()

        /// What earlier parts of the file planned to add, so a later part refers to it instead of
        /// adding it again: households and owners by code, holdings, building groups.
        var householdIDs: [String: (id: UUID, unit: UUID)] = [:]
        var ownerIDs: [String: UUID] = [:]
        var held = Set<[UUID]>()
        var touchedOwners: Set<String> = []
        var groups: [GroupKey: UUID] = [:]

        /// One part of the plan: what it writes and what its audit entry says.
        struct Part {
            var lines: ClosedRange<Int>
            var rows: Int
            var nodeInserts: [[any Model]]
            var inserts: [BatchInsert]
            var saves: [any Model]
            var ownerUpdates: [SQLQueryString], residentUpdates: [SQLQueryString]
            var added: Int, updated: Int, unchanged: Int
            var addedCodes: [String], updatedCodes: [String]
            var touched: Set<TerritoryPath>
        }

        /// Takes what was planned since the last cut as a part, and starts the next one.
        mutating func cut(_ records: [TerritoryRecord]) -> Part {
            defer {
                nodeInserts = []
                inserts = []
                saves = []
                ownerUpdates = []
                residentUpdates = []
                added = 0
                updated = 0
                unchanged = 0
                addedCodes = []
                updatedCodes = []
                touched = []
            }
            return Part(
                lines: (records.first?.line ?? 0)...(records.last?.line ?? 0), rows: records.count,
                nodeInserts: nodeInserts, inserts: inserts, saves: saves,
                ownerUpdates: ownerUpdates, residentUpdates: residentUpdates, added: added, updated: updated,
                unchanged: unchanged, addedCodes: addedCodes, updatedCodes: updatedCodes, touched: touched)
        }

        static let chunk = 500

        init(scope: Scope, db: any Database) {
            self.scope = scope
            self.db = db
        }

        enum Change { case added, updated, unchanged }

        mutating func count(_ change: Change, _ code: String, at places: TerritoryPath?...) {
            switch change {
            case .added:
                added += 1
                if addedCodes.count < auditedCodes { addedCodes.append(code) }
            case .updated:
                updated += 1
                if updatedCodes.count < auditedCodes { updatedCodes.append(code) }
            case .unchanged:
                unchanged += 1
                return
            }
            for case let p? in places { touched.insert(p) }
        }

        mutating func refuse(_ line: Int, _ problem: ImportProblem) {
            issues.append(.init(line: line, problem: problem))
        }

        mutating func apply(_ kind: TerritoryImportKind, _ records: [TerritoryRecord]) async throws {
            switch kind {
            case .compounds, .buildings: try await applyNodes(records)
            case .units: try await applyUnits(records)
            case .households: try await applyResidents(records)
            case .owners: try await applyOwners(records)
            }
        }

        /// Stores a part: batched inserts (one statement per `chunk` rows), then the updates.
        static func write(_ part: Part, on db: any Database) async throws {
            for batch in part.nodeInserts {
                switch batch.first {
                case is TerritoryNode: try await createAll(batch as! [TerritoryNode], on: db)
                case is BuildingGroup: try await createAll(batch as! [BuildingGroup], on: db)
                default: for m in batch { try await m.create(on: db) }
                }
            }
            for update in part.ownerUpdates { try await guarded(update, on: db) }
            for rows in part.inserts { try await rows.insert(on: db) }
            for update in part.residentUpdates { try await guarded(update, on: db) }
            for model in part.saves { try await model.save(on: db) }
        }

        /// Someone changed a record of this part between the plan and its write.
        struct ChangedMeanwhile: Error {}

        private static func guarded(_ update: SQLQueryString, on db: any Database) async throws {
            guard try await (db as! any SQLDatabase).raw(update).first() != nil else { throw ChangedMeanwhile() }
        }

        private static func createAll<M: Model>(_ models: [M], on db: any Database) async throws {
            for part in models.chunked(Self.chunk) { try await part.create(on: db) }
        }

        /// The stored path of a node, parsed once per import.
        mutating func path(of node: TerritoryNode) -> TerritoryPath {
            if let p = paths[node.path] { return p }
            let p = node.territoryPath
            paths[node.path] = p
            return p
        }

        /// `scope.allows`, asked once per place.
        mutating func allows(_ path: TerritoryPath?) -> Bool {
            if let a = allowed[path] { return a }
            let a = scope.allows(path)
            allowed[path] = a
            return a
        }

        // MARK: Look-ups, in chunks: never one query per row.

        func find<M: Model>(
            _ type: M.Type, _ key: KeyPath<M, FieldProperty<M, String>>, _ codes: some Sequence<String>,
            _ shape: (QueryBuilder<M>) -> QueryBuilder<M> = { $0 }
        ) async throws -> [String: M] {
            var out: [String: M] = [:]
            for part in Array(Set(codes)).chunked(Self.chunk) {
                for m in try await shape(M.query(on: db).filter(key ~~ part)).all() { out[m[keyPath: key].value!] = m }
            }
            return out
        }

        /// Parents and units, read once per import: the parts of a file name the same ones again.
        var knownNodes: [String: TerritoryNode] = [:]
        var knownUnits: [String: YishiApp.Unit] = [:]

        mutating func nodes(_ codes: some Sequence<String>) async throws -> [String: TerritoryNode] {
            let wanted = Set(codes)
            let found = try await find(TerritoryNode.self, \.$code, wanted.filter { knownNodes[$0] == nil })
            knownNodes.merge(found) { _, new in new }
            return wanted.reduce(into: [:]) { out, code in out[code] = knownNodes[code] }
        }

        mutating func units(_ codes: some Sequence<String>) async throws -> [String: YishiApp.Unit] {
            let wanted = Set(codes)
            let found = try await find(YishiApp.Unit.self, \.$code, wanted.filter { knownUnits[$0] == nil }) {
                $0.with(\.$building)
            }
            knownUnits.merge(found) { _, new in new }
            return wanted.reduce(into: [:]) { out, code in out[code] = knownUnits[code] }
        }

        /// Where records live now, by code: the building path of each place (nil: no place).
        /// `from` joins a table with alias `x` to the building `b` it lies in.
        func places(_ codes: [String], from: String) async throws -> [String: [TerritoryPath?]] {
            let sql = db as! any SQLDatabase
            var out: [String: [TerritoryPath?]] = [:]
            for part in codes.chunked(Self.chunk) {
                let rows = try await sql.raw(
                    "SELECT x.code AS code, b.path AS path FROM \(unsafeRaw: from) WHERE x.code IN (\(binds: part))"
                ).all()
                for row in rows {
                    let code = try row.decode(column: "code", as: String.self)
                    let path =
                        try row.decodeNil(column: "path")
                        ? nil : TerritoryPath(encoded: try row.decode(column: "path", as: String.self))
                    out[code, default: []].append(path)
                }
            }
            return out
        }

        /// The named parent at `level`, within scope; records a problem otherwise.
        mutating func parent(_ code: String, _ level: TerritoryLevel, _ found: [String: TerritoryNode], line: Int)
            -> TerritoryNode?
        {
            guard let node = found[code] else {
                refuse(line, .unknownReference(code))
                return nil
            }
            guard node.level == level else {
                refuse(line, .wrongLevel(code, expected: level))
                return nil
            }
            guard allows(path(of: node)) else {
                refuse(line, .outsideScope(code))
                return nil
            }
            return node
        }

        /// The named unit, within scope.
        mutating func unit(_ code: String, _ found: [String: YishiApp.Unit], line: Int) -> YishiApp.Unit? {
            guard let unit = found[code] else {
                refuse(line, .unknownReference(code))
                return nil
            }
            guard allows(path(of: unit.building)) else {
                refuse(line, .outsideScope(code))
                return nil
            }
            return unit
        }
    }
}
