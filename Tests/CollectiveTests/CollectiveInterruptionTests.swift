@testable import Collective
import Foundation
import XCTest

/// Issues 14 and 17: what a stopped run leaves is removed by the next run, told apart by locks.
final class CollectiveInterruptionTests: CollectiveTestCase {
    func testOneRunAtATime() throws {
        let store = try makeCollective()
        let lock = try store.beginRun()
        XCTAssertThrowsError(try store.beginRun()) { error in
            guard case .busy(let pid) = error as? CollectiveError else { return XCTFail("\(error)") }
            XCTAssertEqual(pid, Int(getpid()))
        }
        XCTAssertThrowsError(try store.withdraw(memberID: "anyone", now: "t"))
        lock.release()
        XCTAssertNoThrow(try store.beginRun().release())
    }

    func testTheNextRunRemovesWhatADeadRunLeftButNotWhatALiveWorkerHolds() throws {
        let store = try makeCollective(k: 1)
        XCTAssertEqual(try add(store, [MemberInput(memberID: "pia", path: try export("pia", watches: 1), consent: "aggregate")]).members, 1)
        let recorded = store.folder.memberAccount(try store.pseudonym(of: "pia")).url
        // A run killed while importing two members: their folders exist, their rows do not.
        let dead = store.folder.memberAccount(try store.pseudonym(of: "quin")).url
        let alive = store.folder.memberAccount(try store.pseudonym(of: "rui")).url
        let mergeCopy = store.folder.membersURL.appendingPathComponent(".merge-999-m-0123")
        for folder in [dead, alive, mergeCopy] { try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true) }
        // An orphan worker still holds rui's account.
        let worker = try XCTUnwrap(MemberLock(account: alive, wait: true))
        let lock = try store.beginRun()
        let fm = FileManager.default
        XCTAssertFalse(fm.fileExists(atPath: dead.path))
        XCTAssertFalse(fm.fileExists(atPath: mergeCopy.path))
        XCTAssertTrue(fm.fileExists(atPath: alive.path), "a live worker's folder is not a dead run's")
        XCTAssertTrue(fm.fileExists(atPath: recorded.path))
        lock.release()
        worker.release()
        try store.beginRun().release()
        XCTAssertFalse(fm.fileExists(atPath: alive.path))
        XCTAssertTrue(fm.fileExists(atPath: recorded.path))
    }

    func testACancelledRunRecordsNothingMore() throws {
        let store = try makeCollective(k: 1)
        let inputs = try (0..<4).map { MemberInput(memberID: "c\($0)", path: try export("c\($0)", watches: 1), consent: "aggregate") }
        let folder = store.folder
        let did = try store.info().organisationDID
        final class Holder: @unchecked Sendable { var runner: CollectiveRunner? }
        let holder = Holder()
        let runner = CollectiveRunner(store: store, jobs: 1) { job in
            let result = CollectiveWorker.run(folder: folder, pseudonym: job.pseudonym, paths: job.paths, organisationDID: did)
            holder.runner?.cancel(signal: SIGTERM) // the signal arrives while the first member is in progress
            return result
        }
        holder.runner = runner
        let (jobs, start) = try runner.plan(inputs, shard: nil)
        let summary = try runner.run(jobs, summary: start)
        XCTAssertEqual(summary.interrupted, SIGTERM)
        XCTAssertEqual(summary.processed, 0)
        XCTAssertEqual(try store.removeAbandonedWork(), 1, "the member in progress is discarded")
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: folder.membersURL.path).filter { !$0.hasPrefix(".") }, [])
        XCTAssertEqual(try add(store, inputs).members, 4)
    }
}
