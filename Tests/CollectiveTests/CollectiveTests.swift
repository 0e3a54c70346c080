import AccountStore
@testable import Collective
import Foundation
import XCTest
import ZIPFoundation

final class CollectiveTests: XCTestCase {
    var tmp: URL!

    override func setUpWithError() throws {
        tmp = FileManager.default.temporaryDirectory.appendingPathComponent("pda-collective-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: tmp, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws { try? FileManager.default.removeItem(at: tmp) }

    func makeCollective(_ name: String = "c", k: Int = 5) throws -> CollectiveStore {
        try CollectiveStore.create(CollectiveFolder(url: tmp.appendingPathComponent(name)), name: "Test Union", k: k, now: "2025-01-01T00:00:00Z")
    }

    /// A small TikTok export: `watches` watch entries in March 2024 and one comment.
    func export(_ member: String, watches: Int, comment: String = "hello") throws -> String {
        let list = (0..<watches).map { i in
            #"{"Date": "2024-03-0\#(1 + i % 9) 10:\#(String(format: "%02d", i % 60)):00", "Link": "https://www.tiktokv.com/share/video/\#(7_300_000_000_000_000_000 + i)/"}"#
        }.joined(separator: ",")
        let json = #"{"Activity": {"Video Browsing History": {"VideoList": [\#(list)]}}, "Comment": {"Comments": {"CommentsList": [{"Date": "2024-03-01 11:00:00", "Comment": "\#(comment)"}]}}}"#
        let url = tmp.appendingPathComponent("\(member).zip")
        let archive = try Archive(url: url, accessMode: .create)
        let data = Data(json.utf8)
        try archive.addEntry(with: "TikTok_\(member)/user_data_tiktok.json", type: .file, uncompressedSize: Int64(data.count),
                             compressionMethod: .deflate) { (position: Int64, size: Int) -> Data in
            data.subdata(in: Int(position)..<Int(position) + size)
        }
        return url.path
    }

    func runner(_ store: CollectiveStore, jobs: Int = 2) throws -> CollectiveRunner {
        let folder = store.folder
        let did = try store.info().organisationDID
        return CollectiveRunner(store: store, jobs: jobs) { job in
            CollectiveWorker.run(folder: folder, pseudonym: job.pseudonym, paths: job.paths, organisationDID: did)
        }
    }

    func add(_ store: CollectiveStore, _ inputs: [MemberInput], shard: Shard? = nil) throws -> RunSummary {
        let runner = try runner(store)
        let (jobs, start) = try runner.plan(inputs, shard: shard)
        return try runner.run(jobs, summary: start)
    }

    func testPseudonymsAreStableInsideAndUnlinkableAcross() throws {
        let a = try makeCollective("a"), b = try makeCollective("b")
        XCTAssertEqual(try a.pseudonym(of: "alice"), try a.pseudonym(of: "alice"))
        XCTAssertNotEqual(try a.pseudonym(of: "alice"), try a.pseudonym(of: "bob"))
        XCTAssertNotEqual(try a.pseudonym(of: "alice"), try b.pseudonym(of: "alice"))
        let mode = try FileManager.default.attributesOfItem(atPath: a.folder.url.appendingPathComponent("secret.key").path)[.posixPermissions] as? NSNumber
        XCTAssertEqual(mode?.intValue, 0o600)
    }

    func testAddIsolatesMembersRecordsFailuresAndResumes() throws {
        let store = try makeCollective()
        var inputs = try ["ann", "ben", "cat"].map { MemberInput(memberID: $0, path: try export($0, watches: 3), consent: "aggregate") }
        let broken = tmp.appendingPathComponent("dan.zip")
        try Data("not a zip".utf8).write(to: broken)
        inputs.append(MemberInput(memberID: "dan", path: broken.path, consent: "aggregate"))
        let first = try add(store, inputs)
        XCTAssertEqual(first.processed, 3)
        XCTAssertEqual(first.failed.map(\.file), [broken.path])
        XCTAssertEqual(first.members, 3)
        // One SQLite per member, named by pseudonym.
        for member in ["ann", "ben", "cat"] {
            let account = store.folder.memberAccount(try store.pseudonym(of: member))
            XCTAssertEqual(try AccountStore(folder: account).status().counts["tiktok"]?["activity"]?["watch"], 3)
        }
        let again = try add(store, inputs)
        XCTAssertEqual(again.processed, 0)
        XCTAssertEqual(again.skipped, 3)
        XCTAssertEqual(again.failed.count, 1)
    }

    func testAKilledRunContinuesWhereItStopped() throws {
        let store = try makeCollective()
        let inputs = try (0..<4).map { MemberInput(memberID: "m\($0)", path: try export("m\($0)", watches: 2), consent: "aggregate") }
        let runner = try runner(store, jobs: 1)
        let (jobs, start) = try runner.plan(inputs, shard: nil)
        _ = try runner.run(Array(jobs.prefix(2)), summary: start) // the run "dies" after two members
        let rest = try add(store, inputs)
        XCTAssertEqual(rest.skipped, 2)
        XCTAssertEqual(rest.processed, 2)
        XCTAssertEqual(rest.members, 4)
    }

    /// Crafted members: a cell with 5 members is published, one with 4 is not.
    func testKAnonymitySuppressesSmallCells() throws {
        let store = try makeCollective(k: 5)
        for i in 0..<6 {
            var ledger = MemberLedger()
            ledger.cells.append(.init(platform: "tiktok", month: "2024-03", category: "attention", kind: "watch", count: 10 + i))
            if i < 4 { ledger.cells.append(.init(platform: "tiktok", month: "2024-04", category: "content", kind: "comment", count: 1)) }
            if i < 5 { ledger.cells.append(.init(platform: "youtube", month: "2024-03", category: "attention", kind: "watch", count: 2)) }
            try store.record(pseudonym: "p\(i)", consent: "aggregate",
                             files: [.init(path: "f\(i)", fileName: "f\(i)", sha256: "s\(i)", ok: true, reason: nil)], ledger: ledger, now: "t")
        }
        let report = try store.report()
        XCTAssertEqual(report.members, 6)
        XCTAssertEqual(report.cells, [
            .init(platform: "tiktok", month: "2024-03", category: "attention", count: 10 + 11 + 12 + 13 + 14 + 15, members: 6),
            .init(platform: "youtube", month: "2024-03", category: "attention", count: 10, members: 5),
        ])
        XCTAssertEqual(report.suppressedCells, 1)
        XCTAssertFalse(report.categories.contains { $0.key == "content" }, "content comes from 4 members only")
        XCTAssertEqual(try store.report(k: 7).suppressedAll, true)
        // Laplace noise: reproducible with a seed, and it changes the counts.
        let noisy = try store.report(epsilon: 0.5, clip: 20, seed: 42)
        XCTAssertEqual(noisy.cells.map(\.count), try store.report(epsilon: 0.5, clip: 20, seed: 42).cells.map(\.count))
        XCTAssertNotEqual(noisy.cells.map(\.count), report.cells.map(\.count))
    }

    func testWithdrawLeavesNothingOfTheMember() throws {
        let store = try makeCollective(k: 1)
        let planted = "PLANTED-VALUE-7f3a9c"
        var inputs = [MemberInput(memberID: "zelda-4411", path: try export("zelda-4411", watches: 5, comment: planted), consent: "archive")]
        inputs += try ["yann", "xena"].map { MemberInput(memberID: $0, path: try export($0, watches: 1), consent: "aggregate") }
        XCTAssertEqual(try add(store, inputs).processed, 3)
        let pseudonym = try store.pseudonym(of: "zelda-4411")
        XCTAssertEqual(try store.report().cells.first { $0.category == "attention" }?.count, 7)
        XCTAssertTrue(try grep(store.folder.url, [planted, pseudonym]).count > 0, "the test must see the data before withdrawal")

        try store.withdraw(memberID: "zelda-4411")
        XCTAssertEqual(try grep(store.folder.url, ["zelda-4411", pseudonym, planted]), [])
        let after = try store.report()
        XCTAssertEqual(after.members, 2)
        XCTAssertEqual(after.cells.first { $0.category == "attention" }?.count, 2)
        XCTAssertThrowsError(try store.withdraw(memberID: "zelda-4411"))
    }

    func testShardsPartitionTheWorkAndMerge() throws {
        let single = try makeCollective("single", k: 1)
        let inputs = try (0..<8).map { MemberInput(memberID: "s\($0)", path: try export("s\($0)", watches: $0 + 1), consent: "aggregate") }
        _ = try add(single, inputs)
        // Shards are copies of one initialized collective (same secret), merged back.
        let base = try makeCollective("base", k: 1)
        var shardFolders: [CollectiveFolder] = []
        var processed = 0
        for i in 0..<2 {
            let copy = tmp.appendingPathComponent("shard\(i)")
            try FileManager.default.copyItem(at: base.folder.url, to: copy)
            let shard = try CollectiveStore(folder: CollectiveFolder(url: copy))
            processed += try add(shard, inputs, shard: Shard("\(i)/2")).processed
            shardFolders.append(shard.folder)
        }
        XCTAssertEqual(processed, 8, "every export in exactly one shard")
        for folder in shardFolders { _ = try base.merge(shard: folder) }
        XCTAssertEqual(try base.report().cells, try single.report().cells)
        XCTAssertEqual(try base.memberCount(), 8)
        XCTAssertThrowsError(try base.merge(shard: single.folder), "another secret must be refused")
    }

    /// Files under `root` containing any of `needles` (bytes, so SQLite pages count too).
    func grep(_ root: URL, _ needles: [String]) throws -> [String] {
        var hits: [String] = []
        let enumerator = FileManager.default.enumerator(at: root, includingPropertiesForKeys: [.isRegularFileKey])
        while let url = enumerator?.nextObject() as? URL {
            if url.path.contains(needles[0]) || needles.contains(where: { url.lastPathComponent.contains($0) }) { hits.append(url.path) }
            guard (try url.resourceValues(forKeys: [.isRegularFileKey])).isRegularFile == true else { continue }
            let data = try Data(contentsOf: url)
            for needle in needles where data.range(of: Data(needle.utf8)) != nil { hits.append("\(url.lastPathComponent): \(needle)") }
        }
        return hits
    }
}
