import AccountStore
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
