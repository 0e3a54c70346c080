import AccountModel
import Readers

/// Facebook's "Download your information" export in JSON, every generation:
/// - `facebook-json-2022`: category folders at the root (`posts/your_posts_1.json`,
///   `comments_and_reactions/`, `friends_and_followers/`), records in `*_v2` keys;
/// - `facebook-json-2023`: the same files under `your_activity_across_facebook/`;
/// - `facebook-json-2024`: `your_facebook_activity/`, `connections/`, `logged_information/`,
///   `ads_information/`; posts in `your_posts__check_ins__photos_and_videos_1.json`,
///   reactions in `likes_and_reactions_1.json` and, from 2025, `label_values` records.
/// Times are epoch seconds (UTC, `exact`); text is repaired from Meta's mojibake.
public struct FacebookImporter: Importer {
    public let name = "facebook"
    public let platform = Platform.facebook
    public let version = "1"

    public init() {}

    public func recognize(_ export: ExportReader) -> Recognition {
        let confidence = MetaMarkers.confidence(mine: MetaMarkers.facebook.score(export),
                                                theirs: MetaMarkers.instagram.score(export))
        guard confidence > 0 else { return .no }
        return Recognition(confidence: confidence, format: Self.generation(of: export))
    }

    public func run(_ export: ExportReader, format: String, into sink: RecordSink) throws {
        let context = MetaContext(platform: .facebook, sink: sink, export: export)
        try MetaWalker(table: FacebookSections.table, context: context, export: export).run()
    }

    static func generation(of export: ExportReader) -> String {
        let paths = export.entries.map(\.lowercasedPath)
        if paths.contains(where: { $0.contains("your_facebook_activity/") }) { return "facebook-json-2024" }
        if paths.contains(where: { $0.contains("your_activity_across_facebook/") }) { return "facebook-json-2023" }
        return "facebook-json-2022"
    }
}
