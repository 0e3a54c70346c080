@testable import Collective
import Foundation
import GRDB
import XCTest

/// Issue 14: shards by pseudonym, merges independent of order, conflicting copies refused.
final class CollectiveShardTests: CollectiveTestCase {
    /// Planning only hashes files, so any bytes make an "export" here.
    func file(_ name: String) throws -> String {
        let url = tmp.appendingPathComponent(name)
        try Data("export \(name)".utf8).write(to: url)
        return url.path
    }

    func testAMembersShardDoesNotMoveWhenANewExportArrives() throws {
        let store = try makeCollective()
        let runner = try runner(store)
        let first = MemberInput(memberID: "nat", path: try file("nat-1"), consent: "aggregate")
        for count in [2, 3, 5] {
            let home = try (0..<count).filter { i in try runner.plan([first], shard: Shard("\(i)/\(count)")).jobs.count == 1 }
            XCTAssertEqual(home.count, 1)
            for n in 2...12 {
                let later = [first, MemberInput(memberID: "nat", path: try file("nat-\(n)"), consent: "aggregate")]
                let planned = try runner.plan(later, shard: Shard("\(home[0])/\(count)"))
                XCTAssertEqual(planned.jobs.first?.paths.count, 2, "export \(n) moved the member out of shard \(home[0])/\(count)")
            }
        }
    }

    /// Three shards of one collective, each with its own members.
    func makeShards() throws -> (base: URL, shards: [CollectiveFolder]) {
        let base = try makeCollective("base", k: 1)
        let inputs = try (0..<6).map { MemberInput(memberID: "s\($0)", path: try export("s\($0)", watches: $0 + 1), consent: "aggregate") }
        var shards: [CollectiveFolder] = []
        for i in 0..<3 {
            let copy = tmp.appendingPathComponent("shard\(i)")
            try FileManager.default.copyItem(at: base.folder.url, to: copy)
            let shard = try CollectiveStore(folder: CollectiveFolder(url: copy))
            _ = try add(shard, inputs, shard: Shard("\(i)/3"))
            shards.append(shard.folder)
        }
        return (base.folder.url, shards)
    }

    /// Every member row of a collective, as text, in a fixed order.
    func dump(_ store: CollectiveStore) throws -> [String] {
        try store.writer.read { db in
            try CollectiveStore.memberTables.flatMap { table in
                try Row.fetchAll(db, sql: "SELECT * FROM \(table)").map { "\(table): \($0)" }.sorted()
            }
        }
    }

    func testMergeGivesTheSameCollectiveInAnyOrder() throws {
        let (base, shards) = try makeShards()
        var dumps: Set<[String]> = []
        var members: Set<[String]> = []
        for (n, order) in [[0, 1, 2], [0, 2, 1], [1, 0, 2], [1, 2, 0], [2, 0, 1], [2, 1, 0]].enumerated() {
            let target = tmp.appendingPathComponent("merged\(n)")
            try FileManager.default.copyItem(at: base, to: target)
            let merged = try CollectiveStore(folder: CollectiveFolder(url: target))
            for i in order { _ = try merged.merge(shard: shards[i]) }
            // Merging a shard twice changes nothing.
            XCTAssertEqual(try merged.merge(shard: shards[order[0]]).added, 0)
            dumps.insert(try dump(merged))
            members.insert(try FileManager.default.contentsOfDirectory(atPath: merged.folder.membersURL.path).sorted())
            XCTAssertEqual(try merged.memberCount(), 6)
        }
        XCTAssertEqual(dumps.count, 1)
        XCTAssertEqual(members.count, 1)
    }

    func testMergeRefusesTwoDifferentCopiesOfAMember() throws {
        let base = try makeCollective("base", k: 1)
        let a = tmp.appendingPathComponent("a"), b = tmp.appendingPathComponent("b")
        try FileManager.default.copyItem(at: base.folder.url, to: a)
        try FileManager.default.copyItem(at: base.folder.url, to: b)
        let shardA = try CollectiveStore(folder: CollectiveFolder(url: a)), shardB = try CollectiveStore(folder: CollectiveFolder(url: b))
        // The same member processed in both, from different exports (a manifest split by hand).
        _ = try add(shardA, [MemberInput(memberID: "olga", path: try export("olga-1", watches: 2), consent: "aggregate")])
        _ = try add(shardB, [MemberInput(memberID: "olga", path: try export("olga-2", watches: 5), consent: "aggregate")])
        XCTAssertEqual(try base.merge(shard: shardA.folder).added, 1)
        let before = try dump(base)
        XCTAssertThrowsError(try base.merge(shard: shardB.folder)) { error in
            guard case .conflictingMember(_, let count) = error as? CollectiveError else { return XCTFail("\(error)") }
            XCTAssertEqual(count, 1)
        }
        XCTAssertEqual(try dump(base), before, "a refused merge writes nothing")
    }

    func testAWithdrawnMemberIsNotMergedBack() throws {
        let (base, shards) = try makeShards()
        let main = try CollectiveStore(folder: CollectiveFolder(url: base))
        for shard in shards { _ = try main.merge(shard: shard) }
        try main.withdraw(memberID: "s0", now: "2025-02-01T00:00:00Z")
        for shard in shards { _ = try main.merge(shard: shard) }
        XCTAssertEqual(try main.memberCount(), 5)
    }
}
