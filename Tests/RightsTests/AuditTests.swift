@testable import Rights
import XCTest

/// The completeness audit on crafted accounts.
final class AuditTests: XCTestCase {
    func testASectionThePreviousExportHadIsAFindingFromTheEarlierExport() throws {
        let account = try CraftedAccount()
        let first = try account.export("tiktok", importedAt: "2026-01-01T00:00:00Z",
                                       sections: ["activity.watch": 5, "activity.like": 2, "activity.search": 1, "activity.login": 1, "inferences.ad_interest": 1])
        let second = try account.export("tiktok", importedAt: "2026-03-01T00:00:00Z",
                                        sections: ["activity.watch": 7, "activity.search": 1, "activity.login": 1, "inferences.ad_interest": 1])
        try account.activity("tiktok", kind: "watch", export: first, count: 5)
        try account.activity("tiktok", kind: "watch", export: second, count: 2)
        try account.inference("tiktok", kind: "ad_interest", label: "Cooking", export: first)

        let audit = try XCTUnwrap(CompletenessAudit(store: account.store, data: CraftedAccount.data()).audit(platform: "tiktok"))
        XCTAssertEqual(audit.law, .gdpr)
        XCTAssertEqual(audit.exports.map(\.id), [first, second])
        let like = try XCTUnwrap(audit.findings.first { $0.id == "section:activity.like" })
        XCTAssertEqual(like.basis, .earlierExport)
        XCTAssertTrue(like.source.contains("export \(first)"), like.source)
        XCTAssertEqual(audit.findings.filter { $0.id == "section:activity.like" }.count, 1, "reported once, not again as documented")
        XCTAssertNil(audit.findings.first { $0.id == "section:activity.watch" })

        // Watch records without a duration: the labor field is missing, with its documented source.
        let duration = try XCTUnwrap(audit.findings.first { $0.id == "field:watch_duration" })
        XCTAssertEqual(duration.basis, .documented)
        XCTAssertTrue(duration.source.contains("Zannettou"))
        XCTAssertNil(audit.findings.first { $0.id == "field:inferred_interests" }, "ad interests are there")
        XCTAssertEqual(audit.findings.first { $0.id == "field:inference_logic" }?.basis, .law)
        XCTAssertEqual(audit.findings.first { $0.id == "field:off_platform" }?.basis, .documented)

        // The Art. 15(1) items no export carries, each with its article.
        let legal = audit.findings.filter { $0.kind == .law }.map(\.article)
        XCTAssertTrue(legal.contains("Art. 15(1)(a) GDPR"))
        XCTAssertTrue(legal.contains("Art. 15(1)(h), Art. 22 GDPR; CJEU C-203/22"))
        XCTAssertFalse(audit.findings.contains { $0.id == "law:copy_all" }, "the copy itself is what exports carry")
    }

    func testAWatchDurationInTheExportIsNotAFinding() throws {
        let account = try CraftedAccount()
        let e = try account.export("tiktok", importedAt: "2026-01-01T00:00:00Z", sections: ["activity.watch": 2])
        try account.activity("tiktok", kind: "watch", export: e, count: 2, duration: 31)
        let audit = try XCTUnwrap(CompletenessAudit(store: account.store, data: CraftedAccount.data()).audit(platform: "tiktok"))
        XCTAssertNil(audit.findings.first { $0.id == "field:watch_duration" })
        XCTAssertEqual(audit.findings.first { $0.id == "section:activity.like" }?.basis, .documented)
    }

    func testAChinesePlatformIsAuditedUnderPIPLAndAPlatformWithoutExportIsNot() throws {
        let account = try CraftedAccount()
        try account.export("taobao", importedAt: "2026-01-01T00:00:00Z", sections: ["activity.purchase": 3])
        let auditor = CompletenessAudit(store: account.store, data: try CraftedAccount.data())
        let audit = try XCTUnwrap(auditor.audit(platform: "taobao"))
        XCTAssertEqual(audit.law, .pipl)
        XCTAssertTrue(audit.findings.contains { $0.id == "law:adm_logic" && $0.article == "PIPL Art. 24, 48" })
        XCTAssertTrue(audit.findings.contains { $0.id == "field:collected_list" })
        XCTAssertNil(try auditor.audit(platform: "douyin"))
        XCTAssertEqual(try auditor.importedPlatforms(), ["taobao"])
    }

    func testSectionsOfAStoredReportIgnoreEmptyKinds() {
        let report = #"{"records":{"activity":{"watch":{"new":0,"present":4},"like":{"new":0,"present":0}},"items":{"comment":{"new":2,"present":0}}}}"#
        XCTAssertEqual(CompletenessAudit.sections(ofReport: report), ["activity.watch", "items.comment"])
        XCTAssertEqual(CompletenessAudit.sections(ofReport: "not json"), [])
    }
}
