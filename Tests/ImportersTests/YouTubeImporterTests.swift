import AccountModel
import AccountStore
import Foundation
@testable import Importers
@testable import Readers
import XCTest

/// `fixtures/youtube/<generation>`, zipped at test time and read as a folder; the English one is
/// also split into two zips the way Takeout splits large exports.
final class YouTubeImporterTests: XCTestCase {
    static let youtube = "Takeout/YouTube and YouTube Music/"
    var temporary: URL!

    override func setUpWithError() throws { temporary = try FixtureSupport.temporaryFolder("youtube") }
    override func tearDownWithError() throws { try? FileManager.default.removeItem(at: temporary) }

    static let englishCounts = [
        "watch": 3, "ad_view": 1, "search": 2, "comment": 2, "live_comment": 1, "subscribe": 2, "favorite": 2,
        "video": 2, "identity": 2,
    ]

    func run(_ paths: [String], expecting format: String = YouTubeFormat.json, confidence: Double = 1.0,
             file: StaticString = #filePath, line: UInt = #line) throws -> RecordCollector {
        let export = try ExportReader(paths: paths)
        let recognition = YouTubeImporter().recognize(export)
        XCTAssertEqual(recognition, Recognition(confidence: confidence, format: format), "\(paths)", file: file, line: line)
        let sink = RecordCollector()
        try YouTubeImporter().run(export, format: recognition.format, into: sink)
        return sink
    }

    func testTakeoutEnglish2023() throws {
        for path in try FixtureSupport.zipAndFolder(FixtureSupport.fixture("youtube", "takeout-en-2023"), in: temporary) {
            let sink = try run([path])
            XCTAssertEqual(sink.countsByKind, Self.englishCounts, path)
            try checkEnglish(sink)
        }
    }

    func checkEnglish(_ sink: RecordCollector) throws {
        let y = Self.youtube
        let watches = sink.activities(.watch)
        XCTAssertEqual(watches.map(\.text), ["Building a Swift package", "Night Song", nil])
        XCTAssertEqual(watches[0].url, "https://www.youtube.com/watch?v=vid00000001")
        XCTAssertEqual(watches[0].occurredAt, RecordTime(utc: "2023-06-01T12:34:56Z", basis: .exact))
        XCTAssertEqual(watches[0].detail?["channel"], .string("Swift Channel"))
        XCTAssertEqual(watches[0].locator.description, y + "history/watch-history.json#/0")
        XCTAssertEqual(watches[1].detail?["product"], .string("YouTube Music"))
        XCTAssertNil(watches[2].detail, "a removed video has no channel")
        XCTAssertEqual(watches[2].occurredAt?.utc, "2023-05-30T08:00:00Z")
        let ad = try XCTUnwrap(sink.activities(.adView).first)
        XCTAssertEqual(ad.text, "Buy our shoes")
        XCTAssertEqual(ad.locator.description, y + "history/watch-history.json#/3")

        XCTAssertEqual(sink.activities(.search).map(\.text), ["cat videos", "Grüße & more"])

        let comments = sink.items(.comment)
        XCTAssertEqual(comments.map(\.text), ["Great explanation, see https://swift.org", "Thanks! \"quoted\""])
        XCTAssertEqual(comments.map(\.nativeID), ["UgxFixtureComment0001", "UgxFixtureComment0001.Reply0002"])
        XCTAssertEqual(comments[0].url, "https://www.youtube.com/watch?v=vid00000001&lc=UgxFixtureComment0001")
        XCTAssertEqual(comments[0].createdAt, RecordTime(utc: "2023-04-14T07:39:35Z", basis: .exact))
        XCTAssertEqual(comments[0].counterpart, "vid00000001")
        XCTAssertEqual(comments[1].counterpart, "UgxFixtureComment0001")
        XCTAssertEqual(comments[1].locator.description, y + "comments/comments.csv:3")
        XCTAssertEqual(comments[0].raw["Price"], .string("0"))

        let chat = try XCTUnwrap(sink.items(.liveComment).first)
        XCTAssertEqual(chat.text, "Hello from the chat")
        XCTAssertEqual(chat.url, "https://www.youtube.com/watch?v=live0000001")
        XCTAssertEqual(chat.createdAt, RecordTime(utc: "2023-03-01T20:00:00Z", basis: .exact))

        let subscriptions = sink.activities(.subscribe)
        XCTAssertEqual(subscriptions.map(\.text), ["Swift Channel", "Cooking, Slowly"])
        XCTAssertEqual(subscriptions[1].url, "http://www.youtube.com/channel/UCcook0000000000000000003")
        XCTAssertEqual(subscriptions[1].detail?["channel_id"], .string("UCcook0000000000000000003"))

        let saved = sink.activities(.favorite)
        XCTAssertEqual(saved.map(\.url), ["https://www.youtube.com/watch?v=vid00000005", "https://www.youtube.com/watch?v=vid00000006"])
        XCTAssertEqual(saved.map(\.text), ["Watch later", "Watch later"])
        XCTAssertEqual(saved[0].occurredAt, RecordTime(utc: "2023-02-03T04:05:06Z", basis: .exact))
        XCTAssertEqual(saved[0].locator.description, y + "playlists/Watch later.csv:5")

        let videos = sink.items(.video)
        XCTAssertEqual(videos.map(\.title), ["Demo: part 1", "Missing clip"])
        XCTAssertEqual(videos[0].media, [MediaReference(entry: y + "videos/Demo_ part 1.mp4")])
        XCTAssertEqual(videos[0].text, "First upload.\nWith two lines.")
        XCTAssertEqual(videos[0].createdAt, RecordTime(utc: "2021-01-30T05:26:03Z", basis: .exact))
        XCTAssertEqual(videos[0].url, "https://www.youtube.com/watch?v=upl00000001")
        XCTAssertEqual(videos[0].durationSeconds, 90, "Approx Duration (ms) 90000")
        XCTAssertEqual(videos[1].media, [])

        XCTAssertEqual(sink.identity("channel_id"), ["UCowner000000000000000001"])
        XCTAssertEqual(sink.identity("display_name"), ["Fixture Owner"])
        XCTAssertEqual(Set(sink.skips.map(\.section)), [
            "README.md", "Takeout/archive_browser.html", y + "history/watch-history.html", y + "videos/Unrelated clip.mp4",
        ])
    }

    func testTakeoutGerman2025() throws {
        let y = "Takeout/YouTube und YouTube Music/"
        for path in try FixtureSupport.zipAndFolder(FixtureSupport.fixture("youtube", "takeout-de-2025"), in: temporary) {
            let sink = try run([path])
            XCTAssertEqual(sink.countsByKind, [
                "watch": 2, "search": 2, "comment": 3, "live_comment": 1, "subscribe": 1, "favorite": 1,
            ], path)
            XCTAssertEqual(sink.activities(.watch).map(\.text), ["Kochen für Anfänger", "Nachrichten am Abend"])
            XCTAssertEqual(sink.activities(.watch).first?.locator.description, y + "Verlauf/Wiedergabeverlauf.json#/0")
            XCTAssertEqual(sink.activities(.search).map(\.text), ["Katzen", "Brot backen"])
            XCTAssertEqual(sink.activities(.search).map(\.occurredAt?.utc), ["2025-02-04T08:00:00Z", "2025-02-04T08:10:00Z"])

            let comments = sink.items(.comment)
            XCTAssertEqual(comments.map(\.text), ["Sehr gut erklärt\nDanke!", "Zeile eins\nZeile zwei", "@kanal stimmt"])
            XCTAssertEqual(comments.map(\.locator.description), [2, 3, 5].map { y + "Kommentare/Kommentare.csv:\($0)" })
            XCTAssertEqual(comments[0].createdAt, RecordTime(utc: "2025-01-10T10:00:00Z", basis: .exact))
            XCTAssertEqual(comments[1].url, "https://www.youtube.com/post/UgkxPost0000001")
            XCTAssertEqual(comments[1].counterpart, "UgkxPost0000001")
            XCTAssertEqual(comments[2].counterpart, "UgzDeComment0001")
            XCTAssertEqual(comments[2].raw["Top-level comment ID"], .string("UgzDeComment0001"))
            XCTAssertEqual(sink.items(.liveComment).map(\.text), ["Hallo zusammen"])

            let subscription = try XCTUnwrap(sink.activities(.subscribe).first)
            XCTAssertEqual(subscription.text, "Küche Kanal")
            XCTAssertEqual(subscription.detail?["channel_id"], .string("UCkueche00000000000000011"))
            let saved = try XCTUnwrap(sink.activities(.favorite).first)
            XCTAssertEqual(saved.text, "Musik")
            XCTAssertEqual(saved.occurredAt, RecordTime(utc: "2024-12-24T18:00:00Z", basis: .exact))
            XCTAssertEqual(Set(sink.skips.map(\.section)), ["README.md", y + "Playlists/Playlists.csv"])
        }
    }

    /// A Dutch Takeout whose history is HTML only (Takeout's default) imports: the title words
    /// `bekeken` / `Gezocht naar` are stripped and `CEST` times read with their offset.
    func testDutchHTMLOnlyTakeoutImports() throws {
        let y = "Takeout/YouTube en YouTube Music/"
        for path in try FixtureSupport.zipAndFolder(FixtureSupport.fixture("youtube", "takeout-nl-html-only"), in: temporary) {
            let sink = try run([path], expecting: YouTubeFormat.html, confidence: 0.9)
            XCTAssertEqual(sink.countsByKind, ["watch": 1, "search": 1, "subscribe": 1], path)
            let watch = try XCTUnwrap(sink.activities(.watch).first)
            XCTAssertEqual(watch.text, "Een video")
            XCTAssertEqual(watch.occurredAt, RecordTime(utc: "2024-06-15T18:30:41Z", basis: .exact))
            XCTAssertEqual(watch.locator.description, y + "geschiedenis/kijkgeschiedenis.html#cell=0")
            XCTAssertEqual(sink.activities(.search).map(\.text), ["katten"])
            XCTAssertEqual(sink.activities(.search).map(\.occurredAt?.utc), ["2024-06-15T18:31:00Z"])
        }
    }

    /// A Takeout split over `-001.zip` and `-002.zip` (entries alternating between the parts)
    /// gives exactly the records of the whole.
    func testSplitTakeoutIsOneExport() throws {
        let parts = try FixtureSupport.splitZips(FixtureSupport.fixture("youtube", "takeout-en-2023"), into: temporary,
                                                 stem: "takeout-20230601T000000Z")
        let sizes = try parts.map { try ExportReader(path: $0).entries.count }
        XCTAssertEqual(sizes, [7, 6], "13 files, alternating between the parts")
        let sink = try run(parts)
        XCTAssertEqual(sink.countsByKind, Self.englishCounts)
        try checkEnglish(sink)
    }

    /// Through the pipeline, the two parts are one source export: imported once, and a second
    /// import of the same parts changes nothing.
    func testSplitTakeoutThroughThePipeline() throws {
        let parts = try FixtureSupport.splitZips(FixtureSupport.fixture("youtube", "takeout-en-2023"), into: temporary,
                                                 stem: "takeout-20230601T000000Z")
        let folder = AccountFolder(url: temporary.appendingPathComponent("account"))
        try folder.createDirectories()
        let pipeline = ImportPipeline(store: try AccountStore(folder: folder), folder: folder)
        let report = try pipeline.importExport(paths: parts)
        XCTAssertEqual(report.status, .imported)
        XCTAssertEqual(report.importer, "youtube")
        XCTAssertEqual(report.format, YouTubeFormat.json)
        XCTAssertEqual(report.file, "takeout-20230601T000000Z-001.zip (+1 parts)")
        XCTAssertEqual(report.mediaFiles, 1)
        XCTAssertEqual(report.newRecords, Self.englishCounts.values.reduce(0, +))
        XCTAssertEqual(try pipeline.importExport(paths: parts).status, .alreadyImported)
    }

    func testTakeoutPartsAreGrouped() {
        let paths = ["/d/takeout-20250102T030405Z-002.zip", "/d/tiktok.zip", "/d/takeout-20250102T030405Z-001.zip",
                     "/e/takeout-20250102T030405Z-001.zip", "/d/takeout-20250909T000000Z-001.zip", "/d/folder"]
        XCTAssertEqual(TakeoutParts.group(paths), [
            ["/d/takeout-20250102T030405Z-001.zip", "/d/takeout-20250102T030405Z-002.zip"],
            ["/d/tiktok.zip"],
            ["/e/takeout-20250102T030405Z-001.zip"],
            ["/d/takeout-20250909T000000Z-001.zip"],
            ["/d/folder"],
        ])
        XCTAssertEqual(TakeoutParts.missingParts(["/d/t-001.zip", "/d/t-003.zip"]), ["/d/t-002.zip"])
        XCTAssertEqual(TakeoutParts.missingParts(["/d/t-002.zip"]), ["/d/t-001.zip"])
        XCTAssertEqual(TakeoutParts.missingParts(["/d/t-001.zip"]), [])
        XCTAssertEqual(TakeoutParts.missingParts(["/d/tiktok.zip"]), [])
    }

    func testCommentTextLayouts() {
        XCTAssertEqual(YouTubeCommentText.decode(#"{"takeoutSegments":[{"text":"a "},{"text":"b","link":{"linkUrl":"https://x"}}]}"#), "a b")
        XCTAssertEqual(YouTubeCommentText.decode(#"{"text":"one"},{"text":"\n"},{"text":"two"}"#), "one\ntwo")
        XCTAssertEqual(YouTubeCommentText.decode("{\"text\":\"raw\nbreak\"}"), "raw\nbreak")
        XCTAssertEqual(YouTubeCommentText.decode("plain text, kept"), "plain text, kept")
        XCTAssertEqual(YouTubeCommentText.decode("{not json"), "{not json")
    }

    func testTitlesAndQueries() {
        XCTAssertEqual(YouTubeNames.strip("Watched A", prefixes: YouTubeNames.watchPrefixes, suffixes: YouTubeNames.watchSuffixes), "A")
        XCTAssertEqual(YouTubeNames.strip("Een video bekeken", prefixes: YouTubeNames.watchPrefixes, suffixes: YouTubeNames.watchSuffixes), "Een video")
        XCTAssertNil(YouTubeNames.strip("Watched https://www.youtube.com/watch?v=x", prefixes: YouTubeNames.watchPrefixes, suffixes: []))
        XCTAssertEqual(YouTubeNames.searchQuery(inURL: "https://www.youtube.com/results?search_query=a%2Bb+c"), "a+b c")
        XCTAssertNil(YouTubeNames.searchQuery(inURL: "https://www.youtube.com/watch?v=x"))
        XCTAssertEqual(YouTubeNames.stem("comments(1).csv"), "comments")
    }

    func testOtherPlatformsAreNotYouTube() throws {
        for (platform, generation) in [("reddit", "gdpr-2024"), ("amazon", "request-my-data-legacy"),
                                       ("amazon", "request-your-data-2024"), ("tiktok", "json-2024"), ("tiktok", "txt")] {
            let export = try ExportReader(path: FixtureSupport.fixture(platform, generation).path)
            XCTAssertEqual(YouTubeImporter().recognize(export), .no, "\(platform)/\(generation)")
        }
    }

    func testRegistered() {
        FixtureSupport.assertRegisteredWithFixtures("youtube", platform: .youtube)
    }
}
