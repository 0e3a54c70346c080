import AccountModel
import Crypto
import Foundation
import GRDB
#if canImport(GRDBSQLite)
import GRDBSQLite
#else
import SQLite3
#endif

/// The export being imported, as recorded in `source_export`.
public struct ExportDescription: Sendable {
    public var platform: Platform
    public var fileName: String
    public var sha256: String
    public var size: UInt64
    public var format: String
    public var importer: String
    public var importerVersion: String
    public var importedAt: String

    public init(platform: Platform, fileName: String, sha256: String, size: UInt64, format: String,
                importer: String, importerVersion: String, importedAt: String) {
        self.platform = platform
        self.fileName = fileName
        self.sha256 = sha256
        self.size = size
        self.format = format
        self.importer = importer
        self.importerVersion = importerVersion
        self.importedAt = importedAt
    }
}

/// A media file already copied (staged) into the account, ready to be linked to its item.
public struct IngestedMedia: Sendable {
    public var sha256: String
    public var size: UInt64
    public var mediaType: String?
    public var fileName: String
    public init(sha256: String, size: UInt64, mediaType: String?, fileName: String) {
        self.sha256 = sha256
        self.size = size
        self.mediaType = mediaType
        self.fileName = fileName
    }
}

/// Copies an item's media out of the export; supplied by the import pipeline.
public protocol MediaIngest: AnyObject {
    /// `nil` when the export lacks the file (reported as a warning by the ingest).
    func ingest(_ reference: MediaReference) throws -> IngestedMedia?
    /// Puts the staged files into the content-addressed store. Called inside the import's
    /// transaction, after its last row and before the commit: the rows never commit without
    /// their files, and files placed for a transaction that then fails are unreferenced.
    func placeStaged() throws
}

extension MediaIngest {
    public func placeStaged() throws {}
}

extension AccountStore {
    /// Imports one export in one transaction: `body` feeds records to the sink; if it throws,
    /// nothing of this export remains in the database.
    public func importExport(_ export: ExportDescription, media: MediaIngest?,
                             _ body: (RecordSink) throws -> Void) throws -> ImportReport {
        let started = Date()
        var report = ImportReport(file: export.fileName, sha256: export.sha256, size: export.size,
                                  platform: export.platform.rawValue, importer: export.importer,
                                  format: export.format, status: .imported)
        try writer.write { db in
            try db.execute(sql: """
                INSERT INTO source_export (platform, file_name, sha256, size, format, importer, importer_version, imported_at, report)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, '{}')
                """, arguments: [export.platform.rawValue, export.fileName, export.sha256, Int64(export.size),
                                 export.format, export.importer, export.importerVersion, export.importedAt])
            let session = try ImportSession(db: db, sourceExportID: db.lastInsertedRowID, media: media)
            try RecordPipeline.run(sourceExportID: session.sourceExportID, body, consume: session.insert)
            report.records = session.tallies
            report.warnings = session.warnings
            report.mediaFiles = session.mediaFiles
            report.mediaBytes = session.mediaBytes
            report.seconds = Date().timeIntervalSince(started)
            try db.execute(sql: "UPDATE source_export SET report = ? WHERE id = ?",
                           arguments: [JSONWriter.string(report.json), session.sourceExportID])
            try media?.placeStaged()
        }
        return report
    }
}

extension AccountStore {
    /// The media files the items of one import refer to, with the export entry each came from.
    public func mediaReferences(sourceExportID: Int64) throws -> [(sha256: String, entry: String)] {
        try writer.read { db in
            try Row.fetchAll(db, sql: """
                SELECT DISTINCT item_media.media_sha256 AS sha256, item_media.locator AS entry
                FROM item_media JOIN item ON item.id = item_media.item_id
                WHERE item.source_export_id = ? ORDER BY sha256, entry
                """, arguments: [sourceExportID]).map { (sha256: $0["sha256"], entry: $0["entry"]) }
        }
    }

    /// Whether a committed `media` row refers to this file (an import's leftovers are settled by it).
    public func hasMedia(sha256: String) throws -> Bool {
        try writer.read { db in
            try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM media WHERE sha256 = ?)", arguments: [sha256]) ?? false
        }
    }
}

/// The database side of one import: prepared statements bound directly (this loop runs a
/// million times for a large watch history), `INSERT OR IGNORE` on natural keys, and tallies
/// of what was new and what was already in the account.
final class ImportSession {
    let sourceExportID: Int64
    private let db: Database
    private let media: MediaIngest?
    private let insertItem, insertActivity, insertInference, insertIdentity: Statement
    private let insertSearch, insertMedia, insertItemMedia: Statement
    private(set) var tallies: [String: [String: ImportReport.Tally]] = [:]
    private(set) var warnings: [String] = []
    private(set) var mediaFiles = 0
    private(set) var mediaBytes: UInt64 = 0
    /// Scratch for the search forms of one item.
    private var searchForms: [UInt8] = []

    init(db: Database, sourceExportID: Int64, media: MediaIngest?) throws {
        self.db = db
        self.sourceExportID = sourceExportID
        self.media = media
        insertItem = try db.makeStatement(sql: """
            INSERT OR IGNORE INTO item (platform, kind, natural_key, native_id, url, created_at, time_basis,
              title, text, counterpart, content_hash, raw, source_export_id, locator, duration_seconds)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        insertActivity = try db.makeStatement(sql: """
            INSERT OR IGNORE INTO activity (platform, kind, natural_key, occurred_at, time_basis, url, text,
              duration_seconds, amount, currency, detail, source_export_id, locator)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        insertInference = try db.makeStatement(sql: """
            INSERT OR IGNORE INTO inference (platform, kind, label, source_export_id, locator) VALUES (?, ?, ?, ?, ?)
            """)
        insertIdentity = try db.makeStatement(sql: """
            INSERT OR IGNORE INTO identity (platform, field, value, source_export_id, locator) VALUES (?, ?, ?, ?, ?)
            """)
        insertSearch = try db.makeStatement(sql: "INSERT INTO item_search (rowid, title, text) VALUES (?, ?, ?)")
        insertMedia = try db.makeStatement(sql: "INSERT OR IGNORE INTO media (sha256, size, media_type) VALUES (?, ?, ?)")
        insertItemMedia = try db.makeStatement(sql: """
            INSERT OR IGNORE INTO item_media (item_id, position, media_sha256, file_name, locator) VALUES (?, ?, ?, ?, ?)
            """)
    }

    /// Inserts a batch, binding its text in place: the buffer outlives every statement step.
    func insert(_ batch: RowBatch) throws {
        try batch.bytes.withUnsafeBufferPointer { bytes in
            for entry in batch.entries {
                switch entry {
                case .warning(let warning):
                    warnings.append(warning)
                case .row(let row):
                    let isNew = try run(statement(for: row.table), batch.parameters, from: row.firstParameter, bytes: bytes)
                    tally(row.table, row.kind, isNew)
                    if row.table == .item && isNew {
                        try itemInserted(row, batch: batch, bytes: bytes)
                    }
                }
            }
        }
    }

    private func statement(for table: RowBatch.Table) -> Statement {
        switch table {
        case .item: return insertItem
        case .activity: return insertActivity
        case .inference: return insertInference
        case .identity: return insertIdentity
        }
    }

    /// The new item's search row and media. Search forms are made here, for new items only:
    /// a re-import of an overlapping export segments nothing twice, and this thread has time
    /// to spare while the importer parses.
    private func itemInserted(_ row: RowBatch.Row, batch: RowBatch, bytes: UnsafeBufferPointer<UInt8>) throws {
        let itemID = db.lastInsertedRowID
        let title = batch.parameters[row.firstParameter + RowBatch.itemTitle]
        let text = batch.parameters[row.firstParameter + RowBatch.itemText]
        if case .null = title, case .null = text {} else {
            searchForms.removeAll(keepingCapacity: true)
            let forms = [title, text].map { parameter -> RowBatch.Parameter in
                guard case .text(let start, let count) = parameter else { return .null }
                let formStart = searchForms.count
                SearchText.appendIndexForm(UnsafeBufferPointer(rebasing: bytes[start..<(start + count)]), to: &searchForms)
                return .text(start: formStart, count: searchForms.count - formStart)
            }
            _ = try searchForms.withUnsafeBufferPointer { formBytes in
                try run(insertSearch, [.int(itemID)] + forms, from: 0, bytes: formBytes)
            }
        }
        guard let media else { return }
        for (position, reference) in row.media.enumerated() {
            guard let stored = try media.ingest(reference) else {
                warnings.append("media file \"\(reference.entry)\" is referenced but missing from the export")
                continue
            }
            if try run(insertMedia, [.text(stored.sha256), .int(Int64(stored.size)), .init(stored.mediaType)]) {
                mediaFiles += 1
                mediaBytes += stored.size
            }
            _ = try run(insertItemMedia, [.int(itemID), .int(Int64(position)), .text(stored.sha256), .text(stored.fileName), .text(reference.entry)])
        }
    }

    private func tally(_ table: RowBatch.Table, _ kind: String, _ isNew: Bool) {
        let group: String
        switch table {
        case .item: group = "items"
        case .activity: group = "activity"
        case .inference: group = "inferences"
        case .identity: group = "identity"
        }
        if isNew { tallies[group, default: [:]][kind, default: .init()].new += 1 } else {
            tallies[group, default: [:]][kind, default: .init()].present += 1
        }
    }

    /// Binds a row's parameters and steps the statement through SQLite's C API: building
    /// GRDB's `StatementArguments` (an array of existentials) per row cost more than SQLite's
    /// insert, and text is bound in place (SQLITE_STATIC), as `bytes` outlives the step.
    /// True when a row was inserted (not ignored as already present).
    private func run(_ statement: Statement, _ parameters: [RowBatch.Parameter], from first: Int,
                     bytes: UnsafeBufferPointer<UInt8>) throws -> Bool {
        let handle = statement.sqliteStatement
        sqlite3_reset(handle)
        let count = Int(sqlite3_bind_parameter_count(handle))
        for offset in 0..<count {
            let index = Int32(offset + 1)
            switch parameters[first + offset] {
            case .null: sqlite3_bind_null(handle, index)
            case .int(let n): sqlite3_bind_int64(handle, index, n)
            case .double(let d): sqlite3_bind_double(handle, index, d)
            case .text(let start, let length):
                if length == 0 { // still text, not NULL, and the buffer may have no address
                    sqlite3_bind_text(handle, index, "", 0, SQLITE_TRANSIENT_DESTRUCTOR)
                } else {
                    sqlite3_bind_text(handle, index, UnsafeRawPointer(bytes.baseAddress! + start).assumingMemoryBound(to: CChar.self),
                                      Int32(length), SQLITE_STATIC_DESTRUCTOR)
                }
            }
        }
        return try step(handle)
    }

    /// The same for the few rows that are not in a batch (media).
    private func run(_ statement: Statement, _ values: [SQLValue]) throws -> Bool {
        let handle = statement.sqliteStatement
        sqlite3_reset(handle)
        for (offset, value) in values.enumerated() {
            let index = Int32(offset + 1)
            switch value {
            case .null: sqlite3_bind_null(handle, index)
            case .int(let n): sqlite3_bind_int64(handle, index, n)
            case .text(var text):
                text.withUTF8 { utf8 in
                    _ = sqlite3_bind_text(handle, index, utf8.baseAddress, Int32(utf8.count), SQLITE_TRANSIENT_DESTRUCTOR)
                }
            }
        }
        return try step(handle)
    }

    private func step(_ handle: SQLiteStatement) throws -> Bool {
        let code = sqlite3_step(handle)
        guard code == SQLITE_DONE else {
            throw DatabaseError(resultCode: ResultCode(rawValue: code), message: String(cString: sqlite3_errmsg(db.sqliteConnection)))
        }
        return sqlite3_changes(db.sqliteConnection) > 0
    }
}

/// A value bound to a statement parameter, for rows outside a batch.
enum SQLValue {
    case null
    case int(Int64)
    case text(String)

    init(_ text: String?) { self = text.map(SQLValue.text) ?? .null }
}

private let SQLITE_TRANSIENT_DESTRUCTOR = unsafeBitCast(OpaquePointer(bitPattern: -1), to: sqlite3_destructor_type.self)
private let SQLITE_STATIC_DESTRUCTOR: sqlite3_destructor_type? = nil
