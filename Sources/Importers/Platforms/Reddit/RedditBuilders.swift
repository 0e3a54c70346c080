import AccountModel
import Readers

/// One row → one record. Reddit gives every post and comment a base-36 id and a permalink; only
/// posts, comments and messages carry a date (votes, saves and subscriptions do not, so those
/// activities have no time).
enum RedditBuilders {
    static func statistic(_ r: CSVRecord, _ c: RedditContext) throws {
        guard let name = r.text("statistic")?.lowercased(), let value = r.text("value") else { return }
        if name == "account name" || name == "username" {
            c.ownerName = value
            try c.sink.add(IdentityFact(platform: .reddit, field: "username", value: value, locator: r.locator))
        }
    }

    static func post(_ r: CSVRecord, _ c: RedditContext) throws {
        guard let id = r.text("id") else { return c.dropped.drop(r.entry, "no id") }
        try c.sink.add(Item(platform: .reddit, kind: .post, nativeID: id, url: r.text("permalink"),
                            createdAt: time(r), title: r.text("title"), text: r.text("body"),
                            raw: r.raw, locator: r.locator))
    }

    /// `parent` is the comment (`t1_…`) or post (`t3_…`) the comment answers.
    static func comment(_ r: CSVRecord, _ c: RedditContext) throws {
        guard let id = r.text("id") else { return c.dropped.drop(r.entry, "no id") }
        try c.sink.add(Item(platform: .reddit, kind: .comment, nativeID: id, url: r.text("permalink"),
                            createdAt: time(r), text: r.text("body"), counterpart: r.text("parent", "link"),
                            raw: r.raw, locator: r.locator))
    }

    /// `direction` (`up`, `down`, sometimes `none`) is the activity's text.
    static func vote(on target: String) -> RedditBuild {
        { r, c in
            guard let permalink = r.text("permalink") else { return c.dropped.drop(r.entry, "no permalink") }
            try c.sink.add(Activity(platform: .reddit, kind: .vote, url: permalink, text: r.text("direction"),
                                    detail: .details([("target", target), ("id", r.text("id"))]), locator: r.locator))
        }
    }

    static func saved(target: String) -> RedditBuild {
        { r, c in
            guard let permalink = r.text("permalink") else { return c.dropped.drop(r.entry, "no permalink") }
            try c.sink.add(Activity(platform: .reddit, kind: .favorite, url: permalink,
                                    detail: .details([("target", target), ("id", r.text("id"))]), locator: r.locator))
        }
    }

    /// Hiding a post is neither an endorsement (`favorite`) nor a rating (`vote`): it is the owner
    /// curating the feed they were browsing, so it is a `browse` activity marked `hidden`. It
    /// counts as attention, like the browsing it happened in.
    static func hidden(_ r: CSVRecord, _ c: RedditContext) throws {
        guard let permalink = r.text("permalink") else { return c.dropped.drop(r.entry, "no permalink") }
        try c.sink.add(Activity(platform: .reddit, kind: .browse, url: permalink,
                                detail: .details([("action", "hidden"), ("target", "post"), ("id", r.text("id"))]),
                                locator: r.locator))
    }

    static func subscribe(_ r: CSVRecord, _ c: RedditContext) throws {
        guard let subreddit = r.text("subreddit") else { return c.dropped.drop(r.entry, "no subreddit") }
        try c.sink.add(Activity(platform: .reddit, kind: .subscribe, url: "https://www.reddit.com/r/\(subreddit)/",
                                text: subreddit, locator: r.locator))
    }

    static func friend(_ r: CSVRecord, _ c: RedditContext) throws {
        guard let name = r.text("username") else { return c.dropped.drop(r.entry, "no username") }
        try c.sink.add(Activity(platform: .reddit, kind: .follow, url: "https://www.reddit.com/user/\(name)/",
                                text: name, locator: r.locator))
    }

    static func time(_ r: CSVRecord) -> RecordTime? {
        r.text("date", "created_at", "created").flatMap(TimeParsing.naiveUTC)
    }
}
