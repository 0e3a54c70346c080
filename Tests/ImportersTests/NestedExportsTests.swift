import AccountModel
import AccountStore
import Foundation
@testable import Importers
@testable import Readers
import XCTest
import ZIPFoundation

/// The folder that holds the downloaded zip, and a download zipped again, import as the zip
/// inside; an export no importer knows that holds zips says which to pass.
final class NestedExportsTests: XCTestCase {
    var temporary: URL!

    override func setUpWithError() throws { temporary = try FixtureSupport.temporaryFolder("nested") }
    override func tearDownWithError() throws { try? FileManager.default.removeItem(at: temporary) }

    func zip(_ source: URL, to target: URL) throws {
        try FileManager.default.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
        try FileManager.default.zipItem(at: source, to: target)
    }

    func testFolderOfZipsAndZipOfZipsStandForTheInnerExport() throws {
        let inner = temporary.appendingPathComponent("downloads/tiktok.zip")
        try zip(FixtureSupport.fixture("tiktok", "json-2024"), to: inner)
        try Data().write(to: temporary.appendingPathComponent("downloads/.DS_Store"))
        let again = temporary.appendingPathComponent("again.zip")
        try zip(inner, to: again)
        let scratch = temporary.appendingPathComponent("scratch")

        let folder = try NestedExports.expand(temporary.appendingPathComponent("downloads").path, scratch: scratch)
        XCTAssertEqual(folder, [.init(path: inner.path, foundIn: "downloads/")])
        let copied = try NestedExports.expand(again.path, scratch: scratch)
        XCTAssertEqual(copied.map(\.foundIn), ["again.zip"])
        XCTAssertEqual(try FileHash.sha256(of: copied[0].path).hex, try FileHash.sha256(of: inner.path).hex,
                       "the copy is the same file, so importing both is idempotent")
        // An export itself, and a path that does not exist, stand for themselves.
        XCTAssertEqual(try NestedExports.expand(inner.path, scratch: scratch), [.init(path: inner.path)])
        let fixture = FixtureSupport.fixture("tiktok", "json-2024").path
        XCTAssertEqual(try NestedExports.expand(fixture, scratch: scratch), [.init(path: fixture)])
    }

    func testAnUnrecognizedExportNamesTheZipsItHolds() throws {
        let export = temporary.appendingPathComponent("mixed")
        try FileManager.default.createDirectory(at: export, withIntermediateDirectories: true)
        try Data("hello".utf8).write(to: export.appendingPathComponent("readme.txt"))
        try zip(FixtureSupport.fixture("tiktok", "json-2024"), to: export.appendingPathComponent("Takeout/part.zip"))
        let account = AccountFolder(url: temporary.appendingPathComponent("account"))
        try account.createDirectories()
        let pipeline = ImportPipeline(store: try AccountStore(folder: account), folder: account)
        XCTAssertEqual(try NestedExports.expand(export.path, scratch: temporary), [.init(path: export.path)], "not only zips: left as it is")
        XCTAssertThrowsError(try pipeline.importExport(paths: [export.path])) { error in
            let message = (error as? LocalizedError)?.errorDescription ?? ""
            XCTAssertTrue(message.contains("It holds 1 zip file (\"Takeout/part.zip\")"), message)
            XCTAssertTrue(message.contains("pass that zip to pda import"), message)
        }
    }
}
