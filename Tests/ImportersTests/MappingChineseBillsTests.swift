import AccountModel
import AccountStore
import Foundation
@testable import Importers
@testable import Readers
import TestFixtures
import XCTest

/// The shipped Alipay, WeChat Pay, JD and Meituan bill mappings against their fixtures
/// (`fixtures/chinese-bills/generate.py` writes them as each platform does).
final class MappingChineseBillsTests: XCTestCase {
    static let root = MappingTaobaoTests.root

    func mapping(_ name: String) throws -> MappingImporter {
        MappingImporter(try MappingParser.load(path: Self.root.appendingPathComponent("mappings/\(name).json").path))
    }

    func run(_ name: String, _ path: String, format: String) throws -> RecordCollector {
        let export = try ExportReader(path: path.hasPrefix("/") ? path : Self.root.appendingPathComponent(path).path)
        let importer = try mapping(name)
        XCTAssertEqual(importer.recognize(export), Recognition(confidence: 0.9, format: format), path)
        let sink = RecordCollector()
        try importer.run(export, format: format, into: sink)
        return sink
    }

    func purchases(_ sink: RecordCollector) -> [Activity] { sink.activities(.purchase).filter { $0.amount?.hasPrefix("-") == false } }
    func refunds(_ sink: RecordCollector) -> [Activity] { sink.activities(.purchase).filter { $0.amount?.hasPrefix("-") == true } }
    func reasons(_ sink: RecordCollector) -> [String] { sink.skips.map(\.reason) }

    // MARK: - Alipay

    func testAlipayGB18030AndUTF8BOM() throws {
        for fixture in ["fixtures/alipay/bill-2024", "fixtures/alipay/bill-2024-utf8-bom"] {
            let sink = try run("alipay-bill", fixture, format: "alipay-bill-csv")
            XCTAssertEqual(sink.activities.count, 7, fixture)
            XCTAssertEqual(sink.items.count + sink.inferences.count + sink.identities.count, 0, fixture)
            let bought = purchases(sink)
            XCTAssertEqual(bought.map(\.amount), ["59.80", "45.00", "28.16", "4.00", "4.00", "59.00"], fixture)
            XCTAssertEqual(bought.map(\.text), ["纯棉毛巾 2条装", "USB-C 数据线 1m", "拿铁 大杯", "地铁出行", "地铁出行", "《示例》精装版"], fixture)
            XCTAssertEqual(Set(sink.activities.map(\.currency)), ["CNY"])
            XCTAssertEqual(Set(sink.activities.map(\.platform.rawValue)), ["alipay"])
            XCTAssertEqual(bought[0].occurredAt, RecordTime(utc: "2024-03-31T13:32:14Z", basis: .naiveLocal))
            // Padding and the trailing tab are gone from every value.
            XCTAssertEqual(bought[0].detail?["id"], .string("2024033122001400000000000001"))
            XCTAssertEqual(bought[0].detail?["target"], .string("示例家居旗舰店"))
            XCTAssertEqual(bought[0].detail?["order_id"], .string("T200P3012345678901234567"))
            XCTAssertEqual(bought[0].detail?["category"], .string("日用百货"))
            // The two identical metro rides stay two purchases: their ids differ.
            XCTAssertNotEqual(bought[3].detail?["id"], bought[4].detail?["id"])
            let refund = try XCTUnwrap(refunds(sink).first)
            XCTAssertEqual(refunds(sink).count, 1)
            XCTAssertEqual(refund.amount, "-45.00")
            XCTAssertEqual(refund.detail?["refund_of"], bought[1].detail?["order_id"])
            // 2 收入 and 3 不计收支 rows that are no refund (余额宝 income, a closed trade, a top-up).
            XCTAssertTrue(reasons(sink).contains("5 record(s) met no rule's when and became nothing"), "\(sink.skips)")
            XCTAssertFalse(reasons(sink).contains { $0.contains("the bill states") }, "\(sink.skips)")
            XCTAssertFalse(reasons(sink).contains { $0.contains("could not be read") }, "\(sink.skips)")
        }
    }

    /// A bill with one row fewer than its preamble states: warned about by count, never by value.
    func testCutBillIsWarnedAboutByCountOnly() throws {
        let sink = try run("alipay-bill", "fixtures/alipay/bill-2024-cut", format: "alipay-bill-csv")
        XCTAssertEqual(purchases(sink).count, 5)
        let warnings = reasons(sink).filter { $0.contains("the bill states") }
        XCTAssertEqual(warnings, [
            "the bill states 12 records but 11 were read: it may be cut or edited",
            "the bill states 6 支出 (expense) records but 5 were read: it may be cut or edited",
        ])
        for warning in reasons(sink) { XCTAssertFalse(warning.contains("199.96") || warning.contains("元"), warning) }
    }

    // MARK: - WeChat Pay

    func testWeChatPayCSV() throws {
        let sink = try run("wechat-pay-bill", "fixtures/wechat_pay/bill-2024", format: "wechat-pay-bill")
        check(wechat: sink)
    }

    /// The XLSX bill holds the same rows as the CSV one, preamble included.
    func testWeChatPayXLSX() throws {
        let source = try String(contentsOf: Self.root.appendingPathComponent("fixtures/chinese-bills/wechat_pay.csv"), encoding: .utf8)
        // Line by line, so that the preamble's blank rows stay rows of the sheet (as in WeChat's file).
        var rows: [[XLSXFixture.Cell?]] = []
        for line in source.split(separator: "\n", omittingEmptySubsequences: false).dropLast() {
            var cells: [XLSXFixture.Cell?] = []
            var reader = CSVReader(data: Data(line.utf8), delimiter: UInt8(ascii: ","))
            try reader.forEach { row in
                cells = row.fields.map { $0.isEmpty ? nil : .shared($0) }
                return false
            }
            rows.append(cells)
        }
        XCTAssertEqual(rows.count, 27)
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("pda-wechat-xlsx-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        try XLSXFixture.write([.init(name: "Sheet1", rows: rows)], to: dir.appendingPathComponent("微信支付账单(20240301-20240331).xlsx"))
        let sink = try run("wechat-pay-bill", dir.path, format: "wechat-pay-bill")
        check(wechat: sink)
        XCTAssertEqual(purchases(sink)[0].locator.pointer, "/Sheet1/18")
    }

    func check(wechat sink: RecordCollector, file: StaticString = #filePath, line: UInt = #line) {
        let bought = purchases(sink)
        XCTAssertEqual(bought.map(\.amount), ["28.00", "66.50", "12.00", "35.90", "18.00"], file: file, line: line)
        XCTAssertEqual(bought.map(\.text), ["示例面馆-牛肉面", "示例超市购物", "收款方备注:二维码收款", "示例外卖订单", "亲属卡"], file: file, line: line)
        XCTAssertEqual(Set(sink.activities.map(\.platform.rawValue)), ["wechat_pay"], file: file, line: line)
        XCTAssertEqual(Set(sink.activities.map(\.currency)), ["CNY"], file: file, line: line)
        XCTAssertEqual(bought[0].detail?["id"], .string("4200000001202403300000000001"), file: file, line: line)
        XCTAssertEqual(refunds(sink).map(\.amount), ["-66.50"], file: file, line: line)
        XCTAssertEqual(refunds(sink).first?.detail?["refund_of"], bought[1].detail?["order_id"], file: file, line: line)
        XCTAssertTrue(reasons(sink).contains("4 record(s) met no rule's when and became nothing"), "\(sink.skips)", file: file, line: line)
        XCTAssertFalse(reasons(sink).contains { $0.contains("the bill states") || $0.contains("could not be read") }, "\(sink.skips)", file: file, line: line)
    }

    // MARK: - JD and Meituan

    func testJD() throws {
        let sink = try run("jd-bill", "fixtures/jd/bill-2024", format: "jd-bill-csv")
        let bought = purchases(sink)
        XCTAssertEqual(bought.map(\.amount), ["39.90", "199.00", "45.80", "32.00"])
        XCTAssertEqual(bought[1].detail?["amount_note"], .string("已全额退款"))
        XCTAssertEqual(bought[0].occurredAt, RecordTime(utc: "2024-03-29T12:00:00Z", basis: .naiveLocal))
        XCTAssertEqual(refunds(sink).map(\.amount), ["-199.00"])
        XCTAssertEqual(refunds(sink).first?.detail?["refund_of"], bought[1].detail?["order_id"])
        XCTAssertEqual(Set(sink.activities.map(\.platform.rawValue)), ["jd"])
        XCTAssertTrue(reasons(sink).contains("2 record(s) met no rule's when and became nothing"), "\(sink.skips)")
        XCTAssertFalse(reasons(sink).contains { $0.contains("the bill states") || $0.contains("could not be read") }, "\(sink.skips)")
    }

    func testMeituan() throws {
        let sink = try run("meituan-bill", "fixtures/meituan/bill-2024", format: "meituan-bill-csv")
        let bought = purchases(sink)
        XCTAssertEqual(bought.map(\.amount), ["69.90", "28.50", "15.00"])
        XCTAssertEqual(bought[0].detail?["list_price"], .string("¥73.60"))
        XCTAssertEqual(bought[0].occurredAt, RecordTime(utc: "2024-03-28T10:00:05Z", basis: .naiveLocal))
        XCTAssertEqual(refunds(sink).map(\.amount), ["-28.50"])
        XCTAssertEqual(refunds(sink).first?.detail?["refund_of"], bought[1].detail?["order_id"])
        XCTAssertEqual(Set(sink.activities.map(\.platform.rawValue)), ["meituan"])
        XCTAssertTrue(reasons(sink).contains("1 record(s) met no rule's when and became nothing"), "\(sink.skips)")
        XCTAssertFalse(reasons(sink).contains { $0.contains("the bill states") || $0.contains("could not be read") }, "\(sink.skips)")
    }

    /// Each bill is recognized by its own mapping only.
    func testEachBillHasOneMapping() throws {
        let fixtures = ["alipay-bill": "fixtures/alipay/bill-2024", "wechat-pay-bill": "fixtures/wechat_pay/bill-2024",
                        "jd-bill": "fixtures/jd/bill-2024", "meituan-bill": "fixtures/meituan/bill-2024",
                        "taobao-orders": "fixtures/taobao/orders-userscript"]
        for (owner, fixture) in fixtures {
            let export = try ExportReader(path: Self.root.appendingPathComponent(fixture).path)
            for name in fixtures.keys {
                XCTAssertEqual(try mapping(name).recognize(export) != .no, name == owner, "\(name) on \(fixture)")
            }
        }
    }

    // MARK: - Through the store

    /// What `pda import` does: every row once, re-import is a no-op, and the UTF-8 copy of the
    /// same bill adds nothing.
    func testImportIsIdempotentAndRowsNeverCollapse() throws {
        let tmp = FileManager.default.temporaryDirectory.appendingPathComponent("pda-alipay-import-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: tmp) }
        let folder = AccountFolder(url: tmp.appendingPathComponent("account"))
        try folder.createDirectories()
        let store = try AccountStore(folder: folder)
        let pipeline = ImportPipeline(store: store, folder: folder, importers: [try mapping("alipay-bill"), try mapping("wechat-pay-bill")])
        let path = Self.root.appendingPathComponent("fixtures/alipay/bill-2024").path
        let first = try pipeline.importExport(paths: [path])
        XCTAssertEqual(first.importer, "alipay-bill")
        XCTAssertEqual(first.records["activity"]?["purchase"], ImportReport.Tally(new: 7, present: 0))
        XCTAssertEqual(try pipeline.importExport(paths: [path]).status, .alreadyImported)
        let copy = try pipeline.importExport(paths: [Self.root.appendingPathComponent("fixtures/alipay/bill-2024-utf8-bom").path])
        XCTAssertEqual(copy.records["activity"]?["purchase"], ImportReport.Tally(new: 0, present: 7))
        let money = try store.moneyRows(RecordFilter(), kinds: ["purchase"])
        XCTAssertEqual(money.count, 7)
        XCTAssertEqual(money.filter { $0.amount.hasPrefix("-") }.map(\.amount), ["-45.00"])
    }

    // MARK: - The language

    func parse(_ source: String) -> (Mapping?, [MappingDiagnostic]) {
        let text = """
            {"pda_mapping": 1, "name": "bill", "platform": "alipay", "evidence": "a test",
             "sources": [\(source)]}
            """
        return MappingParser.parse(Data(text.utf8), file: "m.json")
    }

    func testNewKeysAreCheckedWithPointers() {
        let (mapping, diagnostics) = parse("""
            {"files": "*.csv", "find_header": {"within": 0}, "check_counts": [{"pattern": "共\\\\d+笔"}, {"pattern": "("}],
             "produce": [{"activity": "purchase", "when": {"field": "a", "in": ["x"]},
                          "skip_when": [{"field": "b", "matches": "[x"}],
                          "fields": {"amount": {"from": "金额", "negate": "yes"}, "text": {"from": "t", "extract": "(", "negate": true}}}]}
            """)
        XCTAssertNil(mapping)
        let found = Set(diagnostics.map { "\($0.severity.rawValue) \($0.pointer)" })
        XCTAssertEqual(found, [
            "error /sources/0/find_header/columns", "error /sources/0/find_header/within",
            "error /sources/0/check_counts/0/pattern", "error /sources/0/check_counts/1/pattern",
            "error /sources/0/produce/0/when", "error /sources/0/produce/0/skip_when/0/matches",
            "error /sources/0/produce/0/fields/amount/negate", "error /sources/0/produce/0/fields/text/extract",
            "warning /sources/0/produce/0/fields/text", "warning /sources/0/check_counts",
        ], "\(diagnostics)")
    }

    /// A header beyond `within` rows is reported, and nothing is read from that document.
    func testHeaderOutsideItsWindowIsReported() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("pda-header-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let lines = (1...5).map { "说明 \($0)" } + ["交易时间,收/支,金额", "2024-03-01 10:00:00,支出,1.00", "2024-03-02 10:00:00,收入,2.00"]
        try Data(lines.joined(separator: "\r\n").utf8).write(to: dir.appendingPathComponent("bill.csv"))
        func importer(within: Int) throws -> MappingImporter {
            let (mapping, diagnostics) = parse("""
                {"files": "*.csv", "delimiter": ",", "find_header": {"columns": ["交易时间", "金额"], "within": \(within)},
                 "check_counts": [{"label": "expenses", "pattern": "说明 (\\\\d)", "when": [{"field": "收/支", "in": ["支出"]}]}],
                 "produce": [{"activity": "purchase", "when": [{"field": "收/支", "in": ["支出"]}],
                              "fields": {"time": "交易时间", "amount": "金额", "currency": {"value": "CNY"}}}]}
                """)
            XCTAssertEqual(diagnostics.filter { $0.severity == .error }, [])
            return MappingImporter(try XCTUnwrap(mapping))
        }
        let export = try ExportReader(path: dir.path)
        let missed = RecordCollector()
        try importer(within: 5).run(export, format: "bill", into: missed)
        XCTAssertEqual(missed.activities.count, 0)
        XCTAssertEqual(missed.skips.map(\.reason), ["no row holding the columns 交易时间, 金额 in the first 5 rows"])
        let found = RecordCollector()
        try importer(within: 6).run(export, format: "bill", into: found)
        XCTAssertEqual(found.activities.map(\.amount), ["1.00"])
        XCTAssertEqual(found.activities.first?.locator.line, 7)
        // The first preamble row states 1 expense, and 1 was read: no warning.
        XCTAssertEqual(found.skips.map(\.reason), ["1 record(s) met no rule's when and became nothing"])
    }
}
