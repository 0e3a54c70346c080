import AccountModel
import Foundation
@testable import Importers
@testable import Readers
import XCTest

/// Conformance with X archive files written by other projects (`../shared/samples/`): the
/// 2020 files of twitter-to-sqlite's tests (no `data/` folder, no manifest) and hudi's mock
/// `data/account.js`. Every file imports without an error, and every file either yields
/// records or is named in the report.
final class XSamplesTests: XCTestCase {
    static let samples = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("../shared/samples").standardizedFileURL

    func run(_ path: String) throws -> (Recognition, RecordCollector) {
        let export = try ExportReader(path: path)
        let recognition = XImporter().recognize(export)
        let sink = RecordCollector()
        try XImporter().run(export, format: recognition.format, into: sink)
        return (recognition, sink)
    }

    /// Each file of the export is a locator's entry or a skipped section.
    func assertEveryFileAccountedFor(_ folder: URL, _ sink: RecordCollector, file: StaticString = #filePath, line: UInt = #line) throws {
        let export = try ExportReader(path: folder.path)
        var used = Set(sink.items.map(\.locator.entry))
        used.formUnion(sink.activities.map(\.locator.entry))
        used.formUnion(sink.inferences.map(\.locator.entry))
        used.formUnion(sink.identities.map(\.locator.entry))
        used.formUnion(sink.skips.map(\.section))
        for entry in export.entries {
            XCTAssertTrue(used.contains(entry.path), "\(entry.path) neither imported nor reported", file: file, line: line)
        }
    }

    func testTwitterToSQLiteFiles() throws {
        let folder = Self.samples.appendingPathComponent("twitter-to-sqlite")
        try XCTSkipUnless(FileManager.default.fileExists(atPath: folder.path), "samples not present")
        let (recognition, sink) = try run(folder.path)
        XCTAssertEqual(recognition, Recognition(confidence: 0.9, format: XFormat.archive2019))
        XCTAssertEqual(sink.countsByKind, ["identity": 7, "followed_by": 2, "follow": 2])
        XCTAssertEqual(sink.identity("username"), ["simonw"])
        XCTAssertEqual(sink.identity("account_id"), ["12497"])
        XCTAssertEqual(sink.identity("created_at"), ["2006-11-15T13:18:50Z"])
        XCTAssertEqual(sink.activities(.followedBy).map(\.text), ["73747798", "386025404"])
        XCTAssertEqual(sink.activities(.follow).map(\.text), ["547842573", "12158"])
        XCTAssertTrue(sink.activities.allSatisfy { $0.occurredAt == nil }, "follow lists carry no time")
        XCTAssertEqual(sink.skips(endingWith: "app.js"), ["not recorded: connected apps"])
        XCTAssertEqual(sink.skips(endingWith: "saved-search.js").count, 1)
        XCTAssertEqual(sink.skips(endingWith: "account-suspension.js"), ["not recorded (empty): account settings and history"])
        try assertEveryFileAccountedFor(folder, sink)
        for skip in sink.skips {
            XCTAssertFalse(skip.reason.contains("django") || skip.reason.contains("BBC"), "\(skip)")
        }
    }

    /// Each file on its own, as `pda import follower.js` would read it.
    func testEachSampleFileAlone() throws {
        let folders = [Self.samples.appendingPathComponent("twitter-to-sqlite"),
                       Self.samples.appendingPathComponent("hudi-mocks/twitter/data")]
        var seen = 0
        for folder in folders {
            let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
            for name in names.sorted() where name.hasSuffix(".js") {
                let (recognition, sink) = try run(folder.appendingPathComponent(name).path)
                XCTAssertGreaterThan(recognition.confidence, 0, name)
                XCTAssertFalse(sink.countsByKind.isEmpty && sink.skips.isEmpty, "\(name) neither imported nor reported")
                seen += 1
            }
        }
        try XCTSkipIf(seen == 0, "samples not present")
        XCTAssertEqual(seen, 7)
    }

    func testHudiMockAccount() throws {
        let folder = Self.samples.appendingPathComponent("hudi-mocks/twitter")
        try XCTSkipUnless(FileManager.default.fileExists(atPath: folder.path), "samples not present")
        let (recognition, sink) = try run(folder.path)
        XCTAssertEqual(recognition, Recognition(confidence: 0.7, format: XFormat.archive2019))
        XCTAssertEqual(sink.countsByKind, ["identity": 6])
        XCTAssertEqual(sink.identity("username"), ["Giova03"])
        XCTAssertEqual(sink.identity("account_id"), ["1523675943662767659"])
        XCTAssertEqual(sink.identity("created_at"), ["2022-04-09T12:42:43Z"])
        XCTAssertEqual(sink.identity("created_via"), ["oauth:258671"])
        XCTAssertTrue(sink.skips.isEmpty)
        try assertEveryFileAccountedFor(folder, sink)
    }
}
