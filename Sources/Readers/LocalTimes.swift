import AccountModel
import Foundation

/// Wall-clock times as Chinese platforms write them — `2024-03-05 14:03:11`, `2024/3/5 14:03`,
/// `2024年3月5日 14:03`, `2024.03.05`, `2024年3月5日 下午2:03` — read in the zone the platform
/// lives in (Asia/Shanghai unless a mapping says otherwise) and stored as UTC with basis
/// `naive_local`. A text that carries its own zone (`Z`, `+08:00`) is `exact`; a date alone is
/// `date_only` (midnight UTC of that date, like `TimeParsing.dateOnly`). Anything else is `nil`:
/// a wrong time is worse than none.
public enum LocalTimes {
    /// Douyin, Xiaohongshu, Taobao and Weibo all write Beijing time.
    public static let chinaZoneIdentifier = "Asia/Shanghai"
    public static var chinaZone: TimeZone { TimeZone(identifier: chinaZoneIdentifier) ?? TimeZone(secondsFromGMT: 8 * 3600) ?? .current }

    public static func parse(_ text: String, zone: TimeZone) -> RecordTime? {
        if let zoned = TimeParsing.iso8601(text) { return zoned }
        guard let written = WallClock.parse(text) else { return nil }
        let days = CivilCalendar.days(year: written.year, month: written.month, day: written.day)
        guard let time = written.time else { return TimeParsing.dateOnly(days: days) }
        let wall = days * 86_400 + Int64(time.hour * 3600 + time.minute * 60 + time.second)
        return Timestamp.utc(epochSeconds: utcSeconds(wallClock: wall, zone: zone)).map { RecordTime(utc: $0, basis: .naiveLocal) }
    }

    /// The UTC instant of a wall-clock time in `zone`. The offset is looked up at the instant
    /// itself, not at the wall-clock value read as UTC, so times near a DST switch come out
    /// right; a time in a spring-forward gap is read with the offset in force before the gap,
    /// and an ambiguous autumn hour as its first occurrence.
    package static func utcSeconds(wallClock: Int64, zone: TimeZone) -> Int64 {
        func offset(at seconds: Int64) -> Int64 { Int64(zone.secondsFromGMT(for: Date(timeIntervalSince1970: TimeInterval(seconds)))) }
        let before = offset(at: wallClock - 86_400), after = offset(at: wallClock + 86_400)
        // Try both offsets around the moment: the one that maps back to the same wall clock wins.
        let candidates = before == after ? [before] : [max(before, after), min(before, after)]
        for candidate in candidates where offset(at: wallClock - candidate) == candidate {
            return wallClock - candidate
        }
        return wallClock - before
    }
}

/// A date with an optional time of day, parsed from the forms above.
package struct WallClock: Equatable {
    package var year: Int, month: Int, day: Int
    package var time: (hour: Int, minute: Int, second: Int)?

    package static func == (a: WallClock, b: WallClock) -> Bool {
        a.year == b.year && a.month == b.month && a.day == b.day && a.time?.hour == b.time?.hour
            && a.time?.minute == b.time?.minute && a.time?.second == b.time?.second
    }

    package static func parse(_ text: String) -> WallClock? {
        var scanner = DigitScanner(text.trimmingCharacters(in: .whitespacesAndNewlines))
        guard let year = scanner.number(maxDigits: 4), year >= 1000,
              scanner.skip(["-", "/", ".", "年"]),
              let month = scanner.number(maxDigits: 2), (1...12).contains(month),
              scanner.skip(["-", "/", ".", "月"]),
              let day = scanner.number(maxDigits: 2), day >= 1, day <= CivilCalendar.daysInMonth(year: year, month: month) else { return nil }
        _ = scanner.skip(["日", "号"])
        var clock = WallClock(year: year, month: month, day: day)
        scanner.skipSpaces()
        if scanner.atEnd { return clock }
        _ = scanner.skip(["T", "t"])
        scanner.skipSpaces()
        // 上午 = a.m., 下午/晚上 = p.m.; both may stand before the time.
        var meridiem = scanner.meridiem()
        scanner.skipSpaces()
        guard var hour = scanner.number(maxDigits: 2), scanner.skip([":", "时", "点"]),
              let minute = scanner.number(maxDigits: 2), minute < 60 else { return nil }
        _ = scanner.skip(["分"])
        var second = 0
        if scanner.skip([":"]) || scanner.peekDigit {
            guard let s = scanner.number(maxDigits: 2), s < 60 else { return nil }
            second = s
            _ = scanner.skip(["秒"])
            // Fractions of a second are dropped: stored times have one-second precision.
            if scanner.skip([".", ","]) { guard scanner.number(maxDigits: 9) != nil else { return nil } }
        }
        scanner.skipSpaces()
        if meridiem == nil { meridiem = scanner.meridiem() }
        scanner.skipSpaces()
        guard scanner.atEnd else { return nil }
        if let pm = meridiem {
            guard (1...12).contains(hour) else { return nil }
            hour = hour % 12 + (pm ? 12 : 0)
        }
        guard hour < 24 else { return nil }
        clock.time = (hour, minute, second)
        return clock
    }
}

/// A cursor over a string's characters for the date parser above.
package struct DigitScanner {
    private let chars: [Character]
    private var index = 0

    package init(_ text: String) { chars = Array(text) }

    package var atEnd: Bool { index == chars.count }
    package var peekDigit: Bool { index < chars.count && chars[index].isASCII && chars[index].isNumber }

    package mutating func number(maxDigits: Int) -> Int? {
        var value = 0, count = 0
        while index < chars.count, count < maxDigits, chars[index].isASCII, let digit = chars[index].wholeNumberValue {
            value = value * 10 + digit
            count += 1
            index += 1
        }
        return count > 0 ? value : nil
    }

    package mutating func skip(_ options: Set<Character>) -> Bool {
        guard index < chars.count, options.contains(chars[index]) else { return false }
        index += 1
        return true
    }

    package mutating func skipSpaces() {
        while index < chars.count, chars[index].isWhitespace { index += 1 }
    }

    /// `true` for p.m. (下午, 晚上, PM), `false` for a.m. (上午, 凌晨, 早上, AM), `nil` when absent.
    package mutating func meridiem() -> Bool? {
        let words: [(String, Bool)] = [("下午", true), ("晚上", true), ("上午", false), ("凌晨", false), ("早上", false),
                                       ("PM", true), ("pm", true), ("AM", false), ("am", false)]
        for (word, pm) in words {
            let wordChars = Array(word)
            if index + wordChars.count <= chars.count, Array(chars[index..<index + wordChars.count]) == wordChars {
                index += wordChars.count
                return pm
            }
        }
        return nil
    }
}
