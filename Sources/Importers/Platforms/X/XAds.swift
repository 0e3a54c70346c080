import AccountModel
import Readers

/// `ad-impressions.js` and `ad-engagements.js`: `[{"ad": {"adsUserData": {"adImpressions":
/// {"impressions": […]}}}}]`. Each impression is an ad the owner was shown (`ad_view`), each
/// engagement one the owner acted on (`ad_click`); `text` is the advertiser's name. The
/// advertiser also becomes an `advertiser` inference (it picked the owner as an audience),
/// and a matched "Interests" criterion an `ad_interest`. Times are zone-less UTC (`naive_utc`).
enum XAds {
    static func impressions(_ r: JSONValue, _ at: Locator, _ state: XImportState) throws {
        let path = ["adsUserData", "adImpressions", "impressions"]
        try each(r, path, at, state) { impression, place in
            try record(.adView, impression, time: XValues.text(impression, "impressionTime"), extra: [], place, state)
        }
    }

    static func engagements(_ r: JSONValue, _ at: Locator, _ state: XImportState) throws {
        let path = ["adsUserData", "adEngagements", "engagements"]
        try each(r, path, at, state) { engagement, place in
            let impression = engagement["impressionAttributes"] ?? engagement
            let actions = engagement["engagementAttributes"]?.arrayValue ?? []
            let firstTime = actions.lazy.compactMap { XValues.text($0, "engagementTime") }.first
            let types = actions.compactMap { XValues.text($0, "engagementType") }
            try record(.adClick, impression, time: firstTime ?? XValues.text(impression, "impressionTime"),
                       extra: [("engagement_types", types.isEmpty ? nil : types.joined(separator: ","))],
                       place.appending("impressionAttributes"), state)
        }
    }

    private static func record(_ kind: ActivityKind, _ ad: JSONValue, time: String?, extra: [(String, String?)],
                               _ place: Locator, _ state: XImportState) throws {
        let advertiser = ad["advertiserInfo"]
        let name = advertiser.flatMap { XValues.text($0, "advertiserName") }
        let screenName = advertiser.flatMap { XValues.text($0, "screenName") }
        let tweet = ad["promotedTweetInfo"]
        let tweetID = tweet.flatMap { XValues.text($0, "tweetId") }
        let at = time.flatMap(XTime.parse)
        guard at != nil || name != nil || tweetID != nil else {
            return state.note(place.entry, "ads without a time, advertiser or post were not recorded")
        }
        try state.activity(kind, at: at, url: tweetID.map { XValues.statusURL(id: $0, username: nil) },
                           text: name ?? screenName.map(XValues.handle), detail: [
                               ("advertiser_screen_name", screenName.map(XValues.handle)), ("promoted_tweet_id", tweetID),
                               ("trend", ad["promotedTrendInfo"].flatMap { XValues.text($0, "name") }),
                               ("display_location", XValues.text(ad, "displayLocation")),
                           ] + extra, locator: place)
        if let label = name ?? screenName.map(XValues.handle) {
            try state.once(.advertiser, label, locator: place.appending("advertiserInfo"))
        }
        for (index, criterion) in (ad["matchedTargetingCriteria"]?.arrayValue ?? []).enumerated()
        where XValues.text(criterion, "targetingType") == "Interests" {
            if let interest = XValues.text(criterion, "targetingValue") {
                try state.once(.adInterest, interest, locator: place.appending("matchedTargetingCriteria").appending(index))
            }
        }
    }

    /// Calls `body` for each object of the list at `path`, with its locator.
    private static func each(_ r: JSONValue, _ path: [String], _ at: Locator, _ state: XImportState,
                             _ body: (JSONValue, Locator) throws -> Void) throws {
        guard let list = XValues.at(r, path)?.arrayValue else {
            return state.note(at.entry, "ad records without the expected \(path.joined(separator: " › ")) list were not read")
        }
        let base = path.reduce(at) { $0.appending($1) }
        for (index, element) in list.enumerated() where element.members != nil {
            try body(element, base.appending(index))
        }
    }
}
