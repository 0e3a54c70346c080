import AccountModel
import Readers

/// The owner's uploads: `video metadata/videos.csv` (`Video ID`, `Video Title (Original)`,
/// `Video Description (Original)`, `Video Create Timestamp` …) → `video` items. Takeout puts the
/// files themselves in `videos/`, named after the title with characters a file system refuses
/// replaced (`Demo: part 1` → `Demo_ part 1.mp4`, a second one `… (1).mp4`), so a file belongs to
/// the upload whose title matches it letter for letter, ignoring punctuation and case, or whose
/// id it contains.
enum YouTubeUploads {
    static func video(_ r: CSVRecord, _ c: YouTubeContext) throws {
        guard let id = r.text("Video ID") else { return c.dropped.drop(r.entry, "no video id") }
        let title = r.text("Video Title (Original)", "Video Title")
        let media = c.claimVideoFile(id: id, title: title).map { [MediaReference(entry: $0.path)] } ?? []
        try c.sink.add(Item(
            platform: .youtube, kind: .video, nativeID: id, url: YouTubeNames.videoURL(id),
            createdAt: r.text("Video Create Timestamp", "Video Publish Timestamp").flatMap(TimeParsing.naiveUTC),
            title: title, text: r.text("Video Description (Original)", "Video Description"),
            raw: r.raw, media: media, locator: r.locator,
            durationSeconds: r.text("Approx Duration (ms)").flatMap(Double.init).map { $0 / 1000 }))
    }

    /// Letters and digits only, lowercased: what survives Takeout's renaming.
    static func comparable(_ text: String) -> String {
        String(text.lowercased().unicodeScalars.filter { $0.properties.isAlphabetic || ("0"..."9").contains($0) }
            .map(Character.init))
    }
}

extension YouTubeContext {
    /// The first unclaimed video file matching the upload, removed from the unused list.
    func claimVideoFile(id: String, title: String?) -> ExportEntry? {
        let wantedTitle = title.map(YouTubeUploads.comparable)
        let index = unusedMedia.firstIndex { entry in
            let stem = YouTubeUploads.comparable(YouTubeNames.stem(entry.name))
            return entry.name.contains(id) || (wantedTitle.map { !$0.isEmpty && $0 == stem } ?? false)
        }
        guard let index else { return nil }
        return unusedMedia.remove(at: index)
    }
}
