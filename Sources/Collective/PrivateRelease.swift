import AccountModel
import Crypto
import Foundation
import GRDB
import LaborLedger

/// How much one member may move a noisy release. Every figure is computed from contributions
/// clipped to these bounds, which fixes each query's sensitivity whatever the data.
public struct ContributionBounds: Sendable, Equatable {
    /// Cells (platform × month × category) one member counts in; past it, a fixed pseudo-random
    /// choice of their cells (by a hash of pseudonym and cell) is kept.
    public var maxCells = 24
    /// Records one member adds to one cell.
    public var perCell = 1000
    /// Attention one member adds to the low and to the high total, in hours.
    public var attentionHours = 1000.0
    /// Active share (days/365 or months/12, summed over years) one member adds to a
    /// revenue-per-user model, in years.
    public var activeYears = 3.0

    public init() {}
}

/// What a noisy release spent and how: enough for a reader to compute each figure's error.
public struct PrivacyRelease: Sendable {
    public struct Query: Sendable, Equatable {
        public var name: String
        public var sensitivity: Double
        public var scale: Double
    }

    public var epsilon: Double
    public var epsilonPerQuery: Double
    public var bounds: ContributionBounds
    public var months: [String]
    public var platforms: [String]
    public var queries: [Query]
    public var budget: PrivacyBudget

    public var json: JSONValue {
        .obj([
            ("level", .string("member")), ("mechanism", .string("laplace")),
            ("epsilon", .number(String(epsilon))), ("epsilonPerQuery", .number(String(epsilonPerQuery))),
            ("bounds", .obj([("maxCells", .int(bounds.maxCells)), ("perCell", .int(bounds.perCell)),
                             ("attentionHours", .number(String(bounds.attentionHours))), ("activeYears", .number(String(bounds.activeYears)))])),
            ("months", .array(months.map(JSONValue.string))), ("platforms", .array(platforms.map(JSONValue.string))),
            ("queries", .array(queries.map { .obj([("name", .string($0.name)), ("sensitivity", .number(String($0.sensitivity))), ("scale", .number(String($0.scale)))]) })),
            ("budget", .obj([("total", .number(String(budget.total))), ("spent", .number(String(budget.spent))),
                             ("remaining", .number(String(budget.remaining))), ("releases", .int(budget.releases))])),
        ])
    }

    /// `2023-01..2024-12` → every month in between, or nil when it is not such a range.
    public static func months(_ text: String) -> [String]? {
        let ends = text.components(separatedBy: "..")
        guard ends.count == 2, let first = monthIndex(ends[0]), let last = monthIndex(ends[1]), first <= last, last - first < 1200 else { return nil }
        return (first...last).map { String(format: "%04d-%02d", $0 / 12, $0 % 12 + 1) }
    }

    /// The 24 months up to and including the month of `now` (an ISO-8601 UTC time).
    public static func defaultMonths(now: String) -> [String] {
        let last = monthIndex(String(now.prefix(7))) ?? 0
        return ((last - 23)...last).map { String(format: "%04d-%02d", $0 / 12, $0 % 12 + 1) }
    }

    private static func monthIndex(_ text: String) -> Int? {
        let parts = text.split(separator: "-")
        guard parts.count == 2, parts[0].count == 4, parts[1].count == 2, let y = Int(parts[0]), let m = Int(parts[1]), (1...12).contains(m) else { return nil }
        return y * 12 + m - 1
    }
}

extension CollectiveStore {
    /// A differentially private release at member level (adding or removing one member's whole
    /// data changes the probability of any output by at most a factor e^ε). The cells published
    /// are chosen from a fixed domain (the known platforms × `months` and `undated` × the four
    /// categories) by thresholding noisy member counts at k, so which cells appear is noisy too;
    /// records of other platforms or months are left out. ε is split evenly over the queries
    /// listed in `privacy.queries`; each gets Laplace noise of scale sensitivity / (ε / queries).
    /// Totals per platform and category and the attention-wage valuation are sums of noisy
    /// figures (post-processing, no further cost). The release is recorded in the privacy ledger
    /// before any figure is computed, and refused when it would pass the collective's total.
    public func privateReport(epsilon: Double, bounds: ContributionBounds = .init(), months: [String], k overrideK: Int? = nil,
                              seed: UInt64? = nil, models: ValuationModels = .defaults(), now: String) throws -> CollectiveReport {
        let info = try info()
        let k = overrideK ?? info.k
        let platforms = Platform.allCases.map(\.rawValue).sorted()
        let categories = LaborCategory.allCases.map(\.rawValue)
        let monthDomain = months + ["undated"]
        let revenueModels = models.revenuePerUser.filter { !$0.platforms.isEmpty }
        var sensitivities: [(String, Double)] = [
            ("members", 1), ("cells.count", Double(bounds.maxCells * bounds.perCell)), ("cells.members", Double(bounds.maxCells)),
            ("platforms.members", Double(min(bounds.maxCells, platforms.count))), ("categories.members", Double(min(bounds.maxCells, categories.count))),
            ("attention.members", 1), ("attention.lowSeconds", bounds.attentionHours * 3600), ("attention.highSeconds", bounds.attentionHours * 3600),
        ]
        for (i, _) in revenueModels.enumerated() {
            sensitivities += [("valuation\(i).members", 1), ("valuation\(i).lowYears", bounds.activeYears), ("valuation\(i).highYears", bounds.activeYears)]
        }
        let perQuery = epsilon / Double(sensitivities.count)
        let queries = sensitivities.map { PrivacyRelease.Query(name: $0.0, sensitivity: $0.1, scale: $0.1 / perQuery) }
        let scale = Dictionary(uniqueKeysWithValues: queries.map { ($0.name, $0.scale) })
        let budget = try spend(epsilon: epsilon, now: now)

        var noise = LaplaceNoise(seed: seed)
        var report = CollectiveReport(name: info.name, k: k, epsilon: epsilon, clip: bounds.perCell, members: 0)
        report.privacy = PrivacyRelease(epsilon: epsilon, epsilonPerQuery: perQuery, bounds: bounds, months: months, platforms: platforms,
                                        queries: queries, budget: budget)
        report.members = noise.noisyCount(Double(try memberCount()), scale: scale["members"]!)
        guard !report.suppressedAll else { return report }

        let contributions = try clippedCells(bounds: bounds, platforms: Set(platforms), months: Set(monthDomain))
        var platformTotals: [String: Double] = [:], categoryTotals: [String: Double] = [:]
        for platform in platforms {
            for month in monthDomain {
                for category in categories {
                    let cell = contributions.cells["\(platform)|\(month)|\(category)"] ?? (0, 0)
                    let count = Double(cell.records) + noise.sample(scale: scale["cells.count"]!)
                    let members = noise.noisyCount(Double(cell.members), scale: scale["cells.members"]!)
                    platformTotals[platform, default: 0] += count
                    categoryTotals[category, default: 0] += count
                    guard members >= k else { report.suppressedCells += 1; continue }
                    report.cells.append(.init(platform: platform, month: month, category: category, count: LaplaceNoise.safeCount(count), members: members))
                }
            }
        }
        for (keys, totals, counts, query, target) in [
            (platforms, platformTotals, contributions.platformMembers, "platforms.members", \CollectiveReport.platforms),
            (categories, categoryTotals, contributions.categoryMembers, "categories.members", \CollectiveReport.categories),
        ] {
            for key in keys {
                let members = noise.noisyCount(Double(counts[key] ?? 0), scale: scale[query]!)
                if members >= k { report[keyPath: target].append(.init(key: key, count: LaplaceNoise.safeCount(totals[key] ?? 0), members: members)) }
            }
        }
        let attention = try clippedAttention(bounds: bounds, platforms: platforms, months: monthDomain)
        report.attentionMembers = noise.noisyCount(Double(attention.members), scale: scale["attention.members"]!)
        report.attentionLow = noise.noisyAmount(attention.low, scale: scale["attention.lowSeconds"]!)
        report.attentionHigh = max(report.attentionLow, noise.noisyAmount(attention.high, scale: scale["attention.highSeconds"]!))
        let years = Set(months.map { String($0.prefix(4)) })
        for (i, model) in revenueModels.enumerated() {
            let share = try clippedShare(model: model, years: years, bounds: bounds)
            let members = noise.noisyCount(Double(share.members), scale: scale["valuation\(i).members"]!)
            let low = noise.noisyAmount(share.low, scale: scale["valuation\(i).lowYears"]!)
            let high = max(low, noise.noisyAmount(share.high, scale: scale["valuation\(i).highYears"]!))
            guard members >= k else { continue }
            let perUser = model.annualRevenue / model.users
            report.valuation.append(Valuation(
                model: "revenue-per-user", label: model.label, platforms: model.platforms,
                formula: "annualRevenue / users × the members' active years with Laplace noise (each member's share clipped at \(bounds.activeYears) years; low: active days / 365, high: active months / 12)",
                inputs: [("members", String(members)), ("revenuePerUser", MoneyFormat.format(perUser) + " " + model.currency)],
                low: perUser * Decimal(low), high: perUser * Decimal(high), currency: model.currency, source: model.source))
        }
        if let wage = models.attentionWage, report.attentionMembers >= k, report.attentionHigh > 0 {
            let lowHours = Decimal(report.attentionLow) / 3600, highHours = Decimal(report.attentionHigh) / 3600
            report.valuation.append(Valuation(
                model: "attention-wage", label: wage.label, platforms: [],
                formula: "the noisy attention hours (low–high) × hourly wage",
                inputs: [("members", String(report.attentionMembers)), ("attentionHours", "\(MoneyFormat.format(lowHours, places: 1))–\(MoneyFormat.format(highHours, places: 1))"),
                         ("hourlyWage", "\(wage.hourlyWage) \(wage.currency)")],
                low: lowHours * wage.hourlyWage, high: highHours * wage.hourlyWage, currency: wage.currency, source: wage.source))
        }
        return report
    }

    struct ClippedCells {
        var cells: [String: (records: Int, members: Int)] = [:]
        var platformMembers: [String: Int] = [:]
        var categoryMembers: [String: Int] = [:]
    }

    /// Each member's cells in the domain, at most `maxCells` of them, each at most `perCell`.
    func clippedCells(bounds: ContributionBounds, platforms: Set<String>, months: Set<String>) throws -> ClippedCells {
        let rows = try writer.read { db in
            try Row.fetchAll(db, sql: "SELECT pseudonym, platform, month, category, SUM(count) AS total FROM ledger_cell GROUP BY pseudonym, platform, month, category ORDER BY pseudonym")
        }
        var perMember: [String: [(key: String, platform: String, category: String, total: Int)]] = [:]
        for row in rows {
            let platform: String = row["platform"], month: String = row["month"], category: String = row["category"]
            guard platforms.contains(platform), months.contains(month) else { continue }
            perMember[row["pseudonym"], default: []].append(("\(platform)|\(month)|\(category)", platform, category, row["total"]))
        }
        var result = ClippedCells()
        for (pseudonym, cells) in perMember {
            let kept = cells.count <= bounds.maxCells ? cells
                : Array(cells.sorted { Self.order(pseudonym, $0.key) < Self.order(pseudonym, $1.key) }.prefix(bounds.maxCells))
            for cell in kept {
                let current = result.cells[cell.key] ?? (0, 0)
                result.cells[cell.key] = (current.records + min(max(cell.total, 0), bounds.perCell), current.members + 1)
            }
            for platform in Set(kept.map(\.platform)) { result.platformMembers[platform, default: 0] += 1 }
            for category in Set(kept.map(\.category)) { result.categoryMembers[category, default: 0] += 1 }
        }
        return result
    }

    /// Which of a member's cells are kept when they have too many: fixed by the pseudonym and
    /// the cell's key only, never by the counts.
    private static func order(_ pseudonym: String, _ key: String) -> String {
        SHA256.hash(data: Data("\(pseudonym)|\(key)".utf8)).map { String(format: "%02x", $0) }.joined()
    }

    func clippedAttention(bounds: ContributionBounds, platforms: [String], months: [String]) throws -> (low: Double, high: Double, members: Int) {
        let cap = bounds.attentionHours * 3600
        let rows = try writer.read { db in
            try Row.fetchAll(db, sql: """
                SELECT SUM(low_seconds) AS low, SUM(high_seconds) AS high FROM attention_cell
                WHERE platform IN (\(platforms.map { _ in "?" }.joined(separator: ","))) AND month IN (\(months.map { _ in "?" }.joined(separator: ",")))
                GROUP BY pseudonym
                """, arguments: StatementArguments(platforms + months))
        }
        var low = 0.0, high = 0.0
        for row in rows {
            low += min(max(row["low"] as Double, 0), cap)
            high += min(max(row["high"] as Double, 0), cap)
        }
        return (low, high, rows.count)
    }

    func clippedShare(model: ValuationModels.RevenuePerUser, years: Set<String>, bounds: ContributionBounds) throws -> (low: Double, high: Double, members: Int) {
        let rows = try writer.read { db in
            try Row.fetchAll(db, sql: """
                SELECT pseudonym, year, MAX(active_days) AS days, MAX(active_months) AS months FROM active_share
                WHERE platform IN (\(model.platforms.map { _ in "?" }.joined(separator: ","))) GROUP BY pseudonym, year
                """, arguments: StatementArguments(model.platforms))
        }
        var perMember: [String: (low: Double, high: Double)] = [:]
        for row in rows where years.contains(row["year"] as String) {
            let share = perMember[row["pseudonym"]] ?? (0, 0)
            perMember[row["pseudonym"]] = (share.low + Double(row["days"] as Int) / 365, share.high + Double(row["months"] as Int) / 12)
        }
        let low = perMember.values.reduce(0) { $0 + min($1.low, bounds.activeYears) }
        let high = perMember.values.reduce(0) { $0 + min($1.high, bounds.activeYears) }
        return (low, high, perMember.count)
    }
}
