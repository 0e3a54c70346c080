import AccountModel
import Foundation
@testable import Importers
@testable import Readers
import TestFixtures
import XCTest

/// `pda inspect` must describe an export's structure without printing any of its values. The
/// marker test plants a unique string in every value of JSON, CSV and XLSX files — and in keys
/// that are really data — and checks that neither the text nor the JSON report contains one.
final class InspectTests: XCTestCase {
    var tmp: URL!
    var markers: [String] = []

    override func setUpWithError() throws {
        tmp = FileManager.default.temporaryDirectory.appendingPathComponent("pda-inspect-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: tmp.appendingPathComponent("export"), withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws { try? FileManager.default.removeItem(at: tmp) }

    /// A fresh marker; numeric and date-shaped ones too, since those are values as well.
    func marker(_ style: String = "text") -> String {
        let n = markers.count + 1
        let value: String
        switch style {
        case "number": value = "9876543\(String(format: "%05d", n))"
        case "date": value = "2031-07-\(String(format: "%02d", n % 28 + 1)) 11:22:\(String(format: "%02d", n % 60))"
        case "url": value = "https://example.invalid/QZX\(n)secret"
        default: value = "QZX\(n)marker"
        }
        markers.append(value)
        return value
    }

    func write(_ name: String, _ text: String, encoding: String.Encoding = .utf8) throws {
        let url = tmp.appendingPathComponent("export/\(name)")
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try XCTUnwrap(text.data(using: encoding)).write(to: url)
    }

    func plantExport() throws {
        func q(_ s: String) -> String { "\"\(s)\"" }
        var byUser: [String] = []
        for k in 0..<30 { byUser.append("\(q("user\(k)x\(marker())")): {\"score\": \(marker("number")), \"seen\": \(q(marker("date")))}") }
        let json = """
            {"profile": {"nickname": \(q(marker())), "phone": \(q(marker("number"))), "bio": \(q(marker() + "\\n" + marker())),
                         "13800138000": \(q(marker()))},
             "records": [
               {"title": \(q(marker())), "time": \(q(marker("date"))), "link": \(q(marker("url"))), "likes": \(marker("number")), "tags": [\(q(marker())), \(q(marker()))]},
               {"title": \(q(marker())), "time": \(q(marker("date"))), "link": null, "likes": \(marker("number")), "tags": [], "paid": true}
             ],
             "by_user": {\(byUser.joined(separator: ","))}}
            """
        try write("data/profile.json", json)
        var csv = "订单编号,下单时间,商品名称,金额\r\n"
        for _ in 0..<5 { csv += "\(marker("number")),\(marker("date")),\"\(marker()), \(marker())\",¥\(marker("number")).50\r\n" }
        try write("orders.csv", "\u{FEFF}" + csv)
        // A header-less file: its first row is data and must not be printed as a header.
        try write("noheader.csv", "\(marker()),\(marker())\n\(marker()),\(marker())\n")
        try XLSXFixture.write([
            .init(name: "Sheet1", rows: [
                [.shared("笔记ID"), .shared("发布时间"), .shared("正文"), .shared("点赞")],
                [.shared(marker()), .date("47000.5", style: 1), .inline(marker()), .number(marker("number"))],
                [.inline(marker()), .date("47001.25", style: 1), .shared(marker()), .number(marker("number"))],
            ]),
            .init(name: "附加信息", rows: [[.inline(marker()), .inline(marker())]]),
        ], to: tmp.appendingPathComponent("export/notes.xlsx"))
        markers.append("47000.5")
        // Media are counted, never opened.
        try Data("not really a jpeg \(marker())".utf8).write(to: tmp.appendingPathComponent("export/photo.jpg"))
    }

    func testNoPlantedValueIsPrinted() throws {
        try plantExport()
        // GB18030 text from Python's '搜索时间,搜索词\n'.encode('gb18030') followed by planted ASCII values.
        let gbk = Data(Hex.bytes("cbd1cbf7cab1bce42ccbd1cbf7b4ca0a")!) + Data("\(marker("date")),\(marker())\n".utf8)
        try gbk.write(to: tmp.appendingPathComponent("export/gbk.csv"))
        let export = try ExportReader(path: tmp.appendingPathComponent("export").path)
        let report = ExportInspector.inspect(export, importers: [])
        let text = InspectText.render(report)
        let json = JSONWriter.string(report, pretty: true)
        for marker in markers {
            XCTAssertFalse(text.contains(marker), "text output shows \(marker):\n\(text)")
            XCTAssertFalse(json.contains(marker), "JSON output shows \(marker)")
        }
        // …and it still says what a mapping writer needs.
        for expected in ["$.profile.nickname", "$.records[].time", "$.by_user.*.score", "订单编号", "下单时间", "笔记ID",
                         "datetime", "utf-8 with BOM", "gb18030", "record list at \"/records\": 2 records", "no header row found",
                         "excel_date", "1 .jpg"] {
            XCTAssertTrue(text.contains(expected), "text output lacks \(expected):\n\(text)")
        }
    }

    /// A real TikTok export's "Your Activity" holds more than twenty sections: inspect keeps
    /// their names (it used to print `/Your Activity/*/*`), while the keys that are values —
    /// user names keying WatchLiveMap, the contact in "Chat History with NAME:" — become `*`.
    func testSectionNamesStayAndValueKeysDoNot() throws {
        let sections = ["Watch History", "Like List", "Searches", "Share History", "Favorite Videos", "Favorite Sounds",
                        "Favorite Effects", "Favorite Hashtags", "Follower", "Following", "Login History", "Status",
                        "Purchases", "Hashtag", "Most Recent Location Data", "Mood Tracker", "Off TikTok Activity",
                        "Comments", "Live History", "Gift History", "Video Browsing History", "Autoplay Settings"]
        let activity = sections.enumerated().map { i, name in "\"\(name)\": {\"List\(i)\": [{\"Date\": \"\(marker("date"))\"}]}" }
        let viewers = (0..<25).map { _ in "\"\(marker().lowercased())\": {\"Link\": \"\(marker("url"))\", \"WatchTime\": \"\(marker("date"))\"}" }
        let chats = (0..<2).map { _ in "\"Chat History with \(marker()):\": [{\"Content\": \"\(marker())\"}]" }
        try write("user_data_tiktok.json", """
            {"Your Activity": {\(activity.joined(separator: ","))},
             "Tiktok Live": {"Watch Live History": {"WatchLiveMap": {\(viewers.joined(separator: ","))}}},
             "Direct Message": {"Direct Messages": {"ChatHistory": {\(chats.joined(separator: ","))}}}}
            """)
        let report = ExportInspector.inspect(try ExportReader(path: tmp.appendingPathComponent("export").path), importers: [])
        let text = InspectText.render(report)
        for name in sections { XCTAssertTrue(text.contains("record list at \"/Your Activity/\(name)/List"), "\(name) lost:\n\(text)") }
        XCTAssertTrue(text.contains("WatchLiveMap.*.WatchTime"), text)
        XCTAssertTrue(text.contains("\"/Direct Message/Direct Messages/ChatHistory/Chat History with *\": 2 records"), text)
        for marker in markers { XCTAssertFalse(text.contains(marker) || text.contains(marker.lowercased()), "shows \(marker)") }
    }

    func testRecognitionIsReported() throws {
        let root = MappingTaobaoTests.root
        let export = try ExportReader(path: root.appendingPathComponent("fixtures/taobao/orders-userscript").path)
        let importer = MappingImporter(try MappingParser.load(path: root.appendingPathComponent("mappings/taobao-orders.json").path))
        let report = ExportInspector.inspect(export, importers: [importer])
        XCTAssertEqual(report["recognized_by"]?.arrayValue?.first?["importer"], .string("taobao-orders-userscript"))
        XCTAssertTrue(InspectText.render(report).contains("taobao-orders-userscript (taobao, taobao-orders-userscript-csv) confidence 0.90"))
        let columns = report["documents"]?.arrayValue?.first?["table"]?["columns"]?.arrayValue ?? []
        XCTAssertEqual(columns.compactMap { $0["label"]?.stringValue }, ["订单编号", "下单日期", "店铺名称", "商品名称", "单价", "数量", "退款状态", "订单实付款", "订单交易状态"])
    }

    func testSafeNamesAndShapes() {
        XCTAssertEqual(SafeName.label("订单编号"), "订单编号")
        XCTAssertEqual(SafeName.label(" Date "), "Date")
        XCTAssertNil(SafeName.label("13800138000"))
        XCTAssertNil(SafeName.label("someone@example.com"))
        XCTAssertNil(SafeName.label("2024-03-05"))
        XCTAssertNil(SafeName.label(String(repeating: "长", count: 41)))
        XCTAssertEqual(SafeName.path("张三_2024-03-05/orders 123.csv"), "张三_#-#-#/orders #.csv")
        XCTAssertEqual(ValueShape.of("2024年3月5日 14:03"), "datetime")
        XCTAssertEqual(ValueShape.of("2024-03-05T14:03:11+08:00"), "datetime_with_zone")
        XCTAssertEqual(ValueShape.of("1709618591"), "integer_or_epoch")
        XCTAssertEqual(ValueShape.of("¥1,219.49"), "amount")
        XCTAssertEqual(ValueShape.of("https://x.invalid"), "url")
        XCTAssertEqual(ValueShape.of(" "), "empty")
    }
}
