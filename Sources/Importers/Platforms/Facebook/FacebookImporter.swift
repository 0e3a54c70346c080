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
///
/// The HTML form of every generation (`facebook-html-…`, Meta's default) is read page by page
/// (`FacebookHTMLPages`, `MetaHTMLWalker`) into the same builders; its times are written
/// without a zone (`naive_local`, see `MetaHTMLBox`).
public struct FacebookImporter: Importer {
    public let name = "facebook"
    public let platform = Platform.facebook
    public let version = "2"

    public init() {}

    public func recognize(_ export: ExportReader) -> Recognition {
        guard let found = MetaMarkers.recognize(export, mine: .facebook, theirs: .instagram) else { return .no }
        let generation = Self.generation(of: export)
        return Recognition(confidence: found.confidence,
                           format: found.html ? generation.replacingOccurrences(of: "-json-", with: "-html-") : generation)
    }

    public func run(_ export: ExportReader, format: String, into sink: RecordSink) throws {
        let context = MetaContext(platform: .facebook, sink: sink, export: export)
        if format.hasPrefix("facebook-html") {
            return try MetaHTMLWalker(table: FacebookHTMLPages.table, context: context, export: export).run()
        }
        try MetaWalker(table: FacebookSections.table, context: context, export: export).run()
    }

    static func generation(of export: ExportReader) -> String {
        let paths = export.entries.map(\.lowercasedPath)
        if paths.contains(where: { $0.contains("your_facebook_activity/") }) { return "facebook-json-2024" }
        if paths.contains(where: { $0.contains("your_activity_across_facebook/") }) { return "facebook-json-2023" }
        return "facebook-json-2022"
    }
}
