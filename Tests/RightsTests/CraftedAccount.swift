import AccountModel
import AccountStore
import Foundation
import GRDB
@testable import Rights

/// Accounts built row by row, so each test states exactly what the exports held.
struct CraftedAccount {
    let store: AccountStore

    init() throws { store = try AccountStore() }

    /// An imported export whose stored report counted `sections` (`group.kind` → records).
    @discardableResult
    func export(_ platform: String, importedAt: String, sections: [String: Int]) throws -> Int64 {
        var report = ImportReport(file: "\(platform).zip", sha256: UUID().uuidString, size: 1, platform: platform,
                                  importer: platform, format: "test", status: .imported)
        for (section, count) in sections {
            let parts = section.split(separator: ".").map(String.init)
            report.records[parts[0], default: [:]][parts[1]] = ImportReport.Tally(new: count)
        }
        return try store.writer.write { db in
            try db.execute(sql: """
                INSERT INTO source_export (platform, file_name, sha256, size, format, importer, importer_version, imported_at, report)
                VALUES (?, ?, ?, 1, 'test', ?, '1', ?, ?)
                """, arguments: [platform, report.file, report.sha256, platform, importedAt, JSONWriter.string(report.json)])
            return db.lastInsertedRowID
        }
    }

    func activity(_ platform: String, kind: String, export: Int64, count: Int, duration: Double? = nil) throws {
        try store.writer.write { db in
            for i in 0..<count {
                try db.execute(sql: """
                    INSERT INTO activity (platform, kind, natural_key, occurred_at, duration_seconds, source_export_id, locator)
                    VALUES (?, ?, ?, '2026-01-01T00:00:00Z', ?, ?, 'test')
                    """, arguments: [platform, kind, "\(export)-\(kind)-\(i)", duration, export])
            }
        }
    }

    func inference(_ platform: String, kind: String, label: String, export: Int64) throws {
        try store.writer.write { db in
            try db.execute(sql: "INSERT INTO inference (platform, kind, label, source_export_id, locator) VALUES (?, ?, ?, ?, 'test')",
                           arguments: [platform, kind, label, export])
        }
    }

    /// The repository's rights/ folder.
    static func data() throws -> RightsData {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        return try RightsData.load(from: root.appendingPathComponent("rights"))
    }
}
