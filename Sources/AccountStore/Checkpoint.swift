import GRDB

extension AccountStore {
    /// Moves everything in the write-ahead log into the database file, so that a reader that
    /// ignores the WAL (Datasette's immutable mode, a copy of the file) sees every import.
    public func checkpoint() throws {
        try writer.writeWithoutTransaction { db in try db.execute(sql: "PRAGMA wal_checkpoint(TRUNCATE)") }
    }
}
