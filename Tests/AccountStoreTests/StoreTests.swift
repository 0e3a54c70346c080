import AccountModel
import AccountStore
import GRDB
import XCTest

final class StoreTests: XCTestCase {
    func description(_ sha: String) -> ExportDescription {
        ExportDescription(platform: .tiktok, fileName: "export-\(sha).zip", sha256: sha, size: 10, format: "test",
                          importer: "test", importerVersion: "1", importedAt: "2025-01-01T00:00:00Z")
    }

    func comment(_ id: String, _ text: String, at time: String = "2025-05-01T23:16:38Z") -> Item {
        Item(platform: .tiktok, kind: .comment, nativeID: id, createdAt: RecordTime(utc: time, basis: .naiveUTC),
             text: text, raw: .obj([("Comment", .string(text))]), locator: Locator(entry: "user_data.json", pointer: "/Comment/\(id)"))
    }

    func watch(_ n: Int) -> Activity {
        Activity(platform: .tiktok, kind: .watch, occurredAt: RecordTime(utc: "2025-01-01T00:00:\(String(format: "%02d", n))Z", basis: .naiveUTC),
                 url: "https://www.tiktokv.com/share/video/\(n)/", locator: Locator(entry: "user_data.json", pointer: "/w/\(n)"))
    }

    func testReimportCountsPresentAndNewRecords() throws {
        let store = try AccountStore()
        let first = try store.importExport(description("a"), media: nil) { sink in
            try sink.add(comment("1", "first"))
            for n in 0..<3 { try sink.add(watch(n)) }
        }
        XCTAssertEqual(first.records["items"]?["comment"], .init(new: 1, present: 0))
        XCTAssertEqual(first.records["activity"]?["watch"], .init(new: 3, present: 0))
        // A newer export overlapping the first: only what is new is added.
        let second = try store.importExport(description("b"), media: nil) { sink in
            try sink.add(comment("1", "first"))
            try sink.add(comment("2", "second"))
            for n in 0..<5 { try sink.add(watch(n)) }
        }
        XCTAssertEqual(second.records["items"]?["comment"], .init(new: 1, present: 1))
        XCTAssertEqual(second.records["activity"]?["watch"], .init(new: 2, present: 3))
        let status = try store.status()
        XCTAssertEqual(status.counts["tiktok"]?["activity"]?["watch"], 5)
        XCTAssertEqual(status.counts["tiktok"]?["items"]?["comment"], 2)
        XCTAssertEqual(status.sources.map(\.sha256), ["a", "b"])
    }

    /// Natural keys make re-imports idempotent across pda versions too: an account imported by
    /// an older pda must see the same keys. These values were computed outside pda (Python
    /// hashlib) from the documented rule: SHA-256 over the fields, each followed by 0x1F, or 0x00
    /// when absent, truncated to 128 bits.
    func testNaturalKeysAreStable() throws {
        let store = try AccountStore()
        _ = try store.importExport(description("a"), media: nil) { sink in
            try sink.add(Activity(platform: .tiktok, kind: .watch, occurredAt: RecordTime(utc: "2025-01-01T00:00:00Z", basis: .exact),
                                  url: "https://example.com/v/1", detail: .obj([("a", .string("b"))]), locator: Locator(entry: "e")))
            try sink.add(Item(platform: .tiktok, kind: .comment, text: "hello", raw: .null, locator: Locator(entry: "e")))
        }
        let keys = try store.writer.read { db in
            try String.fetchAll(db, sql: "SELECT natural_key FROM activity UNION ALL SELECT natural_key FROM item")
        }
        XCTAssertEqual(keys, ["2025-01-01T00:00:00Z#ad3e08071d5303b1de236fb23c2e20d8", "h:0a1811f7d7895c620fb3b222ff3a05e1"])
    }

    func testFailedImportLeavesNothing() throws {
        struct Boom: Error {}
        let store = try AccountStore()
        XCTAssertThrowsError(try store.importExport(description("a"), media: nil) { sink in
            try sink.add(comment("1", "first"))
            throw Boom()
        })
        let status = try store.status()
        XCTAssertTrue(status.sources.isEmpty)
        XCTAssertTrue(status.counts.isEmpty)
    }

    func testProvenanceOnEveryRecord() throws {
        let store = try AccountStore()
        _ = try store.importExport(description("a"), media: nil) { sink in try sink.add(comment("7", "hello")) }
        let item = try XCTUnwrap(store.items(RecordFilter()).first)
        XCTAssertEqual(item.sourceSHA256, "a")
        XCTAssertEqual(item.locator, "user_data.json#/Comment/7")
        XCTAssertEqual(item.raw, #"{"Comment":"hello"}"#)
        XCTAssertEqual(item.nativeID, "7")
    }

    func testFiltersBySinceUntilKindAndLimit() throws {
        let store = try AccountStore()
        _ = try store.importExport(description("a"), media: nil) { sink in
            try sink.add(comment("1", "jan", at: "2024-01-15T10:00:00Z"))
            try sink.add(comment("2", "feb", at: "2024-02-29T23:59:59Z"))
            try sink.add(comment("3", "mar", at: "2024-03-01T00:00:00Z"))
        }
        XCTAssertEqual(try store.items(RecordFilter(since: "2024-02-01", until: "2024-02-29")).map(\.text), ["feb"])
        XCTAssertEqual(try store.items(RecordFilter(limit: 1)).map(\.text), ["mar"])
        XCTAssertEqual(try store.items(RecordFilter(kinds: ["video"])).count, 0)
    }
}
