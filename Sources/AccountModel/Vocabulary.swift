/// The controlled vocabulary of DESIGN.md. Raw values are the words used in SQL, JSON output,
/// archives and docs: never rename one, only add.
public enum Platform: String, CaseIterable, Sendable, Codable {
    case tiktok, douyin, instagram, facebook, x, youtube, reddit, amazon, taobao, xiaohongshu, weibo, bilibili
}

/// Content the account owner authored.
public enum ItemKind: String, CaseIterable, Sendable, Codable {
    case post, video, photo, story, comment, review
    case liveComment = "live_comment"
    case liveStream = "live_stream"
    case message
}

/// The owner's behaviour on a platform.
public enum ActivityKind: String, CaseIterable, Sendable, Codable {
    case watch
    case liveWatch = "live_watch"
    case browse, search, like, favorite, share, follow
    case followedBy = "followed_by"
    case subscribe, vote, purchase
    case cartAdd = "cart_add"
    case gift
    case adView = "ad_view"
    case adClick = "ad_click"
    case offPlatform = "off_platform"
    case login

    /// `nil` for what is recorded but is not the owner's labor (being followed, logging in).
    public var laborCategory: LaborCategory? {
        switch self {
        case .like, .favorite, .share, .follow, .subscribe, .vote: return .interaction
        case .watch, .liveWatch, .browse, .search, .adView, .adClick, .offPlatform: return .attention
        case .purchase, .cartAdd, .gift: return .commerce
        case .followedBy, .login: return nil
        }
    }
}

/// What the platform inferred about the owner.
public enum InferenceKind: String, CaseIterable, Sendable, Codable {
    case adInterest = "ad_interest"
    case inferredTopic = "inferred_topic"
    case advertiser
}

public enum LaborCategory: String, CaseIterable, Sendable, Codable {
    case content, interaction, attention, commerce
}

/// How a stored time was known. Importers never guess silently: each field documents its basis.
public enum TimeBasis: String, CaseIterable, Sendable, Codable {
    /// The export gave an offset or zone.
    case exact
    /// The platform writes UTC without saying so (TikTok's `YYYY-MM-DD HH:MM:SS`).
    case naiveUTC = "naive_utc"
    /// A wall-clock time in an assumed zone (recorded in the importer's documentation).
    case naiveLocal = "naive_local"
    case dateOnly = "date_only"
}
