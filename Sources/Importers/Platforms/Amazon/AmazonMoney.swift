import Foundation
import Readers

/// Money in Amazon's files: `999.99`, `1,219.49`, `€12,50`, `Not Available`. Values stay decimal
/// strings; products are computed with `Decimal`, never `Double`.
enum AmazonMoney {
    /// `¥` on Amazon is the yen (amazon.co.jp), not the yuan of Chinese platforms.
    static func parse(_ text: String?) -> Amount? {
        text.flatMap { Amounts.parse($0, yenSign: "JPY") }
    }

    /// `unit × quantity` as a decimal string with the unit's decimals (`12.00 × 2` → `24.00`);
    /// `nil` when either is not a number.
    static func multiply(_ unit: String, by quantity: String) -> String? {
        guard let a = decimal(unit), let b = decimal(quantity) else { return nil }
        return text(a * b, decimals: decimals(unit))
    }

    static func add(_ a: String, _ b: String) -> String? {
        guard let x = decimal(a), let y = decimal(b) else { return nil }
        return text(x + y, decimals: max(decimals(a), decimals(b)))
    }

    static func decimal(_ text: String) -> Decimal? {
        Decimal(string: text, locale: Locale(identifier: "en_US_POSIX"))
    }

    static func decimals(_ text: String) -> Int {
        text.firstIndex(of: ".").map { text.distance(from: $0, to: text.endIndex) - 1 } ?? 0
    }

    /// The value written with exactly `decimals` digits after the point, as prices are.
    static func text(_ value: Decimal, decimals: Int) -> String {
        var input = value, rounded = Decimal()
        NSDecimalRound(&rounded, &input, decimals, .bankers)
        var written = NSDecimalNumber(decimal: rounded).stringValue
        guard decimals > 0 else { return written }
        let present = written.firstIndex(of: ".").map { written.distance(from: $0, to: written.endIndex) - 1 }
        if present == nil { written += "." }
        written += String(repeating: "0", count: decimals - (present ?? 0))
        return written
    }

    /// A product page on the marketplace the order was placed on (`Amazon.it` → `www.amazon.it`),
    /// when the website column names one.
    static func productURL(website: String?, asin: String?) -> String? {
        guard let site = website?.lowercased(), let asin, site.hasPrefix("amazon."),
              site.allSatisfy({ $0.isLetter || $0 == "." }), asin.allSatisfy({ $0.isLetter || $0.isNumber }) else { return nil }
        return "https://www.\(site)/dp/\(asin)"
    }
}
