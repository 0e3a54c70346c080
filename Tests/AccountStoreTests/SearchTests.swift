import AccountModel
import AccountStore
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
