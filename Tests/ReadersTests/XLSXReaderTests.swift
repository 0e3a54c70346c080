import Foundation
@testable import Readers
import TestFixtures
import XCTest

final class XLSXReaderTests: XCTestCase {
    var tmp: URL!

    override func setUpWithError() throws {
        tmp = FileManager.default.temporaryDirectory.appendingPathComponent("pda-xlsx-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: tmp, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws { try? FileManager.default.removeItem(at: tmp) }

    /// Rows of the workbook at `url`, read the two ways an export can hold it: as an entry of
    /// a folder export, and as the export itself.
    func rows(_ url: URL, sheet: String? = nil) throws -> [XLSXRow] {
        let folder = try ExportReader(path: url.deletingLastPathComponent().path)
        let entry = try XCTUnwrap(folder.entry(at: url.lastPathComponent))
        let inFolder = try rows(folder, entry, sheet: sheet)
        let itself = try ExportReader(path: url.path)
        XCTAssertTrue(XLSXWorkbook.isPackage(itself))
        XCTAssertFalse(XLSXWorkbook.isPackage(folder))
        XCTAssertEqual(try rows(itself, nil, sheet: sheet), inFolder)
        return inFolder
    }

    func rows(_ export: ExportReader, _ entry: ExportEntry?, sheet: String?) throws -> [XLSXRow] {
        let workbook = try export.xlsx(entry)
        let chosen = try XCTUnwrap(workbook.sheet(matching: sheet))
        var rows: [XLSXRow] = []
        try export.forEachXLSXRow(entry, workbook: workbook, sheet: chosen) { rows.append($0); return true }
        return rows
    }

    func testSharedInlineNumbersDatesAndGaps() throws {
        let url = tmp.appendingPathComponent("orders.xlsx")
        try XLSXFixture.write([
            .init(name: "订单", rows: [
                [.shared("订单编号"), .shared("下单时间"), .shared("金额"), .inline("备注 & <x>"), .shared("已退款")],
                [.number("1234567890123"), .date("45356.585546296296", style: 1), .number("29.899999999999999"), nil, .bool(false)],
                [],
                [.inline("A-2"), .date("45356", style: 2), .number("1.5E-3"), nil, nil, nil, nil, nil, nil, nil, nil, nil, nil, nil, nil, nil, nil, nil, nil, nil, nil, nil, nil, nil, nil, nil, nil, .shared("AB")],
            ]),
            .init(name: "Other", rows: [[.inline("x")]]),
        ], to: url)
        let parsed = try rows(url)
        XCTAssertEqual(parsed.map(\.number), [1, 2, 4])
        XCTAssertEqual(parsed[0].fields, ["订单编号", "下单时间", "金额", "备注 & <x>", "已退款"])
        XCTAssertEqual(parsed[1].cells, [.number("1234567890123"), .date("2024-03-05 14:03:11"), .number("29.9"), nil, .bool(false)])
        XCTAssertEqual(parsed[2].cells[1], .date("2024-03-05"))
        XCTAssertEqual(parsed[2].cells[2], .number("0.0015"))
        XCTAssertEqual(parsed[2].cells.count, 28)
        XCTAssertEqual(parsed[2].cells[27], .text("AB"))
        XCTAssertEqual(try rows(url, sheet: "other").map(\.fields), [["x"]])
        XCTAssertEqual(try rows(url, sheet: "2").map(\.fields), [["x"]])
    }

    func testCellReferences() {
        XCTAssertEqual(CellReference.column("A1"), 0)
        XCTAssertEqual(CellReference.column("Z9"), 25)
        XCTAssertEqual(CellReference.column("AB12"), 27)
        XCTAssertEqual(CellReference.column("xfd1"), 16_383)
        XCTAssertNil(CellReference.column("12"))
    }

    func testDateSerials() {
        XCTAssertEqual(ExcelDate.text(serial: 1, uses1904: false, showsTime: false), "1900-01-01")
        XCTAssertNil(ExcelDate.text(serial: 60, uses1904: false, showsTime: false))
        XCTAssertEqual(ExcelDate.text(serial: 61, uses1904: false, showsTime: false), "1900-03-01")
        XCTAssertEqual(ExcelDate.text(serial: 45356.5, uses1904: false, showsTime: false), "2024-03-05 12:00:00")
        XCTAssertEqual(ExcelDate.text(serial: 0, uses1904: true, showsTime: false), "1904-01-01")
        XCTAssertEqual(ExcelDate.text(serial: 45355.99999999, uses1904: false, showsTime: true), "2024-03-05 00:00:00")
    }

    func testDateFormatDetection() {
        XCTAssertEqual(XLSXStyles.dateTokens(in: "yyyy\\-mm\\-dd"), false)
        XCTAssertEqual(XLSXStyles.dateTokens(in: "[$-804]yyyy\"年\"m\"月\"d\"日\" h:mm"), true)
        XCTAssertNil(XLSXStyles.dateTokens(in: "[Red]#,##0.00;[Blue]-#,##0.00"))
        XCTAssertNil(XLSXStyles.dateTokens(in: "0.00E+00"))
        XCTAssertNil(XLSXStyles.dateTokens(in: "\"days\" 0"))
        XCTAssertNil(XLSXStyles.dateTokens(in: "General"))
    }

    func testNotAWorkbookNamesTheEntry() throws {
        let url = tmp.appendingPathComponent("fake.xlsx")
        try Data("not a zip".utf8).write(to: url)
        let export = try ExportReader(path: tmp.path)
        XCTAssertThrowsError(try export.xlsx(export.entries[0])) { error in
            XCTAssertTrue("\(error.localizedDescription)".contains("fake.xlsx"))
        }
    }

    func testZipWithoutWorkbookIsRefused() throws {
        let url = tmp.appendingPathComponent("empty.xlsx")
        try XLSXFixture.zip([("docProps/app.xml", "<x/>")], to: url)
        let export = try ExportReader(path: tmp.path)
        XCTAssertThrowsError(try export.xlsx(export.entries[0])) { error in
            XCTAssertEqual(error as? ImportError, .malformed(file: export.displayName, entry: "empty.xlsx", reason: "the workbook has no xl/workbook.xml"))
        }
    }

    func testStopsEarly() throws {
        let url = tmp.appendingPathComponent("many.xlsx")
        try XLSXFixture.write([.init(name: "S", rows: (0..<100).map { [.number(String($0))] })], to: url)
        let export = try ExportReader(path: url.path)
        let workbook = try export.xlsx(nil)
        var seen = 0
        try workbook.forEachRow(in: workbook.sheets[0]) { _ in seen += 1; return seen < 3 }
        XCTAssertEqual(seen, 3)
    }
}
