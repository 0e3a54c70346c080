import AccountModel
import AccountStore
import Foundation
@testable import Importers
@testable import Readers
import XCTest

/// The shipped Taobao order-list mapping against its three fixtures.
final class MappingTaobaoTests: XCTestCase {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    func importer() throws -> MappingImporter {
        MappingImporter(try MappingParser.load(path: Self.root.appendingPathComponent("mappings/taobao-orders.json").path))
    }

    func run(_ fixture: String) throws -> RecordCollector {
        let export = try ExportReader(path: Self.root.appendingPathComponent("fixtures/taobao/\(fixture)").path)
        let importer = try importer()
        let recognition = importer.recognize(export)
        XCTAssertEqual(recognition, Recognition(confidence: 0.9, format: "taobao-orders-userscript-csv"), fixture)
        let sink = RecordCollector()
        try importer.run(export, format: recognition.format, into: sink)
        return sink
    }

    func testIssueColumnsUTF8AndGB18030() throws {
        for fixture in ["orders-userscript", "orders-userscript-gb18030"] {
            let sink = try run(fixture)
            let purchases = sink.activities(.purchase)
            XCTAssertEqual(purchases.count, 4, fixture)
            XCTAssertEqual(purchases.map(\.amount), ["59.80", "1219.49", "45.00", "59.00"], fixture)
            XCTAssertEqual(Set(purchases.map(\.currency)), ["CNY"], fixture)
            XCTAssertEqual(purchases.map(\.occurredAt), [
                RecordTime(utc: "2024-03-05T00:00:00Z", basis: .dateOnly),
                RecordTime(utc: "2024-03-05T00:00:00Z", basis: .dateOnly),
                RecordTime(utc: "2024-03-09T12:15:00Z", basis: .naiveLocal),
                RecordTime(utc: "2024-03-15T01:30:00Z", basis: .naiveLocal),
            ], fixture)
            XCTAssertEqual(purchases.map(\.text), ["纯棉毛巾 2条装", "记忆棉枕头, 单只", "USB-C 数据线 1m", "《示例》\n精装版"], fixture)
            XCTAssertEqual(purchases[0].detail?["order_id"], .string("3012345678901234567"))
            XCTAssertEqual(purchases[0].detail?["order_paid"], .string("¥1,279.29"))
            XCTAssertEqual(purchases[0].detail?["target"], .string("示例家居旗舰店"))
            XCTAssertEqual(purchases[2].detail?["refund_status"], .string("退款成功"))
            XCTAssertEqual(purchases.map(\.locator.line), [2, 3, 4, 6], fixture)
            XCTAssertTrue(sink.skips.contains { $0.reason.contains("1 record(s) left out by skip_when") }, "\(sink.skips)")
        }
    }

    func testSkySeekerV2Layout() throws {
        let sink = try run("orders-userscript-v2")
        let purchases = sink.activities(.purchase)
        XCTAssertEqual(purchases.count, 2)
        XCTAssertEqual(purchases[0].occurredAt, RecordTime(utc: "2024-03-05T06:03:11Z", basis: .naiveLocal))
        XCTAssertEqual(purchases[0].detail?["order_id"], .string("3012345678901234567"))
        XCTAssertEqual(purchases[0].detail?["sub_order_id"], .string("3012345678901234568"))
        XCTAssertEqual(purchases[0].detail?["variant"], .string("颜色分类：米白"))
        XCTAssertEqual(purchases[0].url, "https://item.taobao.com/item.htm?id=100000000001")
        XCTAssertEqual(purchases[1].text, "记忆棉枕头，单只")
        XCTAssertEqual(purchases.map(\.amount), ["59.80", "1219.49"])
    }

    func testUnrelatedCSVIsNotRecognized() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("pda-taobao-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        try Data("id,name\n1,x\n".utf8).write(to: dir.appendingPathComponent("other.csv"))
        let export = try ExportReader(path: dir.path)
        XCTAssertEqual(try importer().recognize(export), .no)
        XCTAssertFalse(try importer().explain(export).matched)
    }

    /// Through the real pipeline and store: what `pda import --mapping` does.
    func testImportsThroughThePipelineOnce() throws {
        let tmp = FileManager.default.temporaryDirectory.appendingPathComponent("pda-taobao-import-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: tmp) }
        let folder = AccountFolder(url: tmp.appendingPathComponent("account"))
        try folder.createDirectories()
        let pipeline = ImportPipeline(store: try AccountStore(folder: folder), folder: folder, importers: [try importer()])
        let path = Self.root.appendingPathComponent("fixtures/taobao/orders-userscript").path
        let first = try pipeline.importExport(paths: [path])
        XCTAssertEqual(first.importer, "taobao-orders-userscript")
        XCTAssertEqual(first.format, "taobao-orders-userscript-csv")
        XCTAssertEqual(first.records["activity"]?["purchase"], ImportReport.Tally(new: 4, present: 0))
        XCTAssertTrue(first.warnings.contains { $0.contains("skip_when") }, "\(first.warnings)")
        XCTAssertEqual(try pipeline.importExport(paths: [path]).status, .alreadyImported)
        // The GB18030 copy of the same orders is another file but the same purchases.
        let again = try pipeline.importExport(paths: [Self.root.appendingPathComponent("fixtures/taobao/orders-userscript-gb18030").path])
        XCTAssertEqual(again.records["activity"]?["purchase"], ImportReport.Tally(new: 0, present: 4))
    }

    /// Two order lines the mapping keeps identically (it maps no column that tells them apart)
    /// are two purchases; a line written twice is one.
    func testRowsThatDifferInUnmappedColumnsStayDifferent() throws {
        let tmp = FileManager.default.temporaryDirectory.appendingPathComponent("pda-taobao-repeat-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: tmp) }
        let export = tmp.appendingPathComponent("export")
        try FileManager.default.createDirectory(at: export, withIntermediateDirectories: true)
        let header = "订单编号,下单日期,店铺名称,商品名称,单价,数量,退款状态,订单实付款,订单交易状态,物流单号"
        let line = "3012345678901234567,2024-03-05,示例家居旗舰店,纯棉毛巾 2条装,29.90,1,,¥59.80,交易成功,"
        try ([header, line + "SF001", line + "SF002", line + "SF001"].joined(separator: "\r\n") + "\r\n")
            .write(to: export.appendingPathComponent("订单.csv"), atomically: true, encoding: .utf8)
        let folder = AccountFolder(url: tmp.appendingPathComponent("account"))
        try folder.createDirectories()
        let pipeline = ImportPipeline(store: try AccountStore(folder: folder), folder: folder, importers: [try importer()])
        let report = try pipeline.importExport(paths: [export.path])
        XCTAssertEqual(report.records["activity"]?["purchase"], ImportReport.Tally(new: 2, present: 1))
    }
}
