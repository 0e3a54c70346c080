import AccountModel
import AccountStore
import Foundation

/// The digital labor ledger: what the owner produced, how they interacted, how much attention
/// and money they gave, per platform and month.
public struct Ledger: Sendable {
    public struct Row: Sendable, Equatable {
        public var platform: String
        public var month: String
        public var category: String
        public var kind: String
        public var count: Int
    }

    public struct Attention: Sendable, Equatable {
        public var exactSeconds: Double = 0
        public var estimatedLow: Int64 = 0
        public var estimatedHigh: Int64 = 0
        public var sessions = 0
        public var lowSeconds: Double { exactSeconds + Double(estimatedLow) }
        public var highSeconds: Double { exactSeconds + Double(estimatedHigh) }
    }

    public struct Money: Sendable, Equatable {
        public var platform: String
        public var kind: String
        public var currency: String
        /// Net of refunds: a refund is a negative amount of the same kind (a bill's 退款 row).
        public var amount: Decimal
        /// Records with a positive amount (the purchases themselves).
        public var count: Int
        /// Records with a negative amount: refunds that reduced `amount`.
        public var refunds: Int = 0
    }

    public var rows: [Row] = []
    public var totals: [LaborCategory: Int] = [:]
    /// Records that are not labor (being followed, logging in), kept visible but apart.
    public var notLabor: [String: Int] = [:]
    public var attention = Attention()
    public var attentionByPlatform: [String: Attention] = [:]
    /// `platform|month` → attention; sessions count toward the month they started in.
    public var attentionByMonth: [String: Attention] = [:]
    public var estimator = SessionEstimate()
    public var money: [Money] = []
    public var content = ContentVolume()
    public var inferences: [StoredInference] = []

    public static let attentionKinds: [ActivityKind] = ActivityKind.allCases.filter { $0.laborCategory == .attention }
    public static let moneyKinds: [ActivityKind] = [.purchase, .gift]

    public static func compute(_ store: AccountStore, filter: RecordFilter = RecordFilter(),
                               estimator: SessionEstimate = SessionEstimate()) throws -> Ledger {
        var ledger = Ledger()
        ledger.estimator = estimator
        for count in try store.ledgerCounts(filter) {
            let category: String
            if count.group == "items" {
                category = LaborCategory.content.rawValue
            } else if let c = ActivityKind(rawValue: count.kind)?.laborCategory {
                category = c.rawValue
            } else {
                ledger.notLabor[count.kind, default: 0] += count.count
                continue
            }
            ledger.rows.append(Row(platform: count.platform, month: count.month, category: category, kind: count.kind, count: count.count))
            ledger.totals[LaborCategory(rawValue: category)!, default: 0] += count.count
        }
        try ledger.computeAttention(store, filter)
        ledger.money = try Self.sumMoney(store.moneyRows(filter, kinds: moneyKinds.map(\.rawValue)))
        ledger.content = try store.contentVolume(filter)
        var inferenceFilter = filter
        inferenceFilter.kinds = []
        inferenceFilter.limit = nil
        ledger.inferences = try store.inferences(inferenceFilter)
        return ledger
    }

    private mutating func computeAttention(_ store: AccountStore, _ filter: RecordFilter) throws {
        let events = try store.attentionEvents(filter, kinds: Self.attentionKinds.map(\.rawValue))
        var index = 0
        while index < events.count {
            let platform = events[index].platform
            var untimed: [Int64] = []
            var platformAttention = Attention()
            while index < events.count, events[index].platform == platform {
                let event = events[index]
                if let duration = event.durationSeconds, duration > 0 {
                    platformAttention.exactSeconds += duration
                    attentionByMonth[Self.monthKey(platform, event.time), default: Attention()].exactSeconds += duration
                } else {
                    untimed.append(event.time)
                }
                index += 1
            }
            let estimate = estimator.estimate(untimed)
            platformAttention.estimatedLow = estimate.lowSeconds
            platformAttention.estimatedHigh = estimate.highSeconds
            platformAttention.sessions = estimate.sessions
            for session in estimate.perSession {
                let key = Self.monthKey(platform, session.start)
                attentionByMonth[key, default: Attention()].estimatedLow += session.low
                attentionByMonth[key, default: Attention()].estimatedHigh += session.high
                attentionByMonth[key, default: Attention()].sessions += 1
            }
            attentionByPlatform[platform] = platformAttention
            attention.exactSeconds += platformAttention.exactSeconds
            attention.estimatedLow += platformAttention.estimatedLow
            attention.estimatedHigh += platformAttention.estimatedHigh
            attention.sessions += platformAttention.sessions
        }
    }

    static func monthKey(_ platform: String, _ time: Int64) -> String {
        let date = Date(timeIntervalSince1970: TimeInterval(time))
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let parts = calendar.dateComponents([.year, .month], from: date)
        return String(format: "%@|%04d-%02d", platform, parts.year ?? 0, parts.month ?? 0)
    }

    /// Amounts are decimal strings; summed exactly, per platform, kind and currency.
    static func sumMoney(_ rows: [MoneyRow]) -> [Money] {
        var sums: [String: Money] = [:]
        for row in rows {
            guard let amount = Decimal(string: row.amount, locale: Locale(identifier: "en_US_POSIX")) else { continue }
            let key = "\(row.platform)|\(row.kind)|\(row.currency)"
            sums[key, default: Money(platform: row.platform, kind: row.kind, currency: row.currency, amount: 0, count: 0)].amount += amount
            if amount < 0 { sums[key]!.refunds += 1 } else { sums[key]!.count += 1 }
        }
        return sums.keys.sorted().map { sums[$0]! }
    }

    /// Rows summed over every dimension but the chosen ones.
    public func grouped(by dimensions: [String]) -> [(key: [String], count: Int)] {
        var sums: [[String]: Int] = [:]
        for row in rows {
            let key = dimensions.map { dimension -> String in
                switch dimension {
                case "platform": return row.platform
                case "month": return row.month
                case "category": return row.category
                default: return row.kind
                }
            }
            sums[key, default: 0] += row.count
        }
        return sums.keys.sorted { $0.lexicographicallyPrecedes($1) }.map { ($0, sums[$0]!) }
    }
}
