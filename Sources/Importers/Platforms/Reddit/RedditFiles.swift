import AccountModel
import Readers

/// Turns one CSV row into account records.
typealias RedditBuild = @Sendable (CSVRecord, RedditContext) throws -> Void

/// What one run knows while it reads an export.
final class RedditContext {
    let sink: RecordSink
    /// `statistics.csv` › `account name`: tells the owner's messages from those received.
    var ownerName: String?
    let dropped = DroppedRows()

    init(sink: RecordSink) { self.sink = sink }
}

/// The declarative table: file (name without `.csv` and without a `_N` part suffix) → builder.
enum RedditFiles {
    static let builders: [String: RedditBuild] = [
        "statistics": RedditBuilders.statistic,
        "posts": RedditBuilders.post,
        "comments": RedditBuilders.comment,
        "post_votes": RedditBuilders.vote(on: "post"),
        "comment_votes": RedditBuilders.vote(on: "comment"),
        "saved_posts": RedditBuilders.saved(target: "post"),
        "saved_comments": RedditBuilders.saved(target: "comment"),
        "hidden_posts": RedditBuilders.hidden,
        "subscribed_subreddits": RedditBuilders.subscribe,
        "friends": RedditBuilders.friend,
    ]

    /// Messages wait until the owner's name is known (`RedditMessages`).
    static let messageStems: Set<String> = ["messages", "messages_archive", "chat_history"]

    /// Names only Reddit's export uses: enough to recognize it without reading anything.
    static let distinctiveStems: Set<String> = [
        "post_votes", "comment_votes", "subscribed_subreddits", "saved_posts", "saved_comments",
        "hidden_posts", "messages_archive", "messages_archive_headers", "post_headers", "comment_headers",
        "message_headers", "chat_history", "gilded_content", "gold_received", "approved_submitter_subreddits",
        "moderated_subreddits", "multireddits", "poll_votes", "scheduled_posts", "sensitive_ads_preferences",
        "linked_identities", "user_preferences",
    ]

    /// Files read but deliberately not mapped, and why (no values, just the reason).
    static let unmapped: [String: String] = [
        "post_headers": "the same rows as posts.csv without bodies; posts.csv is read",
        "comment_headers": "the same rows as comments.csv without bodies; comments.csv is read",
        "message_headers": "the same rows as messages.csv without bodies; messages.csv is read",
        "messages_archive_headers": "the same rows as messages_archive.csv without bodies; it is read",
        "checkfile": "checksums of the export's own files, not account data",
        "ip_logs": "IP addresses with no action attached; not mapped",
        "drafts": "unpublished drafts are not content the platform received; not mapped",
        "poll_votes": "poll choices carry no time or post link pda can use; not mapped",
        "user_preferences": "account settings; not mapped",
    ]

    static func stem(of entry: ExportEntry) -> String {
        var name = entry.name.lowercased()
        if name.hasSuffix(".csv") { name.removeLast(4) }
        // `post_votes_2` is the second part of `post_votes`.
        if let underscore = name.lastIndex(of: "_"), name[name.index(after: underscore)...].allSatisfy(\.isNumber),
           underscore < name.index(before: name.endIndex) {
            name = String(name[..<underscore])
        }
        return name
    }

    static func skipReason(stem: String, entry: ExportEntry) -> String {
        if let reason = unmapped[stem] { return reason }
        return entry.name.lowercased().hasSuffix(".csv") ? "not mapped: no record kind for this file" : "not part of Reddit's CSV export"
    }

    /// Statistics first (the owner's name), then everything else in path order.
    static func readOrder(_ entry: ExportEntry) -> (Int, String) {
        (stem(of: entry) == "statistics" ? 0 : 1, entry.path)
    }
}
