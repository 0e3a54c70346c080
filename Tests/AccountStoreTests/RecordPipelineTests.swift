import AccountModel
@testable import AccountStore
import GRDB
import XCTest

/// The importer runs on its own thread and the inserts on the database thread: these check
/// that order, errors from either side and the all-or-nothing transaction survive that.
final class RecordPipelineTests: XCTestCase {
    let export = ExportDescription(platform: .tiktok, fileName: "export.zip", sha256: "a", size: 10, format: "test",
                                   importer: "test", importerVersion: "1", importedAt: "2025-01-01T00:00:00Z")

    func watch(_ n: Int, text: String? = nil) -> Activity {
        Activity(platform: .tiktok, kind: .watch, occurredAt: RecordTime(utc: String(format: "2025-01-01T%02d:%02d:%02dZ", n / 3600, n / 60 % 60, n % 60), basis: .naiveUTC),
                 text: text, locator: Locator(entry: "user_data.json", pointer: "/w/\(n)"))
    }

    func testManyBatchesArriveInOrderWithWarningsInPlace() throws {
        let store = try AccountStore()
        let count = RecordPipeline.batchSize * (RecordPipeline.capacity + 3) + 17
        let report = try store.importExport(export, media: nil) { sink in
            for n in 0..<count {
                try sink.add(self.watch(n))
                if n % 1000 == 999 { sink.skipped(section: "section \(n)", reason: "test") }
            }
        }
        XCTAssertEqual(report.records["activity"]?["watch"], .init(new: count, present: 0))
        XCTAssertEqual(report.warnings, (0..<count).filter { $0 % 1000 == 999 }.map { "skipped section \($0): test" })
        let locators = try store.writer.read { db in try String.fetchAll(db, sql: "SELECT locator FROM activity ORDER BY id") }
        XCTAssertEqual(locators, (0..<count).map { "user_data.json#/w/\($0)" })
    }

    /// The queue holds at most `capacity` batches; a batch is full at `batchSize` records or
    /// `batchBytes` of text, whichever comes first, so big records cannot pile up in memory.
    func testBatchesAreBoundedInRecordsAndBytes() {
        var small = RowBatch(sourceExportID: 1, capacity: RecordPipeline.batchSize)
        for n in 0..<(RecordPipeline.batchSize - 1) { small.append(watch(n)) }
        XCTAssertFalse(RecordPipeline.isFull(small))
        small.append(watch(RecordPipeline.batchSize))
        XCTAssertTrue(RecordPipeline.isFull(small))

        var big = RowBatch(sourceExportID: 1, capacity: RecordPipeline.batchSize)
        let text = String(repeating: "x", count: RecordPipeline.batchBytes / 4)
        for n in 0..<3 { big.append(watch(n, text: text)) }
        XCTAssertFalse(RecordPipeline.isFull(big))
        big.append(watch(3, text: text))
        XCTAssertTrue(RecordPipeline.isFull(big), "four records of a quarter of the byte bound fill a batch")
    }

    func testAnImporterErrorAfterManyBatchesLeavesNothing() throws {
        struct Boom: Error {}
        let store = try AccountStore()
        XCTAssertThrowsError(try store.importExport(export, media: nil) { sink in
            for n in 0..<(RecordPipeline.batchSize * 5) { try sink.add(self.watch(n)) }
            throw Boom()
        }) { XCTAssertTrue($0 is Boom, "the importer's own error, got \($0)") }
        XCTAssertEqual(try store.writer.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM activity") }, 0)
        XCTAssertTrue(try store.status().sources.isEmpty)
    }

    /// An insert that fails mid-import stops the importer (its next add throws) and the insert's
    /// error is what the caller sees.
    func testAnInsertErrorStopsTheImporterAndLeavesNothing() throws {
        let store = try AccountStore()
        try store.writer.write { db in
            try db.execute(sql: "CREATE TEMP TRIGGER refuse BEFORE INSERT ON activity WHEN NEW.text = 'refused' BEGIN SELECT RAISE(ABORT, 'refused by test'); END")
        }
        let total = RecordPipeline.batchSize * RecordPipeline.capacity * 4
        var failedAt: Int?
        XCTAssertThrowsError(try store.importExport(export, media: nil) { sink in
            for n in 0..<total {
                do {
                    try sink.add(self.watch(n, text: n == 300 ? "refused" : nil))
                } catch {
                    failedAt = n
                    throw error
                }
            }
        }) { error in
            XCTAssertTrue(String(describing: error).contains("refused by test"), "got \(error)")
        }
        // The importer learns of the failure at its next hand-over, at the latest when the
        // queue behind the failed batch is full.
        let stoppedAt = try XCTUnwrap(failedAt, "the importer was stopped")
        XCTAssertLessThanOrEqual(stoppedAt, RecordPipeline.batchSize * (RecordPipeline.capacity + 3))
        XCTAssertEqual(try store.writer.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM activity") }, 0)
    }
}
