import AccountModel
import Readers

/// Turns one CSV row into account records.
typealias AmazonBuild = @Sendable (CSVRecord, AmazonContext) throws -> Void
/// Turns one value of a titled list file (`Advertising.*.csv`) into a record.
typealias AmazonListBuild = @Sendable (String, Int, ExportEntry, AmazonContext) throws -> Void

enum AmazonReader: Sendable {
    /// A CSV whose first row is its header: one row → one record.
    case rows(AmazonBuild)
    /// A title line, then one quoted value per line.
    case list(AmazonListBuild)
    /// A whole (small) document read by its own code.
    case document(@Sendable (ExportEntry, ExportReader, AmazonContext) throws -> Void)
}

final class AmazonContext {
    let sink: RecordSink
    let dropped = DroppedRows()
    init(sink: RecordSink) { self.sink = sink }
}

/// The declarative table: file name (lowercased, without the `.1`, `.2` … part numbers Amazon
/// adds) → reader. Everything else is reported as skipped with the reason below.
enum AmazonFiles {
    static let readers: [String: AmazonReader] = [
        "retail.orderhistory.csv": .rows(AmazonOrders.orderLine),
        "order history.csv": .rows(AmazonOrders.orderLine),
        "digital items.csv": .rows(AmazonOrders.digitalItem),
        "audible.membershipbillings.csv": .rows(AmazonOrders.audibleBilling),
        "retail.cartitems.csv": .rows(AmazonActivities.cartAdd),
        "search-data.customer-engagement.csv": .rows(AmazonActivities.search),
        "digital.primevideo.viewinghistory.csv": .rows(AmazonActivities.primeVideoWatch),
        "digital.primevideo.watchlist.csv": .rows(AmazonActivities.watchlist),
        "audible.listening.csv": .rows(AmazonActivities.audibleListening),
        "lightweightinteractions.csv": .rows(AmazonActivities.helpfulVote),
        "retail.seller-feedback.csv": .rows(AmazonReviews.sellerFeedback),
        "advertising.advertiseraudiences.csv": .list(AmazonLists.inference(.advertiser)),
        "advertising.amazonaudiences.csv": .list(AmazonLists.inference(.adInterest)),
        "advertising.3paudiences.csv": .list(AmazonLists.inference(.adInterest)),
        "advertising.advertiserclicks.csv": .list(AmazonLists.adClick),
        "amazon.lists.wishlist.json": .document(AmazonLists.wishlist),
    ]

    static let unmapped: [String: String] = [
        "digital orders.csv": "order headers (addresses, payment); the items are read from Digital Items.csv",
        "digital orders monetary.csv": "price components of the lines in Digital Items.csv, which are read; not counted twice",
        "digital.primevideo.watchlisthistory.csv": "the history of the watchlist; the watchlist itself is read",
        "digital.primevideo.viewcounts.csv": "totals, not events",
        "advertising.optout.csv": "an advertising setting, not activity",
        "audible.library.csv": "the library's contents; Audible purchases are read from the membership billings",
        "retail.regionauthority.csv": "delivery locations; no record kind for them",
        "subscriptions.csv": "subscription states; charges are read from the order and billing files",
    ]

    static func reader(for entry: ExportEntry) -> AmazonReader? {
        let base = baseName(entry)
        if let reader = readers[base] { return reader }
        if AmazonReviews.isReviewFile(entry) { return .rows(AmazonReviews.review) }
        return nil
    }

    static func skipReason(for entry: ExportEntry) -> String {
        unmapped[baseName(entry)] ?? "not mapped: no record kind for this file"
    }

    /// `Retail.OrderHistory.2.csv` → `retail.orderhistory.csv`; `Amazon.Lists.Wishlist.json`
    /// stays as it is (lowercased).
    static func baseName(_ entry: ExportEntry) -> String {
        let lower = entry.name.lowercased()
        guard let dot = lower.lastIndex(of: ".") else { return lower }
        var parts = lower[..<dot].split(separator: ".", omittingEmptySubsequences: false)
        while parts.count > 1, let last = parts.last, !last.isEmpty, last.allSatisfy(\.isNumber) { parts.removeLast() }
        return parts.joined(separator: ".") + lower[dot...]
    }
}
