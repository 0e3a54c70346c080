import AccountModel
import Foundation
@testable import Importers
@testable import Readers
import XCTest

/// `fixtures/reddit/gdpr-2024`, zipped at test time and read as a folder: both runs must give the
/// same records.
final class RedditImporterTests: XCTestCase {
    var temporary: URL!

    override func setUpWithError() throws { temporary = try FixtureSupport.temporaryFolder("reddit") }
    override func tearDownWithError() throws { try? FileManager.default.removeItem(at: temporary) }

    func testGDPR2024() throws {
        let paths = try FixtureSupport.zipAndFolder(FixtureSupport.fixture("reddit", "gdpr-2024"), in: temporary)
        for path in paths {
            let export = try ExportReader(path: path)
            let recognition = RedditImporter().recognize(export)
            XCTAssertEqual(recognition, Recognition(confidence: 0.95, format: "reddit-gdpr-csv"), path)
            let sink = RecordCollector()
            try RedditImporter().run(export, format: recognition.format, into: sink)
            XCTAssertEqual(sink.countsByKind, [
                "post": 2, "comment": 3, "vote": 4, "favorite": 2, "browse": 1, "subscribe": 2, "follow": 1,
                "message": 1, "identity": 1,
            ], path)

            XCTAssertEqual(sink.identity("username"), ["fixture_owner"])
            let posts = sink.items(.post)
            XCTAssertEqual(posts.map(\.nativeID), ["p1abc", "p2def"])
            XCTAssertEqual(posts[0].title, "First post")
            XCTAssertEqual(posts[0].text, "Hello, Swift people.\nSecond line with \"quotes\".")
            XCTAssertEqual(posts[0].createdAt, RecordTime(utc: "2021-03-04T05:06:07Z", basis: .exact))
            XCTAssertEqual(posts[0].url, "https://www.reddit.com/r/swift/comments/p1abc/first_post/")
            XCTAssertEqual(posts[0].locator.description, "posts.csv:2")
            // The quoted body spans two lines, so the next record starts on line 4.
            XCTAssertEqual(posts[1].locator.description, "posts.csv:4")
            XCTAssertNil(posts[1].text)
            XCTAssertEqual(posts[1].raw["subreddit"], .string("pics"))
            XCTAssertEqual(posts[1].raw["url"], .string("https://example.org/picture.jpg"))

            let comments = sink.items(.comment)
            XCTAssertEqual(comments.map(\.text), ["Replying to myself 👋", "Grüße aus Köln", "Nice"])
            XCTAssertEqual(comments.map(\.counterpart), ["t3_p1abc", "t1_c1xyz", "t3_p2def"])
            XCTAssertEqual(comments[2].createdAt, RecordTime(utc: "2022-12-01T00:00:01Z", basis: .exact))
            XCTAssertEqual(comments.map(\.locator.description), ["comments.csv:2", "comments.csv:3", "comments.csv:4"])

            // Files in path order: comment_votes, then post_votes and its second part.
            let votes = sink.activities(.vote)
            XCTAssertEqual(votes.map(\.text), ["up", "up", "down", "up"])
            XCTAssertEqual(votes.map { $0.detail?["target"] }, [.string("comment"), .string("post"), .string("post"), .string("post")])
            XCTAssertEqual(votes[3].locator.description, "post_votes_2.csv:2")
            XCTAssertEqual(votes[1].url, "https://www.reddit.com/r/a/comments/q1/x/")
            XCTAssertTrue(votes.allSatisfy { $0.occurredAt == nil })

            XCTAssertEqual(sink.activities(.favorite).map { $0.detail?["target"] }, [.string("comment"), .string("post")])
            let hidden = try XCTUnwrap(sink.activities(.browse).first)
            XCTAssertEqual(hidden.detail?["action"], .string("hidden"))
            XCTAssertEqual(hidden.url, "https://www.reddit.com/r/d/comments/q9/hidden/")
            XCTAssertEqual(sink.activities(.subscribe).map(\.text), ["swift", "AskHistorians"])
            XCTAssertEqual(sink.activities(.subscribe).first?.url, "https://www.reddit.com/r/swift/")
            XCTAssertEqual(sink.activities(.follow).map(\.text), ["somefriend"])

            let message = try XCTUnwrap(sink.items(.message).first)
            XCTAssertEqual(message.nativeID, "m1")
            XCTAssertEqual(message.title, "Hello")
            XCTAssertEqual(message.text, "Hi there, how are you?")
            XCTAssertEqual(message.counterpart, "otheruser")
            XCTAssertEqual(message.createdAt, RecordTime(utc: "2023-01-02T03:04:05Z", basis: .exact))
            XCTAssertEqual(message.locator.description, "messages.csv:2")

            XCTAssertEqual(Set(sink.skips.map(\.section)), ["README.md", "checkfile.csv", "ip_logs.csv", "message_headers.csv", "messages.csv"])
            XCTAssertEqual(sink.skips(endingWith: "messages.csv"), ["1 row not recorded: received, not sent by the owner"])
        }
    }

    /// Without statistics.csv, the one name in every message is the owner; when no single name
    /// is, messages are not recorded at all rather than attributed to the wrong person.
    func testMessageOwnerWithoutStatistics() throws {
        let header = "id,permalink,thread_id,date,ip,from,to,subject,body\n"
        try (header + "m1,,,2023-01-02 03:04:05 UTC,,me,you,Hi,one\nm2,,,2023-01-02 03:05:00 UTC,,you,me,Re,two\n"
            + "m3,,,2023-01-03 00:00:00 UTC,,me,them,Hey,three\n")
            .write(to: temporary.appendingPathComponent("messages.csv"), atomically: true, encoding: .utf8)
        try "id,permalink,direction\nq1,https://www.reddit.com/r/a/,up\n"
            .write(to: temporary.appendingPathComponent("post_votes.csv"), atomically: true, encoding: .utf8)
        var sink = RecordCollector()
        try RedditImporter().run(try ExportReader(path: temporary.path), format: RedditRecognizer.format, into: sink)
        XCTAssertEqual(sink.items(.message).map(\.text), ["one", "three"])

        // Two people writing only to each other: either could be the owner.
        try (header + "m1,,,2023-01-02 03:04:05 UTC,,me,you,Hi,one\nm2,,,2023-01-02 03:05:00 UTC,,you,me,Re,two\n")
            .write(to: temporary.appendingPathComponent("messages.csv"), atomically: true, encoding: .utf8)
        sink = RecordCollector()
        try RedditImporter().run(try ExportReader(path: temporary.path), format: RedditRecognizer.format, into: sink)
        XCTAssertTrue(sink.items(.message).isEmpty)
        XCTAssertEqual(sink.skips(endingWith: "messages.csv").count, 1)
    }

    func testStemsOfSplitFiles() throws {
        let entry = { (name: String) in ExportEntry(path: name, size: 0, compressedSize: 0, part: 0) }
        XCTAssertEqual(RedditFiles.stem(of: entry("post_votes_12.csv")), "post_votes")
        XCTAssertEqual(RedditFiles.stem(of: entry("Posts.CSV")), "posts")
        XCTAssertEqual(RedditFiles.stem(of: entry("messages_archive.csv")), "messages_archive")
    }

    func testOtherPlatformsAreNotReddit() throws {
        for (platform, generation) in [("youtube", "takeout-en-2023"), ("youtube", "takeout-de-2025"),
                                       ("amazon", "request-my-data-legacy"), ("amazon", "request-your-data-2024"),
                                       ("tiktok", "json-2024")] {
            let export = try ExportReader(path: FixtureSupport.fixture(platform, generation).path)
            XCTAssertEqual(RedditImporter().recognize(export), .no, "\(platform)/\(generation)")
        }
        let reddit = try ExportReader(path: FixtureSupport.fixture("reddit", "gdpr-2024").path)
        for importer in ImporterRegistry.builtIn where importer.platform != .reddit {
            XCTAssertEqual(importer.recognize(reddit).confidence, 0, importer.name)
        }
    }

    func testRegistered() {
        FixtureSupport.assertRegisteredWithFixtures("reddit", platform: .reddit)
    }
}
