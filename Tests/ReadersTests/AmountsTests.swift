@testable import Readers
import XCTest

final class AmountsTests: XCTestCase {
    func check(_ text: String, _ value: String?, _ currency: String?, file: StaticString = #filePath, line: UInt = #line) {
        let amount = Amounts.parse(text)
        XCTAssertEqual(amount?.value, value, text, file: file, line: line)
        XCTAssertEqual(amount?.currency, currency, text, file: file, line: line)
    }

    func testIssueExamples() {
        check("¥1,219.49", "1219.49", "CNY")
        check("29.90元", "29.90", "CNY")
        check("$1,234.56", "1234.56", "USD")
        check("1.234,56 €", "1234.56", "EUR")
        check("Not Available", nil, nil)
    }

    func testMoreForms() {
        check("￥ 8", "8", "CNY")
        check("12.00", "12.00", nil)
        check("-US$5.00", "-5.00", "USD")
        check("(12.00)", "-12.00", nil)
        check("¥-3.5", "-3.5", "CNY")
        check("CNY 88.8", "88.8", "CNY")
        check("88.8 EUR", "88.8", "EUR")
        check("１２．５元", "12.5", "CNY")
        check("1 234,56 €", "1234.56", "EUR")
        check("1'234.50", "1234.50", nil)
        check("12,5", "12.5", nil)
        check("1,234", "1234", nil)
        check("1.234.567", "1234567", nil)
        check("HK$1,000", "1000", "HKD")
        check("人民币 100", "100", "CNY")
        check(".5", "0.5", nil)
        check("007", "7", nil)
        check("-0.00", "0.00", nil)
        check("", nil, nil)
        check("-", nil, nil)
        check("--", nil, nil)
        check("N/A", nil, nil)
        check("1.2.3,4,5", nil, nil)
        check("12 apples", nil, nil)
        check("¥¥12", nil, nil)
    }

    func testYenSignForJapanesePlatforms() {
        XCTAssertEqual(Amounts.parse("¥1,200", yenSign: "JPY"), Amount(value: "1200", currency: "JPY"))
        XCTAssertEqual(Amounts.parse("1200円"), Amount(value: "1200", currency: "JPY"))
    }
}
