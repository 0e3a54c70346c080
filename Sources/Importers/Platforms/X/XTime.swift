import AccountModel
import Readers

/// X's three ways of writing a moment:
/// - tweets' `created_at`, Twitter API v1.1 style: `Wed Oct 10 20:19:24 +0000 2018` → `exact`;
/// - `createdAt` of accounts and messages, ISO-8601 with `Z`: `2022-01-27T15:58:52.744Z` → `exact`;
/// - ads' `impressionTime` / `engagementTime`: `2023-06-05 17:00:52`, no zone. X's README
///   documents archive times as UTC, so these are stored as `naive_utc`.
enum XTime {
    static func parse(_ text: String) -> RecordTime? {
        if let time = twitterDate(text) { return time }
        return TimeParsing.parse(text)
    }

    static let months: [String: Int] = [
        "Jan": 1, "Feb": 2, "Mar": 3, "Apr": 4, "May": 5, "Jun": 6,
        "Jul": 7, "Aug": 8, "Sep": 9, "Oct": 10, "Nov": 11, "Dec": 12,
    ]

    /// `EEE MMM dd HH:mm:ss Z yyyy`, normalized to UTC by its offset; `nil` for anything else.
    static func twitterDate(_ text: String) -> RecordTime? {
        let b = Array(text.utf8)
        guard b.count == 30, b[3] == 0x20, b[7] == 0x20, b[10] == 0x20, b[13] == 0x3A, b[16] == 0x3A,
              b[19] == 0x20, b[25] == 0x20, b[20] == UInt8(ascii: "+") || b[20] == UInt8(ascii: "-"),
              let month = months[String(decoding: b[4..<7], as: UTF8.self)],
              let day = number(b, 8, 2), let hour = number(b, 11, 2), let minute = number(b, 14, 2),
              let second = number(b, 17, 2), let offsetHours = number(b, 21, 2), let offsetMinutes = number(b, 23, 2),
              let year = number(b, 26, 4),
              (1...CivilCalendar.daysInMonth(year: year, month: month)).contains(day),
              hour < 24, minute < 60, second < 61, offsetHours < 24, offsetMinutes < 60 else { return nil }
        let sign: Int64 = b[20] == UInt8(ascii: "-") ? -1 : 1
        let offset = sign * Int64(offsetHours * 3600 + offsetMinutes * 60)
        let local = CivilCalendar.days(year: year, month: month, day: day) * 86_400
            + Int64(hour * 3600 + minute * 60 + min(second, 59))
        return Timestamp.utc(epochSeconds: local - offset).map { RecordTime(utc: $0, basis: .exact) }
    }

    private static func number(_ bytes: [UInt8], _ start: Int, _ count: Int) -> Int? {
        var value = 0
        for k in start..<(start + count) {
            let d = bytes[k] &- UInt8(ascii: "0")
            guard d < 10 else { return nil }
            value = value * 10 + Int(d)
        }
        return value
    }
}
