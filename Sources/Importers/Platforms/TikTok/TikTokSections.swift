import AccountModel
import Readers

/// One row of the table: where in `user_data(_tiktok).json` records sit, and what they become.
struct TikTokSection: Sendable {
    enum Handling: Sendable {
        /// Each element of the list (or each member of the map) is one record object.
        case records(TikTokBuild)
        /// The value is read whole: a profile map, a string of labels, a map of chats.
        case whole(TikTokBuild)
        /// Known, deliberately not recorded; reported when not empty.
        case notRecorded(String)
    }

    /// Folded keys from the document root (see `JSONValue.foldKey`).
    var path: [String]
    var handling: Handling
}

/// The TikTok JSON export as a table of "section path → record", twitter-to-sqlite style.
/// Each generation renamed parents ("Activity" → "Your Activity", likes moved to "Likes and
/// Favorites", the profile to "Profile And Settings") but rarely the list keys: a row names all
/// spellings of each level and the table holds every combination. Supporting a new
/// generation is adding spellings or rows here. Paths are folded, so case, spaces and
/// underscores never matter (`Like List` = `like_list`).
enum TikTokSections {
    static let all: [TikTokSection] = activity + likesAndFavorites + people + content + live + ads + shop + settings

    // MARK: - Parents, by generation

    /// 2022–23 `Activity`, 2024+ `Your Activity`.
    static let yourActivity = ["Activity", "Your Activity"]
    /// Likes and favorites lived under the activity until late 2025.
    static let likesParents = ["Likes and Favorites"] + yourActivity
    /// Follow lists and the profile: `Activity` (2022), `Profile` (2024), `Profile And Settings` (2025).
    static let profileParents = ["Profile And Settings", "Profile"] + yourActivity
    /// Ads: a top-level `Ads and data` until 2025, then inside `Your Activity`.
    static let adsParents = ["Ads and data", "Your Activity", "Activity", "Profile And Settings"]
    static let shopParents = ["TikTok Shop", "Tiktok Shopping"]
    static let liveParents = ["Tiktok Live"]

    // MARK: - Rows

    static let activity: [TikTokSection] =
        rows(yourActivity, ["Video Browsing History", "Watch History"], "VideoList", .records(TikTokActivityBuilders.watch))
        + rows(yourActivity, ["Searches", "Search History"], "SearchList", .records(TikTokActivityBuilders.search))
        + rows(yourActivity, ["Share History"], "ShareHistoryList", .records(TikTokActivityBuilders.share))
        + rows(yourActivity, ["Reposts"], "RepostList", .records(TikTokActivityBuilders.repost))
        + rows(yourActivity, ["Login History"], "LoginHistoryList", .records(TikTokActivityBuilders.login))
        + rows(yourActivity, ["Purchases", "Purchase History"], ["SendGifts", "SendGifts"], .records(TikTokActivityBuilders.gift))
        + rows(yourActivity, ["Purchases", "Purchase History"], ["BuyGifts", "BuyGifts"], .records(TikTokActivityBuilders.coinPurchase))
        + rows(["Income+ Wallet", "Income Plus Wallet Transactions"], ["Coin Purchase History"], "CoinPurchaseHistoryList",
               .records(TikTokActivityBuilders.coinPurchase))
        + notRecorded(["Income+ Wallet", "Income Plus Wallet Transactions"], ["Transaction History"], "creator earnings are not the owner's spending")
        + notRecorded(yourActivity, ["Activity Summary"], "totals only, no individual records")
        + notRecorded(yourActivity, ["Status"], "device and advertising identifiers")
        + notRecorded(yourActivity, ["Hashtag"], "hashtags used in posts, already in the posts")
        + notRecorded(yourActivity, ["Most Recent Location Data"], "location, not an activity")
        + notRecorded(yourActivity, ["Stickers", "Donation", "Fundraiser", "Mini Drama Watch History"], "no vocabulary word for it yet")

    static let likesAndFavorites: [TikTokSection] =
        rows(likesParents, ["Like List"], "ItemFavoriteList", .records(TikTokActivityBuilders.like))
        + rows(likesParents, ["Favorite Videos"], "FavoriteVideoList", .records(TikTokActivityBuilders.favorite("video")))
        + rows(likesParents, ["Favorite Sounds"], "FavoriteSoundList", .records(TikTokActivityBuilders.favorite("sound")))
        + rows(likesParents, ["Favorite Effects"], "FavoriteEffectsList", .records(TikTokActivityBuilders.favorite("effect")))
        + rows(likesParents, ["Favorite Hashtags"], "FavoriteHashtagList", .records(TikTokActivityBuilders.favorite("hashtag")))
        + rows(likesParents, ["Favorite Collection", "Favorite Collections"], "FavoriteCollectionList",
               .records(TikTokActivityBuilders.favorite("collection")))
        + rows(likesParents, ["Favorite Comment"], "FavoriteCommentList", .records(TikTokActivityBuilders.favorite("comment")))
        + rows(likesParents, ["Favorite Location"], "FavoriteLocationList", .records(TikTokActivityBuilders.favorite("location")))
        + rows(likesParents, ["Favorite Playlists"], "FavoritePlaylistList", .records(TikTokActivityBuilders.favorite("playlist")))
        + rows(likesParents, ["Favorite Movies and TV"], "FavoriteMoviesAndTVList", .records(TikTokActivityBuilders.favorite("movie_tv")))
        + notRecorded(likesParents, ["Collection", "Favorite Drama"], "no vocabulary word for it yet")

    static let people: [TikTokSection] =
        rows(profileParents, ["Following", "Following List"], "Following", .records(TikTokActivityBuilders.follow))
        + rows(profileParents, ["Follower", "Follower List"], "FansList", .records(TikTokActivityBuilders.followedBy))
        + rows(["Profile And Settings", "Profile"], ["Profile Info", "Profile Information"], "ProfileMap",
               .whole(TikTokProfileBuilders.identity))
        + rows(["Profile And Settings", "Profile"], ["Autofill", "Auto Fill"], nil, .whole(TikTokProfileBuilders.identity))
        + notRecorded(["Profile And Settings", "Profile"], ["AI-Moji", "AISelfImage", "ProfileViews"], "no vocabulary word for it yet")

    static let content: [TikTokSection] =
        rows(["Video", "Post"], ["Videos", "Posts"], "VideoList", .records(TikTokContentBuilders.post))
        + rows(["Post", "Video"], ["Recently Deleted Posts"], "PostList", .records(TikTokContentBuilders.post))
        + rows(["Comment", "Comments"], ["Comments"], "CommentsList", .records(TikTokContentBuilders.comment))
        + rows(["Comment"], ["CommentsList"], nil, .records(TikTokContentBuilders.comment))
        + rows(["Direct Message", "Direct Messages"], ["Direct Messages", "Chat History"], "ChatHistory", .whole(TikTokMessages.hold))
        + rows(["Direct Message", "Direct Messages"], ["Group Chat"], "GroupChat", .whole(TikTokMessages.holdGroup))
        + notRecorded(["Direct Message", "Direct Messages"], ["Tako Chat History"], "chats with TikTok's assistant")
        + rows(["Location Review"], ["Location Reviews"], "ReviewsList", .records(TikTokContentBuilders.placeReview))
        + notRecorded(["Post", "Video"], ["Story"], "no stories in this export's shape yet")

    static let live: [TikTokSection] =
        rows(liveParents, ["Go Live History"], "GoLiveList", .records(TikTokContentBuilders.liveStream))
        + rows(liveParents, ["Watch Live History"], "WatchLiveMap", .records(TikTokContentBuilders.liveWatch))
        + notRecorded(liveParents, ["Go Live Settings", "Watch Live Settings"], "settings")

    static let ads: [TikTokSection] =
        rows(adsParents, ["Ad Interests"], "AdInterestCategories", .whole(TikTokProfileBuilders.adInterests))
        + rows(adsParents, ["Ads Based On Data Received From Partners"], "AdvertiserList", .whole(TikTokProfileBuilders.advertisers))
        + notRecorded(adsParents, ["Ads Based On Data Received From Partners"], "DataPartnerList",
                      "data partners are not advertisers; no vocabulary word for them yet")
        + rows(adsParents, ["Off TikTok Activity"], "OffTikTokActivityDataList", .records(TikTokActivityBuilders.offPlatform))
        + rows(adsParents, ["Usage Data From Third-Party Apps And Websites"], "UsageDataList",
               .records(TikTokActivityBuilders.offPlatform))
        + rows(adsParents, ["Ads Visit History"], "AdsVisitHistoryList", .records(TikTokActivityBuilders.adClick))
        + notRecorded(adsParents, ["Instant Form Ads Responses"], "form answers, not an activity")

    static let shop: [TikTokSection] =
        rows(shopParents, ["Order History"], "OrderHistories", .records(TikTokShopBuilders.order))
        + rows(shopParents, ["Product Browsing History"], "ProductBrowsingHistories", .records(TikTokShopBuilders.productView))
        + rows(shopParents, ["Shopping Cart List"], "ShoppingCart", .records(TikTokShopBuilders.cartAdd))
        + rows(shopParents, ["Product Reviews"], "ProductReviewHistories", .records(TikTokContentBuilders.productReview))
        + rows(shopParents, ["TikTokFavoriteItem"], ["TikTokFavoriteItemResult", "TikTokFavoriteItemList"],
               .records(TikTokActivityBuilders.favorite("product")))
        + notRecorded(shopParents, ["Communication With Shops", "Communication History", "Current Payment Information",
                                    "Customer Support History", "Order Dispute History", "Returns and Refunds History",
                                    "Saved Address Information", "Vouchers"], "shop account records, not activities")

    static let settings: [TikTokSection] =
        notRecorded(["App Settings", "Profile And Settings", "Profile"], ["Settings", "Block List", "Block"], "settings")
        + notRecorded(yourActivity, ["Block List"], "settings")

    // MARK: - Building rows

    /// Every combination of `parents › sections › list` (a nil list: the section itself).
    static func rows(_ parents: [String], _ sections: [String], _ list: String?, _ handling: TikTokSection.Handling) -> [TikTokSection] {
        rows(parents, sections, list.map { [$0] } ?? [], handling)
    }

    /// As above with a deeper tail (`Purchases › SendGifts › SendGifts`).
    static func rows(_ parents: [String], _ sections: [String], _ tail: [String], _ handling: TikTokSection.Handling) -> [TikTokSection] {
        parents.flatMap { parent in
            sections.map { section in
                TikTokSection(path: ([parent, section] + tail).map(JSONValue.foldKey), handling: handling)
            }
        }
    }

    static func notRecorded(_ parents: [String], _ sections: [String], _ reason: String) -> [TikTokSection] {
        rows(parents, sections, [String](), .notRecorded(reason))
    }

    static func notRecorded(_ parents: [String], _ sections: [String], _ list: String, _ reason: String) -> [TikTokSection] {
        rows(parents, sections, [list], .notRecorded(reason))
    }
}
