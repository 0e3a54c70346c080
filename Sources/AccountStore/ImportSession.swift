import AccountModel
import Crypto
import Foundation
import GRDB

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
              title, text, counterpart, content_hash, raw, source_export_id, locator)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
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
            item.platform.rawValue, item.kind.rawValue, naturalKey, item.nativeID, item.url, item.createdAt?.utc,
            item.createdAt?.basis.rawValue, item.title, item.text, item.counterpart, Digest.sha256Hex(raw), raw,
            sourceExportID, item.locator.description,
        ])
        tally("items", item.kind.rawValue, isNew)
        guard isNew else { return }
        let itemID = db.lastInsertedRowID
        if item.title != nil || item.text != nil {
            _ = try run(insertSearch, [itemID, item.title.map(SearchText.indexForm), item.text.map(SearchText.indexForm)])
        }
        guard let media else { return }
        for (position, reference) in item.media.enumerated() {
            guard let stored = try media.ingest(reference) else {
                warnings.append("media file \"\(reference.entry)\" is referenced but missing from the export")
                continue
            }
            if try run(insertMedia, [stored.sha256, Int64(stored.size), stored.mediaType]) {
                mediaFiles += 1
                mediaBytes += stored.size
            }
            _ = try run(insertItemMedia, [itemID, position, stored.sha256, stored.fileName, reference.entry])
        }
    }

    func add(_ activity: Activity) throws {
        let detail = activity.detail.map { JSONWriter.string($0) }
        let naturalKey = Digest.short([activity.occurredAt?.utc, activity.url, activity.text, activity.amount, detail])
        let isNew = try run(insertActivity, [
            activity.platform.rawValue, activity.kind.rawValue, naturalKey, activity.occurredAt?.utc,
            activity.occurredAt?.basis.rawValue, activity.url, activity.text, activity.durationSeconds,
            activity.amount, activity.currency, detail, sourceExportID, activity.locator.description,
        ])
        tally("activity", activity.kind.rawValue, isNew)
    }

    func add(_ inference: Inference) throws {
        let isNew = try run(insertInference, [inference.platform.rawValue, inference.kind.rawValue, inference.label,
                                              sourceExportID, inference.locator.description])
        tally("inferences", inference.kind.rawValue, isNew)
    }

    func add(_ identity: IdentityFact) throws {
        let isNew = try run(insertIdentity, [identity.platform.rawValue, identity.field, identity.value,
                                             sourceExportID, identity.locator.description])
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

    /// Executes with unchecked arguments; true when a row was inserted.
    private func run(_ statement: Statement, _ arguments: [(any DatabaseValueConvertible)?]) throws -> Bool {
        statement.setUncheckedArguments(StatementArguments(arguments))
        try statement.execute()
        return db.changesCount > 0
    }
}

/// Digests for natural keys and content hashes.
enum Digest {
    static func sha256Hex(_ text: String) -> String { hex(SHA256.hash(data: Data(text.utf8))) }

    /// 128 bits of SHA-256 over the fields, separated so ("ab", "c") ≠ ("a", "bc").
    static func short(_ fields: [String?]) -> String {
        var hasher = SHA256()
        for field in fields {
            if let field { hasher.update(data: Data(field.utf8)) }
            hasher.update(data: Data([field == nil ? 0x00 : 0x1F]))
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
