import AccountModel
import Foundation
import Readers

/// Playlists: since 2023 `playlists/<title>-videos.csv` (`Video ID`, `Playlist Video Creation
/// Timestamp`) next to `playlists.csv` (titles and settings); before, `playlists/<title>.csv`
/// held a block describing the playlist, a blank line, then `Video ID`, `Time Added`. Either way
/// the video table starts at the row whose first cell is `Video ID`.
///
/// Each video added → `favorite` with the playlist's name as text (as TikTok's collections): the
/// owner chose to keep it. "Watch later" is kept the same way; `detail.playlist` lets a reader
/// set it apart.
enum YouTubePlaylists {
    static let videoIDColumns = ["Video ID", "Video-ID", "Video Id"]
    static let addedColumns = ["Playlist Video Creation Timestamp", "Time Added", "Added"]

    static func read(_ entry: ExportEntry, context: YouTubeContext) throws {
        let playlist = name(of: entry)
        let wanted = Set(videoIDColumns.map(CSVHeader.fold))
        var header: CSVHeader?
        try context.export.forEachCSVRow(entry) { row in
            guard let known = header else {
                if wanted.contains(CSVHeader.fold(row.fields.first ?? "")) { header = CSVHeader(row.fields) }
                return true
            }
            let r = CSVRecord(header: known, row: row, entry: entry, placeholders: CSVPlaceholders.none)
            guard !r.isBlank else { return true }
            guard let video = r.text(anyOf: videoIDColumns) else {
                context.dropped.drop(entry, "no video id")
                return true
            }
            let added = (r.text(anyOf: addedColumns) ?? r.text(at: 1)).flatMap(TimeParsing.naiveUTC)
            try context.sink.add(Activity(platform: .youtube, kind: .favorite, occurredAt: added,
                                          url: YouTubeNames.videoURL(video), text: playlist,
                                          detail: .details([("playlist", playlist), ("video_id", video)]),
                                          locator: r.locator))
            return true
        }
        if header == nil {
            context.sink.skipped(section: entry.path, reason: "no table of videos found in this playlist file")
        }
    }

    /// `Road trip-videos.csv` → `Road trip`; `Watch later.csv` → `Watch later`.
    static func name(of entry: ExportEntry) -> String {
        var name = entry.name
        if name.lowercased().hasSuffix(".csv") { name.removeLast(4) }
        if name.lowercased().hasSuffix("-videos") { name.removeLast("-videos".count) }
        return name
    }
}
