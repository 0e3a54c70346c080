import AccountStore
@testable import Collective
import Foundation
import XCTest
import ZIPFoundation

final class CollectiveTests: CollectiveTestCase {
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

        try store.withdraw(memberID: "zelda-4411", now: "2025-02-01T00:00:00Z")
        XCTAssertEqual(try grep(store.folder.url, ["zelda-4411", pseudonym, planted]), [])
        let after = try store.report()
        XCTAssertEqual(after.members, 2)
        XCTAssertEqual(after.cells.first { $0.category == "attention" }?.count, 2)
        XCTAssertThrowsError(try store.withdraw(memberID: "zelda-4411", now: "2025-02-01T00:00:00Z"))
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
}
