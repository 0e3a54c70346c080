import AccountModel
import AccountStore
import Foundation
@testable import Importers
import Readers
import XCTest

/// Issue 14: imports stage media per import, and media files and rows agree after any failure.
final class ImportStagingTests: XCTestCase {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let xArchive = root.appendingPathComponent("fixtures/x/archive-2022").path
    static let tiktok = root.appendingPathComponent("fixtures/tiktok/json-2024").path

    var tmp: URL!
    var folder: AccountFolder!
    var store: AccountStore!

    override func setUpWithError() throws {
        tmp = FileManager.default.temporaryDirectory.appendingPathComponent("pda-staging-\(UUID().uuidString)")
        folder = AccountFolder(url: tmp.appendingPathComponent("account"))
        try folder.createDirectories()
        store = try AccountStore(folder: folder)
    }

    override func tearDownWithError() throws { try? FileManager.default.removeItem(at: tmp) }

    /// The X importer, failing after it has given every record (its media staged).
    struct FailingAtTheEnd: Importer {
        struct Failure: Error {}
        var name: String { "x" }
        var platform: Platform { .x }
        var version: String { "test" }
        func recognize(_ export: ExportReader) -> Recognition { XImporter().recognize(export) }
        func run(_ export: ExportReader, format: String, into sink: RecordSink) throws {
            try XImporter().run(export, format: format, into: sink)
            throw Failure()
        }
    }

    func storedMedia() -> [String] {
        (FileManager.default.enumerator(atPath: folder.mediaURL.path)?.allObjects as? [String] ?? [])
            .filter { $0.contains("/") }.sorted()
    }

    func testAFailedImportRemovesItsOwnStagingOnlyAndAddsNoMedia() throws {
        // Another import's staging folder, its owner still running.
        try FileManager.default.createDirectory(at: folder.stagingURL, withIntermediateDirectories: true)
        let other = try WorkDirectory(in: folder.stagingURL, prefix: MediaStager.folderPrefix)
        try Data(count: 10).write(to: other.url.appendingPathComponent("incoming"))
        let pipeline = ImportPipeline(store: store, folder: folder, importers: [FailingAtTheEnd()])
        XCTAssertThrowsError(try pipeline.importExport(paths: [Self.xArchive]))
        XCTAssertEqual(storedMedia(), [])
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: folder.stagingURL.path), [other.url.lastPathComponent])
        XCTAssertTrue(FileManager.default.fileExists(atPath: other.url.appendingPathComponent("incoming").path))
        other.remove()
    }

    func testMediaIsInTheStoreWhenTheRowsCommitAndStagingIsGone() throws {
        let pipeline = ImportPipeline(store: store, folder: folder)
        let report = try pipeline.importExport(paths: [Self.xArchive])
        XCTAssertGreaterThan(report.mediaFiles, 0)
        let stored = storedMedia().map { $0.replacingOccurrences(of: "/", with: "") }
        XCTAssertEqual(stored.count, report.mediaFiles)
        for sha256 in stored { XCTAssertTrue(try store.hasMedia(sha256: sha256)) }
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: folder.stagingURL.path), [])
    }

    /// A killed import left its staging folder after linking its files into the store: the next
    /// import removes the store files no committed row refers to, keeps the others, and the folder.
    func testTheNextImportSettlesAKilledImportsStaging() throws {
        let pipeline = ImportPipeline(store: store, folder: folder)
        _ = try pipeline.importExport(paths: [Self.xArchive])
        let committed = try XCTUnwrap(storedMedia().first?.replacingOccurrences(of: "/", with: ""))
        XCTAssertTrue(try store.hasMedia(sha256: committed))
        // Named like a SHA-256 (the sweep goes by name), with no media row.
        let orphanBytes = Data("placed, never committed".utf8)
        let orphan = String(repeating: "ab", count: 32)
        let dead = folder.stagingURL.appendingPathComponent(MediaStager.folderPrefix + "dead")
        try FileManager.default.createDirectory(at: dead, withIntermediateDirectories: true)
        try orphanBytes.write(to: dead.appendingPathComponent(orphan))
        try FileManager.default.createDirectory(at: folder.mediaFile(sha256: orphan).deletingLastPathComponent(), withIntermediateDirectories: true)
        try FileManager.default.linkItem(at: dead.appendingPathComponent(orphan), to: folder.mediaFile(sha256: orphan))
        try FileManager.default.linkItem(at: folder.mediaFile(sha256: committed), to: dead.appendingPathComponent(committed))

        _ = try pipeline.importExport(paths: [Self.tiktok])
        XCTAssertEqual(pipeline.swept.folders, 1)
        XCTAssertEqual(pipeline.swept.bytes, UInt64(orphanBytes.count), "only the orphan's bytes were freed")
        XCTAssertFalse(FileManager.default.fileExists(atPath: folder.mediaFile(sha256: orphan).path))
        XCTAssertTrue(FileManager.default.fileExists(atPath: folder.mediaFile(sha256: committed).path))
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: folder.stagingURL.path), [])
    }
}

extension ImportStagingTests {
    /// Rows whose file went missing (an older pda moved media after the commit, and the move
    /// failed): importing the same export again restores the files instead of saying nothing.
    func testReimportRestoresMediaMissingFromTheStore() throws {
        let pipeline = ImportPipeline(store: store, folder: folder)
        let first = try pipeline.importExport(paths: [Self.xArchive])
        let stored = storedMedia()
        XCTAssertEqual(stored.count, first.mediaFiles)
        for path in stored { try FileManager.default.removeItem(at: folder.mediaURL.appendingPathComponent(path)) }
        let again = try pipeline.importExport(paths: [Self.xArchive])
        XCTAssertEqual(again.status, .alreadyImported)
        XCTAssertEqual(again.mediaFiles, stored.count)
        XCTAssertEqual(storedMedia(), stored)
        XCTAssertEqual(try pipeline.importExport(paths: [Self.xArchive]).mediaFiles, 0, "nothing left to restore")
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: folder.stagingURL.path), [])
    }
}
