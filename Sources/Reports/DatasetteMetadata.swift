import AccountModel

/// Datasette metadata for an account (`pda browse`): what each table and column means, facets
/// on platform, kind and month, full-text search through the contentless `item_search` index,
/// and canned queries for the ledger and the inferences. Built from the vocabulary, so a new
/// activity kind lands in the ledger query's categories without editing SQL here.
public enum DatasetteMetadata {
    public static func json(database: String) -> JSONValue {
        .obj([
            ("title", .string("Personal data account")),
            ("description_html", .string("What the platforms hold about you, imported by pda from their own exports. "
                + "Every record names the export it came from (<code>source_export_id</code>) and where inside it (<code>locator</code>). "
                + "Read-only: this page cannot change the account.")),
            ("databases", .obj([(database, .obj([
                ("tables", .obj(tables)),
                ("queries", .obj(queries)),
            ]))])),
        ])
    }

    static let facets: JSONValue = .array(["platform", "kind", "month"].map { .string($0) })

    static var tables: [(String, JSONValue)] {
        [
            ("item", table("Content you authored: posts, videos, comments, reviews, messages. `raw` is the platform's own record, verbatim.",
                           columns: itemColumns + [("raw", "The platform's original record (JSON), verbatim."),
                                                   ("content_hash", "SHA-256 of the normalized content."),
                                                   ("natural_key", "What makes the record unique (re-imports add nothing twice).")],
                           facets: .array(["platform", "kind"].map { .string($0) }), search: true, label: "title")),
            ("item_by_month", table("Your content with its month, for faceting. Search finds Chinese and Japanese two-character words.",
                                    columns: itemColumns + [("month", "YYYY-MM of created_at.")], facets: facets, search: true, label: "title")),
            ("activity", table("What you did on the platforms: watching, liking, searching, buying …",
                               columns: activityColumns + [("detail", "Further fields the export gave, as JSON."),
                                                           ("natural_key", "What makes the record unique.")],
                               facets: .array(["platform", "kind"].map { .string($0) }), label: "text")),
            ("activity_by_month", table("Your activity with its month, for faceting.",
                                        columns: activityColumns + [("month", "YYYY-MM of occurred_at.")], facets: facets, label: "text")),
            ("inference", table("What the platforms inferred about you: ad interests, topics, advertisers holding you in an audience.",
                                columns: [("platform", "The platform that made the inference."), ("kind", "ad_interest, inferred_topic, advertiser, inferred_demographic."),
                                          ("label", "The inference as the platform wrote it.")] + provenance,
                                facets: .array(["platform", "kind"].map { .string($0) }), label: "label")),
            ("identity", table("Facts about you the exports state (names, e-mail, phone, birthday …).",
                               columns: [("field", "What the fact is."), ("value", "The value the platform holds.")] + provenance,
                               facets: .array(["platform", "field"].map { .string($0) }), label: "field")),
            ("source_export", table("Every export imported into this account: the provenance each record points to.",
                                    columns: [("file_name", "The export file as you passed it."), ("sha256", "SHA-256 of the file."),
                                              ("format", "The export's format generation."), ("importer", "The importer (or mapping) that read it."),
                                              ("imported_at", "When (UTC)."), ("report", "The import report: counts and warnings, never values.")],
                                    facets: .array(["platform", "importer"].map { .string($0) }), label: "file_name")),
            ("media", table("Media files from the exports, stored once by content (media/sha256/…).",
                            columns: [("sha256", "SHA-256 of the file; its path under the account's media folder."), ("size", "Bytes.")],
                            facets: .array([.string("media_type")]), label: nil)),
            ("item_media", table("Which media belong to which item.", columns: [], facets: nil, label: nil)),
            ("owner", table("The account's owner and their did:key identity.", columns: [], facets: nil, label: "name")),
        ]
    }

    static let provenance: [(String, String)] = [
        ("source_export_id", "The export this record came from (source_export)."),
        ("locator", "Where in that export: file and JSON Pointer, or file and line."),
    ]
    static let itemColumns: [(String, String)] = [
        ("platform", "Where you published it."), ("kind", "post, video, photo, story, comment, review, live_comment, live_stream, message."),
        ("created_at", "When (UTC, ISO 8601)."), ("time_basis", "How the time was known: exact, naive_utc, naive_local, date_only."),
        ("title", "Its title, if it has one."), ("text", "What you wrote."), ("url", "Its address on the platform."),
        ("native_id", "The platform's id for it."), ("counterpart", "Who a message or reply was to."),
        ("duration_seconds", "Length of a video or live stream, where the export states it."),
    ] + provenance
    static let activityColumns: [(String, String)] = [
        ("platform", "Where."), ("kind", "watch, live_watch, browse, search, like, favorite, share, follow, purchase …"),
        ("occurred_at", "When (UTC, ISO 8601)."), ("time_basis", "How the time was known."),
        ("text", "What it was about: a title, a search, a product."), ("url", "The address involved."),
        ("duration_seconds", "How long, where the export records it."), ("amount", "Money, as the export wrote it (decimal text)."),
        ("currency", "ISO 4217 code of amount."),
    ] + provenance

    static func table(_ description: String, columns: [(String, String)], facets: JSONValue?, search: Bool = false, label: String?) -> JSONValue {
        var parts: [(String, JSONValue)] = [("description", .string(description))]
        if !columns.isEmpty { parts.append(("columns", .obj(columns.map { ($0.0, .string($0.1)) }))) }
        if let facets { parts.append(("facets", facets)) }
        if let label { parts.append(("label_column", .string(label))) }
        if search {
            // The index is contentless: Datasette matches item_search and joins its rowid to item.id.
            parts += [("fts_table", .string("item_search")), ("fts_pk", .string("id"))]
        }
        return .obj(parts)
    }

    /// `kind` → labor category, as the ledger counts it (items are content; followed_by and
    /// login are not the owner's labor).
    static var categoryCase: String {
        let groups = Dictionary(grouping: ActivityKind.allCases.compactMap { kind in kind.laborCategory.map { (kind.rawValue, $0.rawValue) } }, by: \.1)
        let whens = LaborCategory.allCases.compactMap { category -> String? in
            guard let kinds = groups[category.rawValue] else { return nil }
            return "WHEN kind IN (\(kinds.map { "'\($0.0)'" }.joined(separator: ", "))) THEN '\(category.rawValue)'"
        }
        return "CASE \(whens.joined(separator: " ")) END"
    }

    static var queries: [(String, JSONValue)] {
        [
            ("ledger_by_month", .obj([
                ("title", .string("Your labor by month")),
                ("description", .string("Records per platform, month and labor category (content, interaction, attention, commerce), as `pda ledger` counts them.")),
                ("sql", .string("""
                    SELECT platform, month, category, SUM(n) AS records FROM (
                      SELECT platform, COALESCE(month, 'undated') AS month, 'content' AS category, COUNT(*) AS n
                        FROM item_by_month GROUP BY platform, month
                      UNION ALL
                      SELECT platform, COALESCE(month, 'undated') AS month, \(categoryCase) AS category, COUNT(*) AS n
                        FROM activity_by_month GROUP BY platform, month, category
                    ) WHERE category IS NOT NULL
                    GROUP BY platform, month, category ORDER BY month, platform, category
                    """)),
            ])),
            ("money_by_month", .obj([
                ("title", .string("Money you spent, by month")),
                ("description", .string("Purchases and gifts with an amount, summed per platform, month and currency.")),
                ("sql", .string("""
                    SELECT platform, month, currency, COUNT(*) AS records, ROUND(SUM(CAST(amount AS REAL)), 2) AS total
                    FROM activity_by_month WHERE amount IS NOT NULL AND kind IN ('purchase', 'gift')
                    GROUP BY platform, month, currency ORDER BY month, platform
                    """)),
            ])),
            ("inferences", .obj([
                ("title", .string("What the platforms inferred about you")),
                ("description", .string("Ad interests, topics and advertisers per platform, with the export each came from.")),
                ("sql", .string("""
                    SELECT inference.platform, inference.kind, inference.label, source_export.file_name AS export, inference.locator
                    FROM inference JOIN source_export ON source_export.id = inference.source_export_id
                    ORDER BY inference.platform, inference.kind, inference.label
                    """)),
            ])),
        ]
    }
}
