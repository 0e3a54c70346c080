import AccountModel
import Readers

/// The owner's tweets, told apart three ways:
/// - a retweet (a `retweeted_status`, or a text starting `RT @`: archives drop
///   `retweeted_status` and write `"retweeted": false` even for retweets) is a `share`
///   activity: the owner passed on someone else's post, it is not their content;
/// - a reply (`in_reply_to_status_id_str` set) is a `comment` item addressed to
///   `in_reply_to_screen_name`;
/// - anything else, quotes included, is a `post` item.
/// Ids stay the text X wrote; `created_at` carries its `+0000` offset (`exact`).
enum XTweets {
    static func tweet(_ t: JSONValue, _ at: Locator, _ state: XImportState) throws {
        guard let id = XValues.text(t, Keys.id) else {
            return state.note(at.entry, "posts without an id were not recorded")
        }
        let time = XValues.text(t, Keys.createdAt).flatMap(XTime.parse)
        let text = XValues.text(t, Keys.text).map(XValues.htmlUnescaped)
        let url = XValues.statusURL(id: id, username: state.ownerUsername)
        if isRetweet(t, text: text) {
            return try state.activity(.share, at: time, url: url, text: text, detail: [
                ("method", "retweet"), ("tweet_id", id), ("retweeted", retweetedAccount(t, text: text)),
            ], locator: at)
        }
        let parent = XValues.text(t, Keys.replyTo)
        let counterpart = parent.map { XValues.text(t, Keys.replyToName) ?? XValues.statusURL(id: $0, username: nil) }
        let media = state.media.tweetMedia(id)
        if media.isEmpty && declaresMedia(t) {
            state.note(at.entry, "posts have media that the archive does not include")
        }
        try state.add(Item(platform: .x, kind: parent == nil ? .post : .comment, nativeID: id, url: url,
                           createdAt: time, text: text, counterpart: counterpart, raw: t, rawJSON: state.recordJSON(),
                           media: media, locator: at))
    }

    static func isRetweet(_ t: JSONValue, text: String?) -> Bool {
        if let status = t["retweeted_status"], status.members != nil { return true }
        return text?.hasPrefix("RT @") == true
    }

    /// Whose post was retweeted: `retweeted_status.user.screen_name` when the API object is
    /// there, else the handle of the `RT @handle:` prefix.
    static func retweetedAccount(_ t: JSONValue, text: String?) -> String? {
        if let status = t["retweeted_status"], let user = status["user"], let name = XValues.text(user, "screen_name") {
            return name
        }
        guard let text, text.hasPrefix("RT @") else { return nil }
        let handle = text.dropFirst(4).prefix { $0 != ":" && $0 != " " }
        return handle.isEmpty ? nil : String(handle)
    }

    static func declaresMedia(_ t: JSONValue) -> Bool {
        for container in ["extended_entities", "entities"] {
            if let media = t[container]?["media"]?.arrayValue, !media.isEmpty { return true }
        }
        return false
    }

    enum Keys {
        static let id = ["id_str", "id"]
        static let createdAt = ["created_at"]
        static let text = ["full_text", "text"]
        static let replyTo = ["in_reply_to_status_id_str", "in_reply_to_status_id"]
        static let replyToName = ["in_reply_to_screen_name"]
    }
}
