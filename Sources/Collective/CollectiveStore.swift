import AccountStore
import Foundation
import GRDB
import Portability

/// The one type that owns `collective.sqlite`.
public final class CollectiveStore: Sendable {
    public let folder: CollectiveFolder
    let writer: any DatabaseWriter

    public struct Info: Sendable {
        public var name: String?
        public var k: Int
        public var organisationDID: String
        public var secretFingerprint: String
        /// The total ε the organisation allows across all noisy releases.
        public var epsilonBudget: Double
    }

    /// Opens an existing collective.
    public init(folder: CollectiveFolder) throws {
        guard folder.exists else { throw CollectiveError.notACollective(path: folder.url.path) }
        self.folder = folder
        writer = try Self.open(folder)
    }

    private init(creating folder: CollectiveFolder) throws {
        self.folder = folder
        writer = try Self.open(folder)
    }

    private static func open(_ folder: CollectiveFolder) throws -> any DatabaseWriter {
        var config = Configuration()
        config.foreignKeysEnabled = true
        config.busyMode = .timeout(30)
        let pool = try DatabasePool(path: folder.databaseURL.path, configuration: config)
        try CollectiveSchema.migrator.migrate(pool)
        return pool
    }

    /// `pda collective init`: folder (0700), secret (0600), organisation key, database.
    public static func create(_ folder: CollectiveFolder, name: String?, k: Int, epsilonBudget: Double = 1.0, now: String) throws -> CollectiveStore {
        if folder.exists { throw CollectiveError.exists(path: folder.url.path) }
        let fm = FileManager.default
        for dir in [folder.url, folder.membersURL] {
            try fm.createDirectory(at: dir, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
            try fm.setAttributes([.posixPermissions: 0o700], ofItemAtPath: dir.path)
        }
        try folder.createSecret()
        let key = try OwnerKey.loadOrCreate(in: folder.organisationKeyFolder).key
        let store = try CollectiveStore(creating: folder)
        try store.writer.write { db in
            try db.execute(sql: "INSERT INTO collective (id, name, k, organisation_did, secret_fingerprint, created_at, epsilon_budget) VALUES (1, ?, ?, ?, ?, ?, ?)",
                           arguments: [name, k, key.didKey.did, Pseudonym.fingerprint(try folder.secret()), now, epsilonBudget])
        }
        return store
    }

    public func info() throws -> Info {
        try writer.read { db in
            guard let row = try Row.fetchOne(db, sql: "SELECT * FROM collective WHERE id = 1") else {
                throw CollectiveError.notACollective(path: folder.url.path)
            }
            return Info(name: row["name"], k: row["k"], organisationDID: row["organisation_did"], secretFingerprint: row["secret_fingerprint"],
                        epsilonBudget: row["epsilon_budget"])
        }
    }

    public func pseudonym(of memberID: String) throws -> String { Pseudonym.of(memberID, secret: try folder.secret()) }

    public func processedExports() throws -> Set<String> {
        try writer.read { db in Set(try String.fetchAll(db, sql: "SELECT sha256 FROM export WHERE status = 'processed'")) }
    }

    /// Members with at least one processed export (a member whose exports all failed has no data).
    public func memberCount() throws -> Int {
        try writer.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(DISTINCT pseudonym) FROM export WHERE status = 'processed'") ?? 0 }
    }

    /// Stored consent per pseudonym, for the planner to notice a changed manifest.
    public func consents() throws -> [String: String] {
        try writer.read { db in
            Dictionary(uniqueKeysWithValues: try Row.fetchAll(db, sql: "SELECT pseudonym, consent FROM member").map { ($0["pseudonym"], $0["consent"]) })
        }
    }

    public func consent(of pseudonym: String) throws -> String? {
        try writer.read { db in try String.fetchOne(db, sql: "SELECT consent FROM member WHERE pseudonym = ?", arguments: [pseudonym]) }
    }

    /// Records one member's job: the exports' outcomes and, when any succeeded, the member's
    /// whole ledger replacing what was stored before.
    public func record(pseudonym: String, consent: String, files: [WorkResult.FileResult], ledger: MemberLedger?, now: String) throws {
        try writer.write { db in
            try db.execute(sql: """
                INSERT INTO member (pseudonym, consent, added_at) VALUES (?, ?, ?)
                ON CONFLICT (pseudonym) DO UPDATE SET consent = excluded.consent
                """, arguments: [pseudonym, consent, now])
            for file in files {
                try db.execute(sql: "INSERT OR REPLACE INTO export (sha256, pseudonym, file_name, status, reason, processed_at) VALUES (?, ?, ?, ?, ?, ?)",
                               arguments: [file.sha256, pseudonym, file.fileName, file.ok ? "processed" : "failed", file.reason, now])
            }
            guard let ledger else { return }
            try Self.deleteCells(db, pseudonym)
            for c in ledger.cells {
                try db.execute(sql: "INSERT INTO ledger_cell VALUES (?, ?, ?, ?, ?, ?)", arguments: [pseudonym, c.platform, c.month, c.category, c.kind, c.count])
            }
            for a in ledger.attention {
                try db.execute(sql: "INSERT INTO attention_cell VALUES (?, ?, ?, ?, ?, ?)", arguments: [pseudonym, a.platform, a.month, a.low, a.high, a.exact])
            }
            for m in ledger.money {
                try db.execute(sql: "INSERT INTO money_cell VALUES (?, ?, ?, ?, ?, ?)", arguments: [pseudonym, m.platform, m.kind, m.currency, m.amount, m.count])
            }
            for s in ledger.shares {
                try db.execute(sql: "INSERT INTO active_share VALUES (?, ?, ?, ?, ?)", arguments: [pseudonym, s.platform, s.year, s.activeDays, s.activeMonths])
            }
        }
    }

    static func deleteCells(_ db: Database, _ pseudonym: String) throws {
        for table in ["ledger_cell", "attention_cell", "money_cell", "active_share"] {
            try db.execute(sql: "DELETE FROM \(table) WHERE pseudonym = ?", arguments: [pseudonym])
        }
    }
}
