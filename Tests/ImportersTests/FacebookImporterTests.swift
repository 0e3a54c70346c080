import AccountModel
import AccountStore
import Foundation
@testable import Importers
@testable import Readers
import XCTest

/// Each fixture under `fixtures/facebook/` is imported as a zip and as a folder; both runs
/// must give exactly these records.
final class FacebookImporterTests: XCTestCase {
    var temporary: URL!

    override func setUpWithError() throws {
        temporary = FileManager.default.temporaryDirectory.appendingPathComponent("pda-facebook-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: temporary, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws { try? FileManager.default.removeItem(at: temporary) }

    func importFixture(_ name: String, format: String, counts: [String: Int], file: StaticString = #filePath, line: UInt = #line,
                       _ check: (RecordCollector) throws -> Void) throws {
        for path in try MetaFixtures.paths("facebook", name, temporary: temporary) {
            let (recognition, sink) = try MetaFixtures.run(FacebookImporter(), path: path)
            XCTAssertEqual(recognition.format, format, path, file: file, line: line)
            XCTAssertGreaterThanOrEqual(recognition.confidence, 0.9, path, file: file, line: line)
            XCTAssertEqual(sink.countsByKind, counts, path, file: file, line: line)
            try check(sink)
        }
    }

    // MARK: - 2022: category folders at the root, *_v2 keys, Italian

    func testJSON2022() throws {
        try importFixture("json-2022", format: "facebook-json-2022", counts: [
            "post": 2, "photo": 1, "comment": 2,
            "like": 3, "follow": 3, "search": 1, "ad_click": 1, "off_platform": 2,
            "ad_interest": 2, "inferred_topic": 1, "advertiser": 1, "identity": 9,
        ]) { sink in
            let posts = sink.items(.post)
            XCTAssertEqual(posts[0].text, "Che giornata al lago! Perché no? 🌊")
            XCTAssertEqual(posts[0].title, "Demo Utente era a Lago di Como.")
            XCTAssertEqual(posts[0].createdAt, RecordTime(utc: "2022-01-01T10:00:00Z", basis: .exact))
            XCTAssertEqual(posts[0].media.map(\.entry), ["posts/media/Timeline_photos/lago_1.jpg",
                                                         "posts/media/Timeline_photos/lago_2.png"])
            XCTAssertEqual(posts[0].locator.description, "posts/your_posts_1.json#/0")
            XCTAssertEqual(posts[0].raw["attachments"]?.arrayValue?.first?["data"]?.arrayValue?.count, 3, "the place is kept in raw")
            XCTAssertEqual(posts[1].locator.description, "posts/your_posts_1.json#/1", "a shared link alone is a post")
            XCTAssertEqual(sink.skips(endingWith: "posts/your_posts_1.json"), ["1 entries held no text or attachment and were not recorded"])

            // The album lists the post's photo again (not recorded twice) and one more photo.
            let photo = try XCTUnwrap(sink.items(.photo).first)
            XCTAssertEqual(photo.text, "Tramonto è magia")
            XCTAssertEqual(photo.title, "Foto del diario")
            XCTAssertEqual(photo.locator.description, "posts/album/0.json#/photos/1")
            XCTAssertEqual(sink.skips(endingWith: "posts/album/0.json#/photos"),
                           ["1 entries are files already recorded with their post and were not recorded"])

            let comments = sink.items(.comment)
            XCTAssertEqual(comments.map(\.text), ["Sì, è vero! 👏", nil])
            XCTAssertEqual(comments[1].title, "Demo Utente ha risposto al commento di Friend Marco.")

            let reactions = sink.activities(.like).filter { $0.locator.entry.hasSuffix("posts_and_comments.json") }
            XCTAssertEqual(reactions.map { $0.detail?["reaction"]?.stringValue }, ["LIKE", "HAHA"])
            XCTAssertEqual(reactions[0].text, "A Demo Utente piace il post di Friend Giulia.")
            XCTAssertEqual(reactions[0].occurredAt?.utc, "2022-01-07T10:00:00Z")

            let follows = sink.activities(.follow)
            XCTAssertEqual(follows.map(\.text), ["Friend Giulia", "Friend Marco", "Brand Caffè"])
            XCTAssertEqual(follows[0].detail, .obj([("relation", .string("friend"))]))
            XCTAssertEqual(sink.activities(.like).last?.text, "Pizzeria Démo")
            XCTAssertEqual(sink.activities(.search).first?.text, "pizzeria")

            let click = try XCTUnwrap(sink.activities(.adClick).first)
            XCTAssertEqual(click.text, "Scarpe in offerta")
            XCTAssertEqual(sink.skips(endingWith: "advertisers_you've_interacted_with.json#/history_v2"),
                           ["1 entries are ad interactions other than clicks and were not recorded"])

            let offPlatform = sink.activities(.offPlatform)
            XCTAssertEqual(offPlatform.map { $0.detail?["event"]?.stringValue }, ["PAGE_VIEW", "PURCHASE"])
            XCTAssertEqual(offPlatform.map(\.text), ["negozio-demo.example", "negozio-demo.example"])
            XCTAssertEqual(offPlatform[1].locator.description,
                           "apps_and_websites_off_of_facebook/your_off-facebook_activity.json#/off_facebook_activity_v2/0/events/1")

            XCTAssertEqual(sink.inferences(.adInterest).map(\.label), ["Cucina italiana", "Caffè"])
            XCTAssertEqual(sink.inferences(.advertiser).first?.label, "Caffè Torino Srl")
            XCTAssertEqual(sink.identity("display_name"), ["Demo Utente"])
            XCTAssertEqual(sink.identity("birth_date"), ["1991-03-07"])
            XCTAssertEqual(sink.identity("registered_at"), ["2010-01-01T00:00:00Z"])

            XCTAssertEqual(sink.skips(endingWith: "marketplace/items_sold.json"), ["unknown file"])
            XCTAssertEqual(sink.skips(endingWith: "friends_and_followers/friend_requests_sent.json#/sent_requests_v2"),
                           ["not recorded: friend requests and removals"])
            XCTAssertEqual(sink.skips(endingWith: "profile_information.json#/profile_v2/education_experiences"),
                           ["not recorded: no identity field for it yet"])
        }
    }

    // MARK: - 2024: your_facebook_activity/, connections/, label_values reactions, German

    func testJSON2024() throws {
        try importFixture("json-2024", format: "facebook-json-2024", counts: [
            "post": 2, "photo": 1, "comment": 1,
            "like": 3, "follow": 2, "search": 1, "off_platform": 1,
            "ad_interest": 2, "advertiser": 1, "identity": 9,
        ]) { sink in
            let posts = sink.items(.post)
            XCTAssertEqual(posts[0].text, "Grüße vom Gipfel ⛰️ – schön!")
            XCTAssertEqual(posts[0].media.map(\.entry), ["your_facebook_activity/posts/media/Mobile_uploads/berg_1.jpg",
                                                         "your_facebook_activity/posts/media/Mobile_uploads/berg_2.png"])
            XCTAssertEqual(posts[0].locator.description,
                           "your_facebook_activity/posts/your_posts__check_ins__photos_and_videos_1.json#/0")
            XCTAssertEqual(posts[1].title, "Café Müller", "a check-in is titled by its place")
            XCTAssertEqual(posts[1].createdAt?.utc, "2024-01-02T10:00:00Z")

            XCTAssertEqual(sink.items(.photo).first?.text, "Brezel 🥨")
            XCTAssertEqual(sink.skips(endingWith: "your_facebook_activity/posts/your_uncategorized_photos.json"),
                           ["1 media files it names are not in the export"])

            let comment = try XCTUnwrap(sink.items(.comment).first)
            XCTAssertEqual(comment.text, "Sehr schön, grüß dich!")
            XCTAssertEqual(comment.counterpart, "Wandern in Bayern")

            // Reactions in both 2024 shapes: `data`-wrapped and `label_values`.
            let reactions = sink.activities(.like).filter { $0.locator.entry.contains("likes_and_reactions") }
            XCTAssertEqual(reactions.map { $0.detail?["reaction"]?.stringValue }, ["WOW", "LOVE"])
            XCTAssertEqual(reactions[0].text, "Friend Jonas")
            XCTAssertEqual(reactions[0].url, "https://www.facebook.com/friend.jonas/posts/555")
            XCTAssertEqual(reactions[0].occurredAt?.utc, "2024-01-06T10:00:00Z")
            XCTAssertEqual(reactions[0].locator.description, "your_facebook_activity/comments_and_reactions/likes_and_reactions.json#/0")

            let page = try XCTUnwrap(sink.activities(.like).first { $0.detail?["target"] == .string("page") })
            XCTAssertEqual(page.url, "https://www.facebook.com/baeckerei.demo")
            XCTAssertEqual(sink.activities(.follow).map(\.text), ["Bäckerei Démo", "Friend Jonas"])
            XCTAssertEqual(sink.activities(.search).first?.text, "wandern")

            let off = try XCTUnwrap(sink.activities(.offPlatform).first)
            XCTAssertEqual(off.text, "laden-demo.example")
            XCTAssertEqual(off.detail, .obj([("event", .string("ADD_TO_CART"))]))
            XCTAssertEqual(off.occurredAt?.utc, "2024-01-11T10:00:00Z")

            XCTAssertEqual(sink.inferences(.adInterest).map(\.label), ["Häufig Reisende", "Bergsport"])
            XCTAssertEqual(sink.inferences(.advertiser).first?.label, "Brezelbäckerei GmbH")
            XCTAssertEqual(sink.identity("city"), ["München"])

            XCTAssertEqual(sink.skips(endingWith: "your_facebook_activity/reels/your_reels.json"), ["unknown file"])
            XCTAssertEqual(sink.skips(endingWith: "your_facebook_activity/messages"),
                           ["1 files not read: direct messages are not imported yet"])
        }
    }

    /// The 2023 layout is the 2022 one under `your_activity_across_facebook/`.
    func testJSON2023LayoutIsRecognized() throws {
        let export = temporary.appendingPathComponent("across")
        let posts = export.appendingPathComponent("your_activity_across_facebook/posts")
        try FileManager.default.createDirectory(at: posts, withIntermediateDirectories: true)
        try Data("[{\"timestamp\": 1672567200, \"data\": [{\"post\": \"Ciao\"}]}]".utf8)
            .write(to: posts.appendingPathComponent("your_posts__check_ins__photos_and_videos_1.json"))
        let (recognition, sink) = try MetaFixtures.run(FacebookImporter(), path: export.path)
        XCTAssertEqual(recognition.format, "facebook-json-2023")
        XCTAssertEqual(sink.items(.post).first?.createdAt?.utc, "2023-01-01T10:00:00Z")
        XCTAssertEqual(InstagramImporter().recognize(try ExportReader(path: export.path)).confidence, 0)
    }

    func testPipelineStoresPostMedia() throws {
        let folder = AccountFolder(url: temporary.appendingPathComponent("account"))
        try folder.createDirectories()
        let store = try AccountStore(folder: folder)
        let pipeline = ImportPipeline(store: store, folder: folder, importers: [InstagramImporter(), FacebookImporter()])
        let zip = try MetaFixtures.paths("facebook", "json-2024", temporary: temporary)[0]
        let report = try pipeline.importExport(paths: [zip])
        XCTAssertEqual(report.importer, "facebook")
        XCTAssertEqual(report.format, "facebook-json-2024")
        XCTAssertEqual(report.mediaFiles, 2)
        XCTAssertEqual(try pipeline.importExport(paths: [zip]).status, .alreadyImported)
    }
}
