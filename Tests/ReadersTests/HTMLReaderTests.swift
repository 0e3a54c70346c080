import AccountModel
import Foundation
#if canImport(Glibc)
import Glibc
#endif
@testable import Readers
import XCTest

final class HTMLReaderTests: XCTestCase {
    var folder: URL!

    override func setUpWithError() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("pda-html-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws { try? FileManager.default.removeItem(at: folder) }

    func records(_ page: Data, where test: @escaping (HTMLStartTag) -> Bool = { $0.hasClass("cell") }) throws -> [HTMLElement] {
        try page.write(to: folder.appendingPathComponent("page.html"))
        let export = try ExportReader(path: folder.path)
        var found: [HTMLElement] = []
        var ordinals: [Int] = []
        try export.forEachHTMLRecord(try XCTUnwrap(export.entry(at: "page.html")), isRecord: test) { record, ordinal in
            found.append(record)
            ordinals.append(ordinal)
        }
        XCTAssertEqual(ordinals, Array(0..<found.count))
        return found
    }

    func testRecordsEntitiesAndLines() throws {
        let page = #"<html><body><div class="x cell">Watched&nbsp;<a href="https://e.x/?a=1&amp;b=2">A &amp; B</a><br>&emsp;line two &lt;3<br></div><div class="other">no</div><div class="cell">caf&eacute; &#x4E2D;</div></body></html>"#
        let found = try records(Data(page.utf8))
        XCTAssertEqual(found.count, 2)
        let lines = found[0].lines
        XCTAssertEqual(lines.map(\.text), ["Watched A & B", "line two <3"])
        XCTAssertEqual(lines[0].links.map(\.href), ["https://e.x/?a=1&b=2"])
        XCTAssertEqual(found[1].text, "café 中")
    }

    /// libxml2 recovers from what browsers recover from: unclosed elements, stray end tags,
    /// a missing `</html>`, bytes that are not UTF-8.
    /// … and says nothing about it: libxml2's own reports quote the page, so none may reach
    /// stderr (as they would with libxml2's default SAX handler).
    func testMalformedPagesRecover() throws {
        var page = Data(#"<div class="cell"><p>one<span>unclosed</div></span></span><div class="cell">two <b>bold"#.utf8)
        page.append(contentsOf: [0xFF, 0xFE, 0x41])
        let log = folder.appendingPathComponent("stderr.txt")
        FileManager.default.createFile(atPath: log.path, contents: nil)
        let saved = dup(2), target = open(log.path, O_WRONLY)
        dup2(target, 2)
        let found = try records(page)
        dup2(saved, 2)
        close(target); close(saved)
        XCTAssertEqual(try Data(contentsOf: log).count, 0, "libxml2 wrote to stderr")
        XCTAssertEqual(found.count, 2)
        XCTAssertEqual(found[0].text, "oneunclosed")
        XCTAssertTrue(found[1].text.hasPrefix("two bold"), found[1].text)
    }

    /// A page larger than one read chunk (1 MiB) is read whole, records spanning chunk borders included.
    func testLargePageAcrossChunks() throws {
        var page = "<html><body>"
        for index in 0..<30_000 { page += #"<div class="cell"><a href="https://e.x/\#(index)">title \#(index)</a><br>text</div>"# }
        page += "</body></html>"
        XCTAssertGreaterThan(page.utf8.count, 2 << 20)
        let found = try records(Data(page.utf8))
        XCTAssertEqual(found.count, 30_000)
        XCTAssertEqual(found[29_999].lines.first?.links.first?.href, "https://e.x/29999")
        XCTAssertEqual(found[12_345].lines.first?.text, "title 12345")
    }

    /// Records come out while the page is still arriving, whatever the chunk size: libxml2 2.9
    /// stalls until the end of the document when a chunk ends inside a tag, which would hold the
    /// whole page in memory.
    func testRecordsStreamWhileThePageArrives() throws {
        var page = "<html><body>"
        for index in 0..<5_000 { page += #"<div class="cell"><a href="https://e.x/\#(index)" title="t">title \#(index)</a><br>text</div>"# }
        page += "</body></html>"
        let bytes = Data(page.utf8)
        for size in [1_000, 65_536, 100_000] {
            let parser = try XCTUnwrap(HTMLPushParser(isRecord: { $0.hasClass("cell") }))
            var beforeEnd = 0
            var offset = 0
            while offset < bytes.count {
                let end = min(offset + size, bytes.count)
                beforeEnd += parser.feed(bytes.subdata(in: offset..<end)).count
                offset = end
            }
            let atEnd = parser.finish().count
            XCTAssertEqual(beforeEnd + atEnd, 5_000, "chunks of \(size)")
            XCTAssertLessThanOrEqual(atEnd, 1, "chunks of \(size): records held back until the end")
        }
    }

    func testOversizedRecordIsRefused() throws {
        var limits = HTMLRecordLimits()
        limits.maxNodes = 10
        try Data((#"<div class="cell">"# + String(repeating: "<i>x</i>", count: 11) + "</div>").utf8).write(to: folder.appendingPathComponent("page.html"))
        let export = try ExportReader(path: folder.path)
        XCTAssertThrowsError(try export.forEachHTMLRecord(try XCTUnwrap(export.entry(at: "page.html")), limits: limits,
                                                          isRecord: { $0.hasClass("cell") }) { _, _ in }) { error in
            guard case .tooLarge(_, "page.html", _)? = error as? ImportError else { return XCTFail("\(error)") }
        }
    }
}
