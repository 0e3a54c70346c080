import AccountModel
import Readers

/// Builders for the owner's behaviour: one export record → one `Activity`. All TikTok times
/// are `TimeParsing.parse`d: zone-less `YYYY-MM-DD HH:MM:SS` is UTC (`naive_utc`).
enum TikTokActivityBuilders {
    static func watch(_ r: TikTokRecord, _ place: TikTokPlace, _ state: TikTokImportState) throws {
        try state.activity(.watch, at: r.time(TikTokKeys.date), url: r.text(TikTokKeys.link),
                           text: r.text(TikTokKeys.title), place: place)
    }

    static func like(_ r: TikTokRecord, _ place: TikTokPlace, _ state: TikTokImportState) throws {
        try state.activity(.like, at: r.time(TikTokKeys.date), url: r.text(TikTokKeys.link), place: place)
    }

    /// Favorites of every kind (videos, sounds, effects, hashtags, collections …): the kind
    /// goes into `detail.favorite`, a collection's name into `text`.
    static func favorite(_ what: String) -> TikTokBuild {
        { r, place, state in
            try state.activity(.favorite, at: r.time(Keys.favoriteTime), url: r.text(TikTokKeys.favoriteLink),
                               text: r.text(TikTokKeys.collection) ?? r.text(Keys.productName),
                               detail: [("favorite", what)], place: place)
        }
    }

    static func search(_ r: TikTokRecord, _ place: TikTokPlace, _ state: TikTokImportState) throws {
        try state.activity(.search, at: r.time(TikTokKeys.date), text: r.text(TikTokKeys.searchTerm), place: place)
    }

    /// `text` is the share method (the choice); what was shared goes into `detail`.
    static func share(_ r: TikTokRecord, _ place: TikTokPlace, _ state: TikTokImportState) throws {
        try state.activity(.share, at: r.time(TikTokKeys.date), url: r.text(TikTokKeys.link),
                           text: r.text(TikTokKeys.method),
                           detail: [("shared_content", r.text(TikTokKeys.sharedContent))], place: place)
    }

    /// A repost shares a video to the owner's followers: a share whose method is "repost".
    static func repost(_ r: TikTokRecord, _ place: TikTokPlace, _ state: TikTokImportState) throws {
        try state.activity(.share, at: r.time(TikTokKeys.date), url: r.text(TikTokKeys.link), text: "repost", place: place)
    }

    static func follow(_ r: TikTokRecord, _ place: TikTokPlace, _ state: TikTokImportState) throws {
        try state.activity(.follow, at: r.time(TikTokKeys.date), text: r.text(TikTokKeys.userName), place: place)
    }

    static func followedBy(_ r: TikTokRecord, _ place: TikTokPlace, _ state: TikTokImportState) throws {
        try state.activity(.followedBy, at: r.time(TikTokKeys.date), text: r.text(TikTokKeys.userName), place: place)
    }

    static func login(_ r: TikTokRecord, _ place: TikTokPlace, _ state: TikTokImportState) throws {
        try state.activity(.login, at: r.time(TikTokKeys.date), detail: [
            ("ip", r.text(Keys.ip)), ("device_model", r.text(Keys.deviceModel)),
            ("device_system", r.text(Keys.deviceSystem)), ("network_type", r.text(Keys.networkType)),
            ("carrier", r.text(Keys.carrier)),
        ], place: place)
    }

    /// A gift sent in a live: `text` is the recipient, the value in coins goes into `detail`.
    static func gift(_ r: TikTokRecord, _ place: TikTokPlace, _ state: TikTokImportState) throws {
        try state.activity(.gift, at: r.time(TikTokKeys.date), text: r.text(TikTokKeys.userName),
                           detail: [("coins", r.text(Keys.giftAmount)), ("gift", r.text(Keys.giftName))], place: place)
    }

    /// Buying coins (`BuyGifts`, `Coin Purchase History`): money when a price is given,
    /// coins in `detail`.
    static func coinPurchase(_ r: TikTokRecord, _ place: TikTokPlace, _ state: TikTokImportState) throws {
        let price = r.text(Keys.price)
        let money = price.flatMap(TikTokValues.money)
        try state.activity(.purchase, at: r.time(TikTokKeys.date), text: "coins",
                           amount: money?.value, currency: money?.currency,
                           detail: [("price", price), ("coins", r.text(Keys.coinAmount)), ("type", r.text(Keys.type))],
                           place: place)
    }

    static func offPlatform(_ r: TikTokRecord, _ place: TikTokPlace, _ state: TikTokImportState) throws {
        try state.activity(.offPlatform, at: r.time(Keys.timeStamp), text: r.text(Keys.source),
                           detail: [("event", r.text(Keys.event))], place: place)
    }

    /// `Ads Visit History`: ads the owner opened.
    static func adClick(_ r: TikTokRecord, _ place: TikTokPlace, _ state: TikTokImportState) throws {
        try state.activity(.adClick, at: r.time(Keys.createTime), url: r.text(Keys.adLink),
                           text: r.text(Keys.adTitle), place: place)
    }

    enum Keys {
        static let favoriteTime = ["date", "createtime"]
        static let productName = ["productname", "product"]
        static let ip = ["ip"]
        static let deviceModel = ["devicemodel"]
        static let deviceSystem = ["devicesystem"]
        static let networkType = ["networktype"]
        static let carrier = ["carrier"]
        static let giftAmount = ["giftamount", "coins", "coinamount"]
        static let giftName = ["giftname", "gift"]
        static let price = ["price", "amount"]
        static let coinAmount = ["coinamount", "coins"]
        static let type = ["type"]
        static let timeStamp = ["timestamp", "date", "time"]
        static let source = ["source"]
        static let event = ["event"]
        static let createTime = ["createtime", "date"]
        static let adLink = ["adlink", "link"]
        static let adTitle = ["adtitle", "title"]
    }
}
