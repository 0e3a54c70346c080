import AccountModel
import Readers

/// Likes, follow lists and logins: one record → one `Activity`.
enum XActivityBuilders {
    /// `{"like": {"tweetId", "fullText", "expandedUrl"}}`. X does not record when a like
    /// happened: `occurredAt` stays `nil` (the liked post's id encodes when *it* was written,
    /// which is not the like's time). The liked post's id goes into `detail.tweet_id`.
    static func like(_ r: JSONValue, _ at: Locator, _ state: XImportState) throws {
        let tweetID = XValues.text(r, "tweetId")
        guard let url = XValues.text(r, "expandedUrl") ?? tweetID.map({ "https://x.com/i/web/status/\($0)" }) else {
            return state.note(at.entry, "likes without a post id or link were not recorded")
        }
        try state.activity(.like, at: nil, url: url, text: XValues.text(r, "fullText").map(XValues.htmlUnescaped),
                           detail: [("tweet_id", tweetID)], locator: at)
    }

    /// `{"following": {"accountId", "userLink"}}` and `{"follower": …}`: ids only, no handle,
    /// no date. `text` is the other account's id.
    static func account(_ kind: ActivityKind) -> XBuild {
        { r, at, state in
            let id = XValues.text(r, "accountId")
            let link = XValues.text(r, "userLink")
            guard id != nil || link != nil else {
                return state.note(at.entry, "entries without an account id were not recorded")
            }
            try state.activity(kind, at: nil, url: link, text: id, detail: [("account_id", id)], locator: at)
        }
    }

    /// `ip-audit.js`: `{"ipAudit": {"createdAt", "loginIp"}}`.
    static func login(_ r: JSONValue, _ at: Locator, _ state: XImportState) throws {
        guard let time = XValues.text(r, "createdAt").flatMap(XTime.parse) else {
            return state.note(at.entry, "logins without a time were not recorded")
        }
        try state.activity(.login, at: time, detail: [("ip", XValues.text(r, "loginIp"))], locator: at)
    }
}
