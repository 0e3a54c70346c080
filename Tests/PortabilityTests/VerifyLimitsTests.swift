import AccountModel
import Foundation
@testable import Portability
import XCTest
import ZIPFoundation

/// `pda verify` reads archives from strangers: every field is measured before it is decoded, and
/// each hostile archive of issue 14 is rejected with a named problem (how fast is `make bench`'s
/// business: bench/verify_hostile.sh).
final class VerifyLimitsTests: XCTestCase {
    private var root: URL!
    private let created = "2025-05-01T12:00:00Z"
    private let video = "items/tiktok/video-7312345678901234567"

    override func setUpWithError() throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("pda-verify-limits-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws { try? FileManager.default.removeItem(at: root) }

    // MARK: - Claims

    func testLongProofValueIsRefusedBeforeDecoding() throws {
        let bag = try exportedBag()
        try editClaim(bag) { claim in
            Self.replacing(claim, "proof") { proof in Self.replacing(proof, "proofValue") { _ in .string("z" + String(repeating: "2", count: 200_000)) } }
        }
        XCTAssertTrue(try problems(of: video, in: bag).contains(
            "authorship.vc.json: proof: proofValue is 200001 bytes, more than the 128 an Ed25519 signature may take"))
    }

    func testLongDIDsAreRefusedBeforeDecoding() throws {
        let bag = try exportedBag()
        let long = "did:key:z" + String(repeating: "6", count: 100_000)
        try editClaim(bag) { claim in
            let renamed = Self.replacing(claim, "issuer") { _ in .string(long) }
            return Self.replacing(renamed, "proof") { proof in Self.replacing(proof, "verificationMethod") { _ in .string(long) } }
        }
        let found = try problems(of: video, in: bag)
        XCTAssertTrue(found.contains("authorship.vc.json: proof: verificationMethod is 100009 bytes, more than the 256 a did:key may have"), "\(found)")
        XCTAssertTrue(found.contains("authorship.vc.json: issuer is 100009 bytes, more than the 256 a did:key may have"), "\(found)")
    }

    func testFourMiBClaimIsNotRead() throws {
        let bag = try exportedBag()
        let claim = bag.appendingPathComponent("data/\(video)/authorship.vc.json")
        // Still valid JSON: the claim followed by 4 MiB of white space.
        let padded = try Data(contentsOf: claim) + Data(repeating: 0x20, count: 4 << 20)
        try padded.write(to: claim)
        XCTAssertTrue(try problems(of: video, in: bag).contains("authorship.vc.json: \(padded.count) bytes, more than the 1 MiB a claim may have; not read"))
    }

    func testDeeplyNestedClaimIsRefused() throws {
        let bag = try exportedBag()
        let claim = bag.appendingPathComponent("data/\(video)/authorship.vc.json")
        try Data((String(repeating: "[", count: 50_000) + String(repeating: "]", count: 50_000)).utf8).write(to: claim)
        XCTAssertTrue(try problems(of: video, in: bag).contains("authorship.vc.json: not valid JSON (nesting deeper than 32 levels)"))
    }

    func testBase58AndDIDKeyRefuseLongTextThemselves() {
        XCTAssertThrowsError(try Base58.decode(String(repeating: "2", count: 5_000))) { error in
            XCTAssertEqual(error as? Base58Error, .tooLong(count: 5_000, limit: Base58.maxDecodeLength))
        }
        XCTAssertThrowsError(try DIDKey(parsing: "did:key:z" + String(repeating: "6", count: 1_000))) { error in
            XCTAssertEqual(error as? DIDKeyError, .tooLong(count: 1_009))
        }
    }

    // MARK: - Tag files and manifests

    func testHostileManifestLinesAreNamedNotParsed() throws {
        let bag = try exportedBag()
        let manifest = bag.appendingPathComponent("manifest-sha256.txt")
        let original = try String(contentsOf: manifest, encoding: .utf8)
        try ("ab  data/" + String(repeating: "x", count: 100_000) + "\n" + original).write(to: manifest, atomically: true, encoding: .utf8)
        let report = try ArchiveVerifier.verify(bag)
        XCTAssertTrue(report.bagProblems.contains("manifest-sha256.txt: line 1 is longer than the 4096 bytes a manifest line may have"), "\(report.bagProblems)")

        var limits = VerifyLimits()
        limits.maxManifestBytes = 1 << 10
        let small = try ArchiveVerifier.verify(bag, limits: limits)
        let size = try Data(contentsOf: bag.appendingPathComponent("manifest-sha512.txt")).count
        XCTAssertTrue(small.bagProblems.contains("manifest-sha512.txt: \(size) bytes, more than the 1 KiB a manifest may have; not read"), "\(small.bagProblems)")

        limits = VerifyLimits()
        limits.maxManifestLines = 3
        XCTAssertTrue(try ArchiveVerifier.verify(bag, limits: limits).bagProblems.contains(
            "manifest-sha256.txt: more than 3 lines, more than a bag may have files; the rest was not read"))
    }

    func testHugeBagInfoIsNotRead() throws {
        let bag = try exportedBag()
        let info = bag.appendingPathComponent("bag-info.txt")
        let bytes = try Data(contentsOf: info) + Data(repeating: 0x20, count: 100_000)
        try bytes.write(to: info)
        let report = try ArchiveVerifier.verify(bag)
        XCTAssertTrue(report.bagProblems.contains("bag-info.txt: \(bytes.count) bytes, more than the 64 KiB a tag file may have; not read"))
        XCTAssertFalse(report.bagProblems.contains("bag-info.txt is missing"))
    }

    // MARK: - The zip and the listing

    func testTooManyEntriesAndLongPaths() throws {
        let zip = try TestAccount(in: root).export(to: root.appendingPathComponent("a.zip"), created: created)
        var limits = VerifyLimits()
        limits.maxEntries = 10
        for url in [zip, try unzip(zip)] {
            XCTAssertThrowsError(try ArchiveVerifier.verify(url, limits: limits)) { error in
                XCTAssertEqual(error as? ArchiveError, .notAnArchive(path: url.path, reason: "more than 10 entries, more than any pda archive holds"))
            }
        }
        limits = VerifyLimits()
        limits.maxPathBytes = 50
        let report = try ArchiveVerifier.verify(zip, limits: limits)
        XCTAssertFalse(report.valid)
        XCTAssertTrue(report.bagProblems.contains { $0.hasPrefix("an entry's path is ") && $0.hasSuffix("more than the 50 a bag path may have; skipped") })
    }

    /// Many central records naming the same compressed bytes: each would be inflated again.
    func testOverlappingEntriesAreRefused() throws {
        let url = root.appendingPathComponent("overlap.zip")
        try ZipBytes.overlapping(count: 1_000, payload: Data(repeating: 0x41, count: 10_000)).write(to: url)
        XCTAssertThrowsError(try ArchiveVerifier.verify(url)) { error in
            XCTAssertEqual(error as? ArchiveError, .notAnArchive(path: url.path, reason: "its entries overlap (a zip bomb that reuses the same bytes)"))
        }
    }

    func testDeflateBombIsNotInflated() throws {
        let url = root.appendingPathComponent("bomb.zip")
        let archive = try Archive(url: url, accessMode: .create)
        let declaration = Data(BagIt.declaration.utf8)
        try archive.addEntry(with: "bag/bagit.txt", type: .file, uncompressedSize: Int64(declaration.count)) { _, _ in declaration }
        let size = 8 << 20
        try archive.addEntry(with: "bag/data/zeros.bin", type: .file, uncompressedSize: Int64(size), compressionMethod: .deflate) { (position: Int64, chunk: Int) in
            Data(count: min(chunk, size - Int(position)))
        }
        let report = try ArchiveVerifier.verify(url)
        XCTAssertTrue(report.bagProblems.contains("data/zeros.bin: inflates more than 200:1 (a zip bomb); not read"), "\(report.bagProblems)")
    }

    // MARK: - Helpers

    private func exportedBag() throws -> URL {
        try unzip(try TestAccount(in: root).export(to: root.appendingPathComponent("a-\(UUID().uuidString).zip"), created: created))
    }

    private func unzip(_ url: URL) throws -> URL {
        let target = root.appendingPathComponent("unzipped-\(UUID().uuidString)")
        try FileManager.default.unzipItem(at: url, to: target)
        return try XCTUnwrap(FileManager.default.contentsOfDirectory(at: target, includingPropertiesForKeys: nil).first)
    }

    private func editClaim(_ bag: URL, _ edit: (JSONValue) -> JSONValue) throws {
        let url = bag.appendingPathComponent("data/\(video)/authorship.vc.json")
        try JSONWriter.data(edit(try JSONParser.parse(Data(contentsOf: url))), pretty: true).write(to: url)
    }

    private func problems(of item: String, in bag: URL) throws -> [String] {
        try XCTUnwrap(try ArchiveVerifier.verify(bag).items.first { $0.id == item }).problems
    }

    private static func replacing(_ value: JSONValue, _ key: String, _ change: (JSONValue) -> JSONValue) -> JSONValue {
        .object((value.members ?? []).map { $0.key == key ? .init(key, change($0.value)) : $0 })
    }
}

/// Zips written byte by byte, for shapes no zip library will produce.
enum ZipBytes {
    /// One stored entry, and `count` central records that all point at it under distinct names.
    static func overlapping(count: Int, payload: Data) -> Data {
        func u16(_ v: Int) -> Data { Data([UInt8(v & 0xFF), UInt8(v >> 8 & 0xFF)]) }
        func u32(_ v: Int) -> Data { u16(v & 0xFFFF) + u16(v >> 16 & 0xFFFF) }
        let name = Data("bag/bagit.txt".utf8)
        var zip = u32(0x0403_4B50) + u16(10) + u16(0) + u16(0) + u16(0) + u16(0) + u32(0)
        zip += u32(payload.count) + u32(payload.count) + u16(name.count) + u16(0) + name + payload
        let directoryStart = zip.count
        for i in 0..<count {
            let entry = Data("bag/data/f\(i).bin".utf8)
            zip += u32(0x0201_4B50) + u16(20) + u16(10) + u16(0) + u16(0) + u16(0) + u16(0) + u32(0)
            zip += u32(payload.count) + u32(payload.count) + u16(entry.count) + u16(0) + u16(0) + u16(0) + u16(0) + u32(0) + u32(0) + entry
        }
        let directorySize = zip.count - directoryStart
        zip += u32(0x0605_4B50) + u16(0) + u16(0) + u16(count) + u16(count) + u32(directorySize) + u32(directoryStart) + u16(0)
        return zip
    }
}
