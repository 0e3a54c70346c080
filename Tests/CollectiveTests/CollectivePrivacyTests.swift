@testable import Collective
import Foundation
import LaborLedger
import XCTest

/// Issue 14: differential privacy — noise on every number, clipping, a finite sampler, the budget.
final class CollectivePrivacyTests: CollectiveTestCase {
    /// A generator stuck at one value: the edges a sampler must survive.
    struct Constant: RandomNumberGenerator {
        var value: UInt64
        mutating func next() -> UInt64 { value }
    }

    func testTheLaplaceSamplerIsFiniteForEveryDraw() {
        for value: UInt64 in [0, 1, 1 << 11, UInt64.max, UInt64.max - 1, 1 << 63] {
            var noise = LaplaceNoise(generator: Constant(value: value))
            let sample = noise.sample(scale: 1000)
            XCTAssertTrue(sample.isFinite, "draw \(value) gave \(sample)")
            _ = noise.noisyCount(5, scale: 1e300) // must not trap
        }
        XCTAssertEqual(LaplaceNoise.safeCount(.infinity), 1 << 53)
        XCTAssertEqual(LaplaceNoise.safeCount(-.infinity), 0)
        XCTAssertEqual(LaplaceNoise.safeCount(.nan), 0)
        // Laplace(1): mean |x| is 1, and both signs occur.
        var noise = LaplaceNoise(seed: 1)
        let draws = (0..<20000).map { _ in noise.sample(scale: 1) }
        XCTAssertEqual(draws.map(abs).reduce(0, +) / Double(draws.count), 1, accuracy: 0.05)
        XCTAssertEqual(Double(draws.filter { $0 > 0 }.count) / Double(draws.count), 0.5, accuracy: 0.02)
    }

    /// Eight crafted members: TikTok cells and attention, active days on Reddit, in 2024.
    func crafted(_ store: CollectiveStore, members: Int = 8) throws {
        for i in 0..<members {
            var ledger = MemberLedger()
            ledger.cells.append(.init(platform: "tiktok", month: "2024-03", category: "attention", kind: "watch", count: 100 + i))
            ledger.cells.append(.init(platform: "tiktok", month: "2024-03", category: "content", kind: "comment", count: 5))
            ledger.attention.append(.init(platform: "tiktok", month: "2024-03", low: 3600, high: 7200, exact: 0))
            ledger.shares.append(.init(platform: "reddit", year: "2024", activeDays: 30, activeMonths: 2))
            try store.record(pseudonym: "p\(i)", consent: "aggregate",
                             files: [.init(path: "f\(i)", fileName: "f\(i)", sha256: "s\(i)", ok: true, reason: nil)], ledger: ledger, now: "t")
        }
    }

    func testEveryPublishedNumberCarriesNoise() throws {
        let store = try makeCollective(k: 1, epsilonBudget: 1000)
        try crafted(store)
        let months = PrivacyRelease.months("2024-01..2024-06")!
        let releases = try (1...12).map { seed in
            try store.privateReport(epsilon: 2, months: months, k: 1, seed: UInt64(seed), now: "2025-01-01T00:00:00Z")
        }
        func varies<T: Hashable>(_ name: String, _ value: (CollectiveReport) -> T?) {
            XCTAssertGreaterThan(Set(releases.compactMap(value)).count, 1, "\(name) is published without noise")
        }
        varies("members") { $0.members }
        varies("cell count") { r in r.cells.first { $0.category == "attention" }?.count }
        varies("cell members") { r in r.cells.first { $0.category == "attention" }?.members }
        varies("platform total") { r in r.platforms.first { $0.key == "tiktok" }?.count }
        varies("platform members") { r in r.platforms.first { $0.key == "tiktok" }?.members }
        varies("category members") { r in r.categories.first { $0.key == "content" }?.members }
        varies("attention members") { $0.attentionMembers }
        varies("attention low") { $0.attentionLow }
        varies("attention high") { $0.attentionHigh }
        varies("valuation") { r in r.valuation.first { $0.model == "revenue-per-user" && $0.platforms.contains("reddit") }?.low }
        // The same seed reproduces a release; a release says how it was made.
        let again = try store.privateReport(epsilon: 2, months: months, k: 1, seed: 1, now: "2025-01-01T00:00:00Z")
        XCTAssertEqual(again.cells, releases[0].cells)
        XCTAssertEqual(again.members, releases[0].members)
        XCTAssertEqual(again.privacy?.queries.count, 8 + 3 * ValuationModels.defaults().revenuePerUser.filter { !$0.platforms.isEmpty }.count)
        XCTAssertEqual(again.privacy?.budget.spent ?? 0, 26, accuracy: 1e-9)
    }

    func testEachMemberContributionIsClipped() throws {
        let store = try makeCollective(k: 1)
        var heavy = MemberLedger()
        for month in 1...12 {
            heavy.cells.append(.init(platform: "tiktok", month: String(format: "2024-%02d", month), category: "attention", kind: "watch", count: 1_000_000))
        }
        heavy.attention.append(.init(platform: "tiktok", month: "2024-03", low: 1e9, high: 2e9, exact: 0))
        heavy.shares.append(.init(platform: "reddit", year: "2024", activeDays: 366, activeMonths: 12))
        heavy.shares.append(.init(platform: "reddit", year: "2023", activeDays: 365, activeMonths: 12))
        try store.record(pseudonym: "heavy", consent: "aggregate", files: [.init(path: "h", fileName: "h", sha256: "h", ok: true, reason: nil)],
                         ledger: heavy, now: "t")
        var bounds = ContributionBounds()
        bounds.maxCells = 5
        bounds.perCell = 7
        bounds.attentionHours = 2
        bounds.activeYears = 1.5
        let months = PrivacyRelease.months("2023-01..2024-12")!
        let cells = try store.clippedCells(bounds: bounds, platforms: ["tiktok"], months: Set(months))
        XCTAssertEqual(cells.cells.count, 5)
        XCTAssertEqual(cells.cells.values.map(\.records).reduce(0, +), 5 * 7)
        let attention = try store.clippedAttention(bounds: bounds, platforms: ["tiktok"], months: months)
        XCTAssertEqual(attention.low, 7200)
        XCTAssertEqual(attention.high, 7200)
        let model = try XCTUnwrap(ValuationModels.defaults().revenuePerUser.first { $0.platforms.contains("reddit") })
        let share = try store.clippedShare(model: model, years: ["2023", "2024"], bounds: bounds)
        XCTAssertEqual(share.low, 1.5)
        XCTAssertEqual(share.high, 1.5)
    }

    func testAReleasePastTheBudgetIsRefusedAndSpendsNothing() throws {
        let store = try makeCollective(k: 1, epsilonBudget: 1.0)
        try crafted(store)
        let months = PrivacyRelease.months("2024-01..2024-06")!
        _ = try store.privateReport(epsilon: 0.6, months: months, now: "2025-01-01T00:00:00Z")
        XCTAssertThrowsError(try store.privateReport(epsilon: 0.6, months: months, now: "2025-01-02T00:00:00Z")) { error in
            guard case .budgetExhausted = error as? CollectiveError else { return XCTFail("\(error)") }
        }
        XCTAssertEqual(try store.privacyBudget(), PrivacyBudget(total: 1.0, spent: 0.6, releases: 1))
        // The rest can still be spent, in pieces whose decimal sum is not exact in binary.
        for _ in 0..<4 { _ = try store.privateReport(epsilon: 0.1, months: months, now: "2025-01-03T00:00:00Z") }
        XCTAssertThrowsError(try store.privateReport(epsilon: 0.01, months: months, now: "2025-01-04T00:00:00Z"))
        // The ledger lives in the collective database: another process sees it.
        XCTAssertEqual(try CollectiveStore(folder: store.folder).privacyBudget().releases, 5)
    }

    func testMonthRanges() {
        XCTAssertEqual(PrivacyRelease.months("2023-11..2024-02"), ["2023-11", "2023-12", "2024-01", "2024-02"])
        XCTAssertNil(PrivacyRelease.months("2024-02..2023-11"))
        XCTAssertNil(PrivacyRelease.months("2024-13..2024-14"))
        XCTAssertEqual(PrivacyRelease.defaultMonths(now: "2025-03-10T00:00:00Z").first, "2023-04")
        XCTAssertEqual(PrivacyRelease.defaultMonths(now: "2025-03-10T00:00:00Z").last, "2025-03")
    }
}
