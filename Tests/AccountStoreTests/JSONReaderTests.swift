import AccountModel
import Foundation
import XCTest

/// Strings are scanned eight bytes at a time: every length and every position of a special
/// byte must read exactly as the byte-at-a-time definition.
final class JSONReaderStringTests: XCTestCase {
    func parse(_ json: [UInt8]) throws -> JSONValue { try JSONParser.parse(Data(json)) }

    func testEveryLengthAndPositionOfSpecialBytes() throws {
        for length in 0..<40 {
            let plain = (0..<length).map { UInt8(ascii: "a") + UInt8($0 % 26) }
            XCTAssertEqual(try parse([0x22] + plain + [0x22]), .string(String(decoding: plain, as: UTF8.self)))
            for position in 0..<length {
                var escaped = plain
                escaped.replaceSubrange(position...position, with: Array(#"\""#.utf8))
                var expected = plain
                expected[position] = UInt8(ascii: "\"")
                XCTAssertEqual(try parse([0x22] + escaped + [0x22]), .string(String(decoding: expected, as: UTF8.self)))

                var accented = plain
                accented.replaceSubrange(position...position, with: Array("é直".utf8))
                XCTAssertEqual(try parse([0x22] + accented + [0x22]), .string(String(decoding: accented, as: UTF8.self)))

                var control = plain
                control[position] = 0x0A
                XCTAssertThrowsError(try parse([0x22] + control + [0x22]), "raw newline at \(position) of \(length)")

                var invalid = plain
                invalid[position] = 0xFF
                XCTAssertThrowsError(try parse([0x22] + invalid + [0x22]), "invalid UTF-8 at \(position) of \(length)")
            }
            XCTAssertThrowsError(try parse([0x22] + plain), "unterminated, length \(length)")
        }
    }
}

/// The text an importer stores as `raw` when it takes it from the export's bytes.
final class JSONSourceTextTests: XCTestCase {
    let source = """
    [ {
      "tweet" : {
        "full_text" : "two  spaces,\\ta tab \\"quoted\\" \\\\ and \\u00e9 \\/ { not : structure }",
        "entities" : { "urls" : [ ], "n" : [ 1, 2.5e3, -0 ] },
        "ok" : true, "none" : null
      }
    } ]
    """

    func testCompactTextIsTheSameValueWithoutStructuralWhitespace() throws {
        let bytes = Array(source.utf8)
        try bytes.withUnsafeBytes { buffer in
            var reader = JSONReader(buffer)
            var checked = 0
            try reader.forEachElement { _, element in
                let start = element.offset
                let value = try element.readValue()
                let whole = start..<element.offset
                let inner = try XCTUnwrap(element.singleMemberValue(in: whole))
                let text = element.compactText(of: inner)
                XCTAssertEqual(try JSONParser.parse(Data(text)), value["tweet"])
                XCTAssertEqual(String(decoding: text, as: UTF8.self), """
                    {"full_text":"two  spaces,\\ta tab \\"quoted\\" \\\\ and \\u00e9 \\/ { not : structure }",\
                    "entities":{"urls":[],"n":[1,2.5e3,-0]},"ok":true,"none":null}
                    """, "escapes as written, spaces inside strings kept")
                XCTAssertEqual(try JSONParser.parse(Data(element.compactText(of: whole))), value)
                checked += 1
            }
            XCTAssertEqual(checked, 1)
        }
    }

    func testSingleMemberValueRefusesWhatIsNotAnObject() {
        let bytes = Array("[1, 2]".utf8)
        bytes.withUnsafeBytes { buffer in
            XCTAssertNil(JSONReader(buffer).singleMemberValue(in: 0..<bytes.count))
        }
    }
}

final class HTMLTextTests: XCTestCase {
    func testEscapesMarkupEvenInsideACombinedCharacter() {
        XCTAssertEqual(HTMLText.escape(#"<script>alert("x" & 'y')</script> 直播"#),
                       "&lt;script&gt;alert(&quot;x&quot; &amp; &#39;y&#39;)&lt;/script&gt; 直播")
        // "<" followed by a combining mark is one Character; it must still be escaped.
        XCTAssertEqual(HTMLText.escape("<\u{301}b>"), "&lt;\u{301}b&gt;")
    }
}
