import AccountModel
import GRDB

/// A media file of an item, as the archive writer needs it.
public struct ArchiveMedia: Sendable {
    public var position: Int
    public var sha256: String
    public var size: Int64
    public var mediaType: String?
    /// The file's name in the export it came from.
    public var fileName: String
    public var locator: String
}

/// An item with everything the archive needs: provenance and media rows.
public struct ArchiveItem: Sendable {
    public var platform: String
    public var kind: String
    public var naturalKey: String
    public var nativeID: String?
    public var url: String?
    public var createdAt: String?
    public var timeBasis: String?
    public var title: String?
    public var text: String?
    public var counterpart: String?
    public var contentHash: String
    public var raw: String
    public var sourceExportID: Int64
    public var sourceSHA256: String
    public var locator: String
    public var media: [ArchiveMedia]
}

extension AccountStore {
    /// Streams the selected items in a stable order (platform, newest first, then kind and natural
    /// key, which is unique) inside one read transaction, so memory does not grow with the
    /// account and every item sees the same snapshot. `excludingKinds` drops kinds (messages).
    public func forEachArchiveItem(_ filter: RecordFilter, excludingKinds: [String] = [],
                                   _ body: (ArchiveItem) throws -> Void) throws {
        var (clause, arguments) = filter.whereClause(timeColumn: "created_at", prefix: "i.")
        if !excludingKinds.isEmpty {
            clause += (clause.isEmpty ? "WHERE " : " AND ") + "i.kind NOT IN (\(excludingKinds.map { _ in "?" }.joined(separator: ",")))"
            arguments += StatementArguments(excludingKinds)
        }
        try writer.read { db in
            let mediaStatement = try db.makeStatement(sql: """
                SELECT im.position, im.media_sha256, im.file_name, im.locator, m.size, m.media_type
                FROM item_media im JOIN media m ON m.sha256 = im.media_sha256
                WHERE im.item_id = ? ORDER BY im.position
                """)
            let cursor = try Row.fetchCursor(db, sql: """
                SELECT i.*, s.sha256 AS source_sha256
                FROM item i JOIN source_export s ON s.id = i.source_export_id
                \(clause) ORDER BY i.platform, i.created_at DESC, i.kind, i.natural_key
                """, arguments: arguments)
            while let row = try cursor.next() {
                let itemID: Int64 = row["id"]
                let media = try Row.fetchAll(mediaStatement, arguments: [itemID]).map {
                    ArchiveMedia(position: $0["position"], sha256: $0["media_sha256"], size: $0["size"],
                                 mediaType: $0["media_type"], fileName: $0["file_name"], locator: $0["locator"])
                }
                try body(ArchiveItem(
                    platform: row["platform"], kind: row["kind"], naturalKey: row["natural_key"], nativeID: row["native_id"],
                    url: row["url"], createdAt: row["created_at"], timeBasis: row["time_basis"], title: row["title"],
                    text: row["text"], counterpart: row["counterpart"], contentHash: row["content_hash"], raw: row["raw"],
                    sourceExportID: row["source_export_id"], sourceSHA256: row["source_sha256"], locator: row["locator"],
                    media: media))
            }
        }
    }

    /// Every source export of the account, oldest import first.
    public func sourceExports() throws -> [SourceExportRecord] {
        try writer.read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM source_export ORDER BY imported_at, id").map(SourceExportRecord.init)
        }
    }

    /// The platforms with activity matching `filter`, sorted.
    public func archiveActivityPlatforms(_ filter: RecordFilter) throws -> [String] {
        let (clause, arguments) = filter.whereClause(timeColumn: "occurred_at")
        return try writer.read { db in
            try String.fetchAll(db, sql: "SELECT DISTINCT platform FROM activity \(clause) ORDER BY platform", arguments: arguments)
        }
    }

    /// Streams one platform's activity, oldest first, with the id of the export each row came from.
    /// Watch histories run to millions of rows: nothing is collected.
    public func forEachArchiveActivity(platform: String, _ filter: RecordFilter,
                                       _ body: (StoredActivity, Int64) throws -> Void) throws {
        var scoped = filter
        scoped.platforms = [platform]
        let (clause, arguments) = scoped.whereClause(timeColumn: "occurred_at")
        try writer.read { db in
            let cursor = try Row.fetchCursor(db, sql: "SELECT * FROM activity \(clause) ORDER BY occurred_at, id",
                                             arguments: arguments)
            while let row = try cursor.next() {
                try body(StoredActivity(row: row), row["source_export_id"])
            }
        }
    }
}
