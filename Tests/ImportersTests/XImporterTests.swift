import AccountModel
import AccountStore
import Foundation
@testable import Importers
@testable import Readers
import XCTest
import ZIPFoundation

/// Each fixture under `fixtures/x/` is imported twice, zipped at test time and as a folder,
/// and both runs must give the same records.
final class XImporterTests: XCTestCase {
    static let root = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let fixtures = root.appendingPathComponent("fixtures/x")

    var temporary: URL!

    override func setUpWithError() throws {
        temporary = FileManager.default.temporaryDirectory.appendingPathComponent("pda-x-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: temporary, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: temporary)
    }

    func zipFixture(_ name: String) throws -> URL {
        let zip = temporary.appendingPathComponent("\(name).zip")
        if !FileManager.default.fileExists(atPath: zip.path) {
            try FileManager.default.zipItem(at: Self.fixtures.appendingPathComponent(name), to: zip, shouldKeepParent: false)
        }
        return zip
    }

    /// Imports the fixture as a zip and as a folder; `check` runs on both results.
    func importFixture(_ name: String, format: String, counts: [String: Int],
                       file: StaticString = #filePath, line: UInt = #line,
                       _ check: (RecordCollector) throws -> Void) throws {
        for path in [try zipFixture(name).path, Self.fixtures.appendingPathComponent(name).path] {
            let export = try ExportReader(path: path)
            let importer = XImporter()
            let recognition = importer.recognize(export)
            XCTAssertEqual(recognition, Recognition(confidence: 1, format: format), path, file: file, line: line)
            let sink = RecordCollector()
            try importer.run(export, format: recognition.format, into: sink)
            XCTAssertEqual(sink.countsByKind, counts, path, file: file, line: line)
            try check(sink)
            try assertRawIsTheArchivesRecord(sink, file: file, line: line)
            assertNoValuesInWarnings(sink, ["not for logs", "secret", "demo_writer@", "直播", "1YqKDoN", "192.0.2"],
                                     file: file, line: line)
        }
    }

    /// Posts keep the archive's own bytes as `raw`, compacted: they must be the record the
    /// importer parsed, with no whitespace left between tokens.
    func assertRawIsTheArchivesRecord(_ sink: RecordCollector, file: StaticString, line: UInt) throws {
        let posts = sink.items.filter { $0.kind == .post || $0.kind == .comment }
        XCTAssertFalse(posts.isEmpty, file: file, line: line)
        for item in posts {
            let rawJSON = try XCTUnwrap(item.rawJSON, "\(item.locator)", file: file, line: line)
            XCTAssertEqual(try JSONParser.parse(Data(rawJSON)), item.raw, "\(item.locator)", file: file, line: line)
            let again = rawJSON.withUnsafeBytes { JSONReader($0).compactText(of: 0..<rawJSON.count) }
            XCTAssertEqual(again, rawJSON, "already compact: \(item.locator)", file: file, line: line)
        }
    }

    // MARK: - 2019–22: data/tweet.js

    func testArchive2019() throws {
        try importFixture("archive-2019", format: XFormat.archive2019, counts: [
            "post": 4, "comment": 1, "message": 2, "share": 1, "like": 3, "follow": 1, "followed_by": 2,
            "ad_view": 2, "ad_click": 1, "inferred_topic": 4, "ad_interest": 2, "advertiser": 5, "identity": 11,
        ]) { sink in
            let posts = sink.items(.post)
            XCTAssertEqual(posts.map(\.nativeID), ["1190000000000000101", "1190000000000000102", "1190000000000000105", "1190000000000000106"])
            let first = posts[0]
            XCTAssertEqual(first.text, "今天的直播真好看，加油！ 🎉 Tom & Jerry")
            XCTAssertEqual(first.raw["full_text"], .string("今天的直播真好看，加油！ 🎉 Tom &amp; Jerry"))
            XCTAssertEqual(first.createdAt, RecordTime(utc: "2020-01-15T08:30:00Z", basis: .exact))
            XCTAssertEqual(first.url, "https://x.com/demo_writer/status/1190000000000000101")
            XCTAssertEqual(first.locator.description, "data/tweet.js#/0/tweet")
            XCTAssertEqual(posts[1].media, [MediaReference(entry: "data/tweet_media/1190000000000000102-Ab12Cd.png")])
            XCTAssertEqual(posts[1].createdAt?.utc, "2020-02-29T23:59:59Z")
            // Early archives: no `{"tweet": …}` wrapper, the id as a bare number longer than 2^53.
            XCTAssertEqual(posts[2].locator.description, "data/tweet.js#/4")
            XCTAssertEqual(posts[2].raw["id"], .number("1190000000000000105"))
            XCTAssertEqual(posts[2].createdAt?.utc, "2019-06-01T09:00:00Z")
            XCTAssertEqual(posts[3].media, [])

            let reply = try XCTUnwrap(sink.items(.comment).first)
            XCTAssertEqual(reply.nativeID, "1190000000000000103")
            XCTAssertEqual(reply.counterpart, "friend_01")
            XCTAssertEqual(reply.text, "@friend_01 同意！👍")

            let retweet = try XCTUnwrap(sink.activities(.share).first)
            XCTAssertEqual(retweet.text, "RT @creator_02: 转发一下这个好消息 🎉")
            XCTAssertEqual(retweet.occurredAt, RecordTime(utc: "2020-04-02T12:00:00Z", basis: .exact))
            XCTAssertEqual(retweet.url, "https://x.com/demo_writer/status/1190000000000000104")
            XCTAssertEqual(retweet.detail, .obj([("method", .string("retweet")), ("tweet_id", .string("1190000000000000104")),
                                                 ("retweeted", .string("creator_02"))]))

            let likes = sink.activities(.like)
            XCTAssertEqual(likes.map(\.occurredAt), [nil, nil, nil], "X records no time for likes")
            XCTAssertEqual(likes.map(\.text), ["很棒的文章 📚", "Salt & pepper", nil])
            XCTAssertEqual(likes.map { $0.detail?["tweet_id"] }, ["1200000000000000201", "1200000000000000202", "1200000000000000203"].map { .string($0) })
            XCTAssertEqual(likes[0].url, "https://twitter.com/i/web/status/1200000000000000201")
            XCTAssertEqual(likes[2].url, "https://x.com/i/web/status/1200000000000000203")

            XCTAssertEqual(sink.activities(.followedBy).map(\.text), ["2000000000000000002", "2000000000000000005"])
            XCTAssertEqual(sink.activities(.follow).map(\.url), ["https://twitter.com/intent/user?user_id=2000000000000000004"])

            let messages = sink.items(.message)
            XCTAssertEqual(messages.map(\.text), ["那就周六见", "你好！周末一起喝咖啡吗？☕"])
            XCTAssertEqual(messages.map(\.nativeID), ["1210000000000000403", "1210000000000000401"])
            XCTAssertEqual(messages.map(\.counterpart), ["2000000000000000002", "2000000000000000002"])
            XCTAssertEqual(messages[0].createdAt, RecordTime(utc: "2021-02-03T10:00:02Z", basis: .exact))
            XCTAssertEqual(messages[0].locator.description, "data/direct-messages.js#/0/dmConversation/messages/0/messageCreate")

            let views = sink.activities(.adView)
            XCTAssertEqual(views.map(\.text), ["Acme 咖啡", "Beta Books"])
            XCTAssertEqual(views[0].occurredAt, RecordTime(utc: "2021-05-01T12:00:00Z", basis: .naiveUTC))
            XCTAssertEqual(views[0].url, "https://x.com/i/status/1210000000000000301")
            XCTAssertEqual(views[1].detail?["trend"], .string("#读书日"))
            let click = try XCTUnwrap(sink.activities(.adClick).first)
            XCTAssertEqual(click.occurredAt?.utc, "2021-05-01T12:00:05Z")
            XCTAssertEqual(click.detail?["engagement_types"], .string("ChargeableImpression,Click"))

            XCTAssertEqual(Set(sink.inferences(.inferredTopic).map(\.label)), ["咖啡", "Cats", "Technology", "三体"])
            XCTAssertEqual(Set(sink.inferences(.adInterest).map(\.label)), ["咖啡", "Frequent travelers"])
            XCTAssertEqual(Set(sink.inferences(.advertiser).map(\.label)),
                           ["Acme 咖啡", "Beta Books", "acme_coffee", "gamma_games", "delta_shoes"])

            XCTAssertEqual(sink.identity("username"), ["demo_writer"])
            XCTAssertEqual(sink.identity("account_id"), ["1180000000000000001"])
            XCTAssertEqual(sink.identity("display_name"), ["Demo 作者 ✍️"])
            XCTAssertEqual(sink.identity("created_at"), ["2012-03-04T05:06:07Z"])
            XCTAssertEqual(sink.identity("bio"), ["写作、咖啡和猫 🐱"])

            XCTAssertEqual(Set(sink.skips.map(\.section)), [
                "data/manifest.js#/dataTypes/deviceToken/files/0", "data/saved-search.js", "data/mystery-box.js",
                "data/account-suspension.js",
                "data/personalization.js#/0/p13nData/demographics", "data/personalization.js#/0/p13nData/locationHistory",
                "data/personalization.js#/0/p13nData/inferredAgeInfo", "data/tweet.js", "data/direct-messages.js",
                "Your archive.html, assets/",
            ])
            XCTAssertEqual(sink.skips(endingWith: "data/mystery-box.js"), ["unknown data type, not read"])
            XCTAssertEqual(sink.skips(endingWith: "data/account-suspension.js"), ["not recorded (empty): account settings and history"])
            XCTAssertEqual(sink.skips(endingWith: "data/tweet.js"), ["1 posts have media that the archive does not include"])
            XCTAssertEqual(sink.skips(endingWith: "data/direct-messages.js"), ["1 messages written by other people are not the owner's content"])
            XCTAssertEqual(sink.skips(endingWith: "deviceToken/files/0"), ["listed in the manifest but missing from the export"])
        }
    }

    // MARK: - 2022+: data/tweets.js in parts

    func testArchive2022() throws {
        try importFixture("archive-2022", format: XFormat.archive2022, counts: [
            "post": 3, "comment": 2, "share": 1, "message": 2, "like": 3, "follow": 2, "followed_by": 1,
            "ad_view": 1, "login": 2, "inferred_topic": 2, "advertiser": 1, "identity": 6,
        ]) { sink in
            XCTAssertEqual(sink.items(.post).map(\.text), ["新年快乐！🧧 2023 要加油", "看看这张照片 📷 https://t.co/m3d1a", "I <3 汉字 & emoji 😀"])
            XCTAssertEqual(sink.items(.post)[1].media, [MediaReference(entry: "data/tweets_media/1600000000000000102-Zx9Yw8.png")])
            XCTAssertEqual(sink.items(.post)[2].locator.description, "data/tweets-part1.js#/2/tweet")
            XCTAssertEqual(sink.items(.post)[0].url, "https://x.com/demo_poster/status/1600000000000000101")

            let replies = sink.items(.comment)
            XCTAssertEqual(replies.map(\.nativeID), ["1600000000000000104", "1600000000000000105"])
            XCTAssertEqual(replies.map(\.counterpart), ["friend_02", "https://x.com/i/status/1600000000000000666"])
            XCTAssertEqual(replies[0].createdAt, RecordTime(utc: "2023-04-04T04:04:04Z", basis: .exact))
            XCTAssertEqual(sink.activities(.share).first?.detail?["retweeted"], .string("news_cn"))

            XCTAssertEqual(sink.activities(.like).map(\.locator.description),
                           ["data/like.js#/0/like", "data/like.js#/1/like", "data/like-part1.js#/0/like"])

            let messages = sink.items(.message)
            XCTAssertEqual(messages.map(\.text), ["给你看我的猫 🐈", "大家好 👋"])
            XCTAssertEqual(messages.map(\.counterpart), ["3000000000000000003", "1650000000000000000"])
            XCTAssertEqual(messages[0].media, [MediaReference(entry: "data/direct_messages_media/1700000000000000401-Qq1.png")])
            XCTAssertEqual(sink.skips(endingWith: "data/direct-messages-group.js").sorted(), [
                "1 conversation events (joins, leaves, renames) are not messages",
                "2 messages written by other people are not the owner's content",
            ])

            let logins = sink.activities(.login)
            XCTAssertEqual(logins.map { $0.occurredAt?.utc }, ["2023-01-02T03:04:05Z", "2023-01-03T03:04:05Z"])
            XCTAssertEqual(sink.activities(.adView).first?.occurredAt, RecordTime(utc: "2023-06-05T17:00:52Z", basis: .naiveUTC))
            XCTAssertEqual(sink.inferences(.inferredTopic).map(\.label), ["Anime", "音乐"])
            XCTAssertNil(sink.identities.first { $0.field == "phone" })

            XCTAssertEqual(sink.skips(endingWith: "data/spaces-metadata.js"), ["unknown data type, not read"])
            XCTAssertEqual(sink.skips(endingWith: "data/periscope-profile-description.js"), ["unknown data type (empty), not read"])
            XCTAssertEqual(sink.skips(endingWith: "data/note-tweet.js").count, 1)
            XCTAssertEqual(sink.skips(endingWith: "data/tweet-headers.js").count, 1)
            XCTAssertEqual(sink.skips(endingWith: "data/tweets_media/"), ["1 media files not recorded: no post or message of the owner refers to them"])
            XCTAssertEqual(sink.skips(endingWith: "data/README.txt").count, 1)
            XCTAssertEqual(sink.skips.count, 9)
        }
    }

    // MARK: - Through the store

    func testImportIntoAnAccountStoresMediaAndIsIdempotent() throws {
        let folder = AccountFolder(url: temporary.appendingPathComponent("account"))
        try folder.createDirectories()
        let pipeline = ImportPipeline(store: try AccountStore(folder: folder), folder: folder)
        let zip = try zipFixture("archive-2022")
        let report = try pipeline.importExport(paths: [zip.path])
        XCTAssertEqual(report.importer, "x")
        XCTAssertEqual(report.format, XFormat.archive2022)
        XCTAssertEqual(report.records["items"]?["post"], ImportReport.Tally(new: 3))
        XCTAssertEqual(report.records["activity"]?["like"], ImportReport.Tally(new: 3))
        XCTAssertEqual(report.mediaFiles, 1, "the tweet's photo and the message's photo are the same bytes")
        XCTAssertEqual(try pipeline.importExport(paths: [zip.path]).status, .alreadyImported)
        // The same archive as a folder is another file, but every record is already there.
        let again = try pipeline.importExport(paths: [Self.fixtures.appendingPathComponent("archive-2022").path])
        XCTAssertEqual(again.newRecords, 0)
    }

    // MARK: - Recognition

    func testRecognitionKeepsPlatformsApart() throws {
        let tiktok = Self.root.appendingPathComponent("fixtures/tiktok/json-2024").path
        XCTAssertEqual(XImporter().recognize(try ExportReader(path: tiktok)).confidence, 0)
        for name in ["archive-2019", "archive-2022"] {
            let export = try ExportReader(path: Self.fixtures.appendingPathComponent(name).path)
            XCTAssertEqual(TikTokImporter().recognize(export).confidence, 0, name)
            for other in ImporterRegistry.builtIn where other.name != "x" {
                XCTAssertLessThan(other.recognize(export).confidence, 1, "\(other.name) claims \(name)")
            }
        }
    }

    func testRecognitionWithoutAManifestNeedsXsWrapper() throws {
        let folder = temporary.appendingPathComponent("plain")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try Data(#"[{"tweet": {"id_str": "1"}}]"#.utf8).write(to: folder.appendingPathComponent("tweets.js"))
        try Data(#"[]"#.utf8).write(to: folder.appendingPathComponent("like.js"))
        XCTAssertEqual(XImporter().recognize(try ExportReader(path: folder.path)).confidence, 0)

        try Data("window.YTD.like.part0 = []".utf8).write(to: folder.appendingPathComponent("like.js"))
        XCTAssertEqual(XImporter().recognize(try ExportReader(path: folder.path)),
                       Recognition(confidence: 0.9, format: XFormat.archive2022))
    }

    func testRegistryHoldsTheImporterAndItsFixtures() {
        XCTAssertTrue(ImporterRegistry.builtIn.contains { $0.name == "x" && $0.platform == .x })
        for name in ["archive-2019", "archive-2022"] {
            XCTAssertTrue(FileManager.default.fileExists(atPath: Self.fixtures.appendingPathComponent("\(name)/data").path), name)
        }
    }

    // MARK: - Malformed and odd files

    func testMalformedFileNamesTheEntryNotItsContent() throws {
        let folder = temporary.appendingPathComponent("broken/data")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try Data("window.YTD.account.part0 = [{\"account\": {\"username\": \"secret value\"".utf8)
            .write(to: folder.appendingPathComponent("account.js"))
        let export = try ExportReader(path: folder.deletingLastPathComponent().path)
        XCTAssertThrowsError(try XImporter().run(export, format: XFormat.archive2019, into: RecordCollector())) { error in
            let message = (error as? LocalizedError)?.errorDescription ?? ""
            XCTAssertTrue(message.contains("data/account.js"), message)
            XCTAssertFalse(message.contains("secret value"), message)
        }
    }

    func testTrailingSemicolonAndSplitPartsAndBadShapes() throws {
        let folder = temporary.appendingPathComponent("odd")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try Data("window.YTD.tweets.part0 = [{\"tweet\": {\"id_str\": \"7\", \"full_text\": \"a\"}}, 42];\n".utf8)
            .write(to: folder.appendingPathComponent("tweets.js"))
        try Data("window.YTD.tweets.part1 = [{\"tweet\": {\"full_text\": \"no id\"}}]".utf8)
            .write(to: folder.appendingPathComponent("tweets-part1.js"))
        try Data("window.YTD.like.part0 = {\"like\": 1}".utf8).write(to: folder.appendingPathComponent("like.js"))
        let sink = RecordCollector()
        try XImporter().run(try ExportReader(path: folder.path), format: XFormat.archive2022, into: sink)
        XCTAssertEqual(sink.items(.post).map(\.url), ["https://x.com/i/status/7"])
        XCTAssertEqual(sink.skips(endingWith: "tweets.js"), ["1 entries are not JSON objects and were not read"])
        XCTAssertEqual(sink.skips(endingWith: "tweets-part1.js"), ["1 posts without an id were not recorded"])
        XCTAssertEqual(sink.skips(endingWith: "like.js"), ["unexpected shape (not a list), not read"])
    }

    // MARK: - Values

    func testFileNamesAndTimes() {
        XCTAssertTrue(XArchiveFiles.typeAndPart(fileName: "tweets-part12.js")! == ("tweets", 12))
        XCTAssertTrue(XArchiveFiles.typeAndPart(fileName: "direct-messages-group.js")! == ("directmessagesgroup", 0))
        XCTAssertTrue(XArchiveFiles.typeAndPart(fileName: "follower.part3.js")! == ("follower", 3))
        XCTAssertTrue(XArchiveFiles.typeAndPart(fileName: "counterpart.js")! == ("counterpart", 0))
        XCTAssertNil(XArchiveFiles.typeAndPart(fileName: "notes.txt"))
        XCTAssertEqual(XTime.parse("Wed Oct 10 20:19:24 +0000 2018"), RecordTime(utc: "2018-10-10T20:19:24Z", basis: .exact))
        XCTAssertEqual(XTime.parse("Wed Oct 10 20:19:24 +0800 2018")?.utc, "2018-10-10T12:19:24Z")
        XCTAssertEqual(XTime.parse("Thu Jan 01 00:30:00 -0100 2015")?.utc, "2015-01-01T01:30:00Z")
        XCTAssertNil(XTime.parse("Wed Feb 30 20:19:24 +0000 2018"))
        XCTAssertNil(XTime.parse("Wed Foo 10 20:19:24 +0000 2018"))
        XCTAssertEqual(XTime.parse("2022-01-27T15:58:52.744Z"), RecordTime(utc: "2022-01-27T15:58:52Z", basis: .exact))
        XCTAssertEqual(XTime.parse("2023-06-05 17:00:52"), RecordTime(utc: "2023-06-05T17:00:52Z", basis: .naiveUTC))
        XCTAssertEqual(XMediaIndex.ownerID(ofFileNamed: "1190000000000000102-Ab12Cd.png"), "1190000000000000102")
        XCTAssertNil(XMediaIndex.ownerID(ofFileNamed: "avatar-1.png"))
        XCTAssertEqual(XMessages.otherParty("11-22", owner: "11"), "22")
        XCTAssertEqual(XValues.htmlUnescaped("Tom &amp; Jerry &lt;3 &amp;lt; &unknown; 汉字&gt;"), "Tom & Jerry <3 &lt; &unknown; 汉字>")
        XCTAssertEqual(XValues.htmlUnescaped("no entities 🎉"), "no entities 🎉")
    }

    func assertNoValuesInWarnings(_ sink: RecordCollector, _ values: [String], file: StaticString = #filePath, line: UInt = #line) {
        for skip in sink.skips {
            for value in values {
                XCTAssertFalse(skip.section.contains(value) || skip.reason.contains(value),
                               "a warning quotes a value: \(skip)", file: file, line: line)
            }
        }
    }
}
