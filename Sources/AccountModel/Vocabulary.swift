/// The controlled vocabulary of DESIGN.md. Raw values are the words used in SQL, JSON output,
/// archives and docs: never rename one, only add.
///
/// A platform is an open identifier: a lowercase slug (`a-z`, `0-9`, `_`, starting with a
/// letter, at most 40 characters), so a mapping can name a platform pda has no code for
/// (`pinduoduo`, `dianping` …). The known ones below have a display label, importers or
/// mappings, and valuation models; never rename one, only add.
public struct Platform: RawRepresentable, Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
    public let rawValue: String

    /// `nil` unless `rawValue` is a valid slug.
    public init?(rawValue: String) {
        guard Self.isSlug(rawValue) else { return nil }
        self.rawValue = rawValue
    }

    private init(known: String) { rawValue = known }

    public static let tiktok = Platform(known: "tiktok")
    public static let douyin = Platform(known: "douyin")
    public static let instagram = Platform(known: "instagram")
    public static let facebook = Platform(known: "facebook")
    public static let x = Platform(known: "x")
    public static let youtube = Platform(known: "youtube")
    public static let reddit = Platform(known: "reddit")
    public static let amazon = Platform(known: "amazon")
    public static let taobao = Platform(known: "taobao")
    public static let xiaohongshu = Platform(known: "xiaohongshu")
    public static let weibo = Platform(known: "weibo")
    public static let bilibili = Platform(known: "bilibili")
    public static let alipay = Platform(known: "alipay")
    public static let wechatPay = Platform(known: "wechat_pay")
    public static let jd = Platform(known: "jd")
    public static let meituan = Platform(known: "meituan")

    /// The platforms DESIGN.md names, in its order.
    public static let allCases: [Platform] = [
        tiktok, douyin, instagram, facebook, x, youtube, reddit, amazon, taobao, xiaohongshu, weibo, bilibili,
        alipay, wechatPay, jd, meituan,
    ]

    private static let labels: [String: String] = [
        "tiktok": "TikTok",
        "douyin": "Douyin 抖音",
        "instagram": "Instagram",
        "facebook": "Facebook",
        "x": "X (Twitter)",
        "youtube": "YouTube",
        "reddit": "Reddit",
        "amazon": "Amazon",
        "taobao": "Taobao 淘宝",
        "xiaohongshu": "Xiaohongshu 小红书",
        "weibo": "Weibo 微博",
        "bilibili": "Bilibili 哔哩哔哩",
        "alipay": "Alipay 支付宝",
        "wechat_pay": "WeChat Pay 微信支付",
        "jd": "JD 京东",
        "meituan": "Meituan 美团",
    ]

    public var isKnown: Bool { Self.allCases.contains(self) }
    /// The name people know it by; the slug itself for platforms pda has no label for.
    public var label: String { Self.labels[rawValue] ?? rawValue }
    public var description: String { rawValue }

    public static func < (a: Platform, b: Platform) -> Bool { a.rawValue < b.rawValue }

    public static func isSlug(_ text: String) -> Bool {
        let bytes = Array(text.utf8)
        guard (1...40).contains(bytes.count), (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(bytes[0]) else { return false }
        return bytes.allSatisfy { (UInt8(ascii: "a")...UInt8(ascii: "z")).contains($0) || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) || $0 == UInt8(ascii: "_") }
    }

    public init(from decoder: Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let platform = Platform(rawValue: text) else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "not a platform slug"))
        }
        self = platform
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }
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
