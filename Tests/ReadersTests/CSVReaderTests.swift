import Foundation
@testable import Readers
import XCTest

final class CSVReaderTests: XCTestCase {
    func rows(_ text: String, delimiter: UInt8 = UInt8(ascii: ",")) throws -> [CSVRow] {
        var reader = CSVReader(data: Data(text.utf8), delimiter: delimiter)
        var rows: [CSVRow] = []
        while let row = try reader.next() { rows.append(row) }
        return rows
    }

    func testQuotesEmbeddedNewlinesAndCRLF() throws {
        let text = "\u{FEFF}id,text,n\r\n1,\"a, \"\"quoted\"\"\r\nsecond line\",3\r\n2,plain,\r\n\r\n3,\"\",x"
        let parsed = try rows(text)
        XCTAssertEqual(parsed, [
            CSVRow(line: 1, fields: ["id", "text", "n"]),
            CSVRow(line: 2, fields: ["1", "a, \"quoted\"\r\nsecond line", "3"]),
            CSVRow(line: 4, fields: ["2", "plain", ""]),
            CSVRow(line: 6, fields: ["3", "", "x"]),
        ])
    }

    func testBareLFAndCRLineEnds() throws {
        XCTAssertEqual(try rows("a,b\nc,d\re,f\n").map(\.fields), [["a", "b"], ["c", "d"], ["e", "f"]])
        XCTAssertEqual(try rows("a\nb\rc").map(\.line), [1, 2, 3])
    }

    func testStrayQuoteInsideUnquotedFieldIsText() throws {
        XCTAssertEqual(try rows("5\" screen,ok\n").first?.fields, ["5\" screen", "ok"])
    }

    func testUnterminatedQuoteNamesTheLine() {
        XCTAssertThrowsError(try rows("a,b\n1,\"never closed\n2,3\n")) { error in
            XCTAssertEqual(error as? CSVError, .unterminatedQuote(line: 2))
        }
    }

    func testChineseFieldsAndTabs() throws {
        let text = "订单编号\t商品名称\n1001\t毛巾\n"
        XCTAssertEqual(CSVReader.guessDelimiter(Data(text.utf8)), UInt8(ascii: "\t"))
        XCTAssertEqual(try rows(text, delimiter: UInt8(ascii: "\t"))[1].fields, ["1001", "毛巾"])
        XCTAssertEqual(CSVReader.guessDelimiter(Data("a;b;\"c,d\"\n".utf8)), UInt8(ascii: ";"))
    }

    func testHeaderLookupIgnoresCaseBOMAndSpaces() {
        let header = CSVHeader(["\u{FEFF}订单编号", " Order ID ", "Amount"])
        XCTAssertEqual(header.index(of: "订单编号"), 0)
        XCTAssertEqual(header.index(of: "order id"), 1)
        XCTAssertEqual(header.index(ofAny: ["price", "AMOUNT"]), 2)
        XCTAssertNil(header.index(of: "missing"))
    }

    func testReadsGB18030EntryThroughExportReader() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("pda-csv-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent("orders.csv")
        try TextEncodingTests.gb18030CSV.write(to: file)
        let export = try ExportReader(path: file.path)
        var seen: [CSVRow] = []
        try export.forEachCSVRow(export.entries[0]) { seen.append($0); return true }
        XCTAssertEqual(seen.map(\.fields), [["订单编号", "商品名称"], ["123", "毛巾, 2条"]])
    }

    func testManyRowsStream() throws {
        var text = "a,b\n"
        for k in 0..<20_000 { text += "\(k),\"x\ny\"\n" }
        var reader = CSVReader(data: Data(text.utf8))
        var count = 0, lastLine = 0
        try reader.forEach { row in count += 1; lastLine = row.line; return true }
        XCTAssertEqual(count, 20_001)
        XCTAssertEqual(lastLine, 1 + 2 * 19_999 + 1)
    }

    func testHeadReadsOnlyTheFirstRowsOfABigFile() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("pda-csvhead-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        var text = "订单编号,商品名称\n"
        for k in 0..<20_000 { text += "\(k),\"毛巾\n2条\"\n" }
        try Data(text.utf8).write(to: dir.appendingPathComponent("big.csv"))
        let export = try ExportReader(path: dir.path)
        var rows: [CSVRow] = []
        try export.forEachCSVHeadRow(export.entries[0]) { rows.append($0); return true }
        XCTAssertEqual(rows.first?.fields, ["订单编号", "商品名称"])
        XCTAssertGreaterThan(rows.count, 100)
        XCTAssertLessThan(rows.count, 20_000)
        XCTAssertEqual(rows.last?.fields.count, 2)
    }
}
