import AccountModel
import Foundation
import Readers

/// Files that are lists rather than tables: `Advertising.*.csv` (a title line, a blank line, then
/// one quoted name per line) and `Amazon.Lists.Wishlist.json`.
enum AmazonLists {
    /// Calls `body` with each value after the title line and the line it is on.
    static func forEachValue(_ entry: ExportEntry, export: ExportReader, _ body: (String, Int) throws -> Void) throws {
        var sawTitle = false
        try export.forEachCSVRow(entry) { row in
            let value = row.fields.first?.trimmingCharacters(in: .whitespaces) ?? ""
            if value.isEmpty { return true }
            if !sawTitle {
                sawTitle = true
                return true
            }
            try body(value, row.line)
            return true
        }
    }

    /// `AdvertiserAudiences` → `advertiser`; `AmazonAudiences`, `3PAudiences` → `ad_interest`.
    static func inference(_ kind: InferenceKind) -> AmazonListBuild {
        { value, line, entry, c in
            try c.sink.add(Inference(platform: .amazon, kind: kind, label: value,
                                     locator: Locator(entry: entry.path, line: line)))
        }
    }

    /// `Advertising.AdvertiserClicks.csv`: advertisers whose ads the owner clicked (no times).
    static func adClick(_ value: String, _ line: Int, _ entry: ExportEntry, _ c: AmazonContext) throws {
        try c.sink.add(Activity(platform: .amazon, kind: .adClick, text: value,
                                detail: .details([("advertiser", value)]), locator: Locator(entry: entry.path, line: line)))
    }

    /// `[{"<list> [List]": [{…}, …]}, {"<list> [Item 1]": [{"asin": …}, {"quantity": …}, …]}, …]`:
    /// each item becomes a `favorite` (saved for later). The export gives no time an item was
    /// added (`revealDate` is a gift-surprise setting), so these activities have none.
    static func wishlist(_ entry: ExportEntry, _ export: ExportReader, _ c: AmazonContext) throws {
        guard let records = try export.json(entry).arrayValue else {
            throw export.malformed(entry, "the wish list is not a JSON array")
        }
        for (index, record) in records.enumerated() {
            for member in record.members ?? [] where member.key.contains("[Item") {
                let fields = JSONValue.object((member.value.arrayValue ?? []).flatMap { $0.members ?? [] })
                let list = member.key.components(separatedBy: " [").first
                guard let asin = fields.text("asin") else {
                    c.dropped.drop(entry, "wish list entry without a product")
                    continue
                }
                try c.sink.add(Activity(
                    platform: .amazon, kind: .favorite, text: asin,
                    detail: .details([("list", list), ("asin", asin), ("quantity", fields.text("quantity")),
                                      ("deleted", fields.text("deleted"))]),
                    locator: Locator(entry: entry.path).appending(index).appending(member.key)))
            }
        }
    }
}
