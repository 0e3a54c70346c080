import Crypto
import Foundation
import GRDB

extension CollectiveStore {
    public struct MergeResult: Sendable, Equatable {
        /// Members new to this collective, and members it already held in the same state.
        public var added = 0, unchanged = 0, withdrawn = 0
        public var exports = 0
    }

    /// The member tables, in the order rows are copied.
    static let memberTables = ["member", "export", "ledger_cell", "attention_cell", "money_cell", "active_share"]

    /// Combines a shard collective (a copy of one initialized collective, run with `--shard I/N`)
    /// into this one: its members' rows and account folders. The result does not depend on the
    /// order shards are merged in: a member this collective already holds is skipped when the
    /// shard's copy is the same and refused when it differs (the member was processed in two
    /// shards), before anything is written. Tombstones travel too, and a withdrawn member is
    /// never merged back.
    public func merge(shard: CollectiveFolder) throws -> MergeResult {
        let lock = try beginRun()
        defer { lock.release() }
        let other = try CollectiveStore(folder: shard)
        // A shard still being processed is not merged half-done.
        let shardLock = shard.url == folder.url ? nil : try CollectiveRunLock(folder: shard)
        defer { shardLock?.release() }
        guard try other.info().secretFingerprint == info().secretFingerprint else {
            throw CollectiveError.differentSecret(shard: shard.url.path)
        }
        try other.writer.writeWithoutTransaction { db in try db.execute(sql: "PRAGMA wal_checkpoint(TRUNCATE)") }
        let theirs = try other.writer.read { db in try String.fetchAll(db, sql: "SELECT pseudonym FROM member ORDER BY pseudonym") }
        let theirTombstones = try other.writer.read { db in try Row.fetchAll(db, sql: "SELECT key, withdrawn_at FROM tombstone") }
        var result = MergeResult()
        var incoming: [String] = []
        try writer.writeWithoutTransaction { db in
            try db.execute(sql: "ATTACH DATABASE ? AS shard", arguments: [shard.databaseURL.path])
            defer { try? db.execute(sql: "DETACH DATABASE shard") }
            var conflicts = 0
            for pseudonym in theirs {
                guard try Self.memberExists(db, "main", pseudonym) else { incoming.append(pseudonym); continue }
                if try Self.memberDigest(db, "main", pseudonym) == Self.memberDigest(db, "shard", pseudonym) {
                    result.unchanged += 1
                } else {
                    conflicts += 1
                }
            }
            if conflicts > 0 { throw CollectiveError.conflictingMember(shard: shard.url.path, count: conflicts) }
        }
        for row in theirTombstones {
            try writer.write { db in
                try db.execute(sql: "INSERT OR IGNORE INTO tombstone (key, withdrawn_at) VALUES (?, ?)", arguments: [row["key"] as String, row["withdrawn_at"] as String])
            }
        }
        let gone = try withdrawn(among: incoming)
        result.withdrawn = gone.count
        incoming.removeAll { gone.contains($0) }
        // Folders first, under a temporary name then renamed: a merge killed before its rows are
        // committed leaves folders without rows, which the next run removes (see beginRun).
        let fm = FileManager.default
        for pseudonym in incoming {
            let source = shard.memberAccount(pseudonym).url
            guard fm.fileExists(atPath: source.path) else { continue }
            let target = folder.memberAccount(pseudonym).url
            let staging = folder.membersURL.appendingPathComponent(".merge-\(getpid())-\(pseudonym)")
            try? fm.removeItem(at: staging)
            try fm.copyItem(at: source, to: staging)
            try? fm.removeItem(at: MemberLock.url(staging))
            try fm.moveItem(at: staging, to: target)
        }
        try writer.writeWithoutTransaction { db in
            try db.execute(sql: "ATTACH DATABASE ? AS shard", arguments: [shard.databaseURL.path])
            defer { try? db.execute(sql: "DETACH DATABASE shard") }
            try db.inTransaction {
                for pseudonym in incoming {
                    for table in Self.memberTables {
                        try db.execute(sql: "INSERT INTO main.\(table) SELECT * FROM shard.\(table) WHERE pseudonym = ?", arguments: [pseudonym])
                    }
                    result.exports += try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM shard.export WHERE pseudonym = ?", arguments: [pseudonym]) ?? 0
                }
                return .commit
            }
        }
        result.added = incoming.count
        return result
    }

    private static func memberExists(_ db: Database, _ schema: String, _ pseudonym: String) throws -> Bool {
        try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM \(schema).member WHERE pseudonym = ?", arguments: [pseudonym]) ?? 0 > 0
    }

    /// What a member's copy holds, without the times it was processed at: two shards that
    /// processed the same exports into the same ledger agree.
    static func memberDigest(_ db: Database, _ schema: String, _ pseudonym: String) throws -> String {
        let queries = [
            "SELECT consent FROM \(schema).member WHERE pseudonym = ?",
            "SELECT sha256, file_name, status, COALESCE(reason, '') FROM \(schema).export WHERE pseudonym = ? ORDER BY 1, 2, 3, 4",
            "SELECT platform, month, category, kind, count FROM \(schema).ledger_cell WHERE pseudonym = ? ORDER BY 1, 2, 3, 4, 5",
            "SELECT platform, month, low_seconds, high_seconds, exact_seconds FROM \(schema).attention_cell WHERE pseudonym = ? ORDER BY 1, 2, 3, 4, 5",
            "SELECT platform, kind, currency, amount, count FROM \(schema).money_cell WHERE pseudonym = ? ORDER BY 1, 2, 3, 4, 5",
            "SELECT platform, year, active_days, active_months FROM \(schema).active_share WHERE pseudonym = ? ORDER BY 1, 2, 3, 4",
        ]
        var hasher = SHA256()
        for sql in queries {
            for row in try Row.fetchAll(db, sql: sql, arguments: [pseudonym]) {
                for value in row.databaseValues { hasher.update(data: Data("\(value.description)\u{1F}".utf8)) }
                hasher.update(data: Data("\u{1E}".utf8))
            }
            hasher.update(data: Data("\u{1D}".utf8))
        }
        return hasher.finalize().map { String(format: "%02x", $0) }.joined()
    }
}
