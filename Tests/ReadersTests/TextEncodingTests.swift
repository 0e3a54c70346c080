import AccountModel
import Foundation
@testable import Readers
import XCTest

final class TextEncodingTests: XCTestCase {
    /// `'订单编号,商品名称\r\n123,"毛巾, 2条"\r\n'.encode('gb18030')`, produced by Python.
    static let gb18030CSV = hex("b6a9b5a5b1e0bac52cc9ccc6b7c3fbb3c60d0a3132332c22c3abbded2c2032ccf5220d0a")
    static let expected = "订单编号,商品名称\r\n123,\"毛巾, 2条\"\r\n"

    static func hex(_ text: String) -> Data { Data(Hex.bytes(text)!) }

    func testDetectsAndDecodesGB18030() throws {
        let detection = try XCTUnwrap(TextEncoding.detect(Self.gb18030CSV))
        XCTAssertEqual(detection.encoding, .gb18030)
        XCTAssertFalse(detection.hasBOM)
        XCTAssertEqual(try TextEncoding.string(Self.gb18030CSV), Self.expected)
    }

    func testFourByteGB18030Sequence() throws {
        // U+20000 (𠀀) is four bytes in GB18030: 95 32 82 36; € is A2 E3.
        XCTAssertEqual(try TextEncoding.string(Self.hex("95328236a2e3"), encoding: .gb18030), "𠀀€")
    }

    func testUTF8WithAndWithoutBOM() throws {
        let plain = Data("订单编号,x".utf8)
        XCTAssertEqual(TextEncoding.detect(plain), .init(encoding: .utf8, bomLength: 0))
        let bom = Data([0xEF, 0xBB, 0xBF]) + plain
        XCTAssertEqual(TextEncoding.detect(bom), .init(encoding: .utf8, bomLength: 3))
        XCTAssertEqual(try TextEncoding.string(bom), "订单编号,x")
    }

    func testUTF16() throws {
        let le = Data([0xFF, 0xFE]) + "订单,a\n".data(using: .utf16LittleEndian)!
        XCTAssertEqual(try TextEncoding.string(le), "订单,a\n")
        let be = Data([0xFE, 0xFF]) + "订单,a\n".data(using: .utf16BigEndian)!
        XCTAssertEqual(try TextEncoding.string(be), "订单,a\n")
        let bomless = "order id,amount\n1,2\n".data(using: .utf16LittleEndian)!
        XCTAssertEqual(TextEncoding.detect(bomless)?.encoding, .utf16LittleEndian)
        XCTAssertEqual(try TextEncoding.string(bomless), "order id,amount\n1,2\n")
    }

    func testTruncatedGB18030IsRefused() {
        // A lead byte with no trail byte at the end.
        XCTAssertThrowsError(try TextEncoding.utf8Data(Self.hex("b6a9b5"), encoding: .gb18030)) { error in
            XCTAssertEqual(error as? TextEncodingError, .invalid(.gb18030, offset: 2))
        }
    }

    func testExplicitUTF8OnGBKBytesIsRefused() {
        XCTAssertThrowsError(try TextEncoding.utf8Data(Self.gb18030CSV, encoding: .utf8))
    }

    func testLabels() {
        XCTAssertEqual(TextEncoding(label: "GBK"), .gb18030)
        XCTAssertEqual(TextEncoding(label: "utf_8"), .utf8)
        XCTAssertNil(TextEncoding(label: "auto"))
    }

    func testLargeGB18030ConvertsAcrossChunks() throws {
        // More than one 64 KiB iconv output chunk.
        let line = Self.gb18030CSV
        var big = Data()
        for _ in 0..<3000 { big.append(line) }
        let text = try TextEncoding.string(big)
        XCTAssertEqual(text.count, Self.expected.count * 3000)
    }
}
