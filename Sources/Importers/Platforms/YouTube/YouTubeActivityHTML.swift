import AccountModel
import Readers

/// Watch and search history as Takeout writes it by default: "My Activity" HTML, one
/// `div.outer-cell` per entry:
///
///     <div class="outer-cell …"><div class="mdl-grid">
///       <div class="header-cell …"><p class="mdl-typography--title">YouTube<br></p></div>
///       <div class="content-cell … mdl-typography--body-1">Watched&nbsp;<a href="…watch?v=…">Title</a><br>
///         <a href="…/channel/…">Channel</a><br>Jan 5, 2024, 10:15:30 PM CET</div>
///       <div class="content-cell … mdl-typography--body-1 mdl-typography--text-right"></div>
///       <div class="content-cell … mdl-typography--caption"><b>Products:</b><br>&emsp;YouTube<br>
///         <b>Details:</b><br>&emsp;From Google Ads<br></div></div></div>
///
/// Each cell is mapped to exactly what `YouTubeHistory` makes of the same entry in JSON (header
/// → `header`, first line → `title`/`titleUrl`, the lines between → `subtitles`, the caption's
/// lines → `details`), so both forms of one history give the same natural keys and importing one
/// after the other adds nothing. The time is the written one with its zone (`WrittenTimes`);
/// JSON's fractions of a second are dropped on both sides. Locator: `entry#cell=N` (0-based).
enum YouTubeActivityHTML {
    enum Kind { case watch, search, either }

    static func read(_ entry: ExportEntry, kind: Kind, context: YouTubeContext) throws {
        try context.export.forEachHTMLRecord(entry, isRecord: { $0.name == "div" && $0.hasClass("outer-cell") }) { cell, ordinal in
            let locator = Locator(entry: entry.path, pointer: "cell=\(ordinal)")
            guard let json = entryJSON(cell) else { return context.dropped.drop(entry, "an activity cell without content") }
            let activity: Activity
            switch kind {
            case .watch: activity = YouTubeHistory.watchActivity(json, locator: locator)
            case .search: activity = YouTubeHistory.searchActivity(json, locator: locator)
            case .either:
                // My Activity's YouTube page mixes both: the link says which one a cell is.
                let url = json.text("titleUrl") ?? ""
                if url.contains("/results?") { activity = YouTubeHistory.searchActivity(json, locator: locator) }
                else if url.contains("/watch?") || url.contains("/shorts/") { activity = YouTubeHistory.watchActivity(json, locator: locator) }
                else { return context.dropped.drop(entry, "an activity other than a watch or a search") }
            }
            try YouTubeHistory.add(activity, entry: entry, context: context)
        }
    }

    /// The cell in the shape of a JSON history entry, times already in UTC.
    static func entryJSON(_ cell: HTMLElement) -> JSONValue? {
        let header = cell.first { $0.hasClass("header-cell") }?.text
        let cells = cell.all { $0.hasClass("content-cell") }
        // The body is the first content cell that is neither the right-hand spacer nor the caption.
        guard let body = cells.first(where: { !$0.hasClass("mdl-typography--text-right") && !$0.hasClass("mdl-typography--caption") }) else {
            return nil
        }
        var lines = body.lines
        guard let timeLine = lines.popLast() else { return nil }
        let time = WrittenTimes.parse(timeLine.text)
        guard let title = lines.first else { return nil }
        lines.removeFirst()
        let subtitles: [JSONValue] = lines.map { line in
            .obj([("name", .string(line.text)), ("url", line.links.first.map { .string($0.href) } ?? .null)])
        }
        let caption = cells.first { $0.hasClass("mdl-typography--caption") }
        // Caption lines alternate bold headings ("Products:", "Details:" in the page's language)
        // and values; the ad marker is a value naming Google Ads, whatever the heading says.
        let details: [JSONValue] = (caption?.lines ?? []).filter { $0.text.contains("Google Ads") }.map { .obj([("name", .string($0.text))]) }
        return .obj([
            ("header", header.map(JSONValue.string) ?? .null),
            ("title", .string(title.text)),
            ("titleUrl", title.links.first.map { .string($0.href) } ?? .null),
            ("subtitles", .array(subtitles)),
            ("details", .array(details)),
            ("time", time.map { .string($0.utc) } ?? .null),
            ("timeBasis", time.map { .string($0.basis.rawValue) } ?? .null),
        ])
    }
}
