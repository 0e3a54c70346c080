import AccountModel
import Readers

/// What the owner did on Instagram. Every builder reads all three record encodings through
/// `MetaRecord`; where a localized label is not known it falls back on the record's shape.
enum InstagramActivityBuilders {
    /// A like of a post, comment or story. The reaction (`👍`, written as mojibake) is the
    /// value of `string_list_data`; 2026's `label_values` records name the URL and the owner.
    static func like(_ target: String) -> MetaBuild {
        { r, at, context in
            let reaction = r.member("string_list_data") != nil ? r.firstValue : r.value(MetaLabels.reaction)
            try context.activity(.like, at: r.time, url: link(r), text: account(r),
                                 detail: [("target", target), ("reaction", reaction)], locator: at)
        }
    }

    static func saved(_ r: MetaRecord, _ at: Locator, _ context: MetaContext) throws {
        try context.activity(.favorite, at: r.time, url: link(r), text: account(r), detail: [("target", "post")], locator: at)
    }

    /// Answering a poll, quiz or emoji slider in someone's story; `title` is the story's owner.
    static func vote(_ sticker: String) -> MetaBuild {
        { r, at, context in
            try context.activity(.vote, at: r.time, url: r.firstHref, text: r.title,
                                 detail: [("sticker", sticker), ("answer", r.firstValue)], locator: at)
        }
    }

    /// `string_list_data` holds the account (`value`) and its profile link; since 2025 the
    /// value may be missing and the name sits in `title` or only in the link (`/_u/name`).
    static func follow(_ target: String) -> MetaBuild {
        { r, at, context in
            try context.activity(.follow, at: r.time, url: r.firstHref, text: person(r), detail: [("target", target)], locator: at)
        }
    }

    static func followedBy(_ r: MetaRecord, _ at: Locator, _ context: MetaContext) throws {
        try context.activity(.followedBy, at: r.time, url: r.firstHref, text: person(r), locator: at)
    }

    /// Posts, videos and ads shown: the text is the author's account.
    static func viewed(_ kind: ActivityKind) -> MetaBuild {
        { r, at, context in
            let author = r.value(MetaLabels.author) ?? r.value(MetaLabels.username) ?? r.firstValue ?? r.title
            try context.activity(kind, at: r.time, url: r.firstHref, text: author, locator: at)
        }
    }

    /// `impressions_history_ads_clicked`: the ad's title and a bare timestamp.
    static func adClick(_ r: MetaRecord, _ at: Locator, _ context: MetaContext) throws {
        try context.activity(.adClick, at: r.time, url: r.firstHref, text: r.title ?? r.firstValue, locator: at)
    }

    /// 2022 writes the term under a localized `Search` label; 2024+ an account search may
    /// carry only the account in `title` and its link.
    static func search(_ scope: String) -> MetaBuild {
        { r, at, context in
            let term = r.value(MetaLabels.search) ?? r.title ?? r.firstValue
                ?? r.firstHref.flatMap { MetaValues.username(fromProfileURL: $0) }
            try context.activity(.search, at: r.time, url: r.firstHref, text: term, detail: [("scope", scope)], locator: at)
        }
    }

    static func login(_ r: MetaRecord, _ at: Locator, _ context: MetaContext) throws {
        guard let time = r.time ?? r.title.flatMap(TimeParsing.iso8601) else { return context.drop(at) }
        try context.activity(.login, at: time, locator: at)
    }

    // MARK: - Reading records

    private static func link(_ r: MetaRecord) -> String? { r.href(MetaLabels.url) ?? r.firstHref }

    /// The account a liked or saved post belongs to.
    private static func account(_ r: MetaRecord) -> String? {
        r.value(MetaLabels.username, under: MetaLabels.owner) ?? r.value(MetaLabels.username) ?? r.title
            ?? r.value(MetaLabels.name, under: MetaLabels.owner)
    }

    private static func person(_ r: MetaRecord) -> String? {
        r.firstValue ?? r.title ?? r.firstHref.flatMap { MetaValues.username(fromProfileURL: $0) }
    }
}
