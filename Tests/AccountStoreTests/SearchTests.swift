import AccountModel
@testable import AccountStore
import XCTest

final class SearchTests: XCTestCase {
    var store: AccountStore!

    override func setUpWithError() throws {
        store = try AccountStore()
        let texts = ["今天的直播真好看，加油！", "Great live stream tonight 🎉", "東京の天気はいいです", "直到明天", "Café olé"]
        _ = try store.importExport(ExportDescription(platform: .tiktok, fileName: "f", sha256: "s", size: 1, format: "t",
                                                     importer: "t", importerVersion: "1", importedAt: "2025-01-01T00:00:00Z"),
                                   media: nil) { sink in
            for (i, text) in texts.enumerated() {
                try sink.add(Item(platform: .tiktok, kind: .comment, nativeID: String(i), text: text, raw: .string(text),
                                  locator: Locator(entry: "e", pointer: "/\(i)")))
            }
        }
    }

    func texts(_ query: String) throws -> [String] { try store.search(query).compactMap(\.item.text) }

    func testTwoCharacterChineseWordInsideASentence() throws {
        XCTAssertEqual(try texts("直播"), ["今天的直播真好看，加油！"])
        XCTAssertEqual(try texts("加油"), ["今天的直播真好看，加油！"])
        XCTAssertEqual(try texts("好看"), ["今天的直播真好看，加油！"])
    }

    func testSingleCharacterAndLongerRuns() throws {
        XCTAssertEqual(Set(try texts("直")), ["今天的直播真好看，加油！", "直到明天"])
        XCTAssertEqual(try texts("直播真好看"), ["今天的直播真好看，加油！"])
        XCTAssertEqual(try texts("明天"), ["直到明天"])
        XCTAssertEqual(try texts("播直"), [])
    }

    func testJapaneseLatinAndDiacritics() throws {
        XCTAssertEqual(try texts("天気"), ["東京の天気はいいです"])
        XCTAssertEqual(try texts("STREAM"), ["Great live stream tonight 🎉"])
        XCTAssertEqual(try texts("cafe"), ["Café olé"])
        XCTAssertEqual(try texts("live tonight"), ["Great live stream tonight 🎉"])
    }

    func testSnippetMarksTheMatchAndQuerySyntaxIsInert() throws {
        XCTAssertEqual(try store.search("直播").first?.snippet, "今天的[直播]真好看，加油！")
        XCTAssertEqual(try texts("\"NEAR( AND *"), [])
    }
}

/// The index form is built from UTF-8 bytes for speed; it must segment exactly as the
/// Character-based definition (and as `matchExpression`, which reads Characters' scalars).
final class IndexFormTests: XCTestCase {
    /// The definition is the frozen form migration v3 rebuilds the index with: while the live
    /// form agrees with it, old and new accounts hold the same index. If this fails after a
    /// change to SearchText, add a migration that rebuilds the index with a frozen copy of the
    /// new form.
    func reference(_ text: String) -> String { SearchFormV3.indexForm(text) }

    func testMatchesTheCharacterDefinition() {
        let texts = [
            "", "plain ascii", "Café olé", "今天的直播真好看，加油！", "東京の天気はいいです", "直到明天",
            "か\u{3099}き\u{3099}", "a\u{3099}b", "\u{3099}開始", "한국어 텍스트", "\u{1100}\u{1161}\u{11A8}글",
            "👍🏽 直播 👨‍👩‍👧 🇨🇳 中国", "中\u{FE0F}文", "中\u{200D}文", "漢\u{E0100}字", "𠀋𠀌 extension B",
            "mixed中文and日本語テキスト", "、。「直播」", "\u{0301}", "e\u{0301}中", "中\u{0301}",
        ]
        for text in texts {
            XCTAssertEqual(SearchText.indexForm(text), reference(text), "for \(text.unicodeScalars.map { String($0.value, radix: 16) })")
        }
    }

    func testDecomposedKanaIsFoundByItsComposedQuery() throws {
        let store = try AccountStore()
        _ = try store.importExport(ExportDescription(platform: .tiktok, fileName: "e.zip", sha256: "e", size: 1, format: "t",
                                                     importer: "t", importerVersion: "1", importedAt: "2025-01-01T00:00:00Z"), media: nil) { sink in
            try sink.add(Item(platform: .tiktok, kind: .comment, nativeID: "1", text: "か\u{3099}んは\u{3099}れ", raw: .null,
                              locator: Locator(entry: "x")))
        }
        XCTAssertEqual(try store.search("か\u{3099}ん").count, 1)
        XCTAssertEqual(try store.search("んは\u{3099}").count, 1)
    }
}

