import AccountModel
import Foundation
import Readers

/// The time forms of Amazon's exports. Amazon writes month first (`11/20/2021`) on every
/// marketplace, Italian and German ones included; a first number above 12 is not a month, and
/// such a text is `nil` rather than a guess.
enum AmazonTimes {
    /// `2024-03-30T21:04:32Z` → exact; `11/11/2021 22:32:48 UTC` → exact; `05/01/2016 05:05` →
    /// naive_utc; `22-JAN-2018` → date_only; `2021-09-27` → date_only.
    static func parse(_ text: String?) -> RecordTime? {
        guard let text = text?.trimmingCharacters(in: .whitespaces), !text.isEmpty else { return nil }
        if let zoned = TimeParsing.iso8601(text) { return zoned }
        if let us = monthFirst(text) { return TimeParsing.naiveUTC(us) ?? TimeParsing.dateOnly(us) }
        if let day = dayMonthName(text) { return TimeParsing.dateOnly(day) }
        return TimeParsing.parse(text)
    }

    /// A column whose header says `(GMT)`: a zone-less time in it is known to be UTC.
    static func gmt(_ text: String?) -> RecordTime? {
        guard let time = parse(text) else { return nil }
        return time.basis == .naiveUTC ? RecordTime(utc: time.utc, basis: .exact) : time
    }

    /// `MM/DD/YYYY[ HH:MM[:SS]][ UTC]` → `YYYY-MM-DD[ HH:MM:SS][ UTC]`.
    static func monthFirst(_ text: String) -> String? {
        let pieces = text.split(separator: " ", omittingEmptySubsequences: true)
        guard let datePart = pieces.first else { return nil }
        let date = datePart.split(separator: "/")
        guard date.count == 3, let month = Int(date[0]), let day = Int(date[1]), let year = Int(date[2]),
              (1...12).contains(month), (1...31).contains(day), date[2].count == 4 else { return nil }
        var out = "\(year)-\(pad(month))-\(pad(day))"
        guard pieces.count > 1 else { return out }
        let clock = pieces[1].split(separator: ":")
        guard (2...3).contains(clock.count), let hour = Int(clock[0]), let minute = Int(clock[1]) else { return nil }
        let second = clock.count == 3 ? Int(clock[2].prefix(2)) : 0
        guard let second else { return nil }
        out += " \(pad(hour)):\(pad(minute)):\(pad(second))"
        if pieces.count == 3 {
            guard ["UTC", "GMT", "Z"].contains(pieces[2].uppercased()) else { return nil }
            out += " UTC"
        } else if pieces.count > 3 {
            return nil
        }
        return out
    }

    /// `22-JAN-2018` → `2018-01-22`.
    static func dayMonthName(_ text: String) -> String? {
        let parts = text.split(separator: "-")
        guard parts.count == 3, let day = Int(parts[0]), let year = Int(parts[2]), parts[2].count == 4,
              let month = months.firstIndex(of: parts[1].uppercased()) else { return nil }
        return "\(year)-\(pad(month + 1))-\(pad(day))"
    }

    static let months = ["JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"]

    private static func pad(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
}
