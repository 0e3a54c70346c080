import AccountModel
import Readers

/// What the owner did on Facebook. Records are `{"name", "timestamp"}` lists, `data`-wrapped
/// entries with a `title`, or (2025+) `label_values` records; each builder reads all it meets.
enum FacebookActivityBuilders {
    /// A reaction to a post or comment, any generation. The reaction (`LIKE`, `HAHA`,
    /// `SUPPORT` …) goes to `detail.reaction`; the text is Facebook's sentence naming what was
    /// reacted to, or the `Name` of a `label_values` record.
    static func reaction(_ r: MetaRecord, _ at: Locator, _ context: MetaContext) throws {
        let wrapped = r.member("data")?.arrayValue?.lazy.compactMap { $0.member("reaction") }.first
        let reaction = wrapped?.member("reaction").flatMap(MetaText.of) ?? r.value(MetaLabels.reaction)
        try context.activity(.like, at: r.time, url: r.href(MetaLabels.url), text: r.title ?? r.value(MetaLabels.name),
                             detail: [("reaction", reaction)], locator: at)
    }

    /// `stories_feedback_v2`: only a sentence naming the story and the reaction.
    static func storyReaction(_ r: MetaRecord, _ at: Locator, _ context: MetaContext) throws {
        try context.activity(.like, at: r.time, text: r.title, detail: [("target", "story")], locator: at)
    }

    static func pageLike(_ r: MetaRecord, _ at: Locator, _ context: MetaContext) throws {
        try context.activity(.like, at: r.time, url: r.text("url") ?? r.href(MetaLabels.url), text: name(r),
                             detail: [("target", "page")], locator: at)
    }

    static func pageFollow(_ r: MetaRecord, _ at: Locator, _ context: MetaContext) throws {
        try context.activity(.follow, at: r.time, url: r.text("url") ?? r.href(MetaLabels.url), text: name(r),
                             detail: [("target", "page")], locator: at)
    }

    /// Friendship is mutual; the vocabulary has no word for it, so a friend is recorded as a
    /// `follow` marked `relation: friend` (the owner sees the friend's posts, and vice versa).
    static func friend(_ r: MetaRecord, _ at: Locator, _ context: MetaContext) throws {
        try context.activity(.follow, at: r.time, text: name(r), detail: [("relation", "friend")], locator: at)
    }

    static func following(_ r: MetaRecord, _ at: Locator, _ context: MetaContext) throws {
        try context.activity(.follow, at: r.time, text: name(r), locator: at)
    }

    static func followedBy(_ r: MetaRecord, _ at: Locator, _ context: MetaContext) throws {
        try context.activity(.followedBy, at: r.time, text: name(r), locator: at)
    }

    /// `searches_v2`: the term in `data[].text` (the title is only "You searched Facebook").
    static func search(_ r: MetaRecord, _ at: Locator, _ context: MetaContext) throws {
        let term = r.member("data")?.arrayValue?.lazy.compactMap { $0.member("text").flatMap(MetaText.of) }.first
            ?? r.value(MetaLabels.search) ?? r.firstValue
        try context.activity(.search, at: r.time, text: term, locator: at)
    }

    /// `history_v2` (advertisers you've interacted with): `action` is a localized sentence;
    /// clicks become `ad_click`, other interactions (hiding, closing) are counted as skipped.
    static func adInteraction(_ r: MetaRecord, _ at: Locator, _ context: MetaContext) throws {
        let action = r.text("action") ?? r.value(MetaLabels.event)
        guard let action, clickWords.contains(where: action.lowercased().contains) else {
            return context.drop(at, reason: "are ad interactions other than clicks")
        }
        try context.activity(.adClick, at: r.time, text: r.title ?? r.firstValue, detail: [("action", action)], locator: at)
    }

    /// Clicking, in the languages Meta writes `action` in.
    static let clickWords = ["click", "clic", "klik", "klick"]

    /// Off-Facebook activity: one business with its events. `{"name", "events": [{"id",
    /// "type", "timestamp"}]}` until 2025; from 2026 a `label_values` record titled by the
    /// business whose `Events` list holds `Event` and `Received on` entries.
    static func offPlatform(_ r: MetaRecord, _ at: Locator, _ context: MetaContext) throws {
        let business = r.text("name") ?? r.title
        if let events = r.member("events")?.arrayValue {
            for (index, event) in events.enumerated() {
                try context.activity(.offPlatform, at: MetaTime.of(event.member("timestamp")), text: business,
                                     detail: [("event", event.member("type").flatMap(MetaText.of))],
                                     locator: at.appending("events").appending(index))
            }
            return
        }
        let lists = r.member("label_values")?.arrayValue ?? []
        var found = false
        for (listIndex, list) in lists.enumerated() where MetaLabels.events.matches(list.member("label").flatMap(MetaText.of)) {
            for (index, entry) in (list.member("vec")?.arrayValue ?? []).enumerated() {
                found = true
                let event = MetaRecord(.obj([("label_values", entry.member("dict") ?? .array([]))]))
                try context.activity(.offPlatform, at: event.time, text: business,
                                     detail: [("event", event.value(MetaLabels.event))],
                                     locator: at.appending("label_values").appending(listIndex).appending("vec").appending(index))
            }
        }
        if !found { context.drop(at, reason: "held no events") }
    }

    private static func name(_ r: MetaRecord) -> String? {
        r.text("name") ?? r.member("data")?.arrayValue?.lazy.compactMap { $0.member("name").flatMap(MetaText.of) }.first
            ?? r.title ?? r.value(MetaLabels.name) ?? r.firstValue
    }
}
