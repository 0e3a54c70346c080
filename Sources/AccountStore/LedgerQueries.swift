import AccountModel
import GRDB

/// Raw aggregates the labor ledger is computed from. The arithmetic lives in LaborLedger; the
/// SQL lives here, with the one type that owns the database.
public struct LedgerCount: Sendable, Equatable {
    public var platform: String
    /// `YYYY-MM`, or `undated` for records the platform gave no time for (X likes).
    public var month: String
    /// `items` or `activity`.
    public var group: String
    public var kind: String
    public var count: Int
}

/// One attention event: seconds since 1970 (UTC) and the duration when the export recorded it.
public struct AttentionEvent: Sendable, Equatable {
    public var platform: String
    public var time: Int64
    public var durationSeconds: Double?
    public init(platform: String, time: Int64, durationSeconds: Double?) {
        self.platform = platform
        self.time = time
        self.durationSeconds = durationSeconds
    }
}

public struct MoneyRow: Sendable, Equatable {
    public var platform: String
    public var kind: String
    public var currency: String
    public var amount: String
}

public struct ContentVolume: Sendable, Equatable {
    public var characters: Int = 0
    public var mediaFiles: Int = 0
    public var mediaBytes: Int64 = 0
    /// Summed length of the videos and live streams whose export states it; nil when none does.
    public var videoSeconds: Double?
    public init(characters: Int = 0, mediaFiles: Int = 0, mediaBytes: Int64 = 0, videoSeconds: Double? = nil) {
        self.characters = characters
        self.mediaFiles = mediaFiles
        self.mediaBytes = mediaBytes
        self.videoSeconds = videoSeconds
    }
}

extension AccountStore {
    public func ledgerCounts(_ filter: RecordFilter) throws -> [LedgerCount] {
        try writer.read { db in
            var result: [LedgerCount] = []
            for (group, table, time) in [("items", "item", "created_at"), ("activity", "activity", "occurred_at")] {
                let (clause, arguments) = filter.whereClause(timeColumn: time)
                let rows = try Row.fetchAll(db, sql: """
                    SELECT platform, COALESCE(substr(\(time), 1, 7), 'undated') AS month, kind, COUNT(*) AS n
                    FROM \(table) \(clause) GROUP BY platform, month, kind ORDER BY platform, month, kind
                    """, arguments: arguments)
                result += rows.map { LedgerCount(platform: $0["platform"], month: $0["month"], group: group, kind: $0["kind"], count: $0["n"]) }
            }
            return result
        }
    }

    /// Attention events of the given kinds, ordered by platform and time.
    public func attentionEvents(_ filter: RecordFilter, kinds: [String]) throws -> [AttentionEvent] {
        var filter = filter
        filter.kinds = filter.kinds.isEmpty ? kinds : filter.kinds.filter(kinds.contains)
        if filter.kinds.isEmpty { return [] }
        let (clause, arguments) = filter.whereClause(timeColumn: "occurred_at")
        let timed = clause.isEmpty ? "WHERE occurred_at IS NOT NULL" : clause + " AND occurred_at IS NOT NULL"
        return try writer.read { db in
            var events: [AttentionEvent] = []
            let cursor = try Row.fetchCursor(db, sql: """
                SELECT platform, CAST(strftime('%s', occurred_at) AS INTEGER) AS t, duration_seconds
                FROM activity \(timed) ORDER BY platform, occurred_at
                """, arguments: arguments)
            while let row = try cursor.next() {
                events.append(AttentionEvent(platform: row["platform"], time: row["t"], durationSeconds: row["duration_seconds"]))
            }
            return events
        }
    }

    public func moneyRows(_ filter: RecordFilter, kinds: [String]) throws -> [MoneyRow] {
        var filter = filter
        filter.kinds = filter.kinds.isEmpty ? kinds : filter.kinds.filter(kinds.contains)
        if filter.kinds.isEmpty { return [] }
        let (clause, arguments) = filter.whereClause(timeColumn: "occurred_at")
        let priced = (clause.isEmpty ? "WHERE " : clause + " AND ") + "amount IS NOT NULL"
        return try writer.read { db in
            try Row.fetchAll(db, sql: "SELECT platform, kind, COALESCE(currency, '?') AS currency, amount FROM activity \(priced)",
                             arguments: arguments).map {
                MoneyRow(platform: $0["platform"], kind: $0["kind"], currency: $0["currency"], amount: $0["amount"])
            }
        }
    }

    public func contentVolume(_ filter: RecordFilter) throws -> ContentVolume {
        let (clause, arguments) = filter.whereClause(timeColumn: "created_at", prefix: "i.")
        return try writer.read { db in
            let text = try Int.fetchOne(db, sql: "SELECT COALESCE(SUM(length(i.text)), 0) FROM item i \(clause)", arguments: arguments) ?? 0
            let media = try Row.fetchOne(db, sql: """
                SELECT COUNT(*) AS n, COALESCE(SUM(m.size), 0) AS bytes FROM item i
                JOIN item_media im ON im.item_id = i.id JOIN media m ON m.sha256 = im.media_sha256 \(clause)
                """, arguments: arguments)
            let video = try Double.fetchOne(db, sql: "SELECT SUM(i.duration_seconds) FROM item i \(clause)", arguments: arguments)
            return ContentVolume(characters: text, mediaFiles: media?["n"] ?? 0, mediaBytes: media?["bytes"] ?? 0, videoSeconds: video)
        }
    }

    /// Distinct UTC days with any record, per platform and year (`YYYY` → days).
    public func activeDays(_ filter: RecordFilter) throws -> [String: [String: Set<String>]] {
        try writer.read { db in
            var days: [String: [String: Set<String>]] = [:]
            for (table, time) in [("item", "created_at"), ("activity", "occurred_at")] {
                let (clause, arguments) = filter.whereClause(timeColumn: time)
                let timed = clause.isEmpty ? "WHERE \(time) IS NOT NULL" : clause + " AND \(time) IS NOT NULL"
                for row in try Row.fetchAll(db, sql: "SELECT DISTINCT platform, substr(\(time), 1, 10) AS day FROM \(table) \(timed)",
                                            arguments: arguments) {
                    let day: String = row["day"]
                    days[row["platform"], default: [:]][String(day.prefix(4)), default: []].insert(day)
                }
            }
            return days
        }
    }

    /// Records per UTC hour of day (0–23) and weekday (0 = Monday), for the activity heatmap.
    public func hourWeekdayCounts(_ filter: RecordFilter) throws -> [[Int]] {
        var grid = Array(repeating: Array(repeating: 0, count: 24), count: 7)
        let (clause, arguments) = filter.whereClause(timeColumn: "occurred_at")
        let timed = clause.isEmpty ? "WHERE occurred_at IS NOT NULL" : clause + " AND occurred_at IS NOT NULL"
        try writer.read { db in
            for row in try Row.fetchAll(db, sql: """
                SELECT (CAST(strftime('%w', occurred_at) AS INTEGER) + 6) % 7 AS wd, CAST(strftime('%H', occurred_at) AS INTEGER) AS h,
                       COUNT(*) AS n FROM activity \(timed) GROUP BY wd, h
                """, arguments: arguments) {
                grid[row["wd"] as Int][row["h"] as Int] = row["n"]
            }
        }
        return grid
    }
}
