import AccountModel
import Readers

/// One row of the table: the data types (folded file or manifest names) and what their
/// records become.
struct XSection: Sendable {
    enum Handling: Sendable {
        /// Each element of the file's list, unwrapped from its `{"<type>": …}` object, is a record.
        case records(XBuild)
        /// Known, deliberately not recorded; reported with the reason.
        case notRecorded(String)
    }

    var types: [String]
    var handling: Handling
}

/// The X archive as a table of "this file → this record", twitter-to-sqlite style. A type is
/// the file name without `.js` and `-partN`, folded (`ad-impressions` → `adimpressions`), which
/// is also how the manifest's camelCase `adImpressions` folds. Supporting a new file is a row.
enum XSections {
    static let all: [XSection] = content + activity + profile + notRecorded

    static let content: [XSection] = [
        // `tweet.js` (2019–22), `tweets.js` (2022+); both carry the owner's posts, replies and
        // retweets. Community and Circle posts are posts of the owner too.
        XSection(types: ["tweet", "tweets", "communitytweet", "twittercircletweet"], handling: .records(XTweets.tweet)),
        XSection(types: ["directmessages"], handling: .records(XMessages.conversation(group: false))),
        XSection(types: ["directmessagesgroup"], handling: .records(XMessages.conversation(group: true))),
    ]

    static let activity: [XSection] = [
        XSection(types: ["like"], handling: .records(XActivityBuilders.like)),
        XSection(types: ["following"], handling: .records(XActivityBuilders.account(.follow))),
        XSection(types: ["follower"], handling: .records(XActivityBuilders.account(.followedBy))),
        XSection(types: ["ipaudit"], handling: .records(XActivityBuilders.login)),
        XSection(types: ["adimpressions"], handling: .records(XAds.impressions)),
        XSection(types: ["adengagements"], handling: .records(XAds.engagements)),
    ]

    static let profile: [XSection] = [
        XSection(types: ["account"], handling: .records(XProfileBuilders.account)),
        XSection(types: ["profile"], handling: .records(XProfileBuilders.profile)),
        XSection(types: ["personalization"], handling: .records(XProfileBuilders.personalization)),
    ]

    static let notRecorded: [XSection] = [
        XSection(types: ["tweetheaders", "directmessageheaders", "directmessagegroupheaders", "deletedtweetheaders"],
                 handling: .notRecorded("ids and times only, of records read from their full files")),
        XSection(types: ["notetweet"], handling: .notRecorded("long-post bodies; the posts are read from the tweets file")),
        XSection(types: ["deletedtweets"], handling: .notRecorded("posts the owner deleted")),
        XSection(types: ["accountsuspension", "accountcreationip", "accounttimezone", "ageinfo", "emailaddresschange",
                         "screennamechange", "phonenumber", "verified", "protectedhistory", "devicetoken", "nidevices",
                         "contact", "keyregistry"],
                 handling: .notRecorded("account settings and history")),
        XSection(types: ["app", "connectedapplication"], handling: .notRecorded("connected apps")),
        XSection(types: ["block", "mute"], handling: .notRecorded("blocked and muted accounts (settings)")),
        XSection(types: ["savedsearch"], handling: .notRecorded("saved queries carry no time; they are settings, not searches")),
        XSection(types: ["listscreated", "listsmember", "listssubscribed", "moment"],
                 handling: .notRecorded("lists and moments; no vocabulary word for them yet")),
        XSection(types: ["admobileconversionsattributed", "admobileconversionsunattributed",
                         "adonlineconversionsattributed", "adonlineconversionsunattributed"],
                 handling: .notRecorded("conversions reported by advertisers; not mapped yet")),
    ]

    private static let index: [String: XSection] = {
        var index: [String: XSection] = [:]
        for section in all { for type in section.types where index[type] == nil { index[type] = section } }
        return index
    }()

    static func section(for type: String) -> XSection? { index[type] }
    static func isKnown(_ type: String) -> Bool { index[type] != nil }

    /// Files read before the others: the owner's id and username are needed by the rest.
    static func readingOrder(_ type: String) -> Int {
        switch type {
        case "account": return 0
        case "profile": return 1
        default: return 2
        }
    }
}
