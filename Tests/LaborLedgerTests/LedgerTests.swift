import AccountModel
import AccountStore
import Foundation
@testable import LaborLedger
import Reports
import XCTest

final class LedgerTests: XCTestCase {
    static func time(_ iso: String) -> RecordTime { RecordTime(utc: iso, basis: .naiveUTC) }

    /// A crafted account: numbers below are computed by hand from these records.
    func craftedStore() throws -> AccountStore {
        let store = try AccountStore()
        _ = try store.importExport(ExportDescription(platform: .tiktok, fileName: "crafted.zip", sha256: "c", size: 1, format: "t",
                                                     importer: "t", importerVersion: "1", importedAt: "2025-01-01T00:00:00Z"),
                                   media: nil) { sink in
            let loc = Locator(entry: "e")
            // Session 1 (2024-03-01): watches at 10:00:00, 10:01:00, 10:03:00, and a search at 10:20:00 → span 20 min.
            for t in ["10:00:00", "10:01:00", "10:03:00"] {
                try sink.add(Activity(platform: .tiktok, kind: .watch, occurredAt: Self.time("2024-03-01T\(t)Z"), url: "u\(t)", locator: loc))
            }
            try sink.add(Activity(platform: .tiktok, kind: .search, occurredAt: Self.time("2024-03-01T10:20:00Z"), text: "q", locator: loc))
            // Session 2 (2024-03-01 12:00, more than 30 min later): a lone watch → span 0.
            try sink.add(Activity(platform: .tiktok, kind: .watch, occurredAt: Self.time("2024-03-01T12:00:00Z"), url: "u12", locator: loc))
            // Session 3 (2024-04-02): two watches 29 min apart → one session of 29 min.
            try sink.add(Activity(platform: .tiktok, kind: .watch, occurredAt: Self.time("2024-04-02T08:00:00Z"), url: "a", locator: loc))
            try sink.add(Activity(platform: .tiktok, kind: .watch, occurredAt: Self.time("2024-04-02T08:29:00Z"), url: "b", locator: loc))
            // Exact: a live watch with 600 s recorded.
            try sink.add(Activity(platform: .tiktok, kind: .liveWatch, occurredAt: Self.time("2024-04-02T20:00:00Z"), durationSeconds: 600, locator: loc))
            // Interaction, commerce, not-labor.
            try sink.add(Activity(platform: .tiktok, kind: .like, occurredAt: Self.time("2024-03-05T00:00:00Z"), url: "l1", locator: loc))
            try sink.add(Activity(platform: .tiktok, kind: .like, occurredAt: Self.time("2024-04-05T00:00:00Z"), url: "l2", locator: loc))
            try sink.add(Activity(platform: .tiktok, kind: .gift, occurredAt: Self.time("2024-04-02T20:05:00Z"), amount: "1219.49", currency: "CNY", locator: loc))
            try sink.add(Activity(platform: .tiktok, kind: .purchase, occurredAt: Self.time("2024-04-03T00:00:00Z"), amount: "0.51", currency: "CNY", locator: loc))
            try sink.add(Activity(platform: .tiktok, kind: .followedBy, text: "someone", locator: loc))
            try sink.add(Activity(platform: .tiktok, kind: .login, occurredAt: Self.time("2024-04-03T00:00:00Z"), locator: loc))
            try sink.add(Item(platform: .tiktok, kind: .comment, nativeID: "1", createdAt: Self.time("2024-03-01T10:05:00Z"),
                              text: "加油！", raw: .null, locator: loc))
            try sink.add(Item(platform: .tiktok, kind: .video, nativeID: "2", createdAt: Self.time("2024-03-02T10:05:00Z"),
                              raw: .null, locator: loc, durationSeconds: 90.5))
            try sink.add(Inference(platform: .tiktok, kind: .adInterest, label: "Cooking", locator: loc))
        }
        return store
    }

    func testSessionEstimateOnACraftedSequence() {
        let estimator = SessionEstimate(gapSeconds: 1800, tailSeconds: 300)
        let result = estimator.estimate([0, 60, 180, 1200, 5000, 9000, 9000 + 1740])
        XCTAssertEqual(result.sessions, 3)
        XCTAssertEqual(result.lowSeconds, 1200 + 0 + 1740)
        XCTAssertEqual(result.highSeconds, 1200 + 0 + 1740 + 3 * 300)
        XCTAssertEqual(estimator.estimate([]).sessions, 0)
        // Exactly `gap` apart stays one session; one second more splits it.
        XCTAssertEqual(estimator.estimate([0, 1800]).sessions, 1)
        XCTAssertEqual(estimator.estimate([0, 1801]).sessions, 2)
    }

    func testLedgerOfTheCraftedAccount() throws {
        let ledger = try Ledger.compute(try craftedStore())
        XCTAssertEqual(ledger.totals[.content], 2)
        XCTAssertEqual(ledger.totals[.interaction], 2)
        XCTAssertEqual(ledger.totals[.attention], 8) // 6 watches + 1 search + 1 live watch
        XCTAssertEqual(ledger.totals[.commerce], 2)
        XCTAssertEqual(ledger.notLabor, ["followed_by": 1, "login": 1])
        XCTAssertEqual(ledger.attention.exactSeconds, 600)
        // Sessions: 20 min + 0 + 29 min = 2940 s low; high adds 3 × 5 min.
        XCTAssertEqual(ledger.attention.sessions, 3)
        XCTAssertEqual(ledger.attention.lowSeconds, 600 + 2940)
        XCTAssertEqual(ledger.attention.highSeconds, 600 + 2940 + 900)
        XCTAssertEqual(ledger.attentionByMonth["tiktok|2024-03"]?.estimatedLow, 1200)
        XCTAssertEqual(ledger.attentionByMonth["tiktok|2024-04"]?.exactSeconds, 600)
        XCTAssertEqual(ledger.money.map { "\($0.kind) \($0.amount) \($0.currency)" }, ["gift 1219.49 CNY", "purchase 0.51 CNY"])
        XCTAssertEqual(ledger.content.characters, 3)
        XCTAssertEqual(ledger.content.videoSeconds, 90.5)
        XCTAssertEqual(ledger.inferences.map(\.label), ["Cooking"])
        let march = ledger.rows.filter { $0.month == "2024-03" && $0.category == "attention" }.reduce(0) { $0 + $1.count }
        XCTAssertEqual(march, 5)
        // March: 4 watches, 1 search, 1 like, 1 comment, 1 video; April: 2 watches, 1 live watch, 1 like, 1 gift, 1 purchase.
        XCTAssertEqual(ledger.grouped(by: ["month"]).map(\.count), [8, 6])
    }

    func testFiltersByPeriod() throws {
        let ledger = try Ledger.compute(try craftedStore(), filter: RecordFilter(since: "2024-04-01", until: "2024-04-30"))
        XCTAssertEqual(ledger.totals[.content] ?? 0, 0)
        XCTAssertEqual(ledger.attention.lowSeconds, 600 + 1740)
    }

    func testValuationShowsFormulaInputsAndRange() throws {
        let store = try craftedStore()
        let ledger = try Ledger.compute(store)
        let (results, missing) = try ledger.value(with: .defaults(), store: store, filter: RecordFilter())
        // No sourced revenue figure for TikTok: no default, a message instead.
        XCTAssertTrue(results.allSatisfy { $0.model != "revenue-per-user" })
        XCTAssertEqual(missing.count, 1)
        XCTAssertTrue(missing[0].hasPrefix("tiktok: no sourced"))
        let wage = try XCTUnwrap(results.first { $0.model == "attention-wage" })
        // (600 + 2940) s = 0.98333 h × 7.25 = 7.129…; high (600 + 3840) s = 1.2333 h × 7.25 = 8.941…
        XCTAssertEqual(MoneyFormat.format(wage.low), "7.13")
        XCTAssertEqual(MoneyFormat.format(wage.high), "8.94")
        XCTAssertTrue(wage.source.contains("29 U.S.C."))
    }

    func testModelsWithoutASourceAreRefused() throws {
        let json = #"{"revenuePerUser": [{"platforms": ["x"], "annualRevenue": "10", "users": "2", "year": 2024, "region": "US"}]}"#
        XCTAssertThrowsError(try ValuationModels.parse(Data(json.utf8), origin: "m.json")) { error in
            XCTAssertTrue((error as? ValuationError)?.localizedDescription.contains("has no source") == true)
        }
        XCTAssertEqual(ValuationModels.defaults().revenuePerUser.count, 2)
    }

    /// A bill's refund is a purchase with a negative amount: the spending on that platform is
    /// net of it, and it is counted apart from the purchases.
    func testRefundsReduceSpendingPerPlatformInCNY() throws {
        let store = try AccountStore()
        _ = try store.importExport(ExportDescription(platform: .alipay, fileName: "bill.csv", sha256: "r", size: 1, format: "alipay-bill-csv",
                                                     importer: "alipay-bill", importerVersion: "mapping-1", importedAt: "2025-01-01T00:00:00Z"),
                                   media: nil) { sink in
            let loc = Locator(entry: "bill.csv")
            for (id, amount) in [("1", "59.80"), ("2", "45.00"), ("3", "-45.00"), ("4", "28.16")] {
                try sink.add(Activity(platform: .alipay, kind: .purchase, occurredAt: Self.time("2024-03-0\(id)T00:00:00Z"), amount: amount,
                                      currency: "CNY", detail: .obj([("id", .string(id))]), locator: loc))
            }
            try sink.add(Activity(platform: .meituan, kind: .purchase, occurredAt: Self.time("2024-03-05T00:00:00Z"), amount: "15.00",
                                  currency: "CNY", locator: loc))
        }
        let ledger = try Ledger.compute(store)
        XCTAssertEqual(ledger.money, [
            Ledger.Money(platform: "alipay", kind: "purchase", currency: "CNY", amount: Decimal(string: "87.96")!, count: 3, refunds: 1),
            Ledger.Money(platform: "meituan", kind: "purchase", currency: "CNY", amount: 15, count: 1, refunds: 0),
        ])
        let html = try HTMLReport.render(store: store, generatedAt: "2025-01-01T00:00:00Z")
        XCTAssertTrue(html.contains("<b>87.96 CNY</b><span>3 purchase on Alipay 支付宝, net of 1 refund(s)</span>"), html)
        XCTAssertTrue(html.contains("<b>15.00 CNY</b><span>1 purchase on Meituan 美团</span>"))
    }
}
