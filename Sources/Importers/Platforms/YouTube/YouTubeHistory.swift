import AccountModel
import Readers

/// Watch and search history: a JSON array of `{header, title, titleUrl, subtitles, time,
/// details, products, activityControls}`, streamed one entry at a time (watch histories run to
/// hundreds of thousands of entries). Times are ISO-8601 with `Z`: `exact`. The HTML form of the
/// same history (`YouTubeActivityHTML`) is brought into this shape and goes through the same
/// builders, so both forms give the same records.
enum YouTubeHistory {
    static func watch(_ entry: ExportEntry, export: ExportReader, context: YouTubeContext) throws {
        try forEachRecord(entry, export: export, context: context, watchActivity)
    }

    static func search(_ entry: ExportEntry, export: ExportReader, context: YouTubeContext) throws {
        try forEachRecord(entry, export: export, context: context, searchActivity)
    }

    /// A watched video → `watch`; text = the title without "Watched", url = `titleUrl`,
    /// `detail.channel` = the channel's name. An ad the player showed (`details` names Google
    /// Ads) → `ad_view`: the owner saw it, but did not choose to watch it.
    static func watchActivity(_ v: JSONValue, locator: Locator) -> Activity {
        let channel = v.member("subtitles")?.arrayValue?.first
        let isAd = (v.member("details")?.arrayValue ?? []).contains { $0.text("name")?.contains("Google Ads") == true }
        let header = v.text("header")
        return Activity(
            platform: .youtube, kind: isAd ? .adView : .watch, occurredAt: time(v),
            url: v.text("titleUrl"),
            text: YouTubeNames.strip(v.text("title"), prefixes: YouTubeNames.watchPrefixes, suffixes: YouTubeNames.watchSuffixes),
            detail: .details([("channel", channel?.text("name")), ("channel_url", channel?.text("url")),
                              ("product", header == "YouTube" ? nil : header)]),
            locator: locator)
    }

    /// A search → `search`; text = the query, from the result URL's `search_query`, else from
    /// the title without "Searched for".
    static func searchActivity(_ v: JSONValue, locator: Locator) -> Activity {
        let url = v.text("titleUrl")
        let query = YouTubeNames.searchQuery(inURL: url)
            ?? YouTubeNames.strip(v.text("title"), prefixes: YouTubeNames.searchPrefixes, suffixes: YouTubeNames.searchSuffixes)
        return Activity(platform: .youtube, kind: .search, occurredAt: time(v), url: url, text: query, locator: locator)
    }

    /// `time`, with the basis the HTML reader found when it set `timeBasis` (an assumed zone).
    static func time(_ v: JSONValue) -> RecordTime? {
        guard var time = v.text("time").flatMap(TimeParsing.naiveUTC) else { return nil }
        if let basis = v.text("timeBasis").flatMap(TimeBasis.init(rawValue:)) { time.basis = basis }
        return time
    }

    /// Streams the array; an entry without time, link and text is dropped and counted.
    static func forEachRecord(_ entry: ExportEntry, export: ExportReader, context: YouTubeContext,
                              _ build: (JSONValue, Locator) -> Activity) throws {
        let base = Locator(entry: entry.path)
        try export.withJSONStream(entry) { reader in
            guard try reader.peekKind() == .array else { throw export.malformed(entry, "the history is not a JSON array") }
            try reader.forEachElement { index, element in
                try add(build(try element.readValue(), base.appending(index)), entry: entry, context: context)
            }
        }
    }

    static func add(_ activity: Activity, entry: ExportEntry, context: YouTubeContext) throws {
        guard activity.occurredAt != nil || activity.url != nil || activity.text != nil else {
            return context.dropped.drop(entry, "no time, link or text")
        }
        try context.sink.add(activity)
    }
}
