import AccountModel
import AccountStore
import Crypto
import Foundation
@testable import Portability
import XCTest
import ZIPFoundation

/// `pda export` and `pda verify` end to end on a small account with media: the archive verifies,
/// is byte-identical when made twice, and every tampering the issue names is caught and named.
final class ArchiveTests: XCTestCase {
    private var root: URL!
    private let created = "2025-05-01T12:00:00Z"

    override func setUpWithError() throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("pda-archive-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: root)
    }

    // MARK: - Export and verify

    func testExportVerifiesAndHasTheDesignedLayout() throws {
        let account = try TestAccount(in: root)
        let zip = try account.export(to: root.appendingPathComponent("a.zip"), created: created)
        let report = try ArchiveVerifier.verify(zip)
        XCTAssertTrue(report.valid, "\(report.bagProblems) \(report.sealProblems) \(report.items.filter { !$0.valid })")
        XCTAssertEqual(report.owner, account.did)
        XCTAssertEqual(report.items.count, 5, "messages are left out by default")
        XCTAssertFalse(report.items.contains { $0.id.contains("message") })

        let entries = try zipEntries(zip)
        let tops = Set(entries.map { $0.split(separator: "/").first.map(String.init) ?? "" })
        XCTAssertEqual(tops.count, 1, "exactly one top-level folder")
        let bag = try XCTUnwrap(tops.first)
        XCTAssertTrue(bag.hasPrefix("pda-archive-20250501-"))
        let names = Set(entries.map { String($0.dropFirst(bag.count + 1)) })
        for required in ["bagit.txt", "bag-info.txt", "manifest-sha256.txt", "manifest-sha512.txt", "tagmanifest-sha256.txt",
                         "tagmanifest-sha512.txt", "signatures/tagmanifest-sha512.vc.json", "data/ro-crate-metadata.json",
                         "data/index.html", "data/owner.json", "data/ledger.json",
                         "data/items/tiktok/video-7312345678901234567/item.json",
                         "data/items/tiktok/video-7312345678901234567/authorship.vc.json",
                         "data/items/tiktok/video-7312345678901234567/media-1-clip.mp4",
                         "data/items/tiktok/video-7312345678901234567/media-2-cover.jpg"] {
            XCTAssertTrue(names.contains(required), "missing \(required)")
        }
        XCTAssertFalse(names.contains { $0.hasPrefix("data/activity/") }, "activity only with --with-activity")
        // Ids that differ only by case get distinct folders; unsafe ids are made safe.
        let comments = names.filter { $0.hasPrefix("data/items/tiktok/comment-") && $0.hasSuffix("/item.json") }
        XCTAssertEqual(comments.count, 3)
        XCTAssertEqual(Set(comments.map { $0.lowercased() }).count, 3)
        for name in names { XCTAssertNil(name.range(of: #"[^A-Za-z0-9._/-]"#, options: .regularExpression), name) }

        let unzipped = try unzip(zip)
        XCTAssertEqual(try String(contentsOf: unzipped.appendingPathComponent("bagit.txt"), encoding: .utf8),
                       "BagIt-Version: 1.0\nTag-File-Character-Encoding: UTF-8\n")
        let info = try String(contentsOf: unzipped.appendingPathComponent("bag-info.txt"), encoding: .utf8)
        XCTAssertTrue(info.contains("Bagging-Date: 2025-05-01\n"))
        XCTAssertTrue(info.contains("Bag-Software-Agent: pda 0.0-test\n"))
        XCTAssertNotNil(info.range(of: #"External-Identifier: urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}\n"#,
                                   options: .regularExpression))
        XCTAssertNotNil(info.range(of: #"Payload-Oxum: \d+\.\d+\n"#, options: .regularExpression))
        let ledger = try JSONParser.parse(Data(contentsOf: unzipped.appendingPathComponent("data/ledger.json")))
        XCTAssertEqual(ledger["totals"]?["content"]?.stringValue, String(report.items.count + 1), "5 items and the message")
    }

    func testClaimHasTheDesignedShape() throws {
        let account = try TestAccount(in: root)
        let bag = try unzip(try account.export(to: root.appendingPathComponent("a.zip"), created: created))
        let folder = bag.appendingPathComponent("data/items/tiktok/video-7312345678901234567")
        let claim = try JSONParser.parse(Data(contentsOf: folder.appendingPathComponent("authorship.vc.json")))
        XCTAssertEqual(claim["@context"], .array([.string("https://www.w3.org/ns/credentials/v2")]))
        XCTAssertEqual(claim["type"], .array([.string("VerifiableCredential"), .string("AuthorshipCredential")]))
        XCTAssertEqual(claim["issuer"]?.stringValue, account.did)
        XCTAssertEqual(claim["validFrom"]?.stringValue, created)
        let subject = try XCTUnwrap(claim["credentialSubject"])
        XCTAssertEqual(subject["platform"]?.stringValue, "tiktok")
        XCTAssertEqual(subject["nativeId"], .string("7312345678901234567"))
        XCTAssertEqual(subject["author"]?.stringValue, account.did)
        XCTAssertEqual(subject["source"]?["sha256"]?.stringValue, TestAccount.exportSHA256)
        let resources = try XCTUnwrap(claim["relatedResource"]?.arrayValue)
        XCTAssertEqual(resources.count, 3)
        for resource in resources {
            XCTAssertTrue(resource["id"]?.stringValue?.hasPrefix("arcp://uuid,") ?? false)
            XCTAssertTrue(resource["digestSRI"]?.stringValue?.hasPrefix("sha384-") ?? false)
        }
        let proof = try XCTUnwrap(claim["proof"])
        XCTAssertEqual(proof["cryptosuite"]?.stringValue, "eddsa-jcs-2022")
        XCTAssertEqual(proof["created"]?.stringValue, created)
        XCTAssertEqual(proof["verificationMethod"]?.stringValue, try DIDKey(parsing: account.did).verificationMethod)
        XCTAssertTrue(DataIntegrity.verify(securedDocument: claim).verified)

        let crate = try JSONParser.parse(Data(contentsOf: bag.appendingPathComponent("data/ro-crate-metadata.json")))
        let graph = try XCTUnwrap(crate["@graph"]?.arrayValue)
        let item = try XCTUnwrap(graph.first { $0["@id"]?.stringValue == "items/tiktok/video-7312345678901234567/" })
        for key in ["wasDerivedFrom", "isBasedOn", "identifier", "url", "dateCreated", "subjectOf", "author"] {
            XCTAssertNotNil(item[key], key)
        }
        XCTAssertNotNil(graph.first { $0["@type"]?.stringValue == "CreateAction" && $0["object"]?["@id"]?.stringValue == "#export-\(TestAccount.exportSHA256)" })
        XCTAssertNotNil(graph.first { $0["@id"]?.stringValue == account.did && $0["@type"]?.stringValue == "Person" })
    }

    func testSameAccountOptionsAndTimeGiveIdenticalBytes() throws {
        let account = try TestAccount(in: root)
        let a = try account.export(to: root.appendingPathComponent("a.zip"), created: created, activity: true)
        let b = try account.export(to: root.appendingPathComponent("b.zip"), created: created, activity: true)
        XCTAssertEqual(try Data(contentsOf: a), try Data(contentsOf: b))
        let c = try account.export(to: root.appendingPathComponent("c.zip"), created: "2025-05-02T12:00:00Z", activity: true)
        XCTAssertNotEqual(try Data(contentsOf: a), try Data(contentsOf: c))
    }

    func testMessagesAndActivityOnlyWhenAsked() throws {
        let account = try TestAccount(in: root)
        let zip = try account.export(to: root.appendingPathComponent("a.zip"), created: created, activity: true, messages: true)
        let report = try ArchiveVerifier.verify(zip)
        XCTAssertTrue(report.valid)
        XCTAssertEqual(report.items.count, 6)
        XCTAssertTrue(report.items.contains { $0.id.hasPrefix("items/tiktok/message-") })
        let bag = try unzip(zip)
        let lines = try String(contentsOf: bag.appendingPathComponent("data/activity/tiktok.jsonl"), encoding: .utf8)
            .split(separator: "\n")
        XCTAssertEqual(lines.count, 2)
        XCTAssertThrowsError(try account.export(to: root.appendingPathComponent("m.zip"), created: created, kinds: ["message"]))
    }

    func testForcedZIP64IsReadBack() throws {
        let account = try TestAccount(in: root)
        let zip = try account.export(to: root.appendingPathComponent("z.zip"), created: created, forceZip64: true)
        let bytes = try Data(contentsOf: zip)
        XCTAssertNotNil(bytes.range(of: Data([0x50, 0x4B, 0x06, 0x06])), "ZIP64 end of central directory record")
        XCTAssertTrue(try ArchiveVerifier.verify(zip).valid)
        // The verifier's own zip index reads the ZIP64 fields too.
        let index = try ZipIndex(path: zip.path)
        let clip = try XCTUnwrap(index.entries.first { $0.name.hasSuffix("/media-1-clip.mp4") })
        XCTAssertFalse(clip.deflated)
        XCTAssertEqual(bytes.subdata(in: Int(clip.dataOffset)..<Int(clip.dataOffset + clip.size)), TestAccount.clip)
        XCTAssertEqual(index.entries.map(\.name), try Archive(url: zip, accessMode: .read).map(\.path), "same entries as ZIPFoundation")
    }

    // MARK: - Tampering

    func testChangedPayloadByteIsCaught() throws {
        let account = try TestAccount(in: root)
        let zip = try account.export(to: root.appendingPathComponent("a.zip"), created: created)
        // Media are stored uncompressed: find the clip's bytes in the zip and flip one.
        var bytes = try Data(contentsOf: zip)
        let at = try XCTUnwrap(bytes.range(of: TestAccount.clip)).lowerBound + 10
        bytes[at] ^= 0x01
        try bytes.write(to: zip)
        let report = try ArchiveVerifier.verify(zip)
        XCTAssertFalse(report.valid)
        XCTAssertFalse(report.bag)
        XCTAssertTrue(report.bagProblems.contains { $0.hasSuffix("media-1-clip.mp4: SHA256 does not match manifest-sha256.txt") })
        let item = try XCTUnwrap(report.items.first { $0.id == "items/tiktok/video-7312345678901234567" })
        XCTAssertTrue(item.problems.contains("media-1-clip.mp4: does not match its digest in the claim"), "\(item.problems)")
        XCTAssertEqual(report.items.filter { !$0.valid }.count, 1)

        // A damaged deflated entry is reported, not followed: no crash, no hang.
        let crate = try XCTUnwrap(try ZipIndex(path: zip.path).entries.first { $0.name.hasSuffix("/data/ro-crate-metadata.json") })
        XCTAssertTrue(crate.deflated)
        for offset in [crate.dataOffset + crate.compressedSize / 2, crate.dataOffset] { bytes[Int(offset)] ^= 0xFF }
        try bytes.write(to: zip)
        let damaged = try ArchiveVerifier.verify(zip)
        XCTAssertFalse(damaged.bag)
        XCTAssertTrue(damaged.bagProblems.contains { $0.hasPrefix("data/ro-crate-metadata.json: ") }, "\(damaged.bagProblems)")
    }

    func testEditedItemWithRegeneratedManifestsIsCaught() throws {
        let account = try TestAccount(in: root)
        let bag = try unzip(try account.export(to: root.appendingPathComponent("a.zip"), created: created))
        let item = bag.appendingPathComponent("data/items/tiktok/video-7312345678901234567/item.json")
        let edited = try String(contentsOf: item, encoding: .utf8).replacingOccurrences(of: "first video", with: "someone else's video")
        try edited.write(to: item, atomically: true, encoding: .utf8)
        try Tamper.regenerateManifests(bag)
        let report = try ArchiveVerifier.verify(bag)
        XCTAssertTrue(report.bag, "manifests were regenerated: \(report.bagProblems)")
        XCTAssertFalse(report.seal)
        XCTAssertTrue(report.sealProblems.contains { $0.contains("tagmanifest-sha512.txt does not match the digest in the seal") })
        let result = try XCTUnwrap(report.items.first { $0.id == "items/tiktok/video-7312345678901234567" })
        XCTAssertEqual(result.problems, ["item.json: does not match its digest in the claim"])
        XCTAssertFalse(report.valid)
    }

    func testClaimResignedWithAnotherKeyIsCaught() throws {
        let account = try TestAccount(in: root)
        let bag = try unzip(try account.export(to: root.appendingPathComponent("a.zip"), created: created))
        let intruder = Curve25519.Signing.PrivateKey()
        let intruderDID = DIDKey(publicKey: intruder.publicKey).did
        let claimURL = bag.appendingPathComponent("data/items/tiktok/video-7312345678901234567/authorship.vc.json")
        // Re-signed as is (still naming the owner as issuer), and re-issued in the intruder's name.
        for renamesIssuer in [false, true] {
            var claim = try JSONParser.parse(Data(contentsOf: claimURL))
            claim = .object((claim.members ?? []).filter { $0.key != "proof" }.map { member in
                guard renamesIssuer else { return member }
                if member.key == "issuer" { return .init("issuer", .string(intruderDID)) }
                if member.key == "credentialSubject" {
                    return .init(member.key, .object((member.value.members ?? []).map { $0.key == "author" ? .init("author", .string(intruderDID)) : $0 }))
                }
                return member
            })
            let resigned = try AuthorshipCredential.sign(claim, key: intruder, created: created)
            try JSONWriter.data(resigned, pretty: true).write(to: claimURL)
            try Tamper.regenerateManifests(bag)
            let report = try ArchiveVerifier.verify(bag)
            XCTAssertFalse(report.valid)
            XCTAssertFalse(report.seal)
            let result = try XCTUnwrap(report.items.first { $0.id == "items/tiktok/video-7312345678901234567" })
            let expected = renamesIssuer ? "issued by \(intruderDID), not by the archive's owner \(account.did)"
                                         : "signed by \(intruderDID), which is not the issuer \(account.did)"
            XCTAssertTrue(result.problems.contains("authorship.vc.json: " + expected), "\(result.problems)")
            XCTAssertEqual(report.items.filter { !$0.valid }.count, 1)
        }
    }

    func testAddedFileIsCaught() throws {
        let account = try TestAccount(in: root)
        let bag = try unzip(try account.export(to: root.appendingPathComponent("a.zip"), created: created))
        let folder = bag.appendingPathComponent("data/items/tiktok/video-7312345678901234567")
        try Data("not mine".utf8).write(to: folder.appendingPathComponent("extra.jpg"))
        try Data("x".utf8).write(to: bag.appendingPathComponent("notes.txt"))
        let report = try ArchiveVerifier.verify(bag)
        XCTAssertFalse(report.valid)
        XCTAssertTrue(report.bagProblems.contains("data/items/tiktok/video-7312345678901234567/extra.jpg: not listed in manifest-sha256.txt (a file was added)"))
        XCTAssertTrue(report.bagProblems.contains("notes.txt: unexpected file, in no manifest (a file was added)"))
        let result = try XCTUnwrap(report.items.first { $0.id == "items/tiktok/video-7312345678901234567" })
        XCTAssertEqual(result.problems, ["extra.jpg: not covered by the claim (a file was added)"])

        // Even with the manifests regenerated to list it, the claim does not cover it.
        try Tamper.regenerateManifests(bag)
        let again = try ArchiveVerifier.verify(bag)
        XCTAssertFalse(again.valid)
        XCTAssertFalse(again.seal)
        XCTAssertEqual(again.items.first { $0.id == result.id }?.problems, result.problems)
    }

    func testRemovedFileIsCaught() throws {
        let account = try TestAccount(in: root)
        let bag = try unzip(try account.export(to: root.appendingPathComponent("a.zip"), created: created))
        try FileManager.default.removeItem(at: bag.appendingPathComponent("data/items/tiktok/video-7312345678901234567/media-2-cover.jpg"))
        let report = try ArchiveVerifier.verify(bag)
        XCTAssertFalse(report.valid)
        XCTAssertTrue(report.bagProblems.contains("data/items/tiktok/video-7312345678901234567/media-2-cover.jpg: listed in manifest-sha256.txt but missing"))
        let result = try XCTUnwrap(report.items.first { $0.id == "items/tiktok/video-7312345678901234567" })
        XCTAssertEqual(result.problems, ["media-2-cover.jpg: named in the claim but missing"])

        try FileManager.default.removeItem(at: bag.appendingPathComponent(ArchiveLayout.sealFile))
        XCTAssertTrue(try ArchiveVerifier.verify(bag).sealProblems.contains("\(ArchiveLayout.sealFile) is missing"))
    }

    func testWrongExpectedOwnerIsCaught() throws {
        let account = try TestAccount(in: root)
        let zip = try account.export(to: root.appendingPathComponent("a.zip"), created: created)
        let other = DIDKey(publicKey: Curve25519.Signing.PrivateKey().publicKey).did
        let report = try ArchiveVerifier.verify(zip, expectedOwner: other)
        XCTAssertFalse(report.valid)
        XCTAssertFalse(report.seal)
        XCTAssertTrue(report.items.allSatisfy { !$0.valid })
        XCTAssertTrue(try ArchiveVerifier.verify(zip, expectedOwner: account.did).valid)
    }

    // MARK: - Inputs that are not archives, and failures that leave nothing behind

    func testNotAnArchive() throws {
        let text = root.appendingPathComponent("notes.zip")
        try Data("hello".utf8).write(to: text)
        XCTAssertThrowsError(try ArchiveVerifier.verify(text)) { error in
            XCTAssertEqual((error as? ArchiveError)?.exitCode, 65)
        }
        let plainZip = root.appendingPathComponent("plain.zip")
        let archive = try Archive(url: plainZip, accessMode: .create)
        try archive.addEntry(with: "folder/readme.txt", type: .file, uncompressedSize: Int64(2), provider: { _, _ in Data("hi".utf8) })
        XCTAssertThrowsError(try ArchiveVerifier.verify(plainZip)) { error in
            guard case .notAnArchive? = error as? ArchiveError else { return XCTFail("\(error)") }
        }
        // A real archive cut short (its central directory gone) is not an archive either.
        let account = try TestAccount(in: root)
        let whole = try Data(contentsOf: try account.export(to: root.appendingPathComponent("whole.zip"), created: created))
        let cut = root.appendingPathComponent("cut.zip")
        try whole.prefix(whole.count / 2).write(to: cut)
        XCTAssertThrowsError(try ArchiveVerifier.verify(cut)) { error in
            XCTAssertEqual((error as? ArchiveError)?.exitCode, 65)
        }
        XCTAssertThrowsError(try ArchiveVerifier.verify(root)) { error in
            XCTAssertEqual((error as? ArchiveError)?.exitCode, 65)
        }
        XCTAssertThrowsError(try ArchiveVerifier.verify(root.appendingPathComponent("absent.zip"))) { error in
            XCTAssertEqual(error as? ArchiveError, .inputMissing(path: root.appendingPathComponent("absent.zip").path))
        }
    }

    func testFailedExportLeavesNothingAtOutput() throws {
        let account = try TestAccount(in: root)
        try FileManager.default.removeItem(at: account.folder.mediaFile(sha256: TestAccount.sha256(TestAccount.clip)))
        let out = root.appendingPathComponent("out.zip")
        XCTAssertThrowsError(try account.export(to: out, created: created)) { error in
            guard case .mediaMissing? = error as? ArchiveError else { return XCTFail("\(error)") }
        }
        XCTAssertFalse(FileManager.default.fileExists(atPath: out.path))
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: root.path).filter { $0.hasPrefix(".pda-export") }
        XCTAssertEqual(leftovers, [])
    }

    func testInvalidOptionsAreRefused() throws {
        let account = try TestAccount(in: root)
        let out = root.appendingPathComponent("x.zip")
        XCTAssertThrowsError(try account.export(to: out, created: "yesterday"))
        XCTAssertThrowsError(try account.export(to: out, created: created, kinds: ["selfie"]))
        XCTAssertThrowsError(try account.export(to: out, created: created, kinds: ["watch"]), "activity kinds need --with-activity")
        XCTAssertThrowsError(try account.export(to: root.appendingPathComponent("missing/x.zip"), created: created)) { error in
            XCTAssertEqual((error as? ArchiveError)?.exitCode, 73)
        }
    }

    // MARK: - Names

    func testSafeNames() {
        XCTAssertEqual(SafeName.from("7312345678901234567"), "7312345678901234567")
        let unsafe = SafeName.from("../a/b%c\n")
        XCTAssertNotNil(unsafe)
        XCTAssertNil(unsafe?.range(of: #"[^A-Za-z0-9._-]"#, options: .regularExpression))
        XCTAssertNotEqual(SafeName.from("a/b"), SafeName.from("a_b"), "a changed name carries a digest of the original")
        XCTAssertNotEqual(SafeName.from("café"), SafeName.from("cafe\u{301}"), "no two originals share a name")
        XCTAssertEqual(SafeName.mediaFile(position: 0, original: "photos/IMG 01.JPG"), "media-1-IMG_01-" + SafeName.shortDigest("IMG 01") + ".jpg")
        var names = NameAllocator()
        let a = names.claim("comment-AbC", disambiguator: "AbC")
        let b = names.claim("comment-abc", disambiguator: "abc")
        XCTAssertNotEqual(a.lowercased(), b.lowercased())
    }

    /// The digests come from the system's OpenSSL where it loads: they must equal swift-crypto's,
    /// on the threaded path (chunks of a megabyte and more) and the serial one.
    func testDigestsAgreeWithSwiftCrypto() {
        let data = Data((0..<3_000_001).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ $0 >> 8) })
        var serial = MultiHasher(parallel: false)
        data.withUnsafeBytes { raw in
            for start in stride(from: 0, to: raw.count, by: 65_536) {
                serial.update(UnsafeRawBufferPointer(rebasing: raw[start..<min(start + 65_536, raw.count)]))
            }
        }
        for digests in [MultiHasher.digests(of: data), serial.finalize()] {
            XCTAssertEqual(digests.size, UInt64(data.count))
            XCTAssertEqual(digests.sha256, Hex.string(SHA256.hash(data: data)))
            XCTAssertEqual(digests.sha512, Hex.string(SHA512.hash(data: data)))
            XCTAssertEqual(digests.sha384, Array(SHA384.hash(data: data)))
        }
        XCTAssertEqual(CRC32.checksum(data), data.crc32(checksum: 0), "slicing-by-8 CRC-32 agrees with ZIPFoundation's")
    }

    // MARK: - Helpers

    /// Entry names, after extracting each with its CRC-32 checked (the verifier skips CRCs).
    private func zipEntries(_ url: URL) throws -> [String] {
        let archive = try Archive(url: url, accessMode: .read)
        for entry in archive { _ = try archive.extract(entry, skipCRC32: false) { _ in } }
        return archive.map(\.path)
    }

    private func unzip(_ url: URL) throws -> URL {
        let target = root.appendingPathComponent("unzipped-\(UUID().uuidString)")
        try FileManager.default.unzipItem(at: url, to: target)
        let bag = try XCTUnwrap(FileManager.default.contentsOfDirectory(at: target, includingPropertiesForKeys: nil).first)
        return bag
    }
}
