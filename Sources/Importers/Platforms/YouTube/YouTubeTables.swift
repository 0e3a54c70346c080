import AccountModel
import Foundation
import Readers

/// Row builders for the CSV files of the Takeout: comments, live chat messages, subscriptions
/// and the channel. Takeout times are ISO-8601 with an offset (`2023-09-19T17:42:53.434647+00:00`):
/// `exact`.
enum YouTubeTables {
    /// Both comment layouts: before June 2024 `Comment Text` is `{"takeoutSegments":[…]}`; since,
    /// it is comma-separated segments `{"text":"…"},{"text":"…"}` and a `Post ID` column
    /// exists (comments on community posts). A reply names its parent in `Parent Comment ID`.
    static func comment(_ r: CSVRecord, _ c: YouTubeContext) throws {
        guard let id = r.text("Comment ID") else { return c.dropped.drop(r.entry, "no comment id") }
        let video = r.text("Video ID"), post = r.text("Post ID")
        let url = video.map { YouTubeNames.videoURL($0) + "&lc=\(id)" } ?? post.map { "https://www.youtube.com/post/\($0)" }
        try c.sink.add(Item(
            platform: .youtube, kind: .comment, nativeID: id, url: url,
            createdAt: r.text("Comment Create Timestamp").flatMap(TimeParsing.naiveUTC),
            text: r.text("Comment Text").map(YouTubeCommentText.decode),
            counterpart: r.text("Parent Comment ID") ?? video ?? post, raw: r.raw, locator: r.locator))
    }

    /// `live chats/live chats.csv`: messages the owner sent in live streams' chats.
    static func liveChat(_ r: CSVRecord, _ c: YouTubeContext) throws {
        guard let id = r.text("Live Chat ID") else { return c.dropped.drop(r.entry, "no live chat id") }
        let video = r.text("Video ID")
        try c.sink.add(Item(
            platform: .youtube, kind: .liveComment, nativeID: id, url: video.map(YouTubeNames.videoURL),
            createdAt: r.text("Live Chat Create Timestamp").flatMap(TimeParsing.naiveUTC),
            text: r.text("Live Chat Text").map(YouTubeCommentText.decode),
            counterpart: video, raw: r.raw, locator: r.locator))
    }

    static let channelIDColumns = ["Channel Id", "Kanal-ID", "Kanaal-ID"]
    static let channelURLColumns = ["Channel Url", "Kanal-URL", "Kanaal-URL"]
    static let channelTitleColumns = ["Channel Title", "Kanaltitel", "Kanal-Titel", "Kanaaltitel"]

    /// A subscribed channel → `subscribe` (Takeout gives no date). When the header is in a
    /// language not listed above, the columns are read in Google's fixed order: id, URL, title.
    static func subscription(_ r: CSVRecord, _ c: YouTubeContext) throws {
        let named = r.header.index(ofAny: channelIDColumns) != nil
        let id = named ? r.text(anyOf: channelIDColumns) : r.text(at: 0)
        let url = named ? r.text(anyOf: channelURLColumns) : r.text(at: 1)
        let title = named ? r.text(anyOf: channelTitleColumns) : r.text(at: 2)
        guard id != nil || url != nil else { return c.dropped.drop(r.entry, "no channel") }
        try c.sink.add(Activity(platform: .youtube, kind: .subscribe, url: url ?? id.map { "https://www.youtube.com/channel/\($0)" },
                                text: title, detail: .details([("channel_id", id)]), locator: r.locator))
    }

    /// `channels/channel.csv`: the owner's own channel.
    static func channel(_ r: CSVRecord, _ c: YouTubeContext) throws {
        if let id = r.text("Channel ID") {
            try c.sink.add(IdentityFact(platform: .youtube, field: "channel_id", value: id, locator: r.locator))
        }
        if let title = r.text("Channel Title (Original)") {
            try c.sink.add(IdentityFact(platform: .youtube, field: "display_name", value: title, locator: r.locator))
        }
    }
}
