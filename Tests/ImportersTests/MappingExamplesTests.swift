import AccountModel
import Foundation
@testable import Importers
@testable import Readers
import XCTest

/// The example mappings (Douyin, Xiaohongshu, Weibo) against their synthetic fixtures, and the
/// rule that every shipped mapping loads, states its evidence and has a fixture.
final class MappingExamplesTests: XCTestCase {
    static let root = MappingTaobaoTests.root

    func run(_ mapping: String, _ fixture: String) throws -> RecordCollector {
        let importer = MappingImporter(try MappingParser.load(path: Self.root.appendingPathComponent(mapping).path))
        XCTAssertEqual(importer.mapping.status, .example)
        let export = try ExportReader(path: Self.root.appendingPathComponent(fixture).path)
        XCTAssertEqual(importer.recognize(export).confidence, 0.4, importer.explain(export).reasons.joined(separator: "; "))
        let sink = RecordCollector()
        try importer.run(export, format: importer.mapping.format, into: sink)
        return sink
    }

    func testDouyin() throws {
        let sink = try run("mappings/examples/douyin-pipl-copy.json", "fixtures/douyin/pipl-copy-example")
        XCTAssertEqual(sink.countsByKind, ["video": 2, "comment": 1, "like": 1, "watch": 2, "search": 1, "live_watch": 1,
                                           "gift": 1, "purchase": 1, "identity": 3])
        let videos = sink.items(.video)
        XCTAssertEqual(videos.map(\.url), ["https://www.douyin.com/video/7300000000000000001", "https://www.douyin.com/video/7300000000000000002"])
        XCTAssertEqual(videos[1].createdAt, RecordTime(utc: "2024-03-06T01:05:00Z", basis: .naiveLocal))
        XCTAssertEqual(videos[0].locator.description, "抖音个人信息副本.json#/发布的作品/0")
        XCTAssertEqual(sink.activities(.liveWatch).first?.durationSeconds, 1260)
        XCTAssertEqual(sink.activities(.gift).first?.detail?["douyin_coins"], .string("1"))
        XCTAssertEqual(sink.activities(.purchase).first?.amount, "39.90")
        XCTAssertEqual(sink.identities.map(\.field), ["display_name", "username", "bio"])
    }

    func testXiaohongshuWorkbook() throws {
        let sink = try run("mappings/examples/xiaohongshu-pipl-copy.json", "fixtures/xiaohongshu/pipl-copy-example")
        XCTAssertEqual(sink.countsByKind, ["post": 1, "video": 1, "comment": 1, "favorite": 1, "search": 1])
        let post = try XCTUnwrap(sink.items(.post).first)
        XCTAssertEqual(post.createdAt, RecordTime(utc: "2024-03-05T06:03:11Z", basis: .naiveLocal))
        XCTAssertEqual(post.url, "https://www.xiaohongshu.com/explore/65f0000000000000000000a1")
        XCTAssertEqual(post.text, "在家做的拿铁\n配方见图")
        XCTAssertEqual(post.locator.description, "个人信息副本.xlsx#/笔记/2")
        XCTAssertEqual(sink.items(.video).first?.text, "一起去爬山")
        XCTAssertEqual(sink.activities(.search).first?.text, "拿铁 做法")
    }

    func testWeiboGB18030() throws {
        let sink = try run("mappings/examples/weibo-pipl-copy.json", "fixtures/weibo/pipl-copy-example")
        XCTAssertEqual(sink.countsByKind, ["post": 2, "comment": 1, "follow": 1])
        let posts = sink.items(.post)
        XCTAssertEqual(posts.map(\.text), ["今天天气不错，出门走走", "转发一条：\"示例\""])
        XCTAssertEqual(posts[0].createdAt, RecordTime(utc: "2024-03-05T06:03:00Z", basis: .naiveLocal))
        XCTAssertEqual(posts[0].url, "https://m.weibo.cn/detail/4990000000000001")
        XCTAssertEqual(sink.activities(.follow).first?.occurredAt?.basis, .dateOnly)
    }

    /// Every mapping in `mappings/` parses, says where it comes from, and is exercised by a
    /// fixture folder of its platform.
    func testEveryShippedMappingIsValidAndHasAFixture() throws {
        let files = MappingLibrary.jsonFiles(in: Self.root.appendingPathComponent("mappings"))
        XCTAssertGreaterThanOrEqual(files.count, 4)
        for file in files {
            let (mapping, diagnostics) = MappingParser.parse(try Data(contentsOf: file), file: file.lastPathComponent)
            let parsed = try XCTUnwrap(mapping, "\(file.lastPathComponent): \(diagnostics)")
            XCTAssertTrue(diagnostics.isEmpty, "\(file.lastPathComponent): \(diagnostics)")
            XCTAssertFalse(parsed.evidence.isEmpty, file.lastPathComponent)
            let fixtures = Self.root.appendingPathComponent("fixtures/\(parsed.platform.rawValue)")
            let cases = (try? FileManager.default.contentsOfDirectory(atPath: fixtures.path)) ?? []
            let recognized = cases.contains { name in
                guard let export = try? ExportReader(path: fixtures.appendingPathComponent(name).path) else { return false }
                return MappingImporter(parsed).recognize(export).confidence > 0
            }
            XCTAssertTrue(recognized, "\(file.lastPathComponent) has no fixture under fixtures/\(parsed.platform.rawValue)")
        }
    }

    func testLibraryFindsShippedMappingsThroughTheEnvironment() {
        let (mappings, problems) = MappingLibrary.installed(environment: [
            "PDA_MAPPINGS_DIR": Self.root.appendingPathComponent("mappings").path,
            "XDG_CONFIG_HOME": "/nonexistent-pda-test",
        ])
        XCTAssertEqual(problems, [])
        XCTAssertEqual(Set(mappings.map(\.name)), ["taobao-orders-userscript", "douyin-pipl-copy-example",
                                                  "xiaohongshu-pipl-copy-example", "weibo-pipl-copy-example",
                                                  "alipay-bill", "wechat-pay-bill", "jd-bill", "meituan-bill"])
    }
}
