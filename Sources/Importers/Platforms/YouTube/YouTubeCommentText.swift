import AccountModel
import Foundation
import Readers

/// The text of a comment or chat message as Takeout writes it in CSV: JSON segments, one per run
/// of text, link or mention. Two layouts exist:
/// - until June 2024: `{"takeoutSegments":[{"text":"a "},{"text":"link","link":{…}}]}`
/// - since: the segments alone, comma-separated, not wrapped in an array:
///   `{"text":"a "},{"text":"\n"},{"text":"b"}`
/// The text is the segments' `text` joined. Some exports hold plain text; that is kept as written.
enum YouTubeCommentText {
    static func decode(_ cell: String) -> String {
        let trimmed = cell.trimmingCharacters(in: .whitespacesAndNewlines)
        guard trimmed.hasPrefix("{"),
              let parsed = try? JSONParser.parse(escapingControlCharacters("[" + trimmed + "]")),
              let array = parsed.arrayValue else { return trimmed }
        let segments = array.count == 1 ? (array[0]["takeoutSegments"]?.arrayValue ?? array) : array
        return segments.compactMap { $0["text"]?.stringValue }.joined()
    }

    /// CSV round trips leave raw line breaks inside the JSON strings, which JSON forbids: escape
    /// control characters that stand inside a string.
    static func escapingControlCharacters(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        var inString = false, escaped = false
        for scalar in text.unicodeScalars {
            if inString && scalar.value < 0x20 {
                switch scalar {
                case "\n": out.append(contentsOf: "\\n".unicodeScalars)
                case "\r": out.append(contentsOf: "\\r".unicodeScalars)
                case "\t": out.append(contentsOf: "\\t".unicodeScalars)
                default: out.append(contentsOf: String(format: "\\u%04x", scalar.value).unicodeScalars)
                }
                escaped = false
                continue
            }
            out.append(scalar)
            if escaped { escaped = false }
            else if scalar == "\\" && inString { escaped = true }
            else if scalar == "\"" { inString.toggle() }
        }
        return String(out)
    }
}
