import AccountModel
import Readers

/// What the owner authored on Instagram: posts (with every file of a carousel), stories,
/// reels, comments. Items keep the record verbatim (repaired) in `raw`; Instagram gives no
/// post ids, so `nativeID` stays nil and the store keys items by content.
enum InstagramContentBuilders {
    /// A post: one file is a `photo` or a `video`, several are a carousel `post`. The caption
    /// and time sit on the post (2023+) or, in 2022, on its first file.
    static func post(_ r: MetaRecord, _ at: Locator, _ context: MetaContext) throws {
        try content(r, at, context, kind: nil)
    }

    static func story(_ r: MetaRecord, _ at: Locator, _ context: MetaContext) throws {
        try content(r, at, context, kind: .story)
    }

    /// Reels and IGTV: videos whatever their files are named.
    static func reel(_ r: MetaRecord, _ at: Locator, _ context: MetaContext) throws {
        try content(r, at, context, kind: .video)
    }

    private static func content(_ r: MetaRecord, _ at: Locator, _ context: MetaContext, kind fixed: ItemKind?) throws {
        guard r.isObject else { return context.drop(at, reason: "are not records") }
        // A story or an archived file is its own single medium; a post lists its files.
        let files = r.member("media")?.arrayValue ?? (r.member("uri") != nil ? [r.value] : [])
        let first = files.first.map(MetaRecord.init)
        let time = r.time ?? first?.time
        let caption = r.title ?? first?.title
        let uris = files.map { $0.member("uri").flatMap(MetaText.of) }
        guard time != nil || caption != nil || !files.isEmpty else { return context.drop(at) }
        let media = uris.compactMap { context.media($0, from: at) }
        let kind = fixed ?? (files.count == 1 ? (MetaMediaKind.isVideo(uris[0]) ? .video : .photo) : .post)
        try context.item(kind, at: time, text: caption, media: media, raw: r.value, locator: at)
    }

    /// A comment. 2022 wraps `string_list_data` (the text) under a `title` (the post's
    /// owner); 2024+ writes `string_map_data` with localized `Comment`, `Media Owner`, `Time`.
    static func comment(_ r: MetaRecord, _ at: Locator, _ context: MetaContext) throws {
        let text = r.value(MetaLabels.comment) ?? r.fields.first { field in
            field.value != nil && !MetaLabels.mediaOwner.matches(field.label) && !MetaLabels.username.matches(field.label)
        }?.value
        let time = r.time
        guard text != nil || time != nil else { return context.drop(at) }
        let owner = r.value(MetaLabels.mediaOwner) ?? r.value(MetaLabels.username) ?? r.title
        try context.item(.comment, at: time, text: text, counterpart: owner, raw: r.value, locator: at)
    }
}
