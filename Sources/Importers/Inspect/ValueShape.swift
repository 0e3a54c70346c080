import AccountModel
import Foundation
import Readers

/// What a value looks like, named without the value: `datetime`, `url`, `amount` … These
/// labels are all `pda inspect` says about content, so its output can be pasted into a public
/// bug report and still tell a mapping writer which time format and fields to use.
public enum ValueShape {
    private static let utc = TimeZone(secondsFromGMT: 0) ?? .current

    public static func of(_ text: String) -> String {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        if trimmed.isEmpty { return "empty" }
        let lower = trimmed.lowercased()
        if lower.hasPrefix("http://") || lower.hasPrefix("https://") { return "url" }
        if ["true", "false", "是", "否", "yes", "no"].contains(lower) { return "bool" }
        if isInteger(trimmed) {
            return (9...14).contains(trimmed.count) && !trimmed.hasPrefix("-") && TimeParsing.epoch(trimmed) != nil ? "integer_or_epoch" : "integer"
        }
        if Double(trimmed) != nil, trimmed.allSatisfy({ $0.isASCII && ($0.isNumber || ".-+eE".contains($0)) }) { return "decimal" }
        // Dates and amounts are short; long texts skip the parsers (a watch history has millions).
        guard trimmed.utf8.count <= 48 else { return trimmed.contains("\n") ? "multiline_text" : "text" }
        if let time = LocalTimes.parse(trimmed, zone: utc) {
            switch time.basis {
            case .exact: return "datetime_with_zone"
            case .dateOnly: return "date"
            default: return "datetime"
            }
        }
        if Amounts.parse(trimmed) != nil { return "amount" }
        if trimmed.contains("@"), trimmed.contains("."), !trimmed.contains(" ") { return "email_like" }
        return trimmed.contains("\n") ? "multiline_text" : "text"
    }

    static func isInteger(_ text: String) -> Bool {
        let digits = text.hasPrefix("-") ? text.dropFirst() : Substring(text)
        return !digits.isEmpty && digits.allSatisfy { $0.isASCII && $0.isNumber }
    }
}

/// Names that come from the export (JSON keys, CSV headers, sheet and file names) are printed
/// only when they look like labels a program wrote, not data a person typed.
public enum SafeName {
    /// The label itself, or `nil` when it looks like data: long, digits, an address, a date.
    public static func label(_ name: String) -> String? {
        let trimmed = name.trimmingCharacters(in: .whitespacesAndNewlines.union(CharacterSet(charactersIn: "\u{FEFF}")))
        guard !trimmed.isEmpty, trimmed.count <= 40,
              !trimmed.contains("@"), !trimmed.contains("://"),
              !trimmed.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F }),
              longestDigitRun(trimmed) < 4,
              ValueShape.of(trimmed) == "text" || ValueShape.of(trimmed) == "bool" else { return nil }
        return trimmed
    }

    /// A file path with digit runs (dates, ids, phone numbers) masked and any component that
    /// holds an address replaced; the extension is kept.
    public static func path(_ path: String) -> String {
        path.split(separator: "/", omittingEmptySubsequences: false).map { component -> String in
            if component.contains("@") { return "<name>" }
            var out = "", run = 0
            for char in component {
                if char.isASCII && char.isNumber {
                    run += 1
                    if run == 1 { out.append("#") }
                } else {
                    run = 0
                    out.append(char)
                }
            }
            return out
        }.joined(separator: "/")
    }

    static func longestDigitRun(_ text: String) -> Int {
        var best = 0, run = 0
        for char in text {
            if char.isNumber { run += 1; best = max(best, run) } else { run = 0 }
        }
        return best
    }
}

/// Counts of labels (`string: 12`), kept in first-seen order for stable output.
struct LabelTally: Equatable {
    private(set) var order: [String] = []
    private(set) var counts: [String: Int] = [:]

    mutating func add(_ label: String, _ n: Int = 1) {
        if counts[label] == nil { order.append(label) }
        counts[label, default: 0] += n
    }

    mutating func merge(_ other: LabelTally) { for label in other.order { add(label, other.counts[label] ?? 0) } }

    var total: Int { counts.values.reduce(0, +) }
    var isEmpty: Bool { order.isEmpty }

    var json: JSONValue { .object(order.map { .init($0, .int(counts[$0] ?? 0)) }) }
    var text: String { order.map { "\($0) \(counts[$0] ?? 0)" }.joined(separator: ", ") }
}
