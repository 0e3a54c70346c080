import AccountModel
import Foundation

/// What one `pda import` of one export did: shown to the person and stored with the export.
public struct ImportReport: Sendable {
    public enum Status: String, Sendable { case imported, alreadyImported = "already_imported" }

    public struct Tally: Sendable, Equatable {
        public var new = 0
        public var present = 0
        public init(new: Int = 0, present: Int = 0) {
            self.new = new
            self.present = present
        }
    }

    public var file: String
    public var sha256: String
    public var size: UInt64
    public var platform: String
    public var importer: String
    public var format: String
    public var status: Status
    /// `items` / `activity` / `inferences` / `identity` → kind → tally.
    public var records: [String: [String: Tally]] = [:]
    public var warnings: [String] = []
    public var mediaFiles = 0
    public var mediaBytes: UInt64 = 0
    public var seconds: Double = 0

    public init(file: String, sha256: String, size: UInt64, platform: String, importer: String, format: String, status: Status) {
        self.file = file
        self.sha256 = sha256
        self.size = size
        self.platform = platform
        self.importer = importer
        self.format = format
        self.status = status
    }

    public var newRecords: Int { records.values.flatMap(\.values).reduce(0) { $0 + $1.new } }
    public var presentRecords: Int { records.values.flatMap(\.values).reduce(0) { $0 + $1.present } }

    public var json: JSONValue {
        let groups = records.keys.sorted().map { group -> (String, JSONValue) in
            let kinds = records[group, default: [:]].keys.sorted().map { kind -> (String, JSONValue) in
                let t = records[group]![kind]!
                return (kind, .obj([("new", .int(t.new)), ("present", .int(t.present))]))
            }
            return (group, .obj(kinds))
        }
        return .obj([
            ("file", .string(file)), ("sha256", .string(sha256)), ("size", .number(String(size))),
            ("platform", .string(platform)), ("importer", .string(importer)), ("format", .string(format)),
            ("status", .string(status.rawValue)),
            ("new", .int(newRecords)), ("present", .int(presentRecords)),
            ("records", .obj(groups)),
            ("media", .obj([("files", .int(mediaFiles)), ("bytes", .number(String(mediaBytes)))])),
            ("warnings", .array(warnings.map { .string($0) })),
            ("seconds", .number(String(format: "%.3f", seconds))),
        ])
    }
}

/// A row of `source_export`.
public struct SourceExportRecord: Sendable {
    public var id: Int64
    public var platform: String
    public var fileName: String
    public var sha256: String
    public var size: Int64
    public var format: String
    public var importer: String
    public var importerVersion: String
    public var importedAt: String
    public var report: String
}

import GRDB

extension SourceExportRecord {
    init(row: Row) {
        id = row["id"]
        platform = row["platform"]
        fileName = row["file_name"]
        sha256 = row["sha256"]
        size = row["size"]
        format = row["format"]
        importer = row["importer"]
        importerVersion = row["importer_version"]
        importedAt = row["imported_at"]
        report = row["report"]
    }
}
