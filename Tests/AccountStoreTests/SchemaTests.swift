import AccountModel
@testable import AccountStore
import Foundation
import XCTest

/// `schemas/account.sql` is what people read to query their account with sqlite3 or Datasette;
/// it must be exactly what the migrations build. Regenerate with `make schema`.
final class SchemaTests: XCTestCase {
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    func testAccountSQLMatchesMigrations() throws {
        let generated = "-- Generated from the migrations in Sources/AccountStore/Schema.swift by `make schema`. Do not edit.\n\n"
            + (try AccountStore().schemaSQL())
        let file = Self.packageRoot.appendingPathComponent("schemas/account.sql")
        if ProcessInfo.processInfo.environment["PDA_UPDATE_SCHEMA"] == "1" {
            try generated.write(to: file, atomically: true, encoding: .utf8)
        }
        let committed = try String(contentsOf: file, encoding: .utf8)
        XCTAssertEqual(committed, generated, "schemas/account.sql drifted from the migrations: run `make schema` and commit it")
    }

    /// An account made before v3 (search index with its own copy of the text) is searchable
    /// after the migration rebuilds the index without one.
    func testV3RebuildsTheSearchIndexOfAnOlderAccount() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent(UUID().uuidString)
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("account.sqlite").path
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let queue = try DatabaseQueue(path: path)
        try Schema.migrator.migrate(queue, upTo: "v2: item duration")
        try queue.write { db in
            try db.execute(sql: """
                INSERT INTO source_export (platform, file_name, sha256, size, format, importer, importer_version, imported_at, report)
                VALUES ('tiktok', 'old.zip', 'old', 1, 't', 't', '1', '2025-01-01T00:00:00Z', '{}');
                INSERT INTO item (platform, kind, natural_key, text, content_hash, raw, source_export_id, locator)
                VALUES ('tiktok', 'comment', '1', '今天的直播真好看', 'h', '{}', 1, 'e'), ('tiktok', 'comment', '2', 'Café olé', 'h', '{}', 1, 'e');
                INSERT INTO item_search (rowid, title, text) VALUES (1, NULL, ' 今天 天的 的直 直播 播真 真好 好看 看 '), (2, NULL, 'Café olé');
                """)
            XCTAssertNotNil(try String.fetchOne(db, sql: "SELECT text FROM item_search WHERE rowid = 1"), "v2 keeps a copy")
        }
        try queue.close()
        let store = try AccountStore(folder: AccountFolder(url: dir))
        XCTAssertEqual(try store.search("直播").map(\.item.text), ["今天的直播真好看"])
        XCTAssertEqual(try store.search("cafe").map(\.item.text), ["Café olé"])
        try store.writer.read { db in
            XCTAssertNil(try String.fetchOne(db, sql: "SELECT text FROM item_search WHERE rowid = 1"), "v3 keeps no copy")
        }
    }

    func testFileAccountUsesWALAndForeignKeys() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent(UUID().uuidString)
        defer { try? FileManager.default.removeItem(at: dir) }
        let folder = AccountFolder(url: dir)
        try folder.createDirectories()
        let store = try AccountStore(folder: folder)
        try store.writer.read { db in
            XCTAssertEqual(try String.fetchOne(db, sql: "PRAGMA journal_mode"), "wal")
            XCTAssertEqual(try Int.fetchOne(db, sql: "PRAGMA foreign_keys"), 1)
        }
        let mode = try FileManager.default.attributesOfItem(atPath: dir.path)[.posixPermissions] as? NSNumber
        XCTAssertEqual(mode?.intValue, 0o700)
    }
}

import GRDB
