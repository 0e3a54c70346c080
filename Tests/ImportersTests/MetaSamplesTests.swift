import AccountModel
import Foundation
@testable import Importers
@testable import Readers
import XCTest
import ZIPFoundation

/// Conformance: every Instagram and Facebook sample other projects wrote for their tests
/// (`../shared/samples/hudi-mocks`, 2020–22 layouts, Italian, mojibake) imports without an
/// error, and every file in it is either turned into records or reported as skipped.
final class MetaSamplesTests: XCTestCase {
    static let samples = MetaFixtures.repository.deletingLastPathComponent()
        .appendingPathComponent("shared/samples/hudi-mocks")

    func testInstagramSampleImportsAndAccountsForEveryFile() throws {
        let sink = try importSample("instagram_json", InstagramImporter(), format: "instagram-json-2022")
        XCTAssertEqual(sink.countsByKind, [
            "photo": 7, "story": 190, "comment": 3,
            "like": 6, "follow": 7, "followed_by": 3, "vote": 70, "browse": 4, "watch": 3, "ad_view": 240,
            "ad_click": 2, "search": 3, "ad_interest": 5, "advertiser": 6, "inferred_topic": 18, "identity": 9,
        ])
        // Italian labels and mojibake in keys and values.
        XCTAssertEqual(sink.identity("username"), ["fakeUsername😂"])
        XCTAssertEqual(sink.identity("based_in"), ["Roma"])
        XCTAssertEqual(sink.activities(.search).first?.text, "fedez")
        XCTAssertEqual(sink.inferences(.advertiser).first?.label, "ИКЕА Россия - IKEA")
        XCTAssertEqual(sink.items(.comment).first?.text, "Prova con Terry eà... è spiazzante")
        XCTAssertEqual(sink.skips(endingWith: "contacts/synced_contacts.json#/contacts_contact_info"),
                       ["not recorded: the owner's address book holds other people's data"])
        XCTAssertEqual(sink.skips(endingWith: "messages/inbox"), ["2 files not read: direct messages are not imported yet"])
        XCTAssertEqual(sink.skips(endingWith: "content/stories.json"), ["190 media files it names are not in the export"])
    }

    func testFacebookSampleImportsAndAccountsForEveryFile() throws {
        let sink = try importSample("facebook_json", FacebookImporter(), format: "facebook-json-2022")
        XCTAssertEqual(sink.countsByKind, [
            "post": 2, "comment": 10, "like": 39, "follow": 24, "search": 5, "ad_click": 4,
            "ad_interest": 6, "advertiser": 13, "inferred_topic": 13, "identity": 14,
        ])
        XCTAssertEqual(sink.items(.comment)[1].text, "Giovanni è un grande")
        XCTAssertEqual(sink.activities(.like).compactMap { $0.detail?["reaction"]?.stringValue }.prefix(2), ["LIKE", "HAHA"])
        XCTAssertEqual(sink.inferences(.adInterest).last?.label, "Škoda Auto")
        XCTAssertEqual(sink.skips(endingWith: "your_interactions_on_facebook/recently_viewed.json#/recently_viewed"),
                       ["not recorded: view history is not mapped yet"])
        XCTAssertEqual(sink.skips(endingWith: "posts/your_posts_1.json"),
                       ["1 entries held no text or attachment and were not recorded"])
    }

    /// Neither importer claims the other's export, nor TikTok's; TikTok claims neither.
    func testPlatformsAreNotConfused() throws {
        let instagram = InstagramImporter(), facebook = FacebookImporter(), tiktok = TikTokImporter()
        let instagramExports = ["json-2022", "json-2024", "json-2025"].map { MetaFixtures.folder("instagram", $0) }
            + [Self.samples.appendingPathComponent("instagram_json")]
        let facebookExports = ["json-2022", "json-2024"].map { MetaFixtures.folder("facebook", $0) }
            + [Self.samples.appendingPathComponent("facebook_json")]
        for url in instagramExports {
            let export = try ExportReader(path: url.path)
            XCTAssertGreaterThanOrEqual(instagram.recognize(export).confidence, 0.9, url.path)
            XCTAssertEqual(facebook.recognize(export).confidence, 0, url.path)
            XCTAssertEqual(tiktok.recognize(export).confidence, 0, url.path)
        }
        for url in facebookExports {
            let export = try ExportReader(path: url.path)
            XCTAssertGreaterThanOrEqual(facebook.recognize(export).confidence, 0.9, url.path)
            XCTAssertEqual(instagram.recognize(export).confidence, 0, url.path)
            XCTAssertEqual(tiktok.recognize(export).confidence, 0, url.path)
        }
        let tiktokFixtures = MetaFixtures.repository.appendingPathComponent("fixtures/tiktok")
        let cases = try FileManager.default.contentsOfDirectory(at: tiktokFixtures, includingPropertiesForKeys: [.isDirectoryKey])
            .filter { (try? $0.resourceValues(forKeys: [.isDirectoryKey]).isDirectory) == true }
        XCTAssertFalse(cases.isEmpty)
        for url in cases {
            let name = url.lastPathComponent
            let export = try ExportReader(path: url.path)
            XCTAssertEqual(instagram.recognize(export).confidence, 0, name)
            XCTAssertEqual(facebook.recognize(export).confidence, 0, name)
        }
    }

    // MARK: - Helpers

    /// Imports a sample folder and checks that each JSON file in it produced a record or a
    /// skip note naming it (or the folder it belongs to).
    func importSample(_ name: String, _ importer: any Importer, format: String,
                      file: StaticString = #filePath, line: UInt = #line) throws -> RecordCollector {
        let export = try ExportReader(path: Self.samples.appendingPathComponent(name).path)
        let recognition = importer.recognize(export)
        XCTAssertEqual(recognition.format, format, file: file, line: line)
        let sink = RecordCollector()
        try importer.run(export, format: recognition.format, into: sink)
        var used = Set(sink.items.map(\.locator.entry))
        used.formUnion(sink.activities.map(\.locator.entry))
        used.formUnion(sink.inferences.map(\.locator.entry))
        used.formUnion(sink.identities.map(\.locator.entry))
        for entry in export.entries where entry.name.hasSuffix(".json") && !used.contains(entry.path) {
            let noted = sink.skips.contains { skip in
                skip.section == entry.path || skip.section.hasPrefix(entry.path + "#") || entry.path.hasPrefix(skip.section + "/")
            }
            XCTAssertTrue(noted, "\(entry.path) is neither recorded nor reported", file: file, line: line)
        }
        return sink
    }
}

/// Fixture plumbing shared by the Instagram and Facebook tests: each fixture is imported as a
/// zip made at test time and as a folder, and both runs must give the same records.
enum MetaFixtures {
    static let repository = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static func folder(_ platform: String, _ name: String) -> URL {
        repository.appendingPathComponent("fixtures/\(platform)/\(name)")
    }

    /// Paths to import: a zip of the fixture (in `temporary`) and the folder itself.
    static func paths(_ platform: String, _ name: String, temporary: URL) throws -> [String] {
        let folder = folder(platform, name)
        let zip = temporary.appendingPathComponent("\(platform)-\(name).zip")
        if !FileManager.default.fileExists(atPath: zip.path) {
            try FileManager.default.zipItem(at: folder, to: zip, shouldKeepParent: false)
        }
        return [zip.path, folder.path]
    }

    static func run(_ importer: any Importer, path: String) throws -> (Recognition, RecordCollector) {
        let export = try ExportReader(path: path)
        let recognition = importer.recognize(export)
        let sink = RecordCollector()
        try importer.run(export, format: recognition.format, into: sink)
        return (recognition, sink)
    }
}
