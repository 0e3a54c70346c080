import AccountModel
import Foundation
@testable import Importers
@testable import Readers
import XCTest
import ZIPFoundation

/// Conformance: every Reddit and Amazon file of `../shared/samples/hudi-mocks/` imports without an
/// error, and what is not mapped is reported as skipped.
final class CSVSamplesTests: XCTestCase {
    static let samples = FixtureSupport.repository.appendingPathComponent("../shared/samples/hudi-mocks").standardizedFileURL

    func testRedditMockImports() throws {
        let export = try ExportReader(path: Self.samples.appendingPathComponent("reddit").path)
        let recognition = RedditImporter().recognize(export)
        XCTAssertEqual(recognition, Recognition(confidence: 0.6, format: RedditRecognizer.format))
        let sink = RecordCollector()
        try RedditImporter().run(export, format: recognition.format, into: sink)
        XCTAssertEqual(sink.countsByKind, ["subscribe": 7])
        XCTAssertEqual(sink.activities.map(\.text), ["elex", "headturners", "UFOs", "Art", "worldofgothic", "smartcontracts", "impressionsgames"])
        XCTAssertEqual(sink.activities.first?.locator.description, "subscribed_subreddits.csv:2")
        XCTAssertTrue(sink.skips.isEmpty, "\(sink.skips)")
    }

    func testAmazonMockImports() throws {
        let export = try ExportReader(path: Self.samples.appendingPathComponent("amazon").path)
        let recognition = AmazonImporter().recognize(export)
        XCTAssertEqual(recognition, Recognition(confidence: 0.95, format: AmazonFormat.legacy))
        XCTAssertEqual(RedditImporter().recognize(export), .no)
        XCTAssertEqual(YouTubeImporter().recognize(export), .no)
        let sink = RecordCollector()
        try AmazonImporter().run(export, format: recognition.format, into: sink)
        XCTAssertEqual(sink.countsByKind, [
            // orders 3, digital items 3, Audible billing 1; 14 search rows, 2 of them category
            // browsing; Prime Video 144, Audible sessions 12;
            // watchlist 2, wish list 32; advertisers 101 + 101; audiences 2 + 14.
            "purchase": 3 + 3 + 1, "cart_add": 1, "search": 12, "browse": 2, "watch": 144 + 12, "favorite": 2 + 32,
            "vote": 6, "review": 1, "advertiser": 202, "ad_interest": 16, "ad_click": 15,
        ])

        // The two lines of order 408-5338323-299 share a shipment subtotal of 44.77; each line
        // is its own total, so the order costs 29.63 + 24.99, not 2 × 44.77.
        let order = sink.activities(.purchase).filter { $0.detail?["order_id"] == .string("408-5338323-299") }
        XCTAssertEqual(order.map(\.amount), ["29.63", "24.99"])
        XCTAssertEqual(order.map(\.currency), ["EUR", "EUR"])
        XCTAssertEqual(order.first?.occurredAt, RecordTime(utc: "2021-11-20T18:53:16Z", basis: .exact))
        XCTAssertEqual(order.first?.url, "https://www.amazon.it/dp/B08B73KHKS")

        let skipped = Set(sink.skips.map(\.section))
        for file in ["Advertising.1/Advertising.OptOut.csv", "Audible.Library/Audible.Library.csv",
                     "AmazonGames/AmazonGames.TwitchPrime.SubscriptionCreditHistory.csv",
                     "Digital-Ordering.2/Digital Orders.csv", "Digital-Ordering.2/Digital Orders Monetary.csv",
                     "Digital.PrimeVideo.ViewCounts.2/Digital.PrimeVideo.ViewCounts.2.csv",
                     "Digital.PrimeVideo.Watchlist/Digital.PrimeVideo.WatchlistHistory.csv",
                     "Digital.Subscriptions/Subscriptions.csv", "Retail.RegionAuthority.2/Retail.RegionAuthority.2.csv"] {
            XCTAssertTrue(skipped.contains(file), "\(file) is not reported as skipped")
        }
        // Warnings name files and give reasons, never values.
        for skip in sink.skips {
            XCTAssertFalse(skip.reason.contains("Harry Potter") || skip.reason.contains("EUR"), skip.reason)
        }
        XCTAssertEqual(sink.skips(endingWith: "Advertising.3/Advertising.AdvertiserAudiences.csv"),
                       ["no rows: the file holds only its header or title"])
        let browse = sink.activities(.browse)
        XCTAssertEqual(browse.map(\.text), ["computers", "computers"])
        XCTAssertEqual(browse.first?.detail?["browse_node"], .string("460158031"))
    }

    /// Every file of both folders is either read or reported: nothing disappears silently.
    func testEveryMockFileIsAccountedFor() throws {
        for (folder, importer) in [("reddit", RedditImporter() as any Importer), ("amazon", AmazonImporter())] {
            let export = try ExportReader(path: Self.samples.appendingPathComponent(folder).path)
            let sink = RecordCollector()
            try importer.run(export, format: importer.recognize(export).format, into: sink)
            let used = Set(sink.items.map(\.locator.entry) + sink.activities.map(\.locator.entry)
                + sink.inferences.map(\.locator.entry) + sink.skips.map(\.section))
            for entry in export.entries {
                XCTAssertTrue(used.contains(entry.path), "\(folder)/\(entry.path) neither read nor reported")
            }
        }
    }
}

/// Fixture paths and zips made at test time, shared by the YouTube, Reddit and Amazon tests.
enum FixtureSupport {
    static let repository = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static func fixture(_ platform: String, _ generation: String) -> URL {
        repository.appendingPathComponent("fixtures/\(platform)/\(generation)")
    }

    /// A fresh temporary folder, removed by the caller.
    static func temporaryFolder(_ label: String) throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("pda-\(label)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// The fixture zipped (entries relative to the fixture folder) and the folder itself.
    static func zipAndFolder(_ folder: URL, in temporary: URL) throws -> [String] {
        let zip = temporary.appendingPathComponent(folder.lastPathComponent + ".zip")
        if !FileManager.default.fileExists(atPath: zip.path) {
            try FileManager.default.zipItem(at: folder, to: zip, shouldKeepParent: false)
        }
        return [zip.path, folder.path]
    }

    /// Every regular file below `folder`, as paths relative to it.
    static func files(in folder: URL) -> [String] {
        let base = folder.standardizedFileURL.path + "/"
        let walker = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: [.isRegularFileKey])
        var found: [String] = []
        while let url = walker?.nextObject() as? URL {
            guard (try? url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true else { continue }
            found.append(String(url.standardizedFileURL.path.dropFirst(base.count)))
        }
        return found.sorted()
    }

    /// Writes the files of `folder` into two zips, alternating entries between them, the way
    /// Takeout splits a large export into `-001.zip` and `-002.zip`.
    static func splitZips(_ folder: URL, into temporary: URL, stem: String) throws -> [String] {
        let paths = [temporary.appendingPathComponent("\(stem)-001.zip"), temporary.appendingPathComponent("\(stem)-002.zip")]
        let archives = try paths.map { try Archive(url: $0, accessMode: .create) }
        for (index, relative) in files(in: folder).enumerated() {
            try archives[index % 2].addEntry(with: relative, relativeTo: folder, compressionMethod: .deflate)
        }
        return paths.map(\.path)
    }

    /// The registry lists the importer and its platform has at least one fixture with a README.
    static func assertRegisteredWithFixtures(_ name: String, platform: Platform, file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertTrue(ImporterRegistry.builtIn.contains { $0.name == name && $0.platform == platform },
                      "\(name) is not in ImporterRegistry.builtIn", file: file, line: line)
        let root = repository.appendingPathComponent("fixtures/\(platform.rawValue)")
        let cases = (try? FileManager.default.contentsOfDirectory(atPath: root.path)) ?? []
        let documented = cases.filter { FileManager.default.fileExists(atPath: root.appendingPathComponent("\($0)/README.md").path) }
        XCTAssertFalse(documented.isEmpty, "fixtures/\(platform.rawValue) has no fixture with a README", file: file, line: line)
    }
}
