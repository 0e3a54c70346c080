import Foundation
import GRDB

/// The privacy ledger: every noisy release spends its ε, and by sequential composition the
/// guarantee across all releases is the sum. A release that would pass the total is refused.
public struct PrivacyBudget: Sendable, Equatable {
    public var total: Double
    public var spent: Double
    public var releases: Int
    public var remaining: Double { max(0, total - spent) }
}

extension CollectiveStore {
    /// Tolerance for sums of decimal ε values (0.1 + 0.2 …), far below any meaningful ε.
    static let budgetSlack = 1e-9

    public func privacyBudget() throws -> PrivacyBudget {
        try writer.read { db in try Self.budget(db) }
    }

    /// Sets the total (`init --epsilon-budget`, `budget --set`). Lowering it below what is spent
    /// leaves no room for further releases; nothing spent is forgotten.
    public func setPrivacyBudget(_ total: Double) throws {
        try writer.write { db in try db.execute(sql: "UPDATE collective SET epsilon_budget = ? WHERE id = 1", arguments: [total]) }
    }

    /// Records a release of `epsilon` before any noisy figure is computed, in one immediate
    /// transaction so two reports at once cannot both pass the check.
    func spend(epsilon: Double, now: String) throws -> PrivacyBudget {
        try writer.writeWithoutTransaction { db in
            var result: PrivacyBudget?
            try db.inTransaction(.immediate) {
                let budget = try Self.budget(db)
                guard budget.spent + epsilon <= budget.total + Self.budgetSlack else {
                    throw CollectiveError.budgetExhausted(spent: budget.spent, total: budget.total, asked: epsilon)
                }
                try db.execute(sql: "INSERT INTO privacy_release (released_at, epsilon) VALUES (?, ?)", arguments: [now, epsilon])
                result = PrivacyBudget(total: budget.total, spent: budget.spent + epsilon, releases: budget.releases + 1)
                return .commit
            }
            return result!
        }
    }

    private static func budget(_ db: Database) throws -> PrivacyBudget {
        let total = try Double.fetchOne(db, sql: "SELECT epsilon_budget FROM collective WHERE id = 1") ?? 0
        let row = try Row.fetchOne(db, sql: "SELECT COALESCE(SUM(epsilon), 0) AS spent, COUNT(*) AS n FROM privacy_release")
        return PrivacyBudget(total: total, spent: row?["spent"] ?? 0, releases: row?["n"] ?? 0)
    }
}
