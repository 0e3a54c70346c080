import AccountModel
import GRDB

/// The filters every listing command shares.
public struct RecordFilter: Sendable {
    public var platforms: [String] = []
    public var kinds: [String] = []
    /// Inclusive lower bound, an ISO-8601 date or time (`2024-01-01`).
    public var since: String?
    /// Inclusive upper bound; a bare date covers that whole day.
    public var until: String?
    public var limit: Int?

    public init(platforms: [String] = [], kinds: [String] = [], since: String? = nil, until: String? = nil, limit: Int? = nil) {
        self.platforms = platforms
        self.kinds = kinds
        self.since = since
        self.until = until
        self.limit = limit
    }

    /// SQL conditions and arguments for a table whose time column is `timeColumn`.
    func whereClause(timeColumn: String?, prefix: String = "") -> (String, StatementArguments) {
        var conditions: [String] = []
        var arguments = StatementArguments()
        if !platforms.isEmpty {
            conditions.append("\(prefix)platform IN (\(platforms.map { _ in "?" }.joined(separator: ",")))")
            arguments += StatementArguments(platforms)
        }
        if !kinds.isEmpty {
            conditions.append("\(prefix)kind IN (\(kinds.map { _ in "?" }.joined(separator: ",")))")
            arguments += StatementArguments(kinds)
        }
        if let timeColumn, let since {
            conditions.append("\(prefix)\(timeColumn) >= ?")
            arguments += [since]
        }
        if let timeColumn, let until {
            conditions.append("\(prefix)\(timeColumn) <= ?")
            // A bare date or a partial time covers the whole of that day, minute …
            arguments += [until.count < 20 ? until + "\u{10FFFF}" : until]
        }
        return (conditions.isEmpty ? "" : "WHERE " + conditions.joined(separator: " AND "), arguments)
    }

    var limitClause: String { limit.map { " LIMIT \($0)" } ?? "" }
}

public struct StoredItem: Sendable {
    public var id: Int64
    public var platform: String
    public var kind: String
    public var nativeID: String?
    public var url: String?
    public var createdAt: String?
    public var timeBasis: String?
    public var title: String?
    public var text: String?
    public var counterpart: String?
    public var durationSeconds: Double?
    public var contentHash: String
    public var raw: String
    public var sourceSHA256: String
    public var sourceFileName: String
    public var locator: String

    init(row: Row) {
        id = row["id"]; platform = row["platform"]; kind = row["kind"]; nativeID = row["native_id"]
        url = row["url"]; createdAt = row["created_at"]; timeBasis = row["time_basis"]; title = row["title"]
        text = row["text"]; counterpart = row["counterpart"]; contentHash = row["content_hash"]; raw = row["raw"]
        durationSeconds = row["duration_seconds"]
        sourceSHA256 = row["source_sha256"]; sourceFileName = row["source_file_name"]; locator = row["locator"]
    }

    public var json: JSONValue {
        .obj([
            ("id", .number(String(id))), ("platform", .string(platform)), ("kind", .string(kind)),
            ("nativeId", nativeID.map(JSONValue.string) ?? .null), ("url", url.map(JSONValue.string) ?? .null),
            ("createdAt", createdAt.map(JSONValue.string) ?? .null), ("timeBasis", timeBasis.map(JSONValue.string) ?? .null),
            ("title", title.map(JSONValue.string) ?? .null), ("text", text.map(JSONValue.string) ?? .null),
            ("durationSeconds", durationSeconds.map { .number(StoredActivity.number($0)) } ?? .null),
            ("source", .obj([("sha256", .string(sourceSHA256)), ("fileName", .string(sourceFileName)), ("locator", .string(locator))])),
        ])
    }
}

public struct StoredActivity: Sendable {
    public var id: Int64
    public var platform: String
    public var kind: String
    public var occurredAt: String?
    public var timeBasis: String?
    public var url: String?
    public var text: String?
    public var durationSeconds: Double?
    public var amount: String?
    public var currency: String?
    public var detail: String?
    public var locator: String

    init(row: Row) {
        id = row["id"]; platform = row["platform"]; kind = row["kind"]; occurredAt = row["occurred_at"]
        timeBasis = row["time_basis"]; url = row["url"]; text = row["text"]; durationSeconds = row["duration_seconds"]
        amount = row["amount"]; currency = row["currency"]; detail = row["detail"]; locator = row["locator"]
    }

    public var json: JSONValue {
        var pairs: [(String, JSONValue)] = [
            ("id", .number(String(id))), ("platform", .string(platform)), ("kind", .string(kind)),
            ("occurredAt", occurredAt.map(JSONValue.string) ?? .null), ("url", url.map(JSONValue.string) ?? .null),
            ("text", text.map(JSONValue.string) ?? .null),
        ]
        if let durationSeconds { pairs.append(("durationSeconds", .number(Self.number(durationSeconds)))) }
        if let amount { pairs.append(("amount", .string(amount))) }
        if let currency { pairs.append(("currency", .string(currency))) }
        if let detail, let value = try? JSONParser.parse(detail) { pairs.append(("detail", value)) }
        pairs.append(("locator", .string(locator)))
        return .obj(pairs)
    }

    public static func number(_ d: Double) -> String {
        d == d.rounded() && abs(d) < 1e15 ? String(Int64(d)) : String(d)
    }
}

public struct StoredInference: Sendable {
    public var platform: String
    public var kind: String
    public var label: String
    public init(platform: String, kind: String, label: String) {
        self.platform = platform
        self.kind = kind
        self.label = label
    }
    public var json: JSONValue { .obj([("platform", .string(platform)), ("kind", .string(kind)), ("label", .string(label))]) }
}

extension AccountStore {
    public func items(_ filter: RecordFilter) throws -> [StoredItem] {
        let (clause, arguments) = filter.whereClause(timeColumn: "created_at", prefix: "i.")
        return try writer.read { db in
            try Row.fetchAll(db, sql: """
                SELECT i.*, s.sha256 AS source_sha256, s.file_name AS source_file_name
                FROM item i JOIN source_export s ON s.id = i.source_export_id
                \(clause) ORDER BY i.created_at DESC, i.id DESC\(filter.limitClause)
                """, arguments: arguments).map(StoredItem.init)
        }
    }

    public func activity(_ filter: RecordFilter) throws -> [StoredActivity] {
        let (clause, arguments) = filter.whereClause(timeColumn: "occurred_at")
        return try writer.read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM activity \(clause) ORDER BY occurred_at DESC, id DESC\(filter.limitClause)",
                             arguments: arguments).map(StoredActivity.init)
        }
    }

    public func inferences(_ filter: RecordFilter) throws -> [StoredInference] {
        let (clause, arguments) = filter.whereClause(timeColumn: nil)
        return try writer.read { db in
            try Row.fetchAll(db, sql: "SELECT platform, kind, label FROM inference \(clause) ORDER BY platform, kind, label\(filter.limitClause)",
                             arguments: arguments).map { StoredInference(platform: $0["platform"], kind: $0["kind"], label: $0["label"]) }
        }
    }
}
