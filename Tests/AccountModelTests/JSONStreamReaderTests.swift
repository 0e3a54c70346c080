import AccountModel
import Foundation
import XCTest

/// The streaming reader must read, and refuse, exactly what the whole-document parser does,
/// wherever the chunks are cut, while holding only the record being read.
final class JSONStreamReaderTests: XCTestCase {
    /// A reader over `document` cut into chunks of `size` bytes; `pulled` counts chunks taken.
    final class Chunks {
        let bytes: [UInt8]
        let size: Int
        var next = 0
        var pulled = 0
        init(_ document: String, size: Int) { bytes = Array(document.utf8); self.size = size }
        init(bytes: [UInt8], size: Int) { self.bytes = bytes; self.size = size }
        func reader(options: JSONOptions = JSONOptions()) -> JSONStreamReader {
            JSONStreamReader(options: options) { [self] in
                guard next < bytes.count else { return nil }
                defer { next = min(next + size, bytes.count) }
                pulled += 1
                return Data(bytes[next..<min(next + size, bytes.count)])
            }
        }
    }

    static let documents = [
        #"{"a": [1, -2.5e+3, 0, true, false, null], "b": {"c": "x\"y\\z\u00e9\ud83d\ude00"}, "d": []}"#,
        #"  [ {"k":"直播 é"}, {}, [[[]]], "", 12345678901234567890 ]  "#,
        "\u{FEFF}{\"bom\": \"yes\"}",
        #""just a string""#,
        "42",
    ]

    func testWholeDocumentsReadAsTheParserReadsThemAtEveryCut() throws {
        for document in Self.documents {
            let expected = try JSONParser.parse(Data(document.utf8))
            for size in 1...9 {
                var reader = Chunks(document, size: size).reader()
                XCTAssertEqual(try reader.readValue(), expected, "chunks of \(size)")
                XCTAssertNoThrow(try reader.expectEnd())
            }
        }
    }

    func testRecordsArriveOneAtATimeBeforeTheDocumentIsRead() throws {
        let records = (0..<2000).map { #"{"Date": "2024-01-01 00:00:\#($0 % 60)", "Link": "https://example.org/\#($0)"}"# }
        let document = #"{"Activity": {"Video Browsing History": {"VideoList": ["# + records.joined(separator: ",") + "]}}}"
        let chunks = Chunks(document, size: 64)
        var reader = chunks.reader()
        var seen: [JSONValue] = []
        var pulledAtFirst = 0
        try reader.forEachMember { _, activity in
            try activity.forEachMember { _, history in
                try history.forEachMember { key, list in
                    XCTAssertEqual(key, "VideoList")
                    try list.forEachElement { index, element in
                        seen.append(try element.readValue())
                        if index == 0 { pulledAtFirst = chunks.pulled }
                    }
                }
            }
        }
        try reader.expectEnd()
        XCTAssertEqual(seen, try records.map { try JSONParser.parse($0) })
        // The first record is handed over after its own chunks, not after the document's.
        XCTAssertLessThanOrEqual(pulledAtFirst, 3)
        XCTAssertEqual(chunks.pulled, (document.utf8.count + 63) / 64)
    }

    func testMalformedDocumentsFailWithTheParsersOffsetAndReason() {
        let bad = [
            #"{"a": [1, 2,, 3]}"#, #"{"a": "unterminated"#, #"{"a": tru}"#, #"[1, 2] x"#, #"{"a" 1}"#,
            "{\"a\": \"raw\nnewline\"}", #"[01]"#, #"{"a": [1.]}"#, #"{"a": "\x"}"#, "", "[", #"{"a": 1"#,
            #"[{"a": 1} {"b": 2}]"#, #"{"a": -}"#,
        ]
        for document in bad {
            var expected: JSONSyntaxError?
            XCTAssertThrowsError(try JSONParser.parse(Data(document.utf8))) { expected = $0 as? JSONSyntaxError }
            for size in [1, 2, 5, 64] {
                var reader = Chunks(document, size: size).reader()
                XCTAssertThrowsError(try Self.walk(&reader), "\(document) in chunks of \(size)") {
                    XCTAssertEqual($0 as? JSONSyntaxError, expected, "\(document) in chunks of \(size)")
                }
            }
        }
    }

    func testDepthLimitCountsTheLevelsAroundARecord() {
        // Records two levels down; the third record nests past 256 levels in all.
        let deep = String(repeating: "[", count: 255) + String(repeating: "]", count: 255)
        let ok = String(repeating: "[", count: 253) + String(repeating: "]", count: 253)
        let document = #"{"list": [[], \#(ok), \#(deep)]}"#
        var expected: JSONSyntaxError?
        XCTAssertThrowsError(try JSONParser.parse(Data(document.utf8))) { expected = $0 as? JSONSyntaxError }
        XCTAssertEqual(expected?.reason, "nesting deeper than 256 levels")
        var reader = Chunks(document, size: 7).reader()
        var read = 0
        XCTAssertThrowsError(try reader.forEachMember { _, list in
            try list.forEachElement { _, element in _ = try element.readValue(); read += 1 }
        }) { XCTAssertEqual($0 as? JSONSyntaxError, expected) }
        XCTAssertEqual(read, 2)
    }

    func testCompactTextOfARecordIsItsBytesWithoutSpaces() throws {
        var reader = Chunks(#"[ { "a" : "b c" , "d" : [ 1 , 2 ] } ]"#, size: 3).reader()
        try reader.forEachElement { _, element in
            let (value, text) = try element.readValueAndText()
            XCTAssertEqual(value, try JSONParser.parse(#"{"a":"b c","d":[1,2]}"#))
            XCTAssertEqual(String(decoding: text, as: UTF8.self), #"{"a":"b c","d":[1,2]}"#)
        }
    }

    /// Walks the whole structure the way importers do: containers member by member, scalars read.
    static func walk(_ reader: inout JSONStreamReader) throws {
        func value(_ reader: inout JSONStreamReader) throws {
            switch try reader.peekKind() {
            case .object: try reader.forEachMember { _, child in try value(&child) }
            case .array: try reader.forEachElement { _, child in try value(&child) }
            default: _ = try reader.readValue()
            }
        }
        try value(&reader)
        try reader.expectEnd()
    }
}
