import AccountModel
import AccountStore
import Foundation

public enum ValuationError: Error, LocalizedError {
    case unreadable(file: String, reason: String)
    case unsourced(file: String, figure: String)

    public var errorDescription: String? {
        switch self {
        case .unreadable(let file, let reason): return "\(file): not a valuation model file (\(reason))"
        case .unsourced(let file, let figure): return "\(file): the figure \"\(figure)\" has no source; every figure must cite a document, year and region"
        }
    }
}

/// Explicit, editable valuation models. Results are always ranges shown with their formula and
/// inputs, never one falsely precise number.
public struct ValuationModels: Sendable {
    public struct RevenuePerUser: Sendable {
        public var platforms: [String]
        public var label: String
        public var annualRevenue: Decimal
        public var users: Decimal
        public var currency: String
        public var userMetric: String
        public var year: Int
        public var region: String
        public var source: String
    }

    public struct AttentionWage: Sendable {
        public var label: String
        public var hourlyWage: Decimal
        public var currency: String
        public var year: Int
        public var region: String
        public var source: String
    }

    public var revenuePerUser: [RevenuePerUser]
    public var attentionWage: AttentionWage?
    public var origin: String

    public static var defaultJSON: String { DefaultValuationModels.json }

    public static func defaults() -> ValuationModels {
        // The shipped document is tested to parse (ValuationTests); failing here is a build bug.
        (try? parse(Data(DefaultValuationModels.json.utf8), origin: "built-in models"))!
    }

    public static func load(_ url: URL) throws -> ValuationModels {
        guard let data = try? Data(contentsOf: url) else {
            throw ValuationError.unreadable(file: url.lastPathComponent, reason: "cannot be read")
        }
        return try parse(data, origin: url.lastPathComponent)
    }

    static func parse(_ data: Data, origin file: String) throws -> ValuationModels {
        let root: JSONValue
        do { root = try JSONParser.parse(data) } catch { throw ValuationError.unreadable(file: file, reason: "invalid JSON") }
        func decimal(_ value: JSONValue?, _ name: String) throws -> Decimal {
            guard let text = value?.stringValue, let d = Decimal(string: text, locale: Locale(identifier: "en_US_POSIX")), d > 0 else {
                throw ValuationError.unreadable(file: file, reason: "\(name) must be a positive number")
            }
            return d
        }
        func sourced(_ value: JSONValue, _ figure: String) throws -> String {
            guard let source = value.text("source"), value.text("region") != nil, value["year"] != nil else {
                throw ValuationError.unsourced(file: file, figure: figure)
            }
            return source
        }
        var models = ValuationModels(revenuePerUser: [], attentionWage: nil, origin: file)
        for entry in root["revenuePerUser"]?.arrayValue ?? [] {
            let label = entry.text("label") ?? "revenue per user"
            models.revenuePerUser.append(RevenuePerUser(
                platforms: (entry["platforms"]?.arrayValue ?? []).compactMap(\.stringValue), label: label,
                annualRevenue: try decimal(entry["annualRevenue"], "annualRevenue"), users: try decimal(entry["users"], "users"),
                currency: entry.text("currency") ?? "USD", userMetric: entry.text("userMetric") ?? "users",
                year: Int(entry["year"]?.stringValue ?? "") ?? 0, region: entry.text("region") ?? "", source: try sourced(entry, label)))
        }
        if let wage = root["attentionWage"], !wage.isNull {
            let label = wage.text("label") ?? "hourly wage"
            models.attentionWage = AttentionWage(
                label: label, hourlyWage: try decimal(wage["hourlyWage"], "hourlyWage"), currency: wage.text("currency") ?? "USD",
                year: Int(wage["year"]?.stringValue ?? "") ?? 0, region: wage.text("region") ?? "", source: try sourced(wage, label))
        }
        return models
    }
}

/// One model's result for the ledger's period.
public struct Valuation: Sendable {
    public var model: String
    public var label: String
    public var platforms: [String]
    public var formula: String
    public var inputs: [(String, String)]
    public var low: Decimal
    public var high: Decimal
    public var currency: String
    public var source: String

    public init(model: String, label: String, platforms: [String], formula: String, inputs: [(String, String)],
                low: Decimal, high: Decimal, currency: String, source: String) {
        self.model = model
        self.label = label
        self.platforms = platforms
        self.formula = formula
        self.inputs = inputs
        self.low = low
        self.high = high
        self.currency = currency
        self.source = source
    }

    public var json: JSONValue {
        .obj([
            ("model", .string(model)), ("label", .string(label)), ("platforms", .array(platforms.map(JSONValue.string))),
            ("formula", .string(formula)), ("inputs", .obj(inputs.map { ($0.0, .string($0.1)) })),
            ("low", .string(MoneyFormat.format(low))), ("high", .string(MoneyFormat.format(high))), ("currency", .string(currency)),
            ("source", .string(source)),
        ])
    }
}

public enum MoneyFormat {
    public static func format(_ value: Decimal, places: Int = 2) -> String {
        var input = value
        var rounded = Decimal()
        NSDecimalRound(&rounded, &input, places, .plain)
        let formatter = NumberFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.minimumFractionDigits = places
        formatter.maximumFractionDigits = places
        formatter.minimumIntegerDigits = 1
        return formatter.string(from: rounded as NSDecimalNumber) ?? "\(rounded)"
    }
}

extension Ledger {
    /// Applies the models to this ledger. Platforms present in the ledger without a sourced
    /// figure are listed in `missing` with how to supply one.
    public func value(with models: ValuationModels, store: AccountStore, filter: RecordFilter) throws -> (results: [Valuation], missing: [String]) {
        var results: [Valuation] = []
        let days = try store.activeDays(filter)
        let present = Set(rows.map(\.platform))
        var covered = Set<String>()
        for model in models.revenuePerUser {
            let platforms = model.platforms.filter(present.contains)
            guard !platforms.isEmpty else { continue }
            covered.formUnion(platforms)
            // Days and months with any record on any of the model's platforms, per year.
            var byYear: [String: Set<String>] = [:]
            for platform in platforms { for (year, set) in days[platform] ?? [:] { byYear[year, default: []].formUnion(set) } }
            let perUser = model.annualRevenue / model.users
            var low = Decimal(0), high = Decimal(0)
            var yearInputs: [String] = []
            for year in byYear.keys.sorted() {
                let activeDays = byYear[year]!.count
                let activeMonths = Set(byYear[year]!.map { $0.prefix(7) }).count
                let daysInYear = (Int(year).map { ($0 % 4 == 0 && $0 % 100 != 0) || $0 % 400 == 0 } ?? false) ? 366 : 365
                low += perUser * Decimal(activeDays) / Decimal(daysInYear)
                high += perUser * Decimal(activeMonths) / 12
                yearInputs.append("\(year): \(activeDays) active days, \(activeMonths) active months")
            }
            results.append(Valuation(
                model: "revenue-per-user", label: model.label, platforms: platforms,
                formula: "annualRevenue / users × your active share of each year (low: active days / days in year; high: active months / 12)",
                inputs: [("annualRevenue", "\(model.annualRevenue)"), ("users", "\(model.users) (\(model.userMetric))"),
                         ("revenuePerUser", MoneyFormat.format(perUser) + " " + model.currency + " per year (\(model.year), \(model.region))"),
                         ("activeShare", yearInputs.joined(separator: "; "))],
                low: low, high: high, currency: model.currency, source: model.source))
        }
        if let wage = models.attentionWage, attention.highSeconds > 0 {
            let lowHours = Decimal(attention.lowSeconds) / 3600
            let highHours = Decimal(attention.highSeconds) / 3600
            results.append(Valuation(
                model: "attention-wage", label: wage.label, platforms: present.sorted(),
                formula: "attention hours (low–high) × hourly wage",
                inputs: [("attentionHours", "\(MoneyFormat.format(lowHours, places: 1))–\(MoneyFormat.format(highHours, places: 1))"),
                         ("hourlyWage", "\(wage.hourlyWage) \(wage.currency) (\(wage.year), \(wage.region))")],
                low: lowHours * wage.hourlyWage, high: highHours * wage.hourlyWage, currency: wage.currency, source: wage.source))
        }
        let missing = present.subtracting(covered).sorted().map {
            "\($0): no sourced revenue-per-user figure ships with pda. To value it, write the models with `pda ledger --write-value-model models.json`, add an entry for \"\($0)\" with annualRevenue, users, year, region and source, and run `pda ledger --value --value-model models.json`."
        }
        return (results, missing)
    }
}
