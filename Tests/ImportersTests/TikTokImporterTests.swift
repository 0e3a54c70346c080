import AccountModel
import Foundation
@testable import Importers
@testable import Readers
import XCTest
import ZIPFoundation

/// Each fixture under `fixtures/tiktok/` is imported twice, zipped at test time and as a folder,
/// and both runs must give the same records.
final class TikTokImporterTests: XCTestCase {
    static let fixtures = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("fixtures/tiktok")

    var temporary: URL!

    override func setUpWithError() throws {
        temporary = FileManager.default.temporaryDirectory.appendingPathComponent("pda-tiktok-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: temporary, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: temporary)
    }

    /// Imports the fixture as a zip and as a folder; `check` runs on both results.
    func importFixture(_ name: String, format: String, counts: [String: Int],
                       file: StaticString = #filePath, line: UInt = #line,
                       _ check: (RecordCollector) throws -> Void) throws {
        let folder = Self.fixtures.appendingPathComponent(name)
        let zip = temporary.appendingPathComponent("\(name).zip")
        try FileManager.default.zipItem(at: folder, to: zip, shouldKeepParent: false)
        for path in [zip.path, folder.path] {
            let export = try ExportReader(path: path)
            let importer = TikTokImporter()
            let recognition = importer.recognize(export)
            XCTAssertEqual(recognition.format, format, path, file: file, line: line)
            XCTAssertGreaterThanOrEqual(recognition.confidence, 0.9, path, file: file, line: line)
            let sink = RecordCollector()
            try importer.run(export, format: recognition.format, into: sink)
            XCTAssertEqual(sink.countsByKind, counts, path, file: file, line: line)
            try check(sink)
        }
    }

    // MARK: - 2022–23: user_data.json

    func testJSON2022() throws {
        try importFixture("json-2022", format: TikTokFormat.json2022, counts: [
            "video": 2, "comment": 3, "message": 2, "live_comment": 1,
            "watch": 5, "like": 3, "favorite": 5, "follow": 1, "followed_by": 2, "login": 2, "purchase": 1,
            "gift": 1, "search": 3, "share": 1, "off_platform": 1, "live_watch": 1,
            "ad_interest": 3, "identity": 6,
        ]) { sink in
            let watches = sink.activities(.watch)
            XCTAssertEqual(watches.first?.occurredAt, RecordTime(utc: "2022-04-07T21:00:00Z", basis: .naiveUTC))
            XCTAssertEqual(watches.first?.url, "https://www.tiktokv.com/share/video/7080000000000000010/")
            XCTAssertEqual(watches.first?.locator.description, "user_data.json#/Activity/Video Browsing History/VideoList/0")
            XCTAssertEqual(watches.last?.locator.description, "user_data.json#/Activity/Video Browsing History/VideoList/5")
            XCTAssertEqual(watches.last?.url, "https://www.tiktokv.com/share/video/7080000000000000014/")

            XCTAssertEqual(sink.activities(.like).map(\.url), [
                "https://www.tiktokv.com/share/video/7080000000000000001/",
                "https://www.tiktokv.com/share/video/7080000000000000002/",
                "https://www.tiktokv.com/share/video/7080000000000000003/",
            ])
            XCTAssertEqual(sink.activities(.favorite).compactMap { $0.detail?["favorite"]?.stringValue },
                           ["effect", "hashtag", "sound", "video", "video"])

            let searches = sink.activities(.search)
            XCTAssertEqual(searches.map(\.text), ["直播 带货", "cat videos 🐱", nil])
            XCTAssertEqual(searches[2].occurredAt?.utc, "2022-04-05T09:02:00Z")

            let share = try XCTUnwrap(sink.activities(.share).first)
            XCTAssertEqual(share.text, "chat_merge")
            XCTAssertEqual(share.detail?["shared_content"], .string("video"))

            let purchase = try XCTUnwrap(sink.activities(.purchase).first)
            XCTAssertEqual(purchase.amount, "0.99")
            XCTAssertEqual(purchase.detail?["price"], .string("$0.99"))
            let gift = try XCTUnwrap(sink.activities(.gift).first)
            XCTAssertEqual(gift.text, "creator_a")
            XCTAssertEqual(gift.detail?["coins"], .string("5"))

            let logins = sink.activities(.login)
            XCTAssertEqual(logins[0].detail?["device_model"], .string("Pixel 6"))
            XCTAssertNil(logins[1].detail?["carrier"])
            XCTAssertEqual(sink.activities(.followedBy).map(\.text), ["fan_one", "粉丝二号"])

            let videos = sink.items(.video)
            XCTAssertEqual(videos.map(\.nativeID), ["7060000000000000001", "7060000000000000002"])
            XCTAssertEqual(videos[0].createdAt, RecordTime(utc: "2022-02-01T09:30:00Z", basis: .naiveUTC))
            XCTAssertEqual(videos[0].raw["Likes"], .string("42"))
            XCTAssertEqual(videos[0].locator.description, "user_data.json#/Video/Videos/VideoList/0")

            let comments = sink.items(.comment)
            XCTAssertEqual(comments.map(\.text), ["今天的直播真好看，加油！", "😂😂😂 so good", nil])

            let messages = sink.items(.message)
            XCTAssertEqual(messages.map(\.text), ["在吗？", "see you at the live"])
            XCTAssertEqual(messages.map(\.counterpart), ["friend_a", "friend_a"])
            XCTAssertEqual(messages[1].locator.description,
                           "user_data.json#/Direct Messages/Chat History/ChatHistory/Chat History with friend_a:/2")

            let live = try XCTUnwrap(sink.activities(.liveWatch).first)
            XCTAssertEqual(live.occurredAt?.utc, "2022-06-01T20:00:00Z")
            XCTAssertEqual(live.detail?["room_id"], .string("7100000000000000001"))
            let liveComment = try XCTUnwrap(sink.items(.liveComment).first)
            XCTAssertEqual(liveComment.createdAt, RecordTime(utc: "2022-06-01T20:05:00Z", basis: .naiveUTC))
            XCTAssertEqual(liveComment.counterpart, "https://www.tiktok.com/@creator_a/live")

            XCTAssertEqual(sink.inferences(.adInterest).map(\.label), ["Food & Drink", "Beauty", "游戏"])
            XCTAssertEqual(sink.activities(.offPlatform).first?.text, "Example Shop")
            XCTAssertEqual(sink.identity("username"), ["demo_owner22"])
            XCTAssertEqual(sink.identity("bio"), ["直播 every Friday 🎤"])
            XCTAssertEqual(sink.identity("phone"), [])
            XCTAssertEqual(sink.identity("profile_video"), [])

            XCTAssertEqual(sink.skips(endingWith: "#/Mystery Box"), ["unknown section"])
            XCTAssertEqual(sink.skips(endingWith: "#/Activity/Video Browsing History/VideoList"),
                           ["1 entries held no time, link or text and were not recorded"])
            XCTAssertEqual(sink.skips(endingWith: "#/Activity/Hashtag").count, 1)
            XCTAssertEqual(sink.skips(endingWith: "#/Activity/Status").count, 1)
            XCTAssertEqual(sink.skips(endingWith: "#/Direct Messages/Chat History/ChatHistory"),
                           ["1 messages written by other people are not the owner's content"])
            XCTAssertEqual(sink.skips(endingWith: "Tiktok Shopping/Order History/OrderHistories"), [])
            assertNoValuesInWarnings(sink, ["not for the importer", "friend_a", "hi 👋", "192.0.2"])
        }
    }

    // MARK: - 2024–25: user_data_tiktok.json

    func testJSON2024() throws {
        try importFixture("json-2024", format: TikTokFormat.json2024, counts: [
            "video": 2, "photo": 1, "comment": 2, "message": 2, "live_stream": 1, "live_comment": 3,
            "watch": 6, "like": 3, "favorite": 2, "followed_by": 1, "follow": 2, "login": 1, "gift": 2,
            "purchase": 2, "search": 2, "share": 2, "live_watch": 2, "browse": 1, "cart_add": 1, "off_platform": 2,
            "ad_interest": 2, "advertiser": 2, "identity": 6,
        ]) { sink in
            let posts = sink.items.filter { $0.kind == .video || $0.kind == .photo }
            XCTAssertEqual(posts.map(\.kind), [.video, .photo, .video])
            XCTAssertEqual(posts[0].nativeID, "7300000000000000001")
            XCTAssertEqual(posts[0].text, "今天的直播真好看，加油！ #直播 🎉")
            XCTAssertEqual(posts[1].nativeID, nil)
            XCTAssertEqual(posts[1].url, "https://p16-sign-va.tiktokcdn.com/tos-maliva-p-0068/photo-mode-cover-abc.jpeg")
            XCTAssertNil(posts[2].text)
            XCTAssertEqual(posts[2].locator.description, "user_data_tiktok.json#/Post/Posts/VideoList/2")

            let liveComments = sink.items(.liveComment)
            XCTAssertEqual(liveComments.map(\.createdAt), [
                RecordTime(utc: "2024-03-11T21:05:00Z", basis: .exact),
                RecordTime(utc: "2024-03-11T21:06:01Z", basis: .exact),
                RecordTime(utc: "2024-03-12T10:01:00Z", basis: .naiveUTC),
            ])
            XCTAssertEqual(liveComments.map(\.text), ["今天的直播真好看，加油！", "🔥🔥", "what mic do you use?"])
            XCTAssertEqual(liveComments[1].locator.description,
                           "user_data_tiktok.json#/Tiktok Live/Watch Live History/WatchLiveMap/7345000000000000002/Comments/1")
            XCTAssertEqual(sink.activities(.liveWatch).map(\.url),
                           ["https://www.tiktok.com/@creator_b/live", "https://www.tiktok.com/@creator_c/live"])
            XCTAssertEqual(sink.activities(.liveWatch).map { $0.durationSeconds }, [nil, nil])

            let stream = try XCTUnwrap(sink.items(.liveStream).first)
            XCTAssertEqual(stream.nativeID, "7345000000000000001")
            XCTAssertEqual(stream.title, "周五直播 🎤 Friday live")
            XCTAssertNil(stream.url)
            XCTAssertEqual(stream.createdAt?.utc, "2024-03-10T19:00:00Z")
            XCTAssertEqual(stream.raw["TotalEarning"], .string("120"))

            let purchases = sink.activities(.purchase)
            XCTAssertEqual(purchases.map(\.amount), ["25.98", "4.99"])
            XCTAssertEqual(purchases.map(\.currency), ["USD", "USD"])
            XCTAssertEqual(purchases[0].text, "Ring light 💡")
            XCTAssertEqual(purchases[0].detail?["order_id"], .string("577000000000000001"))
            XCTAssertEqual(purchases[0].locator.description,
                           "user_data_tiktok.json#/TikTok Shop/Order History/OrderHistories/577000000000000001")
            XCTAssertEqual(sink.activities(.browse).first?.text, "Ring light 💡")
            XCTAssertEqual(sink.activities(.cartAdd).first?.detail?["quantity"], .string("2"))
            XCTAssertEqual(sink.activities(.gift).compactMap { $0.detail?["coins"]?.stringValue }, ["1", "99"])

            let likes = sink.activities(.like)
            XCTAssertEqual(likes.first?.occurredAt, RecordTime(utc: "2024-02-01T10:00:00Z", basis: .naiveUTC))
            XCTAssertEqual(likes.first?.url, "https://www.tiktokv.com/share/video/7330000000000000001/")
            XCTAssertEqual(sink.activities(.search).map(\.text), ["直播 教程", "emoji 😀"])
            XCTAssertEqual(sink.activities(.share).map(\.text), ["Instagram", "Copy link"])
            XCTAssertEqual(sink.activities(.watch).count, 6)
            XCTAssertEqual(sink.activities(.watch)[3].occurredAt?.utc, "2024-02-05T22:01:30Z")

            let messages = sink.items(.message)
            XCTAssertEqual(messages.map(\.text), ["情人节快乐 🌹", "今晚直播吗？"])
            XCTAssertEqual(messages.map(\.counterpart), ["小红", "小红"])
            XCTAssertEqual(sink.skips(endingWith: "#/Direct Message/Direct Messages/ChatHistory"),
                           ["2 messages written by other people are not the owner's content"])

            XCTAssertEqual(sink.inferences(.adInterest).map(\.label), ["Beauty", "Gaming"])
            XCTAssertEqual(sink.inferences(.advertiser).map(\.label), ["Demo Brand A", "Demo Brand B"])
            XCTAssertEqual(sink.identity("username"), ["demo_owner24"])
            XCTAssertEqual(sink.identity("display_name"), ["演示账号 ✨"])
            XCTAssertEqual(sink.identity("follower_count"), ["1234"])
            XCTAssertEqual(sink.identity("likes_received"), [])

            XCTAssertEqual(sink.skips(endingWith: "#/Creator Rewards Beta"), ["unknown section"])
            XCTAssertEqual(sink.skips(endingWith: "#/Your Activity/Mood Tracker"), ["unknown section"])
            XCTAssertEqual(sink.skips(endingWith: "#/Ads and data/Ads Based On Data Received From Partners/DataPartnerList"), [])
            assertNoValuesInWarnings(sink, ["bob_99", "小红", "hello", "happy", "1.00"])
        }
    }

    // MARK: - Late 2025–26

    func testJSON2025() throws {
        try importFixture("json-2025", format: TikTokFormat.json2025, counts: [
            "comment": 2, "message": 1, "review": 1, "video": 1, "live_comment": 1,
            "purchase": 1, "favorite": 5, "like": 4, "follow": 1, "live_watch": 1, "ad_click": 1, "login": 1,
            "gift": 1, "share": 1, "search": 2, "watch": 4, "identity": 11,
        ]) { sink in
            let comments = sink.items(.comment)
            XCTAssertEqual(comments.map(\.createdAt), [
                RecordTime(utc: "2025-11-02T08:15:30Z", basis: .exact),
                RecordTime(utc: "2025-11-03T09:00:00Z", basis: .exact),
            ])
            XCTAssertEqual(comments[0].text, "今天的直播真好看，加油！")
            XCTAssertEqual(comments[0].counterpart, "https://www.tiktokv.com/share/video/7560000000000000001/")
            XCTAssertNil(comments[1].counterpart)
            XCTAssertEqual(comments[0].locator.description, "user_data_tiktok.json#/Comment/Comments/CommentsList/0")

            let live = try XCTUnwrap(sink.activities(.liveWatch).first)
            XCTAssertEqual(live.durationSeconds, 754)
            XCTAssertEqual(live.occurredAt, RecordTime(utc: "2025-10-20T21:00:00Z", basis: .naiveUTC))
            XCTAssertEqual(sink.items(.liveComment).first?.createdAt, RecordTime(utc: "2025-10-20T21:10:00Z", basis: .exact))

            let favorites = sink.activities(.favorite)
            XCTAssertEqual(favorites.compactMap { $0.detail?["favorite"]?.stringValue }, ["collection", "effect", "sound", "video", "video"])
            XCTAssertEqual(favorites[0].text, "美食 🍜")
            XCTAssertEqual(favorites[1].url, "https://www.tiktok.com/sticker/AI-Manga-3003")
            XCTAssertEqual(sink.activities(.like).last?.locator.description,
                           "user_data_tiktok.json#/Likes and Favorites/Like List/ItemFavoriteList/3")

            let purchase = try XCTUnwrap(sink.activities(.purchase).first)
            XCTAssertNil(purchase.amount)
            XCTAssertEqual(purchase.detail?["coins"], .string("70"))
            XCTAssertEqual(purchase.detail?["type"], .string("Recharge"))

            let ad = try XCTUnwrap(sink.activities(.adClick).first)
            XCTAssertEqual(ad.url, "https://ads.example.com/click?id=1&src=tiktok")
            XCTAssertEqual(ad.text, "Demo Sneakers 👟")
            XCTAssertEqual(ad.occurredAt?.utc, "2025-06-01T11:11:11Z")
            XCTAssertEqual(sink.activities(.share).first?.text, "repost")
            XCTAssertEqual(sink.activities(.watch).map(\.text), [nil, "猫咪 🐱", nil, nil])
            XCTAssertEqual(sink.activities(.search).map(\.text), ["直播", "how to go live 📱"])

            let review = try XCTUnwrap(sink.items(.review).first)
            XCTAssertEqual(review.title, "Demo Noodle House 面馆")
            XCTAssertEqual(review.text, "汤很好喝 🍜")
            XCTAssertEqual(sink.items(.video).first?.nativeID, "7560000000000000010")

            // The chat comes before the profile: the owner's message is resolved at the end.
            XCTAssertEqual(sink.items(.message).map(\.text), ["你好！晚上直播见 🎤"])
            XCTAssertEqual(sink.items(.message).first?.counterpart, "阿明")

            XCTAssertEqual(sink.identity("username"), ["demo_owner25"])
            XCTAssertEqual(sink.identity("email"), ["owner25@example.com", "owner25@example.com"])
            XCTAssertEqual(sink.identity("first_name"), ["Demo"])
            XCTAssertEqual(sink.identity("region"), ["SG"])
            XCTAssertEqual(sink.identity("inferred_gender"), [])
            XCTAssertEqual(sink.identities.first { $0.field == "region" }?.locator.description,
                           "user_data_tiktok.json#/Profile And Settings/Profile Info/ProfileMap/accountRegion")

            XCTAssertEqual(sink.skips(endingWith: "#/Mini Games"), ["unknown section"])
            XCTAssertEqual(sink.skips(endingWith: "#/Your Activity/Activity Summary"),
                           ["not recorded: totals only, no individual records"])
            XCTAssertEqual(sink.skips(endingWith: "#/TikTok Live/Go Live Settings"), [])
            XCTAssertEqual(sink.skips(endingWith: "#/Likes and Favorites/Collection"), [])
            XCTAssertFalse(sink.skips.contains { $0.section.hasSuffix("/App") || $0.section.hasSuffix("/IsFastLane") })
            assertNoValuesInWarnings(sink, ["Demo Puzzle", "阿明", "你好", "synthetic totals"])
        }
    }

    // MARK: - TXT variant

    func testTXT() throws {
        try importFixture("txt", format: TikTokFormat.txt, counts: [
            "watch": 4, "like": 2, "search": 3, "share": 1, "favorite": 1, "follow": 1, "comment": 2,
        ]) { sink in
            let watches = sink.activities(.watch)
            XCTAssertEqual(watches.map(\.locator.description), [
                "Activity/Browsing History.txt:1", "Activity/Browsing History.txt:4",
                "Activity/Browsing History.txt:7", "Activity/Browsing History.txt:10",
            ])
            XCTAssertEqual(watches[0].occurredAt, RecordTime(utc: "2023-01-15T10:20:30Z", basis: .naiveUTC))
            XCTAssertEqual(watches[2].url, "https://www.tiktokv.com/share/video/7190000000000000003/")
            XCTAssertNil(watches[3].url)

            XCTAssertEqual(sink.activities(.search).map(\.text), ["直播 🎤", "cooking 教程", nil])
            XCTAssertEqual(sink.activities(.search).last?.occurredAt?.utc, "2023-01-17T09:10:00Z")
            let share = try XCTUnwrap(sink.activities(.share).first)
            XCTAssertEqual(share.text, "WhatsApp")
            XCTAssertEqual(share.detail?["shared_content"], .string("video"))
            XCTAssertEqual(sink.activities(.follow).first?.text, "creator_txt")

            let comments = sink.items(.comment)
            XCTAssertEqual(comments.map(\.text), ["今天的直播真好看，加油！", "first line 😀\nsecond line of the same comment"])
            XCTAssertEqual(comments[1].locator.description, "Comments/Comments.txt:4")
            XCTAssertEqual(comments[1].raw["Date"], .string("2023-01-21 20:10:00"))

            let skipped = Set(sink.skips.map(\.section))
            XCTAssertTrue(skipped.isSuperset(of: ["Activity/Status.txt", "Profile/Profile Info.txt", "Mystery/Notes.txt"]))
            assertNoValuesInWarnings(sink, ["demo_owner_txt", "no importer knows"])
        }
    }

    // MARK: - Recognition

    func testRecognitionRefusesOtherExports() throws {
        let other = temporary.appendingPathComponent("other")
        try FileManager.default.createDirectory(at: other, withIntermediateDirectories: true)
        try Data(#"{"name": "not tiktok", "items": [1, 2]}"#.utf8).write(to: other.appendingPathComponent("user_data.json"))
        try Data("hello".utf8).write(to: other.appendingPathComponent("notes.txt"))
        XCTAssertEqual(TikTokImporter().recognize(try ExportReader(path: other.path)).confidence, 0)

        // TikTok's own file name is claimed even when its layout is unknown or unreadable, so
        // that the import, not recognition, says what is wrong with it.
        let renamed = temporary.appendingPathComponent("renamed")
        try FileManager.default.createDirectory(at: renamed, withIntermediateDirectories: true)
        try Data(#"{"name": "not tiktok"}"#.utf8).write(to: renamed.appendingPathComponent("user_data_tiktok.json"))
        XCTAssertEqual(TikTokImporter().recognize(try ExportReader(path: renamed.path)),
                       Recognition(confidence: 0.6, format: TikTokFormat.json2024))

        let single = temporary.appendingPathComponent("posts_1.json")
        try Data(#"[{"title": "x"}]"#.utf8).write(to: single)
        XCTAssertEqual(TikTokImporter().recognize(try ExportReader(path: single.path)).confidence, 0)
    }

    func testRecognitionReadsOnlyThePrefixOfALargeDocument() throws {
        // A document cut after the first MiB still names its generation.
        let folder = temporary.appendingPathComponent("large")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        var text = #"{"Likes and Favorites": {"Like List": {"ItemFavoriteList": ["#
        let entry = #"{"date": "2025-01-01 00:00:00", "link": "https://www.tiktokv.com/share/video/7400000000000000000/"},"#
        text += String(repeating: entry, count: 20_000)
        text += #"{}]}}, "Your Activity": {}}"#
        try Data(text.utf8).write(to: folder.appendingPathComponent("user_data_tiktok.json"))
        let recognition = TikTokImporter().recognize(try ExportReader(path: folder.path))
        XCTAssertEqual(recognition.format, TikTokFormat.json2025)
        XCTAssertEqual(recognition.confidence, 1)
    }

    func testMalformedDocumentNamesTheEntry() throws {
        let folder = temporary.appendingPathComponent("broken")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try Data(#"{"Your Activity": {"Watch History": {"VideoList": [{"Date": "secret value""#.utf8)
            .write(to: folder.appendingPathComponent("user_data_tiktok.json"))
        let export = try ExportReader(path: folder.path)
        XCTAssertThrowsError(try TikTokImporter().run(export, format: TikTokFormat.json2024, into: RecordCollector())) { error in
            let message = (error as? LocalizedError)?.errorDescription ?? ""
            XCTAssertTrue(message.contains("user_data_tiktok.json"), message)
            XCTAssertFalse(message.contains("secret value"), message)
        }
    }

    /// Writes `json` as `user_data_tiktok.json` in a fresh folder and imports it.
    func importDocument(_ json: String) throws -> RecordCollector {
        let folder = temporary.appendingPathComponent(UUID().uuidString)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try Data(json.utf8).write(to: folder.appendingPathComponent("user_data_tiktok.json"))
        let sink = RecordCollector()
        try TikTokImporter().run(try ExportReader(path: folder.path), format: TikTokFormat.json2024, into: sink)
        return sink
    }

    func testMessagesWithoutAProfile() throws {
        let sink = try importDocument("""
        {"Direct Message": {
          "Direct Messages": {"ChatHistory": {"Chat History with pal:": [
            {"Date": "2024-01-01 00:00:00", "From": "pal", "Content": "a"},
            {"Date": "2024-01-01 00:01:00", "From": "me_x", "Content": "b"},
            {"Date": "2024-01-01 00:02:00", "From": null, "Content": "c"}]}},
          "Group Chat": {"GroupChat": {"Group one": [{"Date": "2024-01-01 00:03:00", "From": "someone", "Content": "d"}]}}}}
        """)
        XCTAssertEqual(sink.items(.message).map(\.text), ["b"])
        XCTAssertEqual(sink.items(.message).first?.counterpart, "pal")
        XCTAssertEqual(sink.skips(endingWith: "#/Direct Message/Direct Messages/ChatHistory"), [
            "1 messages written by other people are not the owner's content",
            "1 messages whose sender cannot be told apart from the owner (no username in the profile)",
        ])
        XCTAssertEqual(sink.skips(endingWith: "#/Direct Message/Group Chat/GroupChat"), [
            "1 messages whose sender cannot be told apart from the owner (no username in the profile)",
        ])
    }

    func testUnknownDeepKeysAreCountedNotNamed() throws {
        let sink = try importDocument("""
        {"Direct Message": {"Direct Messages": {"Chat History with secret_user:": [{"Content": "x"}]}},
         "Your Activity": {"Watch History": {"App": 1, "VideoList": [], "Chat with secret_friend": {}}},
         "Your Activity ": {"New Section": null}}
        """)
        XCTAssertEqual(sink.skips(endingWith: "#/Direct Message/Direct Messages"), ["1 unknown members, not read"])
        XCTAssertEqual(sink.skips(endingWith: "#/Your Activity/Watch History"), ["1 unknown members, not read"])
        XCTAssertEqual(sink.skips(endingWith: "#/Your Activity /New Section"), ["unknown section (empty)"])
        assertNoValuesInWarnings(sink, ["secret_user", "secret_friend"])

        let txt = temporary.appendingPathComponent("txt-chats/Direct Messages")
        try FileManager.default.createDirectory(at: txt, withIntermediateDirectories: true)
        try Data("From: someone\nContent: hi\n".utf8).write(to: txt.appendingPathComponent("Chat History with secret_user.txt"))
        try Data("Date: 2023-01-01 00:00:00\nLink: x\n".utf8).write(to: txt.appendingPathComponent("Like List.txt"))
        let txtSink = RecordCollector()
        try TikTokImporter().run(try ExportReader(path: txt.deletingLastPathComponent().path), format: TikTokFormat.txt, into: txtSink)
        XCTAssertEqual(txtSink.skips.map(\.reason), ["1 chat files not read"])
        assertNoValuesInWarnings(txtSink, ["secret_user"])
        XCTAssertEqual(txtSink.activities(.like).count, 1)
    }

    func testRegistryHoldsTheImporter() {
        XCTAssertTrue(ImporterRegistry.builtIn.contains { $0.name == "tiktok" && $0.platform == .tiktok })
    }

    // MARK: - Values

    func testLinksAndPrices() {
        XCTAssertEqual(TikTokValues.mediaID(inLink: "https://www.tiktok.com/@someone/video/7312345678901234567?lang=en"),
                       "7312345678901234567")
        XCTAssertEqual(TikTokValues.mediaID(inLink: "https://www.tiktok.com/@someone/photo/7312345678901234568"), "7312345678901234568")
        XCTAssertNil(TikTokValues.mediaID(inLink: "https://www.tiktok.com/music/sound-7312345678901234567"))
        XCTAssertTrue(TikTokValues.isPhotoLink("https://p16.tiktokcdn.com/obj/abc.webp?x-expires=1"))
        XCTAssertFalse(TikTokValues.isPhotoLink("https://www.tiktokv.com/share/video/7312345678901234567/"))
        XCTAssertEqual(TikTokValues.seconds(.number("754")), 754)
        XCTAssertEqual(TikTokValues.seconds(.string("01:02:03")), 3723)
        XCTAssertNil(TikTokValues.seconds(.string("soon")))
        XCTAssertEqual(TikTokValues.labels(.string(" a | b |")), ["a", "b"])
        XCTAssertEqual(TikTokValues.labels(.array([.string("x"), .null, .string(" ")])), ["x"])
        XCTAssertEqual(TikTokValues.snakeCase("bioDescription"), "bio_description")
        XCTAssertEqual(TikTokValues.snakeCase("Profile Photo"), "profile_photo")
        XCTAssertTrue(FoldedKey.matches("Search Term", "searchterm"))
        XCTAssertTrue(FoldedKey.matches("search_term", "searchterm"))
        XCTAssertFalse(FoldedKey.matches("SearchTerms", "searchterm"))
        XCTAssertTrue(FoldedKey.matches("ÉTAT", JSONValue.foldKey("état")))
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


/// The shared time helpers (`Support/TimeParsing.swift`).
final class TimeParsingTests: XCTestCase {
    func check(_ result: RecordTime?, _ utc: String?, _ basis: TimeBasis? = nil, file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertEqual(result?.utc, utc, file: file, line: line)
        if let basis { XCTAssertEqual(result?.basis, basis, file: file, line: line) }
    }

    func testNaiveUTC() {
        check(TimeParsing.naiveUTC("2025-05-01 23:16:38"), "2025-05-01T23:16:38Z", .naiveUTC)
        check(TimeParsing.naiveUTC("2025-05-01T23:16:38"), "2025-05-01T23:16:38Z", .naiveUTC)
        check(TimeParsing.naiveUTC("  2025-05-01 23:16:38\n"), "2025-05-01T23:16:38Z", .naiveUTC)
        check(TimeParsing.naiveUTC("2025-05-01 23:16:38.250"), "2025-05-01T23:16:38Z", .naiveUTC)
        check(TimeParsing.naiveUTC("2025-05-01 23:16:38 UTC"), "2025-05-01T23:16:38Z", .exact)
        check(TimeParsing.naiveUTC("2025-05-01 23:16:38Z"), "2025-05-01T23:16:38Z", .exact)
        check(TimeParsing.naiveUTC("2024-02-29 12:00:00"), "2024-02-29T12:00:00Z", .naiveUTC)
        check(TimeParsing.naiveUTC("2000-02-29 00:00:00"), "2000-02-29T00:00:00Z")
    }

    func testRefusesWhatItCannotReadForCertain() {
        for text in ["", "garbage", "2023-02-29 12:00:00", "1900-02-29 00:00:00", "2025-13-01 00:00:00",
                     "2025-04-31 00:00:00", "2025-05-01 24:00:00", "2025-05-01 23:60:00", "2025-05-01 23:16:60",
                     "2025-05-01 23:16", "2025-05-01", "2025-05-01 23:16:38 PST", "2025-05-01 23:16:38+25:00",
                     "2025-05-01 23:16:38.", "2025-5-1 23:16:38", "0000-01-01 00:00:00", "2025-05-01 23:16:38 UTCX"] {
            XCTAssertNil(TimeParsing.naiveUTC(text), text)
            XCTAssertNil(TimeParsing.iso8601(text), text)
        }
    }

    func testISO8601WithZones() {
        check(TimeParsing.iso8601("2025-05-02T07:16:38+08:00"), "2025-05-01T23:16:38Z", .exact)
        check(TimeParsing.iso8601("2025-05-02T07:16:38+0800"), "2025-05-01T23:16:38Z", .exact)
        check(TimeParsing.iso8601("2025-05-02T07:16:38+08"), "2025-05-01T23:16:38Z", .exact)
        check(TimeParsing.iso8601("2024-12-31T20:00:00-05:30"), "2025-01-01T01:30:00Z", .exact)
        check(TimeParsing.iso8601("2024-03-01T00:30:00+01:00"), "2024-02-29T23:30:00Z", .exact)
        check(TimeParsing.iso8601("2025-05-01T23:16:38.999Z"), "2025-05-01T23:16:38Z", .exact)
        check(TimeParsing.iso8601("2025-05-01t23:16:38z"), "2025-05-01T23:16:38Z", .exact)
        XCTAssertNil(TimeParsing.iso8601("2025-05-01T23:16:38"), "no zone: the moment is unknown")
    }

    func testEpochs() {
        check(TimeParsing.epoch("1714600000"), "2024-05-01T21:46:40Z", .exact)
        check(TimeParsing.epoch("1714600000123"), "2024-05-01T21:46:40Z", .exact)
        check(TimeParsing.epoch("1714600000.75"), "2024-05-01T21:46:40Z", .exact)
        check(TimeParsing.epoch(seconds: 1_714_600_000), "2024-05-01T21:46:40Z", .exact)
        check(TimeParsing.epoch(milliseconds: 1_714_600_000_999), "2024-05-01T21:46:40Z", .exact)
        check(TimeParsing.parse(JSONValue.number("1710191100")), "2024-03-11T21:05:00Z", .exact)
        check(TimeParsing.parse(JSONValue.string("1710191161000")), "2024-03-11T21:06:01Z", .exact)
        for text in ["0", "-5", "2025", "12345678", "123456789012345", "1714600000123.5", "17146e5", "1714600000."] {
            XCTAssertNil(TimeParsing.epoch(text), text)
        }
        XCTAssertNil(TimeParsing.epoch(seconds: 0))
        XCTAssertNil(TimeParsing.parse(JSONValue.bool(true)))
        XCTAssertNil(TimeParsing.parse(JSONValue.null))
    }

    func testDateOnlyAndParse() {
        check(TimeParsing.dateOnly("2025-05-01"), "2025-05-01T00:00:00Z", .dateOnly)
        check(TimeParsing.parse("2025-05-01"), "2025-05-01T00:00:00Z", .dateOnly)
        check(TimeParsing.parse("2025-05-01 23:16:38"), "2025-05-01T23:16:38Z", .naiveUTC)
        check(TimeParsing.parse("2025-05-01 23:16:38 UTC"), "2025-05-01T23:16:38Z", .exact)
        XCTAssertNil(TimeParsing.dateOnly("2025-05-01 00:00:00"))
        XCTAssertNil(TimeParsing.parse("yesterday"))
    }

    func testUTCTextRange() {
        XCTAssertEqual(Timestamp.utc(epochSeconds: 0), "1970-01-01T00:00:00Z")
        XCTAssertEqual(Timestamp.utc(epochSeconds: -1), "1969-12-31T23:59:59Z")
        XCTAssertEqual(Timestamp.utc(epochSeconds: 253_402_300_799), "9999-12-31T23:59:59Z")
        XCTAssertNil(Timestamp.utc(epochSeconds: 253_402_300_800))
    }

    /// The calendar arithmetic agrees with Foundation over two centuries.
    func testAgreesWithFoundation() {
        let formatter = ISO8601DateFormatter()
        formatter.timeZone = TimeZone(identifier: "UTC")
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<5_000 {
            let seconds = Int64.random(in: -2_208_988_800...4_102_444_800, using: &generator)
            let expected = formatter.string(from: Date(timeIntervalSince1970: TimeInterval(seconds)))
            XCTAssertEqual(Timestamp.utc(epochSeconds: seconds), expected)
            let naive = expected.replacingOccurrences(of: "T", with: " ").replacingOccurrences(of: "Z", with: "")
            XCTAssertEqual(TimeParsing.naiveUTC(naive)?.utc, expected)
        }
    }
}
