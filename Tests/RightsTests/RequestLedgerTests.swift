import AccountModel
@testable import Rights
import XCTest

/// Requests in a crafted account, judged on fixed days.
final class RequestLedgerTests: XCTestCase {
    func day(_ s: String) -> Day { Day(s)! }

    func testARequestOverdueByOneDay() throws {
        let ledger = RequestLedger(store: try CraftedAccount().store)
        let r = try ledger.create(platform: .tiktok, law: .gdpr, language: "en", createdAt: "2026-01-14T10:00:00Z")
        XCTAssertEqual(r.state(today: day("2026-01-20")), .draft)
        try ledger.markSent(r.id, on: day("2026-01-15"))
        let sent = try ledger.request(r.id)
        XCTAssertEqual(sent.deadline?.due, day("2026-02-16"))
        XCTAssertEqual(sent.state(today: day("2026-02-16")), .waiting, "the last day is still in time")
        XCTAssertEqual(sent.state(today: day("2026-02-17")), .overdue)
        XCTAssertEqual(sent.daysOverdue(today: day("2026-02-17")), 1)
    }

    func testAnExtendedRequestIsNotOverdueUntilTheExtendedDeadline() throws {
        let ledger = RequestLedger(store: try CraftedAccount().store)
        let r = try ledger.create(platform: .instagram, law: .gdpr, language: "de", createdAt: "2026-01-14T10:00:00Z", sentOn: day("2026-01-15"))
        try ledger.markExtended(r.id, on: day("2026-02-10"))
        let extended = try ledger.request(r.id)
        XCTAssertEqual(extended.state(today: day("2026-02-17")), .extended)
        XCTAssertEqual(extended.deadline?.due, day("2026-04-15"))
        XCTAssertEqual(extended.state(today: day("2026-04-16")), .overdue)
    }

    func testAnImportAnswersTheOldestOpenRequestSentBeforeIt() throws {
        let account = try CraftedAccount()
        let ledger = RequestLedger(store: account.store)
        let old = try ledger.create(platform: .tiktok, law: .gdpr, language: "en", createdAt: "x", sentOn: day("2026-01-10"))
        let newer = try ledger.create(platform: .tiktok, law: .gdpr, language: "en", createdAt: "x", sentOn: day("2026-01-20"))
        let draft = try ledger.create(platform: .tiktok, law: .gdpr, language: "en", createdAt: "x")
        let other = try ledger.create(platform: .instagram, law: .gdpr, language: "en", createdAt: "x", sentOn: day("2026-01-05"))
        let later = try ledger.create(platform: .tiktok, law: .ccpa, language: "en", createdAt: "x", sentOn: day("2026-03-01"))
        let export = try account.export("tiktok", importedAt: "2026-02-01T09:00:00Z", sections: ["activity.watch": 3])

        let linked = try ledger.linkImport(platform: "tiktok", exportID: export, importedOn: day("2026-02-01"))
        XCTAssertEqual(linked?.id, old.id)
        XCTAssertEqual(try ledger.request(old.id).state(today: day("2026-03-30")), .answered)
        XCTAssertEqual(try ledger.request(old.id).answerExportID, export)
        XCTAssertEqual(try ledger.request(old.id).receivedOn, day("2026-02-01"))
        for untouched in [newer, draft, other, later] { XCTAssertNil(try ledger.request(untouched.id).receivedOn) }

        // The next export answers the next one; a request sent after the import never is.
        let second = try account.export("tiktok", importedAt: "2026-02-02T09:00:00Z", sections: ["activity.watch": 3])
        XCTAssertEqual(try ledger.linkImport(platform: "tiktok", exportID: second, importedOn: day("2026-02-02"))?.id, newer.id)
        let third = try account.export("tiktok", importedAt: "2026-02-03T09:00:00Z", sections: ["activity.watch": 3])
        XCTAssertNil(try ledger.linkImport(platform: "tiktok", exportID: third, importedOn: day("2026-02-03")))
    }

    func testRefusals() throws {
        let ledger = RequestLedger(store: try CraftedAccount().store)
        let pipl = try ledger.create(platform: .douyin, law: .pipl, language: "zh", createdAt: "x", sentOn: day("2026-01-15"))
        XCTAssertThrowsError(try ledger.markExtended(pipl.id, on: day("2026-01-20"))) { XCTAssertEqual($0 as? RightsError, .cannotExtend(law: "pipl")) }
        let draft = try ledger.create(platform: .tiktok, law: .gdpr, language: "en", createdAt: "x")
        XCTAssertThrowsError(try ledger.markExtended(draft.id, on: day("2026-01-20"))) { XCTAssertEqual($0 as? RightsError, .notSent(id: draft.id)) }
        XCTAssertThrowsError(try ledger.markReceived(draft.id, on: day("2026-01-20"))) { XCTAssertEqual($0 as? RightsError, .notSent(id: draft.id)) }
        XCTAssertThrowsError(try ledger.markReceived(pipl.id, on: day("2026-01-14"))) { XCTAssertEqual($0 as? RightsError, .dateBeforeSent(id: pipl.id)) }
        XCTAssertThrowsError(try ledger.request(99)) { XCTAssertEqual($0 as? RightsError, .unknownRequest(id: 99)) }
        XCTAssertEqual(RightsError.unknownRequest(id: 99).exitCode, 66)
        XCTAssertEqual(RightsError.cannotExtend(law: "pipl").exitCode, 64)
    }

    func testTheSchemaRefusesAnUnknownLaw() throws {
        let store = try CraftedAccount().store
        XCTAssertThrowsError(try store.writer.write { db in
            try db.execute(sql: "INSERT INTO request (platform, law, language, purpose, created_at) VALUES ('tiktok', 'hipaa', 'en', 'access', 'x')")
        })
    }
}
