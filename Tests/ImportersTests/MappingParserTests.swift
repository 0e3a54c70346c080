import AccountModel
import Foundation
@testable import Importers
@testable import Readers
import XCTest

final class MappingParserTests: XCTestCase {
    func parse(_ text: String) -> (Mapping?, [MappingDiagnostic]) { MappingParser.parse(Data(text.utf8), file: "m.json") }

    let minimal = """
        {"pda_mapping": 1, "name": "demo", "platform": "weibo", "evidence": "a test",
         "sources": [{"files": "*.csv", "produce": [{"item": "post", "fields": {"text": "正文", "time": {"from": "时间", "zone": "Asia/Tokyo"}}}]}]}
        """

    /// A mapping may name a platform pda has no code for: platform ids are open slugs.
    func testPlatformPdaDoesNotKnow() throws {
        let (mapping, diagnostics) = parse(minimal.replacingOccurrences(of: "\"weibo\"", with: "\"pinduoduo\""))
        XCTAssertEqual(diagnostics, [])
        let platform = try XCTUnwrap(mapping?.platform)
        XCTAssertEqual(platform.rawValue, "pinduoduo")
        XCTAssertFalse(platform.isKnown)
        XCTAssertEqual(platform.label, "pinduoduo")
        XCTAssertEqual(Platform.wechatPay.label, "WeChat Pay 微信支付")
    }

    func testMinimalMapping() throws {
        let (mapping, diagnostics) = parse(minimal)
        XCTAssertEqual(diagnostics, [])
        let m = try XCTUnwrap(mapping)
        XCTAssertEqual(m.platform, .weibo)
        XCTAssertEqual(m.status, .confirmed)
        XCTAssertEqual(m.zone.identifier, "Asia/Shanghai")
        XCTAssertEqual(m.recognize.files, ["*.csv"])
        XCTAssertEqual(m.sources[0].rules[0].fields["time"]?.zone?.identifier, "Asia/Tokyo")
        XCTAssertEqual(MappingImporter(m).version, "mapping-1")
    }

    func testEveryProblemIsReportedWithItsPointer() {
        let (mapping, diagnostics) = parse("""
            {"name": "Bad Name", "platform": "My Space", "zone": "Mars/Base", "sorces": [],
             "sources": [{"files": [], "encoding": "latin-9", "format": "pdf",
                          "produce": [{"activity": "purchace", "fields": {"amount": "x", "title": "y"}},
                                      {"item": {"from": "类型", "map": {"视频": "movie"}}},
                                      {"inference": "ad_interest"}]}]}
            """)
        XCTAssertNil(mapping)
        let pointers = Set(diagnostics.map(\.pointer))
        for expected in ["/name", "/platform", "/zone", "/sorces", "/sources/0/files", "/sources/0/encoding", "/sources/0/format",
                         "/sources/0/produce/0/activity", "/sources/0/produce/0/fields/title", "/sources/0/produce/1/item/map/视频",
                         "/sources/0/produce/2/fields", "/evidence"] {
            XCTAssertTrue(pointers.contains(expected), "no diagnostic at \(expected): \(diagnostics)")
        }
        XCTAssertTrue(diagnostics.first { $0.pointer == "/sorces" }?.message.contains("unknown key") ?? false)
    }

    func testNotJSON() {
        let (mapping, diagnostics) = parse("{nope")
        XCTAssertNil(mapping)
        XCTAssertEqual(diagnostics.count, 1)
    }

    func testLoadThrowsAnErrorNamingTheFile() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("pda-bad-mapping-\(UUID().uuidString).json")
        try Data(#"{"name": "x"}"#.utf8).write(to: url)
        defer { try? FileManager.default.removeItem(at: url) }
        XCTAssertThrowsError(try MappingParser.load(path: url.path)) { error in
            XCTAssertTrue(error.localizedDescription.contains(url.lastPathComponent), error.localizedDescription)
            XCTAssertTrue(error.localizedDescription.contains("pda mapping check"))
        }
        XCTAssertThrowsError(try MappingParser.load(path: "/nonexistent/m.json")) { error in
            XCTAssertEqual(error as? ImportError, .missing(path: "/nonexistent/m.json"))
        }
    }

    func testGlobs() {
        XCTAssertTrue(Glob.matches("*.csv", path: "a/b/订单.CSV"))
        XCTAssertTrue(Glob.matches("*微博*.csv", path: "export/我的微博.csv"))
        XCTAssertFalse(Glob.matches("data/*.json", path: "data/x/y.json"))
        XCTAssertTrue(Glob.matches("data/**/*.json", path: "data/x/y.json"))
        XCTAssertTrue(Glob.matches("data/**/*.json", path: "data/y.json"))
        XCTAssertTrue(Glob.matches("**/posts?.json", path: "a/posts1.json"))
        XCTAssertFalse(Glob.matches("*.csv", path: "a.csv.bak"))
    }

    func testDecimalMultiplication() {
        XCTAssertEqual(DecimalText.multiply("29.90", "2"), "59.80")
        XCTAssertEqual(DecimalText.multiply("0.05", "3"), "0.15")
        XCTAssertEqual(DecimalText.multiply("1.5", "2.5"), "3.75")
        XCTAssertEqual(DecimalText.multiply("-2", "3"), "-6")
        XCTAssertEqual(DecimalText.multiply("10.00", "1.0"), "10.00")
        XCTAssertNil(DecimalText.multiply("x", "1"))
    }

    func testCSVWithTitleRowsAndNoHeader() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("pda-map-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        try Data("个人信息副本\n导出时间,2024-03-10\n搜索时间,搜索词\n2024-03-01 10:00,咖啡\n,\n2024-03-02 11:00,茶\n".utf8).write(to: dir.appendingPathComponent("search.csv"))
        try Data("2024-03-03 12:00,水\n".utf8).write(to: dir.appendingPathComponent("noheader.csv"))
        let (mapping, diagnostics) = parse("""
            {"name": "t", "platform": "douyin", "evidence": "test",
             "recognize": {"files": "search.csv", "columns": ["搜索词"]},
             "sources": [{"files": "search.csv", "header_row": 3, "produce": [{"activity": "search", "fields": {"time": "搜索时间", "text": "搜索词"}}]},
                         {"files": "noheader.csv", "header_row": 0, "produce": [{"activity": "search", "fields": {"time": "#1", "text": "#2"}}]}]}
            """)
        let importer = MappingImporter(try XCTUnwrap(mapping, "\(diagnostics)"))
        let export = try ExportReader(path: dir.path)
        XCTAssertEqual(importer.recognize(export).confidence, 0.8)
        let sink = RecordCollector()
        try importer.run(export, format: "t", into: sink)
        XCTAssertEqual(sink.activities.map(\.text), ["咖啡", "茶", "水"])
        XCTAssertEqual(sink.activities.map { $0.locator.description }, ["search.csv:4", "search.csv:6", "noheader.csv:1"])
    }
}
