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
    public static func create(_ folder: CollectiveFolder, name: String?, k: Int, now: String) throws -> CollectiveStore {
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
            try db.execute(sql: "INSERT INTO collective (id, name, k, organisation_did, secret_fingerprint, created_at) VALUES (1, ?, ?, ?, ?, ?)",
                           arguments: [name, k, key.didKey.did, Pseudonym.fingerprint(try folder.secret()), now])
        }
        return store
    }

    public func info() throws -> Info {
        try writer.read { db in
            guard let row = try Row.fetchOne(db, sql: "SELECT * FROM collective WHERE id = 1") else {
                throw CollectiveError.notACollective(path: folder.url.path)
            }
            return Info(name: row["name"], k: row["k"], organisationDID: row["organisation_did"], secretFingerprint: row["secret_fingerprint"])
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

    private static func deleteCells(_ db: Database, _ pseudonym: String) throws {
        for table in ["ledger_cell", "attention_cell", "money_cell", "active_share"] {
            try db.execute(sql: "DELETE FROM \(table) WHERE pseudonym = ?", arguments: [pseudonym])
        }
    }

    /// Withdrawal: the member's account folder and every row under their pseudonym are deleted,
    /// then the database is rewritten (checkpoint + VACUUM) so no freed page keeps their data.
    public func withdraw(memberID: String) throws {
        let pseudonym = try pseudonym(of: memberID)
        let known = try writer.read { db in
            try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM member WHERE pseudonym = ?", arguments: [pseudonym]) ?? 0
        }
        let account = folder.memberAccount(pseudonym).url
        guard known > 0 || FileManager.default.fileExists(atPath: account.path) else { throw CollectiveError.noSuchMember }
        try writer.write { db in
            try Self.deleteCells(db, pseudonym)
            try db.execute(sql: "DELETE FROM export WHERE pseudonym = ?", arguments: [pseudonym])
            try db.execute(sql: "DELETE FROM member WHERE pseudonym = ?", arguments: [pseudonym])
        }
        try? FileManager.default.removeItem(at: account)
        try writer.writeWithoutTransaction { db in
            try db.execute(sql: "PRAGMA wal_checkpoint(TRUNCATE)")
            try db.execute(sql: "VACUUM")
            try db.execute(sql: "PRAGMA wal_checkpoint(TRUNCATE)")
        }
    }
}
