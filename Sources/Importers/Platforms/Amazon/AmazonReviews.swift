import AccountModel
import Readers

/// Reviews the owner wrote. Amazon's review files have appeared under several names
/// (`Retail.Reviews…`, `Community-Reviews…`, `…CustomerReviews…`), so any CSV whose path says
/// "review" and that has a review-text column is read as reviews; the columns are looked up
/// among the names below. Seller feedback (`Retail.Seller-Feedback.csv`) is a review too: text the
/// owner wrote about a seller, with a rating.
enum AmazonReviews {
    static let textColumns = ["Review Text", "ReviewText", "Review Body", "Body", "Content", "Review Content", "Text", "Review"]

    static func isReviewFile(_ entry: ExportEntry) -> Bool {
        entry.lowercasedPath.contains("review") && entry.name.lowercased().hasSuffix(".csv")
    }

    static func review(_ r: CSVRecord, _ c: AmazonContext) throws {
        guard let text = r.text(anyOf: textColumns) else { return c.dropped.drop(r.entry, "no review text") }
        try c.sink.add(Item(
            platform: .amazon, kind: .review, nativeID: r.text("Review ID", "ReviewId", "Review Id"),
            url: r.text("Review URL", "ReviewURL", "URL"),
            createdAt: AmazonTimes.parse(r.text("Creation Date", "Review Date", "Submission Date", "CreationTime", "ReviewDate", "Date")),
            title: r.text("Review Title", "Title", "Headline"), text: text,
            counterpart: r.text("ASIN", "Product Name"), raw: r.raw, locator: r.locator))
    }

    /// `FeedbackDate` (`05/01/2016 05:05`) carries no zone: `naive_utc`. The counterpart is the
    /// order, which names the seller the feedback was addressed to.
    static func sellerFeedback(_ r: CSVRecord, _ c: AmazonContext) throws {
        guard let text = r.text("FeedbackText") else { return c.dropped.drop(r.entry, "no feedback text") }
        try c.sink.add(Item(
            platform: .amazon, kind: .review, createdAt: AmazonTimes.parse(r.text("FeedbackDate")),
            text: text, counterpart: r.text("OrderId"), raw: r.raw, locator: r.locator))
    }
}
