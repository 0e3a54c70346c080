import AccountModel
import Readers

/// What the owner authored on Facebook: posts (with their attachments' media, places and
/// links), comments, photos and videos. Items keep the record verbatim (repaired) in `raw`.
enum FacebookContentBuilders {
    /// A post: text in `data[].post`, files, places and shared links in `attachments[].data[]`.
    /// The item's title is Facebook's own sentence (`… updated her status.`), else the place.
    /// A record holding nothing but an `update_timestamp` is dropped and counted.
    static func post(_ r: MetaRecord, _ at: Locator, _ context: MetaContext) throws {
        let text = joined(r.member("data")?.arrayValue?.compactMap { $0.member("post").flatMap(MetaText.of) })
            ?? r.value(MetaLabels.message)
        let attached = attachments(r, at, context)
        guard text != nil || attached.count > 0 || attached.place != nil || attached.link != nil else {
            return context.drop(at, reason: "held no text or attachment")
        }
        context.noteInPost(attached.media)
        try context.item(.post, at: r.time, title: r.title ?? attached.place, text: text, media: attached.media,
                         raw: r.value, locator: at)
    }

    /// A comment (`comments_v2`, `group_comments_v2`): the text in `data[].comment.comment`;
    /// Facebook lists comments whose text it does not export (stickers) with a title only.
    static func comment(_ r: MetaRecord, _ at: Locator, _ context: MetaContext) throws {
        let comments = r.member("data")?.arrayValue?.compactMap { $0.member("comment") } ?? []
        let text = joined(comments.compactMap { $0.member("comment").flatMap(MetaText.of) }) ?? r.value(MetaLabels.comment)
        let time = r.time ?? comments.lazy.compactMap { MetaTime.of($0.member("timestamp")) }.first
        guard text != nil || time != nil else { return context.drop(at) }
        let group = comments.lazy.compactMap { $0.member("group").flatMap(MetaText.of) }.first
        try context.item(.comment, at: time, title: r.title, text: text, counterpart: group,
                         media: attachments(r, at, context).media, raw: r.value, locator: at)
    }

    static func photo(_ r: MetaRecord, _ at: Locator, _ context: MetaContext) throws {
        try file(r, at, context, kind: nil, album: nil)
    }

    static func video(_ r: MetaRecord, _ at: Locator, _ context: MetaContext) throws {
        try file(r, at, context, kind: .video, album: nil)
    }

    /// `posts/album/N.json`: `{"name", "photos": [...]}`, each photo an item titled by the album.
    static func album(_ r: MetaRecord, _ at: Locator, _ context: MetaContext) throws {
        let name = r.text("name")
        for (index, photo) in (r.member("photos")?.arrayValue ?? []).enumerated() {
            try file(MetaRecord(photo), at.appending("photos").appending(index), context, kind: nil, album: name)
        }
    }

    /// A photo or video listed on its own. One already attached to a post is the post's.
    private static func file(_ r: MetaRecord, _ at: Locator, _ context: MetaContext, kind: ItemKind?, album: String?) throws {
        let uri = r.text("uri")
        guard uri != nil || r.time != nil else { return context.drop(at) }
        let reference = context.media(uri, from: at)
        if let reference, context.mediaInPosts.contains(reference.entry) {
            return context.drop(at, reason: "are files already recorded with their post")
        }
        let kind = kind ?? (MetaMediaKind.isVideo(uri) ? .video : .photo)
        try context.item(kind, at: r.time, title: r.title ?? album, text: r.text("description"),
                         media: reference.map { [$0] } ?? [], raw: r.value, locator: at)
    }

    // MARK: - Attachments

    struct Attached {
        var media: [MediaReference] = []
        var count = 0
        var place: String?
        var link: String?
    }

    /// Media, places and links of `attachments[].data[]`. A file named but absent from the
    /// export still counts as an attachment (the post had it).
    static func attachments(_ r: MetaRecord, _ at: Locator, _ context: MetaContext) -> Attached {
        var found = Attached()
        for attachment in r.member("attachments")?.arrayValue ?? [] {
            for data in attachment.member("data")?.arrayValue ?? [] {
                if let media = data.member("media") {
                    found.count += 1
                    if let reference = context.media(media.member("uri").flatMap(MetaText.of), from: at) {
                        found.media.append(reference)
                    }
                }
                if let place = data.member("place") { found.place = found.place ?? place.member("name").flatMap(MetaText.of) }
                if let external = data.member("external_context") {
                    found.link = found.link ?? external.member("url").flatMap(MetaText.of)
                }
            }
        }
        return found
    }

    static func joined(_ parts: [String]?) -> String? {
        guard let parts, !parts.isEmpty else { return nil }
        return parts.joined(separator: "\n")
    }
}
