import AccountModel
import Foundation
import Readers

/// Reading the values inside TikTok records: links, prices, durations, label lists.
enum TikTokValues {
    /// The video or photo id in a TikTok link (`…/video/7312345678901234567/`), as a string:
    /// ids exceed 2^53. `nil` when the link carries none (CDN image links, sounds).
    static func mediaID(inLink link: String) -> String? {
        for marker in ["/video/", "/photo/", "/v/"] {
            guard let range = link.range(of: marker) else { continue }
            let digits = link[range.upperBound...].prefix { $0.isASCII && $0.isNumber }
            if digits.count >= 6 { return String(digits) }
        }
        return nil
    }

    /// Photo-mode posts are exported with a link to an image (or a `/photo/` page) instead of
    /// a video page.
    static func isPhotoLink(_ link: String) -> Bool {
        let lower = link.lowercased()
        if lower.contains("/photo/") { return true }
        let path = lower.split(separator: "?", maxSplits: 1).first.map(String.init) ?? lower
        return [".jpg", ".jpeg", ".png", ".webp", ".heic", ".gif", ".image"].contains { path.hasSuffix($0) }
    }

    /// A price as TikTok writes it (`$0.99`, `USD 4.99`, `25.98`) through the shared
    /// `Amounts` parser. TikTok is not a Chinese platform: a `¥` there is the Japanese yen.
    static func money(_ text: String) -> Amount? {
        Amounts.parse(text, yenSign: "JPY")
    }

    /// Seconds from `95`, `95.5`, `"95"` or a clock text `01:35` / `00:01:35`.
    static func seconds(_ value: JSONValue) -> Double? {
        guard let text = value.stringValue.flatMap(TikTokText.trimmedNonEmpty) else { return nil }
        if let number = Double(text), number >= 0, number.isFinite { return number }
        let parts = text.split(separator: ":")
        guard (2...3).contains(parts.count) else { return nil }
        var total = 0.0
        for part in parts {
            guard let n = Int(part), n >= 0 else { return nil }
            total = total * 60 + Double(n)
        }
        return total
    }

    /// Labels from a list field: an array of strings, or one string joined with `|` or `,`.
    static func labels(_ value: JSONValue) -> [String] {
        switch value {
        case .array(let elements):
            return elements.compactMap { $0.stringValue.flatMap(TikTokText.trimmedNonEmpty) }
        case .string(let text):
            let separator: Character = text.contains("|") ? "|" : ","
            return text.split(separator: separator).compactMap { TikTokText.trimmedNonEmpty(String($0)) }
        default:
            return []
        }
    }

    /// `bioDescription` → `bio_description`, `Profile Photo` → `profile_photo`.
    static func snakeCase(_ key: String) -> String {
        var out = ""
        var previousWasLower = false
        for scalar in key.unicodeScalars {
            if scalar == " " || scalar == "-" || scalar == "_" {
                if !out.isEmpty && !out.hasSuffix("_") { out.append("_") }
                previousWasLower = false
                continue
            }
            let isUpper = scalar.properties.isUppercase
            if isUpper && previousWasLower { out.append("_") }
            out.append(contentsOf: String(scalar).lowercased())
            previousWasLower = !isUpper
        }
        return out
    }
}
