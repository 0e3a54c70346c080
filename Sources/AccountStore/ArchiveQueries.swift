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

/// An item with what the archive needs beyond a listing row: its natural key (for stable folder
/// names), the export row it came from, and its media. The item's fields are `StoredItem`'s.
@dynamicMemberLookup
public struct ArchiveItem: Sendable {
    public var stored: StoredItem
    public var naturalKey: String
    public var sourceExportID: Int64
    public var media: [ArchiveMedia]

    public subscript<T>(dynamicMember field: KeyPath<StoredItem, T>) -> T { stored[keyPath: field] }
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
                SELECT i.*, s.sha256 AS source_sha256, s.file_name AS source_file_name
                FROM item i JOIN source_export s ON s.id = i.source_export_id
                \(clause) ORDER BY i.platform, i.created_at DESC, i.kind, i.natural_key
                """, arguments: arguments)
            while let row = try cursor.next() {
                let itemID: Int64 = row["id"]
                let media = try Row.fetchAll(mediaStatement, arguments: [itemID]).map {
                    ArchiveMedia(position: $0["position"], sha256: $0["media_sha256"], size: $0["size"],
                                 mediaType: $0["media_type"], fileName: $0["file_name"], locator: $0["locator"])
                }
                try body(ArchiveItem(stored: StoredItem(row: row), naturalKey: row["natural_key"],
                                     sourceExportID: row["source_export_id"], media: media))
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
