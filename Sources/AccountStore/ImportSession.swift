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
            try body(session)
            report.records = session.tallies
            report.warnings = session.warnings
            report.mediaFiles = session.mediaFiles
            report.mediaBytes = session.mediaBytes
            report.seconds = Date().timeIntervalSince(started)
            try db.execute(sql: "UPDATE source_export SET report = ? WHERE id = ?",
                           arguments: [JSONWriter.string(report.json), session.sourceExportID])
        }
        return report
    }
}

/// The sink behind one import: prepared statements bound directly (this loop runs a million
/// times for a large watch history), `INSERT OR IGNORE` on natural keys, and tallies of what
/// was new and what was already in the account.
final class ImportSession: RecordSink {
    let sourceExportID: Int64
    private let db: Database
    private let media: MediaIngest?
    private let insertItem, insertActivity, insertInference, insertIdentity: Statement
    private let insertSearch, insertMedia, insertItemMedia: Statement
    private(set) var tallies: [String: [String: ImportReport.Tally]] = [:]
    private(set) var warnings: [String] = []
    private(set) var mediaFiles = 0
    private(set) var mediaBytes: UInt64 = 0

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

    func add(_ item: Item) throws {
        let raw = JSONWriter.string(item.raw)
        let naturalKey = item.nativeID ?? "h:" + Digest.short([item.createdAt?.utc, item.url, item.title, item.text, item.counterpart])
        let isNew = try run(insertItem, [
            .text(item.platform.rawValue), .text(item.kind.rawValue), .text(naturalKey), .init(item.nativeID), .init(item.url),
            .init(item.createdAt?.utc), .init(item.createdAt?.basis.rawValue), .init(item.title), .init(item.text),
            .init(item.counterpart), .text(Digest.sha256Hex(raw)), .text(raw), .int(sourceExportID), .text(item.locator.description),
            .init(item.durationSeconds),
        ])
        tally("items", item.kind.rawValue, isNew)
        guard isNew else { return }
        let itemID = db.lastInsertedRowID
        if item.title != nil || item.text != nil {
            _ = try run(insertSearch, [.int(itemID), .init(item.title.map(SearchText.indexForm)), .init(item.text.map(SearchText.indexForm))])
        }
        guard let media else { return }
        for (position, reference) in item.media.enumerated() {
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

    func add(_ activity: Activity) throws {
        let detail = activity.detail.map { JSONWriter.string($0) }
        // Time first: exports list events in time order, so keys that start with the time
        // insert next to each other in the unique index instead of at random pages.
        let digest = Digest.short([activity.occurredAt?.utc, activity.url, activity.text, activity.amount, detail])
        let naturalKey = (activity.occurredAt?.utc ?? "-") + "#" + digest
        let isNew = try run(insertActivity, [
            .text(activity.platform.rawValue), .text(activity.kind.rawValue), .text(naturalKey), .init(activity.occurredAt?.utc),
            .init(activity.occurredAt?.basis.rawValue), .init(activity.url), .init(activity.text), .init(activity.durationSeconds),
            .init(activity.amount), .init(activity.currency), .init(detail), .int(sourceExportID), .text(activity.locator.description),
        ])
        tally("activity", activity.kind.rawValue, isNew)
    }

    func add(_ inference: Inference) throws {
        let isNew = try run(insertInference, [.text(inference.platform.rawValue), .text(inference.kind.rawValue), .text(inference.label),
                                              .int(sourceExportID), .text(inference.locator.description)])
        tally("inferences", inference.kind.rawValue, isNew)
    }

    func add(_ identity: IdentityFact) throws {
        let isNew = try run(insertIdentity, [.text(identity.platform.rawValue), .text(identity.field), .text(identity.value),
                                             .int(sourceExportID), .text(identity.locator.description)])
        tally("identity", identity.field, isNew)
    }

    func skipped(section: String, reason: String) {
        warnings.append("skipped \(section): \(reason)")
    }

    private func tally(_ group: String, _ kind: String, _ isNew: Bool) {
        if isNew { tallies[group, default: [:]][kind, default: .init()].new += 1 } else {
            tallies[group, default: [:]][kind, default: .init()].present += 1
        }
    }

    /// Binds and steps the prepared statement through the C API: building GRDB's
    /// `StatementArguments` (an array of existentials) per row cost more than SQLite's insert.
    /// True when a row was inserted (not ignored as already present).
    private func run(_ statement: Statement, _ values: [SQLValue]) throws -> Bool {
        let handle = statement.sqliteStatement
        sqlite3_reset(handle)
        for (offset, value) in values.enumerated() {
            let index = Int32(offset + 1)
            switch value {
            case .null: sqlite3_bind_null(handle, index)
            case .int(let n): sqlite3_bind_int64(handle, index, n)
            case .double(let d): sqlite3_bind_double(handle, index, d)
            case .text(var text):
                text.withUTF8 { utf8 in
                    _ = sqlite3_bind_text(handle, index, utf8.baseAddress, Int32(utf8.count), SQLITE_TRANSIENT_DESTRUCTOR)
                }
            }
        }
        let code = sqlite3_step(handle)
        guard code == SQLITE_DONE else {
            throw DatabaseError(resultCode: ResultCode(rawValue: code), message: String(cString: sqlite3_errmsg(db.sqliteConnection)))
        }
        return sqlite3_changes(db.sqliteConnection) > 0
    }
}

/// A value bound to a statement parameter.
enum SQLValue {
    case null
    case int(Int64)
    case double(Double)
    case text(String)

    init(_ text: String?) { self = text.map(SQLValue.text) ?? .null }
    init(_ number: Double?) { self = number.map(SQLValue.double) ?? .null }
}

private let SQLITE_TRANSIENT_DESTRUCTOR = unsafeBitCast(OpaquePointer(bitPattern: -1), to: sqlite3_destructor_type.self)

/// Digests for natural keys and content hashes.
enum Digest {
    static func sha256Hex(_ text: String) -> String {
        var text = text
        return text.withUTF8 { hex(SHA256.hash(data: UnsafeRawBufferPointer($0))) }
    }

    /// 128 bits of SHA-256 over the fields, separated so ("ab", "c") ≠ ("a", "bc").
    static func short(_ fields: [String?]) -> String {
        var hasher = SHA256()
        for field in fields {
            if var field { field.withUTF8 { hasher.update(bufferPointer: UnsafeRawBufferPointer($0)) } }
            withUnsafeBytes(of: field == nil ? UInt8(0x00) : UInt8(0x1F)) { hasher.update(bufferPointer: $0) }
        }
        return hex(hasher.finalize().prefix(16))
    }

    private static let digits = Array("0123456789abcdef".utf8)
    static func hex<S: Sequence>(_ bytes: S) -> String where S.Element == UInt8 {
        var out: [UInt8] = []
        out.reserveCapacity(64)
        for b in bytes {
            out.append(digits[Int(b >> 4)])
            out.append(digits[Int(b & 0x0F)])
        }
        return String(decoding: out, as: UTF8.self)
    }
}
