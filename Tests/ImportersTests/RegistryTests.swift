import AccountModel
import AccountStore
import Foundation
@testable import Importers
@testable import Readers
import XCTest

/// Adding a platform is one folder under Sources/Importers/Platforms, one line in the registry
/// and fixtures under fixtures/<platform>/. These tests fail when any of the three is missing,
/// and import every fixture case through the real pipeline.
final class RegistryTests: XCTestCase {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    /// Fixture cases that exist to be refused (none since HTML Takeouts import).
    static let expectedRefusals: Set<String> = []

    /// Records a fixture holds twice on purpose, as real exports do (the same record written
    /// twice collapses into one).
    static let exactRepeats: [String: Int] = [:]

    func subfolders(_ url: URL) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: url.path)) ?? []).filter { name in
            var isDirectory: ObjCBool = false
            return FileManager.default.fileExists(atPath: url.appendingPathComponent(name).path, isDirectory: &isDirectory) && isDirectory.boolValue
        }.sorted()
    }

    func testEveryPlatformFolderIsRegistered() throws {
        let platforms = Self.root.appendingPathComponent("Sources/Importers/Platforms")
        let registered = Set(ImporterRegistry.builtIn.map(\.name))
        for folder in subfolders(platforms) {
            let files = try FileManager.default.contentsOfDirectory(atPath: platforms.appendingPathComponent(folder).path)
            // Folders of shared helpers (Meta) hold no importer of their own.
            guard files.contains(where: { $0.hasSuffix("Importer.swift") }) else { continue }
            XCTAssertTrue(registered.contains(folder.lowercased()), "Platforms/\(folder) has an importer that is not in ImporterRegistry.builtIn")
        }
        XCTAssertEqual(registered.count, ImporterRegistry.builtIn.count, "two importers share a name")
    }

    func testEveryRegisteredImporterHasFixturesThatImport() throws {
        for importer in ImporterRegistry.builtIn {
            let dir = Self.root.appendingPathComponent("fixtures/\(importer.platform.rawValue)")
            let cases = subfolders(dir)
            XCTAssertFalse(cases.isEmpty, "no fixtures for \(importer.name): add fixtures/\(importer.platform.rawValue)/<case>/")
            for name in cases {
                let key = "\(importer.platform.rawValue)/\(name)"
                let tmp = FileManager.default.temporaryDirectory.appendingPathComponent("pda-registry-\(UUID().uuidString)")
                defer { try? FileManager.default.removeItem(at: tmp) }
                let folder = AccountFolder(url: tmp)
                try folder.createDirectories()
                let pipeline = ImportPipeline(store: try AccountStore(folder: folder), folder: folder)
                let path = dir.appendingPathComponent(name).path
                if Self.expectedRefusals.contains(key) {
                    XCTAssertThrowsError(try pipeline.importExport(paths: [path]), key)
                    continue
                }
                let export = try ExportReader(path: path)
                XCTAssertEqual(try pipeline.choose(for: export, platform: nil).0.name, importer.name, "\(key) is recognized by another importer")
                let report = try pipeline.importExport(paths: [path])
                XCTAssertGreaterThan(report.newRecords, 0, "\(key) imported nothing")
                // Natural keys must not merge records that differ in the export: on a first
                // import no item or activity is "already present" unless the fixture repeats a
                // record. (Identity facts and inferences are sets: a profile's e-mail stated in
                // two sections is one fact.)
                for (group, kinds) in report.records where group == "items" || group == "activity" {
                    for (kind, tally) in kinds {
                        let expected = Self.exactRepeats["\(key) \(kind)"] ?? 0
                        XCTAssertEqual(tally.present, expected, "\(key): \(tally.present) \(group) \(kind) records collapsed into others")
                    }
                }
                XCTAssertEqual(try pipeline.importExport(paths: [path]).status, .alreadyImported, key)
            }
        }
    }
}
