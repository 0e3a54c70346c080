import AccountModel
import Foundation
import Readers

/// One record of a TikTok export with the platform's key drift absorbed: fields are asked for
/// by folded name (`date` finds `Date`, `date` and `DATE`; `searchterm` finds `SearchTerm` and
/// the TXT export's `Search Term`), `null` and blank read as absent.
///
/// Lookups compare bytes without allocating, because a watch history asks a million times.
/// Name lists are `TikTokKeys` constants rather than variadic arguments for the same reason.
struct TikTokRecord {
    let value: JSONValue

    init(_ value: JSONValue) { self.value = value }

    /// The first member whose key folds to one of `names` and whose value is not `null`.
    func field(_ names: [String]) -> JSONValue? {
        guard case .object(let members) = value else { return nil }
        for name in names {
            for member in members where FoldedKey.matches(member.key, name) {
                if !member.value.isNull { return member.value }
            }
        }
        return nil
    }

    /// A string or number field, trimmed; blank reads as absent.
    func text(_ names: [String]) -> String? {
        guard let found = field(names) else { return nil }
        switch found {
        case .string(let s): return TikTokText.trimmedNonEmpty(s)
        case .number(let n): return n
        default: return nil
        }
    }

    /// A time field read by `TimeParsing.parse`: TikTok writes UTC without a zone (`naive_utc`),
    /// sometimes with a ` UTC` suffix (`exact`), and epoch numbers in live comments (`exact`).
    func time(_ names: [String]) -> RecordTime? {
        guard let found = field(names) else { return nil }
        return TimeParsing.parse(found)
    }
}

/// Folded names (see `JSONValue.foldKey`) of the fields importers look for, across generations
/// of the JSON export and the TXT export's `Key: value` lines.
enum TikTokKeys {
    static let date = ["date"]
    static let link = ["link", "videolink", "url"]
    static let title = ["title"]
    static let searchTerm = ["searchterm", "search"]
    static let method = ["method"]
    static let sharedContent = ["sharedcontent"]
    static let userName = ["username"]
    static let favoriteLink = ["link", "effectlink", "soundlink", "hashtaglink", "videolink"]
    static let collection = ["favoritecollection", "collectionname", "name"]
    static let comment = ["comment", "content", "commentcontent"]
    static let commentTarget = ["originalposturl", "originalpostlink", "videolink", "url"]
    static let from = ["from", "sender"]
    static let content = ["content"]
}

/// Key folding for lookups: the same result as `JSONValue.foldKey`, with an allocation-free
/// path for ASCII keys (all of TikTok's English keys).
enum FoldedKey {
    static func matches(_ key: String, _ folded: String) -> Bool {
        var keyBytes = key.utf8.makeIterator()
        var wanted = folded.utf8.makeIterator()
        while true {
            var next = keyBytes.next()
            while let b = next, b == 0x20 || b == 0x5F || b == 0x2D { next = keyBytes.next() }
            let expected = wanted.next()
            guard let byte = next else { return expected == nil }
            if byte >= 0x80 { return JSONValue.foldKey(key) == folded }
            guard let expected else { return false }
            let lower = byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte
            if lower != expected { return false }
        }
    }
}

enum TikTokText {
    /// `s` without surrounding whitespace, or `nil` when nothing is left. Avoids Foundation's
    /// trimming when there is nothing to trim, which is nearly always.
    static func trimmedNonEmpty(_ s: String) -> String? {
        let utf8 = s.utf8
        guard let first = utf8.first, let last = utf8.last else { return nil }
        if !isSpace(first) && !isSpace(last) { return s }
        let trimmed = s.trimmingCharacters(in: .whitespacesAndNewlines)
        return trimmed.isEmpty ? nil : trimmed
    }

    static func isPlaceholder(_ s: String) -> Bool {
        s == "N/A" || s == "None" || s == "null"
    }

    private static func isSpace(_ b: UInt8) -> Bool { b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D }
}
