import AccountModel
import AccountStore
import Foundation
@testable import Importers
@testable import Readers
import XCTest

/// Each fixture under `fixtures/instagram/` is imported as a zip and as a folder; both runs
/// must give exactly these records.
final class InstagramImporterTests: XCTestCase {
    var temporary: URL!

    override func setUpWithError() throws {
        temporary = FileManager.default.temporaryDirectory.appendingPathComponent("pda-instagram-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: temporary, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws { try? FileManager.default.removeItem(at: temporary) }

    func importFixture(_ name: String, format: String, counts: [String: Int], file: StaticString = #filePath, line: UInt = #line,
                       _ check: (RecordCollector) throws -> Void) throws {
        for path in try MetaFixtures.paths("instagram", name, temporary: temporary) {
            let (recognition, sink) = try MetaFixtures.run(InstagramImporter(), path: path)
            XCTAssertEqual(recognition.format, format, path, file: file, line: line)
            XCTAssertGreaterThanOrEqual(recognition.confidence, 0.9, path, file: file, line: line)
            XCTAssertEqual(sink.countsByKind, counts, path, file: file, line: line)
            try check(sink)
        }
    }

    // MARK: - 2022: category folders at the root, Italian labels

    func testJSON2022() throws {
        try importFixture("json-2022", format: "instagram-json-2022", counts: [
            "post": 1, "video": 1, "story": 1, "comment": 2,
            "like": 3, "favorite": 1, "followed_by": 2, "follow": 1, "browse": 1, "watch": 1, "ad_view": 2, "ad_click": 1,
            "search": 1, "ad_interest": 2, "advertiser": 1, "inferred_topic": 1, "identity": 4,
        ]) { sink in
            let carousel = try XCTUnwrap(sink.items(.post).first)
            XCTAssertEqual(carousel.text, "Gita al lago 🌊 è bellissimo")
            XCTAssertEqual(carousel.createdAt, RecordTime(utc: "2022-01-01T10:00:00Z", basis: .exact))
            XCTAssertEqual(carousel.media, [MediaReference(entry: "media/posts/202201/carousel_1.jpg"),
                                            MediaReference(entry: "media/posts/202201/carousel_2.png")])
            XCTAssertEqual(carousel.locator.description, "content/posts_1.json#/0")
            XCTAssertNil(carousel.nativeID)
            XCTAssertEqual(carousel.raw["title"], .string("Gita al lago 🌊 è bellissimo"))

            let video = try XCTUnwrap(sink.items(.video).first)
            XCTAssertEqual(video.text, "Caffè ☕")
            XCTAssertEqual(video.media, [])
            XCTAssertEqual(sink.skips(endingWith: "content/posts_1.json"), ["1 media files it names are not in the export"])

            let comments = sink.items(.comment)
            XCTAssertEqual(comments.map(\.text), ["Che bella foto, è vero!", "Buonissima 🍕"])
            XCTAssertEqual(comments.map(\.counterpart), ["friend_giulia", "brand_pizza"])
            XCTAssertEqual(comments[0].locator.description, "comments/post_comments.json#/comments_media_comments/0")

            let likes = sink.activities(.like)
            XCTAssertEqual(likes.map(\.text), ["friend_marco", "friend_giulia", "brand_pizza"])
            XCTAssertEqual(likes[1].url, "https://www.instagram.com/p/AAA111/")
            XCTAssertEqual(likes[1].occurredAt, RecordTime(utc: "2022-01-05T10:00:00Z", basis: .exact))
            XCTAssertEqual(likes.map { $0.detail?["target"]?.stringValue }, ["comment", "post", "post"])
            XCTAssertEqual(likes[1].detail?["reaction"], .string("👍"))

            let saved = try XCTUnwrap(sink.activities(.favorite).first)
            XCTAssertEqual(saved.url, "https://www.instagram.com/p/DDD444/")
            XCTAssertEqual(saved.occurredAt?.utc, "2022-01-08T10:00:00Z")

            XCTAssertEqual(sink.activities(.followedBy).map(\.text), ["friend_giulia", "friend_marco"])
            XCTAssertEqual(sink.activities(.adView).map(\.text), ["brand_scarpe", "brand_caffè"])
            XCTAssertEqual(sink.activities(.adClick).first?.text, "Scarpe da corsa")
            XCTAssertEqual(sink.activities(.search).first?.text, "friend_giulia")
            XCTAssertEqual(sink.activities(.search).first?.occurredAt?.utc, "2022-01-17T10:00:00Z")
            XCTAssertEqual(sink.inferences(.adInterest).map(\.label), ["Cucina italiana", "Escursionismo"])
            XCTAssertEqual(sink.inferences(.advertiser).first?.label, "Caffè Torino Srl")

            XCTAssertEqual(sink.identity("username"), ["demo_ragazza 😂"])
            XCTAssertEqual(sink.identity("display_name"), ["Giada Démo"])
            XCTAssertEqual(sink.identity("birth_date"), ["1995-04-12"])
            XCTAssertEqual(sink.identities.first?.locator.description,
                           "account_information/personal_information.json#/profile_user/0/string_map_data/Nome utente")

            XCTAssertEqual(sink.skips(endingWith: "new_feature/new_feature.json"), ["unknown file"])
            XCTAssertEqual(sink.skips(endingWith: "messages/inbox"), ["1 files not read: direct messages are not imported yet"])
        }
    }

    // MARK: - 2024: your_instagram_activity/, bare lists, Dutch labels

    func testJSON2024() throws {
        try importFixture("json-2024", format: "instagram-json-2024", counts: [
            "post": 1, "photo": 1, "story": 1, "video": 1, "comment": 1,
            "like": 2, "favorite": 1, "vote": 1, "followed_by": 2, "follow": 1, "browse": 1, "watch": 1, "ad_view": 1,
            "ad_click": 1, "search": 1, "advertiser": 1, "inferred_topic": 2, "identity": 3,
        ]) { sink in
            let carousel = try XCTUnwrap(sink.items(.post).first)
            XCTAssertEqual(carousel.text, "Zondag aan zee 🌊 café")
            XCTAssertEqual(carousel.createdAt?.utc, "2024-01-01T10:00:00Z")
            XCTAssertEqual(carousel.media.map(\.entry), ["media/posts/202401/dag_1.jpg", "media/posts/202401/dag_2.png"])
            XCTAssertEqual(carousel.locator.description, "your_instagram_activity/content/posts_1.json#/0")
            XCTAssertEqual(sink.items(.photo).first?.text, "Één foto")
            XCTAssertEqual(sink.items(.video).first?.locator.description, "your_instagram_activity/content/reels.json#/ig_reels_media/0")

            let comment = try XCTUnwrap(sink.items(.comment).first)
            XCTAssertEqual(comment.text, "Wat een mooie foto! 😍")
            XCTAssertEqual(comment.counterpart, "friend_sanne")
            XCTAssertEqual(comment.createdAt?.utc, "2024-01-05T10:00:00Z")
            XCTAssertEqual(comment.locator.description, "your_instagram_activity/comments/post_comments_1.json#/0")

            let vote = try XCTUnwrap(sink.activities(.vote).first)
            XCTAssertEqual(vote.text, "friend_sanne")
            XCTAssertEqual(vote.detail, .obj([("sticker", .string("poll")), ("answer", .string("Ja"))]))

            XCTAssertEqual(sink.activities(.followedBy).map(\.locator.description),
                           ["connections/followers_and_following/followers_1.json#/0",
                            "connections/followers_and_following/followers_1.json#/1"])
            XCTAssertEqual(sink.activities(.browse).first?.text, "brand_kaas")
            XCTAssertEqual(sink.activities(.search).first?.text, "fietsen")
            XCTAssertEqual(sink.activities(.favorite).first?.occurredAt?.utc, "2024-01-08T10:00:00Z")
            XCTAssertEqual(sink.inferences(.inferredTopic).map(\.label), ["Fietsen", "Kaas"])
            XCTAssertEqual(sink.identity("username"), ["demo_fietser"])
            XCTAssertEqual(sink.identity("email"), ["daan@example.com"])

            XCTAssertEqual(sink.skips(endingWith: "your_instagram_activity/threads/threads_viewed.json"), ["unknown file"])
        }
    }

    // MARK: - 2025: media/ folder, label_values likes (2026), /_u/ links, German labels

    func testJSON2025() throws {
        try importFixture("json-2025", format: "instagram-json-2025", counts: [
            "post": 1, "video": 1, "story": 1, "comment": 1,
            "like": 2, "favorite": 1, "followed_by": 1, "follow": 2, "ad_view": 1, "watch": 1, "search": 1,
            "ad_interest": 2, "identity": 4,
        ]) { sink in
            let carousel = try XCTUnwrap(sink.items(.post).first)
            XCTAssertEqual(carousel.text, "Über den Wolken ⛰️ schön")
            XCTAssertEqual(carousel.media.map(\.entry), ["media/posts/202501/berg_1.jpg", "media/posts/202501/berg_2.png"])
            XCTAssertEqual(carousel.locator.description, "your_instagram_activity/media/posts_1.json#/0")

            XCTAssertEqual(sink.items(.comment).first?.text, "Grüße aus München 👋")
            XCTAssertEqual(sink.items(.comment).first?.counterpart, "friend_lena")

            let likes = sink.activities(.like)
            XCTAssertEqual(likes.map(\.text), ["friend_lena", "brand_brezel"])
            XCTAssertEqual(likes.map(\.url), ["https://www.instagram.com/p/DE111/", "https://www.instagram.com/p/DE222/"])
            XCTAssertEqual(likes[0].occurredAt, RecordTime(utc: "2025-01-05T10:00:00Z", basis: .exact))
            XCTAssertEqual(likes[0].locator.description, "your_instagram_activity/likes/liked_posts.json#/0")
            XCTAssertEqual(sink.activities(.favorite).first?.text, "brand_brezel")

            // Late-2025 follow records: the name in `title`, or only in the `/_u/` link.
            XCTAssertEqual(sink.activities(.follow).map(\.text), ["brand_brezel", "friend_jonas"])
            XCTAssertEqual(sink.activities(.search).first?.text, "wandern")
            XCTAssertEqual(sink.activities(.adView).first?.text, "brand_brezel")
            XCTAssertEqual(sink.inferences(.adInterest).map(\.label), ["Bergsport", "Häufig Reisende"])
            XCTAssertEqual(sink.identity("username"), ["demo_wanderin"])
            XCTAssertEqual(sink.identity("email"), ["lena@example.com"])
            XCTAssertEqual(sink.identity("birth_date"), ["1990-02-28"])

            XCTAssertEqual(sink.skips(endingWith: "your_instagram_activity/other_activity/time_spent_on_instagram.json"),
                           ["unknown file"])
            XCTAssertEqual(sink.skips(endingWith: "your_instagram_activity/media/stories.json"),
                           ["1 media files it names are not in the export"])
        }
    }

    // MARK: - Through the pipeline: media store, idempotence, refusal

    func testPipelineStoresCarouselMediaAndReimportsNothingNew() throws {
        let folder = AccountFolder(url: temporary.appendingPathComponent("account"))
        try folder.createDirectories()
        let store = try AccountStore(folder: folder)
        let pipeline = ImportPipeline(store: store, folder: folder, importers: [InstagramImporter(), FacebookImporter()])
        let paths = try MetaFixtures.paths("instagram", "json-2022", temporary: temporary)

        let first = try pipeline.importExport(paths: [paths[0]])
        XCTAssertEqual(first.status, .imported)
        XCTAssertEqual(first.importer, "instagram")
        XCTAssertEqual(first.format, "instagram-json-2022")
        XCTAssertEqual(first.mediaFiles, 2)
        let stored = FileManager.default.enumerator(atPath: folder.mediaURL.path)?.allObjects.compactMap { $0 as? String }
            .filter { !$0.contains("staging") && $0.split(separator: "/").count == 2 } ?? []
        XCTAssertEqual(stored.count, 2, "\(stored)")
        XCTAssertTrue(first.warnings.contains { $0.contains("new_feature/new_feature.json") })

        XCTAssertEqual(try pipeline.importExport(paths: [paths[0]]).status, .alreadyImported)
        // The same records from the unzipped folder (another file): nothing new.
        let again = try pipeline.importExport(paths: [paths[1]])
        XCTAssertEqual(again.newRecords, 0)
        XCTAssertEqual(again.presentRecords, first.newRecords)
    }

    /// Labels in a language the table does not know still import: the value without a
    /// timestamp is the author, the field with one is the time.
    func testUnknownLanguageFallsBackOnTheRecordShape() throws {
        let export = temporary.appendingPathComponent("polish")
        let folder = export.appendingPathComponent("ads_information/ads_and_topics")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let json = #"""
            {"impressions_history_ads_seen": [{"title": "", "string_map_data": {
              "Tw\u00c3\u00b3rca": {"href": "", "value": "brand_\u00c5\u00bcubr\u00c3\u00b3wka", "timestamp": 0},
              "Godzina": {"href": "", "value": "", "timestamp": 1700000000}}}]}
            """#
        try Data(json.utf8).write(to: folder.appendingPathComponent("ads_viewed.json"))
        let (_, sink) = try MetaFixtures.run(InstagramImporter(), path: export.path)
        let view = try XCTUnwrap(sink.activities(.adView).first)
        XCTAssertEqual(view.text, "brand_żubrówka")
        XCTAssertEqual(view.occurredAt, RecordTime(utc: "2023-11-14T22:13:20Z", basis: .exact))
    }

    func testProfileLinksAndFileStems() {
        XCTAssertEqual(MetaValues.username(fromProfileURL: "https://www.instagram.com/_u/friend_jonas"), "friend_jonas")
        XCTAssertEqual(MetaValues.username(fromProfileURL: "https://www.instagram.com/friend_jonas/"), "friend_jonas")
        XCTAssertNil(MetaValues.username(fromProfileURL: "https://www.instagram.com/p/AAA111/"))
        XCTAssertEqual(MetaTable.stem(ofPath: "your_instagram_activity/media/posts_12.json"), "posts")
        XCTAssertEqual(MetaTable.stem(ofPath: "posts/album/3.json"), "album")
        XCTAssertEqual(MetaTable.stem(ofPath: "likes/liked_posts.json"), "likedposts")
    }

    func testMalformedDocumentIsRefusedNamingTheEntry() throws {
        let export = temporary.appendingPathComponent("broken")
        try FileManager.default.createDirectory(at: export.appendingPathComponent("your_instagram_activity/likes"),
                                                withIntermediateDirectories: true)
        try Data("{\"likes_media_likes\": [".utf8)
            .write(to: export.appendingPathComponent("your_instagram_activity/likes/liked_posts.json"))
        XCTAssertThrowsError(try MetaFixtures.run(InstagramImporter(), path: export.path)) { error in
            guard case ImportError.malformed(_, let entry, _) = error else { return XCTFail("\(error)") }
            XCTAssertEqual(entry, "your_instagram_activity/likes/liked_posts.json")
        }
    }
}
