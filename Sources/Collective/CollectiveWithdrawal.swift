import Foundation
import GRDB

extension CollectiveStore {
    /// Withdrawal: every row under the member's pseudonym is deleted and a tombstone written in
    /// one transaction, then their account folder is deleted, then the database is rewritten
    /// (checkpoint + VACUUM) so no freed page keeps their data. The tombstone keeps a later `add`
    /// with an old manifest from bringing the member back; only `add --readmit` lifts it. A folder
    /// that cannot be deleted is an error: the member is then not withdrawn, and running
    /// withdraw again retries.
    public func withdraw(memberID: String, now: String, remove: (URL) throws -> Void = { try FileManager.default.removeItem(at: $0) }) throws {
        let lock = try CollectiveRunLock(folder: folder)
        defer { lock.release() }
        let pseudonym = try pseudonym(of: memberID)
        let tombstone = Pseudonym.tombstone(of: pseudonym, secret: try folder.secret())
        let known = try writer.read { db in
            try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM member WHERE pseudonym = ?", arguments: [pseudonym]) ?? 0
        }
        let account = folder.memberAccount(pseudonym).url
        let hasFolder = FileManager.default.fileExists(atPath: account.path)
        guard known > 0 || hasFolder else { throw CollectiveError.noSuchMember }
        try writer.write { db in
            try Self.deleteCells(db, pseudonym)
            try db.execute(sql: "DELETE FROM export WHERE pseudonym = ?", arguments: [pseudonym])
            try db.execute(sql: "DELETE FROM member WHERE pseudonym = ?", arguments: [pseudonym])
            try db.execute(sql: "INSERT OR IGNORE INTO tombstone (key, withdrawn_at) VALUES (?, ?)", arguments: [tombstone, now])
        }
        var failure: Error?
        if hasFolder {
            // An orphan worker of a killed run may still be finishing in this folder: wait for it.
            let worker = MemberLock(account: account, wait: true)
            do { try remove(account) } catch { failure = error }
            worker?.release()
        }
        try writer.writeWithoutTransaction { db in
            try db.execute(sql: "PRAGMA wal_checkpoint(TRUNCATE)")
            try db.execute(sql: "VACUUM")
            try db.execute(sql: "PRAGMA wal_checkpoint(TRUNCATE)")
        }
        if let failure {
            let reason = (failure as NSError).localizedFailureReason ?? (failure as? LocalizedError)?.errorDescription ?? "\(type(of: failure))"
            throw CollectiveError.deletionFailed(path: account.path, reason: reason)
        }
    }

    /// The pseudonyms among `pseudonyms` whose member withdrew.
    public func withdrawn(among pseudonyms: [String]) throws -> Set<String> {
        let secret = try folder.secret()
        let keys = try writer.read { db in Set(try String.fetchAll(db, sql: "SELECT key FROM tombstone")) }
        guard !keys.isEmpty else { return [] }
        return Set(pseudonyms.filter { keys.contains(Pseudonym.tombstone(of: $0, secret: secret)) })
    }

    /// `add --readmit MEMBER`: the organisation re-adds a member who withdrew. Returns how many
    /// of the given members had a tombstone.
    @discardableResult
    public func readmit(memberIDs: [String]) throws -> Int {
        let secret = try folder.secret()
        let keys = try memberIDs.map { Pseudonym.tombstone(of: try pseudonym(of: $0), secret: secret) }
        return try writer.write { db in
            var lifted = 0
            for key in keys {
                try db.execute(sql: "DELETE FROM tombstone WHERE key = ?", arguments: [key])
                lifted += db.changesCount
            }
            return lifted
        }
    }
}
