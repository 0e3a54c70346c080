import AccountModel
import Readers

/// Amazon's data request exports: the legacy "Request My Data" zip (folders such as
/// `Retail.OrderHistory.1/Retail.OrderHistory.1.csv`, `Digital.PrimeVideo.Viewinghistory/…`,
/// `Advertising.1/…`, most files starting with a BOM) and the 2024+ "Request Your Data" zips
/// (`Your Amazon Orders/Order History.csv` with an alphabetical header and ISO times). Files are
/// matched by name (`AmazonFiles`); cells reading `Not Available`/`Not Applicable`/`N/A` are empty.
///
/// Times (see `AmazonTimes`): `11/11/2021 22:32:48 UTC` and `2024-03-30T21:04:32Z` are `exact`;
/// zone-less `MM/DD/YYYY HH:MM` (Prime Video playback hours, watchlist, seller feedback) is read as
/// UTC (`naive_utc`), the zone every zoned Amazon time in the export uses; `22-JAN-2018` (Audible)
/// is `date_only`. Search times come from a column named `(GMT)` and are `exact`.
///
/// Record choices: each order line is one `purchase` whose amount is that line's own total (never
/// the shipment subtotal Amazon repeats on every line of a shipment); cancelled lines are not
/// purchases. Prime Video playback is `watch`; Audible listening is `watch` too (the vocabulary's
/// word for consuming media; `detail.medium = audiobook`), with its measured duration. Wish lists
/// and the Prime Video watchlist are `favorite` (saved for later, like a saved post). "Helpful"
/// votes on reviews are `vote`. Written reviews and seller feedback are `review` items.
public struct AmazonImporter: Importer {
    public let name = "amazon"
    public let platform = Platform.amazon
    public let version = "1"

    public init() {}

    public func recognize(_ export: ExportReader) -> Recognition {
        AmazonRecognizer.recognize(export)
    }

    public func run(_ export: ExportReader, format: String, into sink: RecordSink) throws {
        let distinct = DistinctRows(sink)
        let context = AmazonContext(sink: distinct)
        for entry in export.entries {
            guard let reader = AmazonFiles.reader(for: entry) else {
                sink.skipped(section: entry.path, reason: AmazonFiles.skipReason(for: entry))
                continue
            }
            var rows = 0
            switch reader {
            case .rows(let build):
                try export.forEachCSVRecord(entry, placeholders: CSVPlaceholders.amazon) { record in
                    rows += 1
                    distinct.source = record.row.fields
                    try build(record, context)
                }
                distinct.source = nil
            case .list(let build):
                try AmazonLists.forEachValue(entry, export: export) { value, line in rows += 1; try build(value, line, entry, context) }
            case .document(let read):
                try read(entry, export, context)
                rows = 1
            }
            if rows == 0 { sink.skipped(section: entry.path, reason: "no rows: the file holds only its header or title") }
        }
        context.dropped.report(to: sink)
    }
}

public enum AmazonFormat {
    public static let legacy = "amazon-request-my-data-legacy"
    public static let current = "amazon-request-your-data-2024"
}

/// Cheap recognition: how many of Amazon's folder and file names the export holds.
enum AmazonRecognizer {
    static let markers = ["retail.", "digital.", "digital-ordering", "audible.", "advertising.", "search-data",
                          "amazon.lists", "amazongames", "your amazon orders", "your orders"]

    static func recognize(_ export: ExportReader) -> Recognition {
        var found = Set<String>()
        var current = false
        for entry in export.entries {
            let lower = entry.lowercasedPath
            for component in lower.split(separator: "/") {
                if let marker = markers.first(where: { component.hasPrefix($0) }) { found.insert(marker) }
            }
            if AmazonFiles.baseName(entry) == "order history.csv" {
                found.insert("order history")
                current = true
            }
            if lower.hasPrefix("your amazon orders/") || lower.contains("/your amazon orders/") { current = true }
        }
        let confidence: Double
        switch found.count {
        case 0: return .no
        case 1: confidence = 0.6
        case 2: confidence = 0.8
        default: confidence = 0.95
        }
        return Recognition(confidence: confidence, format: current ? AmazonFormat.current : AmazonFormat.legacy)
    }
}
