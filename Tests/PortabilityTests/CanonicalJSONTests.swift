import AccountModel
import Foundation
import Portability
import XCTest

/// The official vectors live in `shared/` beside the repository checkout.
enum Vectors {
    static let root = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent()  // PortabilityTests
        .deletingLastPathComponent()  // Tests
        .deletingLastPathComponent()  // package root
        .appendingPathComponent("../shared/vectors").standardizedFileURL

    static func data(_ path: String) throws -> Data {
        try Data(contentsOf: root.appendingPathComponent(path))
    }

    static func json(_ path: String) throws -> JSONValue { try JSONParser.parse(data(path)) }

    /// Text vectors, without a trailing newline should an editor have added one.
    static func text(_ path: String) throws -> String {
        String(decoding: try data(path), as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
    }
}

final class CanonicalJSONTests: XCTestCase {
    func testCyberphoneInputOutputPairs() throws {
        for name in ["arrays", "french", "structures", "unicode", "values", "weird"] {
            let input = try Vectors.json("jcs/testdata/input/\(name).json")
            let expected = try Vectors.data("jcs/testdata/output/\(name).json")
            XCTAssertEqual(try CanonicalJSON.data(input), expected, name)
        }
    }

    /// 100,000 `<IEEE-754 hex>,<ECMAScript string>` lines: through `formatNumber`, and the
    /// expected text back through the lexical path (parse, then format) to the same string.
    func testES6NumberFormatting100k() throws {
        let file = try Vectors.data("jcs/es6testfile-100k.txt")
        var lines = 0
        var failures: [String] = []
        for line in file.split(separator: UInt8(ascii: "\n")) where !line.isEmpty {
            lines += 1
            guard let comma = line.firstIndex(of: UInt8(ascii: ",")),
                  let bits = UInt64(String(decoding: line[..<comma], as: UTF8.self), radix: 16) else {
                failures.append("unreadable line \(lines)")
                continue
            }
            let expected = String(decoding: line[(comma + 1)...], as: UTF8.self)
            let value = Double(bitPattern: bits)
            let formatted = try CanonicalJSON.formatNumber(value)
            let reparsed = try CanonicalJSON.canonicalNumber(expected)
            if formatted != expected || reparsed != expected, failures.count < 20 {
                failures.append("\(String(decoding: line, as: UTF8.self)): got \(formatted) / \(reparsed)")
            }
        }
        XCTAssertEqual(lines, 100_000)
        XCTAssertEqual(failures, [])
    }

    func testNumberEdgeCases() throws {
        let cases: [(Double, String)] = [
            (0, "0"), (-0.0, "0"), (1, "1"), (-1.5, "-1.5"), (1e21, "1e+21"), (1e20, "100000000000000000000"),
            (123456789012345683968, "123456789012345680000"), (1.5e-7, "1.5e-7"), (0.000001, "0.000001"),
            (1e-7, "1e-7"), (.leastNonzeroMagnitude, "5e-324"), (1.7976931348623157e308, "1.7976931348623157e+308"),
            (Double(9_007_199_254_740_993 as Int64), "9007199254740992"), (0.1 + 0.2, "0.30000000000000004"),
        ]
        for (value, expected) in cases { XCTAssertEqual(try CanonicalJSON.formatNumber(value), expected) }
        XCTAssertThrowsError(try CanonicalJSON.formatNumber(.nan))
        XCTAssertThrowsError(try CanonicalJSON.formatNumber(.infinity))
        XCTAssertThrowsError(try CanonicalJSON.formatNumber(-.infinity))
    }

    func testLexicalNumbers() throws {
        let cases = [("-0", "0"), ("0", "0"), ("42", "42"), ("56.0", "56"), ("1E30", "1e+30"), ("4.50", "4.5"),
                     ("7312345678901234567", "7312345678901235000"), ("-0.0e5", "0"), ("2e-3", "0.002")]
        for (lexical, expected) in cases { XCTAssertEqual(try CanonicalJSON.canonicalNumber(lexical), expected, lexical) }
        for bad in ["0x10", "nan", "inf", "01", "1.", ".5", "+1", "1e", "", "-", "1 "] {
            XCTAssertThrowsError(try CanonicalJSON.canonicalNumber(bad), bad) { error in
                XCTAssertEqual(error as? CanonicalJSONError, .invalidNumber(bad))
            }
        }
        XCTAssertThrowsError(try CanonicalJSON.canonicalNumber("1e400")) { error in
            XCTAssertEqual(error as? CanonicalJSONError, .nonFiniteNumber("1e400"))
        }
    }

    /// "é" precomposed and decomposed are equal as Swift Strings; JCS must keep both, ordered by
    /// UTF-16 code units (0x65 0x301 before 0xE9).
    func testCanonicallyEquivalentKeysStayDistinct() throws {
        let value = JSONValue.obj([("\u{00E9}", .int(1)), ("e\u{0301}", .int(2))])
        XCTAssertEqual(try CanonicalJSON.string(value), "{\"e\u{0301}\":2,\"\u{00E9}\":1}")
        XCTAssertEqual(try CanonicalJSON.serialize(value),
                       Array("{\"".utf8) + [0x65, 0xCC, 0x81] + Array("\":2,\"".utf8) + [0xC3, 0xA9] + Array("\":1}".utf8))
        // Kelvin sign (U+212A) is canonically equivalent to "K" but a different key.
        let kelvin = JSONValue.obj([("\u{212A}", .int(1)), ("K", .int(2))])
        XCTAssertEqual(try CanonicalJSON.string(kelvin), "{\"K\":2,\"\u{212A}\":1}")
    }

    /// UTF-16 order differs from code point order: U+10000 is D800 DC00 in UTF-16, below U+E000.
    func testUTF16OrderNotCodePointOrder() throws {
        let value = JSONValue.obj([("\u{E000}", .int(1)), ("\u{10000}", .int(2)), ("\u{FFFF}", .int(3)), ("z", .int(4))])
        XCTAssertEqual(try CanonicalJSON.string(value), "{\"z\":4,\"\u{10000}\":2,\"\u{E000}\":1,\"\u{FFFF}\":3}")
    }

    func testDuplicateKeysAreRefused() {
        let value = JSONValue.obj([("a", .int(1)), ("b", .null), ("a", .int(2))])
        XCTAssertThrowsError(try CanonicalJSON.serialize(value)) { error in
            XCTAssertEqual(error as? CanonicalJSONError, .duplicateKey("a"))
        }
    }

    func testControlCharacterEscaping() throws {
        let controls = String(String.UnicodeScalarView((0..<0x20).compactMap(Unicode.Scalar.init)))
        let value = JSONValue.string(controls + "\"\\/\u{7F}\u{2028}é😂")
        let expected = "\"\\u0000\\u0001\\u0002\\u0003\\u0004\\u0005\\u0006\\u0007\\b\\t\\n\\u000b\\f\\r\\u000e\\u000f"
            + "\\u0010\\u0011\\u0012\\u0013\\u0014\\u0015\\u0016\\u0017\\u0018\\u0019\\u001a\\u001b\\u001c\\u001d\\u001e\\u001f"
            + "\\\"\\\\/\u{7F}\u{2028}é😂\""
        XCTAssertEqual(try CanonicalJSON.string(value), expected)
    }

    func testAppendKeepsBufferOnError() throws {
        var buffer = Array("prefix".utf8)
        XCTAssertThrowsError(try CanonicalJSON.append(.array([.int(1), .number("nan")]), to: &buffer))
        XCTAssertEqual(buffer, Array("prefix".utf8))
        try CanonicalJSON.append(.array([.bool(true), .null, .string("x"), .object([])]), to: &buffer)
        XCTAssertEqual(String(decoding: buffer, as: UTF8.self), "prefix[true,null,\"x\",{}]")
    }

    func testDeepNestingIsRefused() {
        var value = JSONValue.null
        for _ in 0..<(CanonicalJSON.maxDepth + 1) { value = .array([value]) }
        XCTAssertThrowsError(try CanonicalJSON.serialize(value)) { error in
            XCTAssertEqual(error as? CanonicalJSONError, .tooDeep(CanonicalJSON.maxDepth))
        }
    }
}
