import AccountModel
import Foundation
import GRDB

public enum StoreError: Error, LocalizedError {
    case noAccount(path: String)
    case cannotOpen(path: String, reason: String)
    /// Another process holds the account's writer lock (`AccountLock`); exit 75 (EX_TEMPFAIL).
    case busy(path: String, holder: String?, waited: TimeInterval)

    public var errorDescription: String? {
        switch self {
        case .noAccount(let path): return "no account at \(path); create one with `pda init` (or pass --account DIR)"
        case .cannotOpen(let path, let reason): return "cannot open the account database \(path): \(reason)"
        case .busy(let path, let holder, let waited):
            return "the account at \(path) is busy: another pda is writing to it" + (holder.map { " (\($0))" } ?? "")
                + "; waited \(Int(waited)) s. Try again when it has finished, or wait longer with --wait SECONDS"
        }
    }
}

/// The one type that owns all access to the account database.
public final class AccountStore: Sendable {
    public let writer: any DatabaseWriter

    /// Opens (and migrates) the database of an account folder.
    public init(folder: AccountFolder) throws {
        var config = Configuration()
        config.foreignKeysEnabled = true
        config.busyMode = .timeout(10)
        config.prepareDatabase { db in
            // Natural keys put the time first, so an import appends at one edge of each index
            // and needs few pages in memory; but SQLite's 2 MiB default cache re-read index
            // pages. 8 MiB: a 64 MiB cache held ~150 MB of pages during a 300,000-entry import
            // (SQLite overshoots the limit while a transaction is open), so peak memory grew
            // with the export. With 8 MiB it stays flat (73 MiB for 1 M and 3 M watch entries in
            // `make bench`) at 1.1–1.4× the time of sqlite3's own `.import` floor.
            try db.execute(sql: "PRAGMA cache_size = -8192")
            // New accounts use 16 KiB pages: items carry their raw JSON (about 0.5 KiB each), and
            // with 4 KiB pages an import wrote and checkpointed 6% more pages and spent 0.2 s
            // more committing 100,000 tweets. No effect on an existing database.
            try db.execute(sql: "PRAGMA page_size = 16384")
        }
        do {
            writer = try DatabasePool(path: folder.databaseURL.path, configuration: config)
        } catch {
            throw StoreError.cannotOpen(path: folder.databaseURL.path, reason: String(describing: error))
        }
        // A migration rewrites tables: it waits for a running import instead of failing on
        // SQLite's busy timeout, and two processes opening an old account migrate it once.
        if try !writer.read({ try Schema.migrator.hasCompletedMigrations($0) }) {
            try AccountLock.withLock(folder, purpose: "pda schema migration") { try Schema.migrator.migrate(writer) }
        }
    }

    /// An in-memory account, for tests.
    public init() throws {
        var config = Configuration()
        config.foreignKeysEnabled = true
        writer = try DatabaseQueue(configuration: config)
        try Schema.migrator.migrate(writer)
    }

    /// The schema as SQL text, one statement per object, in a stable order.
    public func schemaSQL() throws -> String {
        try writer.read { db in
            let rows = try Row.fetchAll(db, sql: """
                SELECT sql FROM sqlite_master
                WHERE sql IS NOT NULL AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'grdb_%'
                  AND name NOT LIKE 'item_search_%'
                ORDER BY CASE type WHEN 'table' THEN 0 WHEN 'index' THEN 1 ELSE 2 END, name
                """)
            return rows.map { ($0["sql"] as String) + ";\n" }.joined(separator: "\n")
        }
    }

    // MARK: - Owner

    public struct Owner: Sendable, Equatable {
        public var name: String?
        public var did: String
        public var createdAt: String
    }

    public func owner() throws -> Owner? {
        try writer.read { db in
            try Row.fetchOne(db, sql: "SELECT name, did, created_at FROM owner WHERE id = 1").map {
                Owner(name: $0["name"], did: $0["did"], createdAt: $0["created_at"])
            }
        }
    }

    public func setOwner(name: String?, did: String, createdAt: String) throws {
        try writer.write { db in
            try db.execute(sql: "INSERT OR REPLACE INTO owner (id, name, did, created_at) VALUES (1, ?, ?, ?)",
                           arguments: [name, did, createdAt])
        }
    }

    public func sourceExport(sha256: String) throws -> SourceExportRecord? {
        try writer.read { db in
            try Row.fetchOne(db, sql: "SELECT * FROM source_export WHERE sha256 = ?", arguments: [sha256]).map(SourceExportRecord.init)
        }
    }
}
