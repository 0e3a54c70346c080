import AccountStore
import Foundation
import LaborLedger

/// What the collective keeps of one member: their ledger in cells, under their pseudonym.
public struct MemberLedger: Codable, Sendable, Equatable {
    public struct Cell: Codable, Sendable, Equatable {
        public var platform, month, category, kind: String
        public var count: Int
    }

    public struct AttentionCell: Codable, Sendable, Equatable {
        public var platform, month: String
        public var low, high, exact: Double
    }

    public struct MoneyCell: Codable, Sendable, Equatable {
        public var platform, kind, currency, amount: String
        public var count: Int
    }

    public struct Share: Codable, Sendable, Equatable {
        public var platform, year: String
        public var activeDays, activeMonths: Int
    }

    public var cells: [Cell] = []
    public var attention: [AttentionCell] = []
    public var money: [MoneyCell] = []
    public var shares: [Share] = []

    public init() {}

    /// The member's whole ledger, from their own account.
    public static func from(_ store: AccountStore) throws -> MemberLedger {
        let ledger = try Ledger.compute(store)
        var result = MemberLedger()
        result.cells = ledger.rows.map { Cell(platform: $0.platform, month: $0.month, category: $0.category, kind: $0.kind, count: $0.count) }
        result.attention = ledger.attentionByMonth.keys.sorted().map { key in
            let parts = key.split(separator: "|").map(String.init)
            let a = ledger.attentionByMonth[key]!
            return AttentionCell(platform: parts[0], month: parts[1], low: a.lowSeconds, high: a.highSeconds, exact: a.exactSeconds)
        }
        result.money = ledger.money.map { MoneyCell(platform: $0.platform, kind: $0.kind, currency: $0.currency, amount: "\($0.amount)", count: $0.count) }
        for (platform, years) in try store.activeDays(RecordFilter()) {
            for (year, days) in years {
                result.shares.append(Share(platform: platform, year: year, activeDays: days.count, activeMonths: Set(days.map { $0.prefix(7) }).count))
            }
        }
        result.shares.sort { ($0.platform, $0.year) < ($1.platform, $1.year) }
        return result
    }
}
