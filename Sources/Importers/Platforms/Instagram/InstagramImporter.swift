import AccountModel
import Readers

/// Instagram's "Download your information" export in JSON, every generation:
/// - `instagram-json-2022`: category folders at the root (`content/posts_1.json`,
///   `likes/liked_posts.json`), records wrapped in keys (`likes_media_likes`);
/// - `instagram-json-2024`: the same under `your_instagram_activity/`, `connections/`,
///   `ads_information/`, `personal_information/`; some lists bare (`followers_1.json`,
///   `post_comments_1.json`);
/// - `instagram-json-2025`: posts and stories moved to `your_instagram_activity/media/`;
///   from 2026 likes and saves are bare lists of `label_values` records.
/// Times are epoch seconds (UTC, `exact`). Labels inside records are localized and repaired
/// from Meta's mojibake (see `MetaLabels`).
///
/// The HTML form of every generation (`instagram-html-…`, Meta's default) is read page by page
/// (`InstagramHTMLPages`, `MetaHTMLWalker`) into the same builders; its times are written
/// without a zone (`naive_local`, see `MetaHTMLBox`).
public struct InstagramImporter: Importer {
    public let name = "instagram"
    public let platform = Platform.instagram
    public let version = "2"

    public init() {}

    public func recognize(_ export: ExportReader) -> Recognition {
        guard let found = MetaMarkers.recognize(export, mine: .instagram, theirs: .facebook) else { return .no }
        let generation = Self.generation(of: export)
        return Recognition(confidence: found.confidence,
                           format: found.html ? generation.replacingOccurrences(of: "-json-", with: "-html-") : generation)
    }

    public func run(_ export: ExportReader, format: String, into sink: RecordSink) throws {
        let context = MetaContext(platform: .instagram, sink: sink, export: export)
        if format.hasPrefix("instagram-html") {
            return try MetaHTMLWalker(table: InstagramHTMLPages.table, context: context, export: export).run()
        }
        try MetaWalker(table: InstagramSections.table, context: context, export: export).run()
    }

    static func generation(of export: ExportReader) -> String {
        let paths = export.entries.map(\.lowercasedPath)
        if paths.contains(where: { $0.contains("your_instagram_activity/media/") }) { return "instagram-json-2025" }
        if paths.contains(where: { $0.contains("your_instagram_activity/") }) { return "instagram-json-2024" }
        return "instagram-json-2022"
    }
}
