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
public struct InstagramImporter: Importer {
    public let name = "instagram"
    public let platform = Platform.instagram
    public let version = "1"

    public init() {}

    public func recognize(_ export: ExportReader) -> Recognition {
        let confidence = MetaMarkers.confidence(mine: MetaMarkers.instagram.score(export),
                                                theirs: MetaMarkers.facebook.score(export))
        guard confidence > 0 else { return .no }
        return Recognition(confidence: confidence, format: Self.generation(of: export))
    }

    public func run(_ export: ExportReader, format: String, into sink: RecordSink) throws {
        let context = MetaContext(platform: .instagram, sink: sink, export: export)
        try MetaWalker(table: InstagramSections.table, context: context, export: export).run()
    }

    static func generation(of export: ExportReader) -> String {
        let paths = export.entries.map(\.lowercasedPath)
        if paths.contains(where: { $0.contains("your_instagram_activity/media/") }) { return "instagram-json-2025" }
        if paths.contains(where: { $0.contains("your_instagram_activity/") }) { return "instagram-json-2024" }
        return "instagram-json-2022"
    }
}
