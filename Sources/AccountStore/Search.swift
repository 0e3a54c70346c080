import AccountModel
import GRDB

public struct SearchHit: Sendable {
    public var item: StoredItem
    public var snippet: String
    public var rank: Double

    public var json: JSONValue {
        guard case .object(var members) = item.json else { return item.json }
        members.append(.init("snippet", .string(snippet)))
        members.append(.init("rank", .number(String(format: "%.4f", rank))))
        return .object(members)
    }
}

extension AccountStore {
    /// Ranked (BM25) full-text search over items' titles and text, with the listing filters.
    public func search(_ query: String, filter: RecordFilter = RecordFilter()) throws -> [SearchHit] {
        guard let match = SearchText.matchExpression(query) else { return [] }
        let (clause, arguments) = filter.whereClause(timeColumn: "created_at", prefix: "i.")
        let filterSQL = clause.isEmpty ? "" : " AND " + clause.dropFirst("WHERE ".count)
        let limit = filter.limit ?? 20
        return try writer.read { db in
            try Row.fetchAll(db, sql: """
                SELECT i.*, s.sha256 AS source_sha256, s.file_name AS source_file_name, bm25(item_search, 2.0, 1.0) AS rank
                FROM item_search JOIN item i ON i.id = item_search.rowid
                JOIN source_export s ON s.id = i.source_export_id
                WHERE item_search MATCH ?\(filterSQL)
                ORDER BY rank LIMIT \(limit)
                """, arguments: [match] + arguments).map { row in
                let item = StoredItem(row: row)
                return SearchHit(item: item, snippet: Snippet.make(item.text ?? item.title ?? "", terms: SearchText.highlightTerms(query)),
                                 rank: row["rank"])
            }
        }
    }
}

/// A short excerpt of the original text around the first matching term, marked with [ ].
enum Snippet {
    static func make(_ text: String, terms: [String], radius: Int = 40) -> String {
        let flat = text.replacingOccurrences(of: "\n", with: " ")
        var first: Range<String.Index>?
        for term in terms {
            if let range = flat.range(of: term, options: [.caseInsensitive, .diacriticInsensitive]),
               first == nil || range.lowerBound < first!.lowerBound {
                first = range
            }
        }
        guard let hit = first else { return String(flat.prefix(radius * 2)) + (flat.count > radius * 2 ? "…" : "") }
        let start = flat.index(hit.lowerBound, offsetBy: -radius, limitedBy: flat.startIndex) ?? flat.startIndex
        let end = flat.index(hit.upperBound, offsetBy: radius, limitedBy: flat.endIndex) ?? flat.endIndex
        return (start > flat.startIndex ? "…" : "") + flat[start..<hit.lowerBound] + "[" + flat[hit] + "]"
            + flat[hit.upperBound..<end] + (end < flat.endIndex ? "…" : "")
    }
}

import Foundation
