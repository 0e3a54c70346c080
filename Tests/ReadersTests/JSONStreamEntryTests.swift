import AccountModel
import Foundation
import Readers
import TestFixtures
import XCTest

/// `withJSONStream` inflates on a thread of its own: records must be those of a whole read,
/// errors must name the file and entry, and an importer that stops early must not hang.
final class JSONStreamEntryTests: XCTestCase {
    var zipURL: URL!

    override func setUpWithError() throws {
        zipURL = FileManager.default.temporaryDirectory.appendingPathComponent("stream-\(UUID().uuidString).zip")
        // Large enough for many inflate chunks (64 KiB each) and pipe hand-overs.
        let records = (0..<20_000).map { #"{"Date": "2024-01-01 00:00:00", "Link": "https://example.org/v/\#($0)"}"# }
        try XLSXFixture.zip([
            ("export/big.json", #"{"List": ["# + records.joined(separator: ", ") + "]}"),
            ("export/bad.json", #"{"List": [{"a": 1}, {"a": 2,, }]}"#),
        ], to: zipURL)
    }

    override func tearDown() { try? FileManager.default.removeItem(at: zipURL) }

    func testRecordsAreThoseOfAWholeRead() throws {
        let export = try ExportReader(path: zipURL.path)
        let entry = try XCTUnwrap(export.entry(at: "export/big.json"))
        var streamed: [JSONValue] = []
        try export.withJSONStream(entry) { reader in
            try reader.forEachMember { _, list in
                try list.forEachElement { _, element in streamed.append(try element.readValue()) }
            }
        }
        XCTAssertEqual(streamed.count, 20_000)
        XCTAssertEqual(JSONValue.array(streamed), try export.json(entry)["List"])
    }

    func testMalformedNamesFileAndEntryWithTheWholeReadsReason() throws {
        let export = try ExportReader(path: zipURL.path)
        let entry = try XCTUnwrap(export.entry(at: "export/bad.json"))
        var whole: Error?
        XCTAssertThrowsError(try export.json(entry)) { whole = $0 }
        XCTAssertThrowsError(try export.withJSONStream(entry) { reader in
            try reader.forEachMember { _, list in try list.forEachElement { _, element in _ = try element.readValue() } }
        }) { error in
            XCTAssertEqual(error as? ImportError, whole as? ImportError)
            guard case .malformed(let file, let path, _)? = error as? ImportError else { return XCTFail("\(error)") }
            XCTAssertEqual(file, self.zipURL.lastPathComponent)
            XCTAssertEqual(path, "export/bad.json")
        }
    }

    func testAnImporterThatStopsEarlyEndsTheInflatingThread() throws {
        struct Stop: Error {}
        let export = try ExportReader(path: zipURL.path)
        let entry = try XCTUnwrap(export.entry(at: "export/big.json"))
        for _ in 0..<5 {
            XCTAssertThrowsError(try export.withJSONStream(entry) { reader in
                try reader.forEachMember { _, list in
                    try list.forEachElement { index, _ in if index == 3 { throw Stop() } }
                }
            }) { XCTAssertTrue($0 is Stop) }
        }
        // The reader still serves whole reads afterwards.
        XCTAssertNotNil(try export.json(entry)["List"])
    }
}
