import AccountModel
import AccountStore
import Foundation
@testable import Importers
@testable import Readers
import XCTest

/// Takeout's "My Activity" HTML: `fixtures/youtube/takeout-en-html-2021` and its JSON twin
/// `takeout-en-json-twin` hold one history in both forms.
final class YouTubeHTMLTests: XCTestCase {
    static let y = "Takeout/YouTube and YouTube Music/"
    var temporary: URL!

    override func setUpWithError() throws { temporary = try FixtureSupport.temporaryFolder("youtube-html") }
    override func tearDownWithError() throws { try? FileManager.default.removeItem(at: temporary) }

    func run(_ path: String) throws -> RecordCollector {
        let export = try ExportReader(path: path)
        let sink = RecordCollector()
        try YouTubeImporter().run(export, format: YouTubeImporter().recognize(export).format, into: sink)
        return sink
    }

    func testHTMLTakeout() throws {
        for path in try FixtureSupport.zipAndFolder(FixtureSupport.fixture("youtube", "takeout-en-html-2021"), in: temporary) {
            XCTAssertEqual(YouTubeImporter().recognize(try ExportReader(path: path)), Recognition(confidence: 0.9, format: YouTubeFormat.html))
            let sink = try run(path)
            XCTAssertEqual(sink.countsByKind, ["watch": 4, "ad_view": 1, "search": 2, "comment": 2, "live_comment": 1], path)
            let watches = sink.activities(.watch)
            XCTAssertEqual(watches.map(\.text), ["Learning Swift & C", "Night Song", nil, "a video that has been removed"])
            XCTAssertEqual(watches.map(\.occurredAt), [
                RecordTime(utc: "2021-01-05T21:15:30Z", basis: .exact), // CET, narrow no-break space before PM
                RecordTime(utc: "2021-07-04T16:00:00Z", basis: .exact), // PDT
                RecordTime(utc: "2021-02-28T18:30:05Z", basis: .exact), // GMT+05:30, crossing midnight
                RecordTime(utc: "2021-02-01T13:00:00Z", basis: .naiveLocal), // IST: assumed India
            ])
            XCTAssertEqual(watches[0].detail?["channel"], .string("Swift Channel"))
            XCTAssertEqual(watches[0].detail?["channel_url"], .string("https://www.youtube.com/channel/UCswift000000000000000001"))
            XCTAssertEqual(watches[1].detail?["product"], .string("YouTube Music"))
            XCTAssertEqual(watches[0].locator.description, Self.y + "history/watch-history.html#cell=0")
            XCTAssertNil(watches[3].url)
            let ad = try XCTUnwrap(sink.activities(.adView).first)
            XCTAssertEqual(ad.text, "Buy our shoes")
            XCTAssertEqual(ad.locator.description, Self.y + "history/watch-history.html#cell=3")
            XCTAssertEqual(sink.activities(.search).map(\.text), ["cat videos", "Grüße & more"])

            let comments = sink.items(.comment)
            XCTAssertEqual(comments.map(\.nativeID), ["UgxFixtureHtml0001", nil])
            XCTAssertEqual(comments.map(\.text), ["Great talk!\nSecond line", "An older comment"])
            XCTAssertEqual(comments[0].url, "https://www.youtube.com/watch?v=vid00000101&lc=UgxFixtureHtml0001")
            XCTAssertEqual(comments[0].counterpart, "vid00000101")
            XCTAssertEqual(comments.map(\.createdAt), [RecordTime(utc: "2020-05-06T19:32:44Z", basis: .exact),
                                                       RecordTime(utc: "2016-06-15T08:50:49Z", basis: .exact)])
            XCTAssertEqual(comments[1].locator.description, Self.y + "my-comments/my-comments.html#li=1")
            let chat = try XCTUnwrap(sink.items(.liveComment).first)
            XCTAssertEqual(chat.text, "Hello from the chat")
            XCTAssertEqual(chat.url, "https://www.youtube.com/watch?v=live0000101")
            XCTAssertEqual(chat.createdAt, RecordTime(utc: "2020-04-27T23:18:23Z", basis: .exact))
            XCTAssertEqual(Set(sink.skips.map(\.section)), ["README.md"])
        }
    }

    /// The HTML and JSON forms of one history give the same records (locators aside), so
    /// importing one after the other adds nothing.
    func testHTMLAndJSONFormsGiveTheSameRecords() throws {
        func history(_ sink: RecordCollector) -> [String] {
            sink.activities.map { a in
                var detail: [UInt8] = []
                if let value = a.detail { JSONWriter.append(value, to: &detail) }
                return [a.kind.rawValue, a.occurredAt?.utc ?? "-", a.url ?? "-", a.text ?? "-", String(decoding: detail, as: UTF8.self)].joined(separator: "|")
            }
        }
        let html = try run(FixtureSupport.fixture("youtube", "takeout-en-html-2021").path)
        let json = try run(FixtureSupport.fixture("youtube", "takeout-en-json-twin").path)
        XCTAssertEqual(history(html), history(json))
        XCTAssertEqual(history(html).count, 7)

        let folder = AccountFolder(url: temporary.appendingPathComponent("account"))
        try folder.createDirectories()
        let pipeline = ImportPipeline(store: try AccountStore(folder: folder), folder: folder)
        XCTAssertEqual(try pipeline.importExport(paths: [FixtureSupport.fixture("youtube", "takeout-en-html-2021").path]).newRecords, 10)
        let second = try pipeline.importExport(paths: [FixtureSupport.fixture("youtube", "takeout-en-json-twin").path])
        XCTAssertEqual(second.status, .imported)
        XCTAssertEqual(second.newRecords, 0, "the JSON twin holds nothing the HTML form did not")
    }

    /// `My Activity/YouTube/MyActivity.html` mixes watches and searches: the link says which.
    func testMyActivityPage() throws {
        let page = temporary.appendingPathComponent("takeout/Takeout/My Activity/YouTube/MyActivity.html")
        try FileManager.default.createDirectory(at: page.deletingLastPathComponent(), withIntermediateDirectories: true)
        let cell = { (body: String) in
            #"<div class="outer-cell mdl-cell"><div class="mdl-grid"><div class="header-cell"><p class="mdl-typography--title">YouTube<br></p></div><div class="content-cell mdl-typography--body-1">"# + body + "</div></div></div>"
        }
        try ("<html><body>" + cell(#"Watched&nbsp;<a href="https://www.youtube.com/watch?v=a">A</a><br>5 gen 2024, 22:15:30 CET"#)
            + cell(#"Searched for&nbsp;<a href="https://www.youtube.com/results?search_query=b">b</a><br>2024年1月5日 22:15:30 JST"#)
            + cell(#"Visited&nbsp;<a href="https://support.google.com/youtube">Help</a><br>Jan 5, 2024, 10:15:30 PM CET"#)
            + "</body></html>").write(to: page, atomically: true, encoding: .utf8)
        let sink = try run(temporary.appendingPathComponent("takeout").path)
        XCTAssertEqual(sink.countsByKind, ["watch": 1, "search": 1])
        XCTAssertEqual(sink.activities(.watch).first?.occurredAt, RecordTime(utc: "2024-01-05T21:15:30Z", basis: .exact))
        XCTAssertEqual(sink.activities(.search).first?.occurredAt, RecordTime(utc: "2024-01-05T13:15:30Z", basis: .exact))
        XCTAssertEqual(sink.skips.map(\.reason), ["1 row not recorded: an activity other than a watch or a search"])
    }

    /// A cell with more elements than a record may hold is refused with a typed error naming the entry.
    func testHostileCellIsRefused() throws {
        let page = temporary.appendingPathComponent("t/Takeout/YouTube and YouTube Music/history/watch-history.html")
        try FileManager.default.createDirectory(at: page.deletingLastPathComponent(), withIntermediateDirectories: true)
        let nested = String(repeating: "<b>x</b>", count: 150_000)
        try (#"<html><body><div class="outer-cell">"# + nested + "</div></body></html>").write(to: page, atomically: true, encoding: .utf8)
        XCTAssertThrowsError(try run(temporary.appendingPathComponent("t").path)) { error in
            guard case .tooLarge(_, let entry, _)? = error as? ImportError else { return XCTFail("\(error)") }
            XCTAssertEqual(entry, "Takeout/YouTube and YouTube Music/history/watch-history.html")
        }
    }
}
