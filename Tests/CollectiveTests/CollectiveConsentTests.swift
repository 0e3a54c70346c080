@testable import Collective
import Foundation
import Portability
import XCTest

/// Issue 14: consent changes, withdrawal tombstones, failed deletions.
final class CollectiveConsentTests: CollectiveTestCase {
    func testAConsentChangedInTheManifestTakesEffectWithoutANewExport() throws {
        let store = try makeCollective(k: 1)
        let path = try export("ivy", watches: 2)
        XCTAssertEqual(try add(store, [MemberInput(memberID: "ivy", path: path, consent: "archive")]).processed, 1)
        XCTAssertEqual(try store.consent(of: store.pseudonym(of: "ivy")), "archive")
        // The member narrows their consent; the manifest changes, the export does not.
        let again = try add(store, [MemberInput(memberID: "ivy", path: path, consent: "aggregate")])
        XCTAssertEqual(again.processed, 0)
        XCTAssertEqual(again.consentChanged, 1)
        XCTAssertEqual(try store.consent(of: store.pseudonym(of: "ivy")), "aggregate")
        XCTAssertThrowsError(try store.exportArchive(memberID: "ivy", options: .init(created: "2025-01-01T00:00:00Z", softwareVersion: "t"),
                                                     to: tmp.appendingPathComponent("ivy-archive.zip"))) { error in
            guard case .noArchiveConsent = error as? CollectiveError else { return XCTFail("\(error)") }
        }
    }

    func testAWithdrawnMemberStaysOutUntilReadmitted() throws {
        let store = try makeCollective(k: 1)
        let inputs = try ["joe", "kim"].map { MemberInput(memberID: $0, path: try export($0, watches: 3), consent: "aggregate") }
        XCTAssertEqual(try add(store, inputs).members, 2)
        try store.withdraw(memberID: "joe", now: "2025-02-01T00:00:00Z")
        // The organisation re-runs add with its old manifest: joe must not come back.
        let rerun = try add(store, inputs)
        XCTAssertEqual(rerun.processed, 0)
        XCTAssertEqual(rerun.withdrawn, 1)
        XCTAssertEqual(rerun.members, 1)
        XCTAssertFalse(FileManager.default.fileExists(atPath: store.folder.memberAccount(try store.pseudonym(of: "joe")).url.path))
        // Re-added explicitly, joe is processed again.
        XCTAssertEqual(try store.readmit(memberIDs: ["joe"]), 1)
        let readmitted = try add(store, inputs)
        XCTAssertEqual(readmitted.processed, 1)
        XCTAssertEqual(readmitted.members, 2)
    }

    func testAFailedDeletionIsAnErrorAndWithdrawCanBeRetried() throws {
        let store = try makeCollective(k: 1)
        XCTAssertEqual(try add(store, [MemberInput(memberID: "lou", path: try export("lou", watches: 1), consent: "aggregate")]).processed, 1)
        let account = store.folder.memberAccount(try store.pseudonym(of: "lou")).url
        struct Refused: Error {}
        XCTAssertThrowsError(try store.withdraw(memberID: "lou", now: "2025-02-01T00:00:00Z", remove: { _ in throw Refused() })) { error in
            guard case .deletionFailed = error as? CollectiveError else { return XCTFail("\(error)") }
            XCTAssertEqual((error as? CollectiveError)?.exitCode, 74)
        }
        XCTAssertTrue(FileManager.default.fileExists(atPath: account.path))
        // Running withdraw again finishes the job.
        try store.withdraw(memberID: "lou", now: "2025-02-01T00:00:00Z")
        XCTAssertFalse(FileManager.default.fileExists(atPath: account.path))
    }
}
