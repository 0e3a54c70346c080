import AccountModel
import Foundation
import Readers

/// Cart, search, Prime Video, Audible and review-vote rows → activities.
enum AmazonActivities {
    /// `Retail.CartItems.N.csv`: the cart file names the product only by ASIN.
    static func cartAdd(_ r: CSVRecord, _ c: AmazonContext) throws {
        guard let asin = r.text("ASIN") else { return c.dropped.drop(r.entry, "no product") }
        try c.sink.add(Activity(
            platform: .amazon, kind: .cartAdd, occurredAt: AmazonTimes.parse(r.text("DateAddedToCart")), text: asin,
            detail: .details([("asin", asin), ("quantity", r.text("Quantity")), ("cart_list", r.text("CartList")),
                              ("source", r.text("Source"))]),
            locator: r.locator))
    }

    /// `Search-Data.Customer-Engagement.csv`: a keyword search → `search` (`Keywords`, or the
    /// `keywords=` of the query string); a row of search type `br` is the owner walking the
    /// category tree, with no terms → `browse`, the department as text.
    static func search(_ r: CSVRecord, _ c: AmazonContext) throws {
        let time = AmazonTimes.gmt(r.text("First Search Time (GMT)"))
        let department = r.text("Department", "All Department (APS) or Category")
        if let query = r.text("Keywords") ?? keywords(inQuery: r.text("First Search Query String")) {
            return try c.sink.add(Activity(platform: .amazon, kind: .search, occurredAt: time, text: query,
                                           detail: .details([("department", department)]), locator: r.locator))
        }
        guard r.text("Search Type (Keyword,Visual,Browse)")?.lowercased() == "br" else {
            return c.dropped.drop(r.entry, "no search terms")
        }
        try c.sink.add(Activity(platform: .amazon, kind: .browse, occurredAt: time, text: department,
                                detail: .details([("browse_node", r.text("First Browse Node"))]), locator: r.locator))
    }

    static func keywords(inQuery query: String?) -> String? {
        guard let query else { return nil }
        for pair in query.split(separator: "&") where pair.hasPrefix("keywords=") {
            let value = pair.dropFirst("keywords=".count).replacingOccurrences(of: "+", with: " ")
            let decoded = value.removingPercentEncoding ?? value
            return decoded.isEmpty ? nil : decoded
        }
        return nil
    }

    /// `Digital.PrimeVideo.Viewinghistory.csv`: `Playback Hour` is the hour a title played in.
    static func primeVideoWatch(_ r: CSVRecord, _ c: AmazonContext) throws {
        guard let title = r.text("Title") else { return c.dropped.drop(r.entry, "no title") }
        try c.sink.add(Activity(
            platform: .amazon, kind: .watch, occurredAt: AmazonTimes.parse(r.text("Playback Hour")), text: title,
            detail: .details([("service", "prime_video"), ("device", r.text("Operating System")),
                              ("video_type", r.text("Video Type"))]),
            locator: r.locator))
    }

    static func watchlist(_ r: CSVRecord, _ c: AmazonContext) throws {
        guard let title = r.text("catalogTitle") else { return c.dropped.drop(r.entry, "no title") }
        try c.sink.add(Activity(
            platform: .amazon, kind: .favorite, occurredAt: AmazonTimes.parse(r.text("itemAddedDate")), text: title,
            detail: .details([("list", "Prime Video watchlist")]), locator: r.locator))
    }

    /// `Audible.Listening.csv`: one listening session; `EventDuration` is in milliseconds.
    static func audibleListening(_ r: CSVRecord, _ c: AmazonContext) throws {
        guard let title = r.text("Title") else { return c.dropped.drop(r.entry, "no title") }
        let seconds = r.text("EventDuration").flatMap(Double.init).map { $0 / 1000 }
        try c.sink.add(Activity(
            platform: .amazon, kind: .watch, occurredAt: AmazonTimes.parse(r.text("StartDate")), text: title,
            durationSeconds: seconds,
            detail: .details([("service", "audible"), ("medium", "audiobook"), ("asin", r.text("Asin", "ASIN"))]),
            locator: r.locator))
    }

    /// `Retail.LightWeightInteractions/…/LightWeightInteractions.csv`: "was this review helpful?"
    /// answers (`1` yes, `-1` no) on other people's reviews.
    static func helpfulVote(_ r: CSVRecord, _ c: AmazonContext) throws {
        guard r.text("InteractionType")?.lowercased() == "helpful" else {
            return c.dropped.drop(r.entry, "interaction type not mapped")
        }
        let value = r.text("InteractionValue")
        let direction = value == "1" ? "up" : value == "-1" ? "down" : value
        try c.sink.add(Activity(
            platform: .amazon, kind: .vote, occurredAt: AmazonTimes.parse(r.text("InteractionTime", "CreationTime")),
            url: r.text("InteractableURL"), text: direction,
            detail: .details([("target", "review"), ("question", "helpful")]), locator: r.locator))
    }
}
