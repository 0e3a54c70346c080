import AccountModel
import AccountStore
import Foundation
@testable import Importers
@testable import Readers
import XCTest
import ZIPFoundation

/// Every broken or hostile export in fixtures/bad/ is refused with a message naming the file
/// and entry, exit code 65 (66 when missing), and leaves the account exactly as it was.
final class BadInputTests: XCTestCase {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let bad = root.appendingPathComponent("fixtures/bad")

    var folder: AccountFolder!
    var store: AccountStore!
    var pipeline: ImportPipeline!
    var tmp: URL!

    override func setUpWithError() throws {
        tmp = FileManager.default.temporaryDirectory.appendingPathComponent("pda-bad-\(UUID().uuidString)")
        folder = AccountFolder(url: tmp.appendingPathComponent("account"))
        try folder.createDirectories()
        store = try AccountStore(folder: folder)
        pipeline = ImportPipeline(store: store, folder: folder)
    }

    override func tearDownWithError() throws { try? FileManager.default.removeItem(at: tmp) }

    /// Imports `path`, expects a refusal, and checks the message and that nothing changed.
    func assertRefused(_ path: String, code: Int32 = 65, mentions: [String], file: StaticString = #filePath, line: UInt = #line) throws {
        let before = try snapshot()
        XCTAssertThrowsError(try pipeline.importExport(paths: [path]), file: file, line: line) { error in
            guard let error = error as? ImportError else { return XCTFail("not an ImportError: \(error)", file: file, line: line) }
            XCTAssertEqual(error.exitCode, code, "\(error)", file: file, line: line)
            let message = error.localizedDescription
            for word in mentions { XCTAssertTrue(message.contains(word), "\"\(message)\" lacks \(word)", file: file, line: line) }
        }
        XCTAssertEqual(try snapshot(), before, "the account changed", file: file, line: line)
    }

    /// Everything a failed import could have touched: rows and files.
    func snapshot() throws -> String {
        let status = try store.status()
        let files = (FileManager.default.enumerator(atPath: folder.url.appendingPathComponent("media").path)?.allObjects as? [String] ?? []).sorted()
        return "\(status.sources.count) \(status.counts) \(files)"
    }

    func fixture(_ name: String) -> String { Self.bad.appendingPathComponent(name).path }

    func testZipSlip() throws { try assertRefused(fixture("zip-slip.zip"), mentions: ["zip-slip.zip", "../../evil.json"]) }
    func testAbsolutePath() throws { try assertRefused(fixture("absolute-path.zip"), mentions: ["absolute-path.zip", "/tmp/evil.json"]) }
    func testSymlink() throws { try assertRefused(fixture("symlink.zip"), mentions: ["symlink.zip", "link.json", "symbolic link"]) }
    func testInvalidJSON() throws { try assertRefused(fixture("invalid-json.zip"), mentions: ["invalid-json.zip", "user_data_tiktok.json", "invalid JSON"]) }
    func testDeepNesting() throws { try assertRefused(fixture("deep-nesting.zip"), mentions: ["deep-nesting.zip", "user_data_tiktok.json", "nesting"]) }
    func testInvalidUTF8() throws { try assertRefused(fixture("invalid-utf8.zip"), mentions: ["invalid-utf8.zip", "user_data_tiktok.json", "UTF-8"]) }
    func testUnrecognized() throws { try assertRefused(fixture("unrecognized.zip"), mentions: ["unrecognized.zip", "no importer"]) }
    func testEmpty() throws { try assertRefused(fixture("empty.zip"), mentions: ["empty.zip", "empty"]) }
    func testTruncated() throws { try assertRefused(fixture("truncated.zip"), mentions: ["truncated.zip", "download it again"]) }
    func testCorrupt() throws { try assertRefused(fixture("corrupt.zip"), mentions: ["corrupt.zip", "user_data_tiktok.json"]) }
    func testCRCMismatch() throws { try assertRefused(fixture("crc-mismatch.zip"), mentions: ["crc-mismatch.zip", "user_data_tiktok.json", "CRC"]) }
    func testNotAZip() throws { try assertRefused(fixture("not-a-zip.zip"), mentions: ["not-a-zip.zip", "not a zip"]) }
    /// Found by `make fuzz` (FuzzXLSX): a workbook of the two bytes `PK` trapped ZIPFoundation's
    /// in-memory archive. It is now a typed refusal naming the file and the entry.
    func testXLSXThatIsOnlyPK() throws {
        try assertRefused(fixture("xlsx-pk-only.zip"), mentions: ["xlsx-pk-only.zip"])
        let export = try ExportReader(path: fixture("xlsx-pk-only.zip"))
        XCTAssertThrowsError(try export.xlsx(export.entries[0])) { error in
            XCTAssertEqual(error as? ImportError, .malformed(file: "xlsx-pk-only.zip", entry: "淘宝订单导出.xlsx",
                                                            reason: "not an xlsx workbook: it is not a zip archive"))
        }
    }
    func testMissingPath() throws { try assertRefused(tmp.appendingPathComponent("nope.zip").path, code: 66, mentions: ["nope.zip"]) }

    func testEmptyFolder() throws {
        let empty = tmp.appendingPathComponent("empty-folder")
        try FileManager.default.createDirectory(at: empty, withIntermediateDirectories: true)
        try assertRefused(empty.path, mentions: ["empty-folder", "empty"])
    }

    func testZipBombByRatio() throws {
        let url = tmp.appendingPathComponent("bomb.zip")
        let archive = try Archive(url: url, accessMode: .create)
        let size = 64 << 20
        try archive.addEntry(with: "user_data_tiktok.json", type: .file, uncompressedSize: Int64(size), compressionMethod: .deflate) { (position: Int64, chunk: Int) -> Data in
            Data(count: min(chunk, size - Int(position)))
        }
        try assertRefused(url.path, mentions: ["bomb.zip", "user_data_tiktok.json", "zip bomb"])
    }

    func testTooManyEntries() throws {
        let url = tmp.appendingPathComponent("many.zip")
        let archive = try Archive(url: url, accessMode: .create)
        for i in 0..<20 {
            try archive.addEntry(with: "f\(i).txt", type: .file, uncompressedSize: 1, compressionMethod: .none) { (_: Int64, _: Int) -> Data in Data("x".utf8) }
        }
        var limits = ExportLimits()
        limits.maxEntries = 10
        XCTAssertThrowsError(try ExportReader(path: url.path, limits: limits)) { error in
            XCTAssertEqual(error as? ImportError, .tooManyEntries(file: "many.zip", count: 11, limit: 10))
        }
    }

    func testSymlinkInAFolder() throws {
        let dir = tmp.appendingPathComponent("linked")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        try Data("{}".utf8).write(to: dir.appendingPathComponent("user_data_tiktok.json"))
        try FileManager.default.createSymbolicLink(atPath: dir.appendingPathComponent("secret").path, withDestinationPath: "/etc/passwd")
        try assertRefused(dir.path, mentions: ["linked", "secret", "symbolic link"])
    }
}
