import AccountModel
import Readers

/// YouTube's part of a Google Takeout (`Takeout/YouTube and YouTube Music/…`, localized folder
/// and file names included), possibly split over several zips (`takeout-…-001.zip`, `-002.zip`,
/// opened together by `ExportReader(paths:)`).
///
/// Takeout writes the history as HTML unless JSON is chosen. pda reads both: the HTML pages
/// (`YouTubeActivityHTML`, `YouTubeCommentsHTML`) give the same records as their JSON and CSV
/// forms, so a Takeout imported in both forms holds each record once.
///
/// Record choices: watches → `watch` (ads shown → `ad_view`), searches → `search`, comments →
/// `comment` items, live chat messages → `live_comment` items, subscriptions → `subscribe`,
/// each video in a playlist → `favorite` (`detail.playlist` names the list; "Watch later" is a
/// list the owner curated too, so it is not set apart), uploads (`video metadata/videos.csv`) →
/// `video` items with the video file as media when the Takeout includes it, the channel → identity.
public struct YouTubeImporter: Importer {
    public let name = "youtube"
    public let platform = Platform.youtube
    public let version = "2"

    public init() {}

    public func recognize(_ export: ExportReader) -> Recognition {
        let history = YouTubeFiles.history(export)
        if !history.json.isEmpty { return Recognition(confidence: 1.0, format: YouTubeFormat.json) }
        if !history.html.isEmpty { return Recognition(confidence: 0.9, format: YouTubeFormat.html) }
        if export.entries.contains(where: YouTubeNames.isYouTube) { return Recognition(confidence: 0.7, format: YouTubeFormat.json) }
        return .no
    }

    public func run(_ export: ExportReader, format: String, into sink: RecordSink) throws {
        let history = YouTubeFiles.history(export)
        let context = YouTubeContext(sink: sink, export: export)
        for entry in export.entries {
            try YouTubeFiles.read(entry, history: history, context: context)
        }
        context.reportUnusedMedia()
        context.dropped.report(to: sink)
    }
}

public enum YouTubeFormat {
    public static let json = "youtube-takeout-json"
    /// Takeout's default: the history as "My Activity" HTML pages.
    public static let html = "youtube-takeout-html"
}

/// What one run knows: where records go, and which video files an upload has claimed.
final class YouTubeContext {
    let sink: RecordSink
    let export: ExportReader
    let dropped = DroppedRows()
    /// Video files of the Takeout not yet attached to an upload.
    var unusedMedia: [ExportEntry]

    init(sink: RecordSink, export: ExportReader) {
        self.sink = sink
        self.export = export
        unusedMedia = export.entries.filter(YouTubeFiles.isVideoFile)
    }

    func reportUnusedMedia() {
        for entry in unusedMedia {
            sink.skipped(section: entry.path, reason: "a video file that matches no row of video metadata/videos.csv")
        }
    }
}
