import AccountModel
import Readers

/// Which file of the Takeout is which, and what reads it. History files are known by their
/// (localized) names; CSV files by their header first, because Takeout translates file names
/// more often than column names, and by name when the header is translated too.
enum YouTubeFiles {
    /// The history files by form. A history read from JSON is not read again from its HTML copy
    /// (both would give the same records; JSON also carries what HTML lacks).
    struct History {
        var watchJSON: [ExportEntry] = [], searchJSON: [ExportEntry] = []
        var watchHTML: [ExportEntry] = [], searchHTML: [ExportEntry] = []
        /// `My Activity/YouTube/MyActivity.html`: watches and searches mixed, as the My Activity
        /// product writes them.
        var activityHTML: [ExportEntry] = []
        /// Takeouts before 2022: `my-comments/my-comments.html`, `my-live-chat-messages/…html`.
        var commentsHTML: [ExportEntry] = [], liveChatHTML: [ExportEntry] = []

        var json: [ExportEntry] { watchJSON + searchJSON }
        var html: [ExportEntry] { watchHTML + searchHTML + activityHTML + commentsHTML + liveChatHTML }
    }

    static func history(_ export: ExportReader) -> History {
        var found = History()
        for entry in export.entries {
            if YouTubeNames.isHistory(entry, YouTubeNames.watchHistory, ext: "json") {
                found.watchJSON.append(entry)
            } else if YouTubeNames.isHistory(entry, YouTubeNames.searchHistory, ext: "json") {
                found.searchJSON.append(entry)
            } else if YouTubeNames.isHistory(entry, YouTubeNames.watchHistory, ext: "html") {
                found.watchHTML.append(entry)
            } else if YouTubeNames.isHistory(entry, YouTubeNames.searchHistory, ext: "html") {
                found.searchHTML.append(entry)
            } else if YouTubeNames.isHistory(entry, YouTubeNames.commentPages, ext: "html") {
                found.commentsHTML.append(entry)
            } else if YouTubeNames.isHistory(entry, YouTubeNames.liveChatPages, ext: "html") {
                found.liveChatHTML.append(entry)
            } else if YouTubeNames.isMyActivityPage(entry) {
                found.activityHTML.append(entry)
            }
        }
        return found
    }

    static let jsonRead = "an HTML copy of the history; the JSON form is read"

    static func isVideoFile(_ entry: ExportEntry) -> Bool {
        guard YouTubeNames.isYouTube(entry), let dot = entry.name.lastIndex(of: ".") else { return false }
        return YouTubeNames.videoExtensions.contains(entry.name[entry.name.index(after: dot)...].lowercased())
    }

    static func read(_ entry: ExportEntry, history: History, context: YouTubeContext) throws {
        let sink = context.sink
        if history.watchJSON.contains(entry) {
            try YouTubeHistory.watch(entry, export: context.export, context: context)
        } else if history.searchJSON.contains(entry) {
            try YouTubeHistory.search(entry, export: context.export, context: context)
        } else if history.watchHTML.contains(entry) {
            guard history.watchJSON.isEmpty else { return sink.skipped(section: entry.path, reason: jsonRead) }
            try YouTubeActivityHTML.read(entry, kind: .watch, context: context)
        } else if history.searchHTML.contains(entry) {
            guard history.searchJSON.isEmpty else { return sink.skipped(section: entry.path, reason: jsonRead) }
            try YouTubeActivityHTML.read(entry, kind: .search, context: context)
        } else if history.activityHTML.contains(entry) {
            try YouTubeActivityHTML.read(entry, kind: .either, context: context)
        } else if history.commentsHTML.contains(entry) {
            try YouTubeCommentsHTML.read(entry, kind: .comment, context: context)
        } else if history.liveChatHTML.contains(entry) {
            try YouTubeCommentsHTML.read(entry, kind: .liveComment, context: context)
        } else if isVideoFile(entry) {
            return // attached to its upload, or reported as unused at the end
        } else if !YouTubeNames.isYouTube(entry) {
            sink.skipped(section: entry.path, reason: "not part of YouTube's data in the Takeout")
        } else if entry.name.lowercased().hasSuffix(".csv") {
            try readCSV(entry, context: context)
        } else {
            sink.skipped(section: entry.path, reason: "not mapped: no record kind for this file")
        }
    }

    static func readCSV(_ entry: ExportEntry, context: YouTubeContext) throws {
        let export = context.export
        guard let header = try export.csvHeader(entry) else {
            return context.sink.skipped(section: entry.path, reason: "empty file")
        }
        let stem = YouTubeNames.stem(entry.name)
        let folders = entry.lowercasedPath.split(separator: "/").dropLast().map(String.init)
        let rows: ((CSVRecord) throws -> Void)?
        if header.contains("Comment ID") {
            rows = { try YouTubeTables.comment($0, context) }
        } else if header.contains("Live Chat ID") {
            rows = { try YouTubeTables.liveChat($0, context) }
        } else if YouTubeNames.commentFiles.contains(stem) || YouTubeNames.liveChatFiles.contains(stem) {
            return context.sink.skipped(section: entry.path, reason: "columns not recognized (translated header?); not read")
        } else if YouTubeNames.subscriptionFiles.contains(stem) || (header.contains("Channel Id") && header.contains("Channel Title")) {
            rows = { try YouTubeTables.subscription($0, context) }
        } else if header.contains("Video ID") && (header.contains("Approx Duration (ms)") || header.contains("Video Title (Original)")) {
            rows = { try YouTubeUploads.video($0, context) }
        } else if folders.contains(where: { YouTubeNames.playlistFolders.contains($0) }) || stem.hasSuffix("-videos") {
            if stem == "playlists" || stem == "playlist" {
                return context.sink.skipped(section: entry.path, reason: "playlist titles and settings; the videos of each playlist are read")
            }
            return try YouTubePlaylists.read(entry, context: context)
        } else if header.contains("Channel ID") && header.contains("Channel Title (Original)") {
            rows = { try YouTubeTables.channel($0, context) }
        } else {
            rows = nil
        }
        guard let rows else {
            return context.sink.skipped(section: entry.path, reason: "not mapped: no record kind for this file")
        }
        var count = 0
        try export.forEachCSVRecord(entry) { count += 1; try rows($0) }
        if count == 0 { context.sink.skipped(section: entry.path, reason: "no rows: the file holds only its header") }
    }
}
