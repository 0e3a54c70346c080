import AccountModel
import Foundation
import GRDB
import LaborLedger

/// The collective ledger with k-anonymity: no published figure derives from fewer than `k`
/// members. A noisy release (`privateReport`, `--epsilon`) fills the same shape with
/// differentially private figures and says how in `privacy`.
public struct CollectiveReport: Sendable {
    public struct Cell: Sendable, Equatable {
        public var platform, month, category: String
        public var count: Int
        public var members: Int
    }

    public struct Total: Sendable, Equatable {
        public var key: String
        public var count: Int
        public var members: Int
    }

    public var name: String?
    public var k: Int
    public var epsilon: Double?
    public var clip: Int
    public var members: Int
    public var cells: [Cell] = []
    public var suppressedCells = 0
    public var platforms: [Total] = []
    public var categories: [Total] = []
    public var attentionLow = 0.0, attentionHigh = 0.0, attentionMembers = 0
    public var valuation: [Valuation] = []
    /// How a noisy release was made; nil for an exact (k-anonymous only) report.
    public var privacy: PrivacyRelease?
    public var suppressedAll: Bool { members < k }

    public var json: JSONValue {
        func totals(_ list: [Total]) -> JSONValue {
            .array(list.map { .obj([("key", .string($0.key)), ("count", .int($0.count)), ("members", .int($0.members))]) })
        }
        return .obj([
            ("collective", name.map(JSONValue.string) ?? .null), ("members", suppressedAll ? .null : .int(members)),
            ("k", .int(k)), ("epsilon", epsilon.map { .number(String($0)) } ?? .null), ("clip", .int(clip)),
            ("cells", .array(cells.map { c in
                .obj([("platform", .string(c.platform)), ("month", .string(c.month)), ("category", .string(c.category)),
                      ("count", .int(c.count)), ("members", .int(c.members))])
            })),
            ("suppressedCells", .int(suppressedCells)),
            ("platforms", totals(platforms)), ("categories", totals(categories)),
            ("attentionSeconds", attentionMembers >= k
                ? .obj([("low", .int(Int(attentionLow))), ("high", .int(Int(attentionHigh))), ("members", .int(attentionMembers))])
                : .null),
            ("valuation", .array(valuation.map(\.json))),
            ("privacy", privacy?.json ?? .null),
        ])
    }

    public var csv: String {
        "platform,month,category,count,members\n" + cells.map { "\($0.platform),\($0.month),\($0.category),\($0.count),\($0.members)" }.joined(separator: "\n") + "\n"
    }
}

extension CollectiveStore {
    /// The exact report: k-anonymous, not differentially private (see `privateReport`).
    /// `clip` caps each member's records per cell, as a noisy release does.
    public func report(k overrideK: Int? = nil, clip: Int = 1000, models: ValuationModels = .defaults()) throws -> CollectiveReport {
        let info = try info()
        let k = overrideK ?? info.k
        var report = CollectiveReport(name: info.name, k: k, epsilon: nil, clip: clip, members: try memberCount())
        guard !report.suppressedAll else { return report }
        try writer.read { db in
            let clipped = "SUM(MIN(total, \(clip)))"
            // Per member first (a member's kinds summed into their category), then across members.
            let perMember = "SELECT pseudonym, platform, month, category, SUM(count) AS total FROM ledger_cell GROUP BY pseudonym, platform, month, category"
            for row in try Row.fetchAll(db, sql: """
                SELECT platform, month, category, \(clipped) AS n, COUNT(DISTINCT pseudonym) AS m FROM (\(perMember))
                GROUP BY platform, month, category ORDER BY platform, month, category
                """) {
                let members: Int = row["m"]
                guard members >= k else { report.suppressedCells += 1; continue }
                report.cells.append(.init(platform: row["platform"], month: row["month"], category: row["category"], count: row["n"], members: members))
            }
            for (column, target) in [("platform", \CollectiveReport.platforms), ("category", \CollectiveReport.categories)] {
                for row in try Row.fetchAll(db, sql: """
                    SELECT \(column) AS key, \(clipped) AS n, COUNT(DISTINCT pseudonym) AS m FROM
                    (SELECT pseudonym, \(column), SUM(count) AS total FROM ledger_cell GROUP BY pseudonym, \(column)) GROUP BY \(column) ORDER BY \(column)
                    """) where (row["m"] as Int) >= k {
                    report[keyPath: target].append(.init(key: row["key"], count: row["n"], members: row["m"]))
                }
            }
            if let a = try Row.fetchOne(db, sql: "SELECT COALESCE(SUM(low_seconds), 0) AS low, COALESCE(SUM(high_seconds), 0) AS high, COUNT(DISTINCT pseudonym) AS m FROM attention_cell") {
                report.attentionLow = a["low"]
                report.attentionHigh = a["high"]
                report.attentionMembers = a["m"]
            }
            report.valuation = try Self.valuation(db, models: models, k: k, attention: (report.attentionLow, report.attentionHigh, report.attentionMembers))
        }
        return report
    }

    /// The same models as a person's ledger, summed over members; published only from ≥ k members.
    static func valuation(_ db: Database, models: ValuationModels, k: Int, attention: (Double, Double, Int)) throws -> [Valuation] {
        var results: [Valuation] = []
        for model in models.revenuePerUser {
            let placeholders = model.platforms.map { _ in "?" }.joined(separator: ",")
            guard !placeholders.isEmpty else { continue }
            let rows = try Row.fetchAll(db, sql: """
                SELECT pseudonym, year, MAX(active_days) AS days, MAX(active_months) AS months FROM active_share
                WHERE platform IN (\(placeholders)) GROUP BY pseudonym, year
                """, arguments: StatementArguments(model.platforms))
            let members = Set(rows.map { $0["pseudonym"] as String }).count
            guard members >= k else { continue }
            let perUser = model.annualRevenue / model.users
            var low = Decimal(0), high = Decimal(0)
            for row in rows {
                low += perUser * Decimal(row["days"] as Int) / 365
                high += perUser * Decimal(row["months"] as Int) / 12
            }
            results.append(Valuation(model: "revenue-per-user", label: model.label, platforms: model.platforms,
                                     formula: "Σ over members of annualRevenue / users × each member's active share of each year (low: active days / 365 — the busiest platform of the group per year; high: active months / 12)",
                                     inputs: [("members", String(members)), ("revenuePerUser", MoneyFormat.format(perUser) + " " + model.currency)],
                                     low: low, high: high, currency: model.currency, source: model.source))
        }
        if let wage = models.attentionWage, attention.2 >= k, attention.1 > 0 {
            let lowHours = Decimal(attention.0) / 3600, highHours = Decimal(attention.1) / 3600
            results.append(Valuation(model: "attention-wage", label: wage.label, platforms: [],
                                     formula: "members' attention hours (low–high) × hourly wage",
                                     inputs: [("members", String(attention.2)), ("attentionHours", "\(MoneyFormat.format(lowHours, places: 1))–\(MoneyFormat.format(highHours, places: 1))"),
                                              ("hourlyWage", "\(wage.hourlyWage) \(wage.currency)")],
                                     low: lowHours * wage.hourlyWage, high: highHours * wage.hourlyWage, currency: wage.currency, source: wage.source))
        }
        return results
    }
}
