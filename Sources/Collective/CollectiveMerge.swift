import Foundation
import GRDB

extension CollectiveStore {
    /// Combines shard collectives (copies of one initialized collective, each run with
    /// `--shard I/N`) into this one: their rows and their members' account folders.
    public func merge(shard: CollectiveFolder) throws -> (members: Int, exports: Int) {
        let other = try CollectiveStore(folder: shard)
        guard try other.info().secretFingerprint == info().secretFingerprint else {
            throw CollectiveError.differentSecret(shard: shard.url.path)
        }
        let members = try other.writer.read { db in try String.fetchAll(db, sql: "SELECT pseudonym FROM member") }
        let exports = try other.writer.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM export") ?? 0 }
        try other.writer.writeWithoutTransaction { db in try db.execute(sql: "PRAGMA wal_checkpoint(TRUNCATE)") }
        try writer.writeWithoutTransaction { db in
            try db.execute(sql: "ATTACH DATABASE ? AS shard", arguments: [shard.databaseURL.path])
            defer { try? db.execute(sql: "DETACH DATABASE shard") }
            try db.inTransaction {
                for table in ["member", "export", "ledger_cell", "attention_cell", "money_cell", "active_share"] {
                    if table != "member" && table != "export" {
                        // A member lives in one shard; their cells there replace any stale copy.
                        try db.execute(sql: "DELETE FROM \(table) WHERE pseudonym IN (SELECT pseudonym FROM shard.member)")
                    }
                    try db.execute(sql: "INSERT OR REPLACE INTO main.\(table) SELECT * FROM shard.\(table)")
                }
                return .commit
            }
        }
        let fm = FileManager.default
        for pseudonym in members where pseudonym != "." {
            let source = shard.memberAccount(pseudonym).url
            let target = folder.memberAccount(pseudonym).url
            guard fm.fileExists(atPath: source.path), source.standardizedFileURL != target.standardizedFileURL else { continue }
            try? fm.removeItem(at: target)
            try fm.copyItem(at: source, to: target)
        }
        return (members.count, exports)
    }
}
