import AccountModel
import Readers

/// Builders for what the owner authored: posts, comments, lives, reviews. Items keep the
/// record verbatim in `raw`.
enum TikTokContentBuilders {
    /// A post: `video`, or `photo` when its link is an image (photo mode). The id is the one in
    /// the link; the caption (`Title`, 2024+) is the item's text.
    static func post(_ r: TikTokRecord, _ place: TikTokPlace, _ state: TikTokImportState) throws {
        let link = r.text(Keys.postLink)
        let time = r.time(TikTokKeys.date)
        let caption = r.text(Keys.caption)
        guard link != nil || time != nil || caption != nil else { return state.dropEmpty(place) }
        let kind: ItemKind = link.map(TikTokValues.isPhotoLink) == true ? .photo : .video
        try state.add(Item(platform: .tiktok, kind: kind, nativeID: link.flatMap(TikTokValues.mediaID), url: link,
                           createdAt: time, text: caption, raw: r.value, locator: place.locator))
    }

    /// A comment; `counterpart` is the post it answers when the export names it.
    static func comment(_ r: TikTokRecord, _ place: TikTokPlace, _ state: TikTokImportState) throws {
        let text = r.text(TikTokKeys.comment)
        let time = r.time(TikTokKeys.date)
        guard text != nil || time != nil else { return state.dropEmpty(place) }
        try state.add(Item(platform: .tiktok, kind: .comment, createdAt: time, text: text,
                           counterpart: r.text(TikTokKeys.commentTarget), raw: r.value, locator: place.locator))
    }

    /// A live the owner hosted (`Go Live History`).
    static func liveStream(_ r: TikTokRecord, _ place: TikTokPlace, _ state: TikTokImportState) throws {
        let start = r.time(Keys.liveStart)
        let room = r.text(Keys.roomID)
        guard start != nil || room != nil else { return state.dropEmpty(place) }
        try state.add(Item(platform: .tiktok, kind: .liveStream, nativeID: room, url: r.text(Keys.replay),
                           createdAt: start, title: r.text(Keys.roomTitle), raw: r.value, locator: place.locator))
    }

    /// A live the owner watched (`WatchLiveMap`, keyed by room id) and the comments and
    /// questions they wrote in it. Real exports write `WatchTime` as the moment of watching; a
    /// duration (`WatchDuration`, or a `WatchTime` that is a number of seconds) becomes
    /// `durationSeconds`.
    static func liveWatch(_ r: TikTokRecord, _ place: TikTokPlace, _ state: TikTokImportState) throws {
        let link = r.text(TikTokKeys.link)
        var duration = r.field(Keys.watchDuration).flatMap(TikTokValues.seconds)
        var time: RecordTime?
        if let watchTime = r.field(Keys.watchTime) {
            time = TimeParsing.parse(watchTime)
            if time == nil && duration == nil { duration = TikTokValues.seconds(watchTime) }
        }
        let room = place.key.flatMap { $0 == "-1" ? nil : $0 }
        if time != nil || link != nil {
            try state.activity(.liveWatch, at: time, url: link, duration: duration,
                               detail: [("room_id", room)], place: place)
        }
        try liveComments(r, in: Keys.comments, text: Keys.commentContent, time: Keys.commentTime, live: link, place, state)
        try liveComments(r, in: Keys.questions, text: Keys.questionContent, time: Keys.questionTime, live: link, place, state)
    }

    /// `RawTime` (epoch, `exact`) wins over the `naive_utc` text time when both are given.
    private static func liveComments(_ r: TikTokRecord, in list: [String], text: [String], time: [String],
                                     live: String?, _ place: TikTokPlace, _ state: TikTokImportState) throws {
        guard let members = r.value.members,
              let member = members.first(where: { m in list.contains { FoldedKey.matches(m.key, $0) } }),
              let comments = member.value.arrayValue else { return }
        let base = place.locator.appending(member.key)
        for (index, value) in comments.enumerated() {
            let c = TikTokRecord(value)
            let body = c.text(text)
            let at = c.time(Keys.rawTime) ?? c.time(time)
            let commentPlace = TikTokPlace(locator: base.appending(index))
            guard body != nil || at != nil else { state.dropEmpty(commentPlace); continue }
            try state.add(Item(platform: .tiktok, kind: .liveComment, createdAt: at, text: body, counterpart: live,
                               raw: value, locator: commentPlace.locator))
        }
    }

    /// `Location Review › ReviewsList`.
    static func placeReview(_ r: TikTokRecord, _ place: TikTokPlace, _ state: TikTokImportState) throws {
        try review(r, title: r.text(Keys.placeName), place, state)
    }

    /// `TikTok Shop › Product Reviews`.
    static func productReview(_ r: TikTokRecord, _ place: TikTokPlace, _ state: TikTokImportState) throws {
        try review(r, title: r.text(TikTokShopBuilders.Keys.product), place, state)
    }

    private static func review(_ r: TikTokRecord, title: String?, _ place: TikTokPlace, _ state: TikTokImportState) throws {
        let text = r.text(Keys.reviewText)
        let time = r.time(Keys.reviewTime)
        guard text != nil || time != nil else { return state.dropEmpty(place) }
        try state.add(Item(platform: .tiktok, kind: .review, nativeID: r.text(Keys.reviewID), createdAt: time,
                           title: title, text: text, raw: r.value, locator: place.locator))
    }

    enum Keys {
        static let postLink = ["link", "videolink", "url"]
        static let caption = ["title", "description", "desc", "caption"]
        static let liveStart = ["livestarttime", "starttime", "date"]
        static let roomID = ["roomid"]
        static let replay = ["replayurl", "link"]
        static let roomTitle = ["roomtitle", "title"]
        static let watchTime = ["watchtime"]
        static let watchDuration = ["watchduration", "duration", "watchtimeseconds"]
        static let comments = ["comments"]
        static let questions = ["questions"]
        static let commentContent = ["commentcontent", "content", "comment"]
        static let commentTime = ["commenttime", "date"]
        static let questionContent = ["questioncontent", "content"]
        static let questionTime = ["questiontime", "date"]
        static let rawTime = ["rawtime"]
        static let placeName = ["placename", "place"]
        static let reviewText = ["reviewtext", "reviewcontent", "content", "comment", "text"]
        static let reviewTime = ["date", "reviewtime", "createtime"]
        static let reviewID = ["reviewid"]
    }
}
