import AccountModel

/// Reads the timestamps platforms write into `RecordTime` (UTC, `YYYY-MM-DDTHH:MM:SSZ`) with the
/// basis it was known by. Hand-written byte parsing: a watch history calls this a million times
/// per import, and `DateFormatter` costs microseconds per call. Anything it cannot read for
/// certain is `nil`: a wrong time is worse than a missing one.
///
/// Fractions of a second are dropped (truncated): stored times have one-second precision.
public enum TimeParsing {
    /// Any of the forms below, for platforms that write UTC without a zone (TikTok):
    /// a date-time with a zone or `UTC`/`Z` suffix → `exact`; a zone-less date-time →
    /// `naive_utc`; epoch seconds or milliseconds → `exact`; a bare date → `date_only`.
    public static func parse(_ text: String) -> RecordTime? {
        withBytes(text) { bytes in
            if let moment = DateTimeText.parse(bytes) { return moment.recordTime(naive: .naiveUTC) }
            if let seconds = EpochText.seconds(bytes) { return exact(epochSeconds: seconds) }
            if let days = DateTimeText.parseDateOnly(bytes) { return dateOnly(days: days) }
            return nil
        }
    }

    /// A JSON string or number: numbers are epoch seconds or milliseconds.
    public static func parse(_ value: JSONValue) -> RecordTime? {
        switch value {
        case .string(let text): return parse(text)
        case .number(let text): return epoch(text)
        default: return nil
        }
    }

    /// `YYYY-MM-DD HH:MM:SS` (or with `T`) as UTC: `naive_utc`, or `exact` when the text carries
    /// `Z`, ` UTC` or an offset. A bare date is not a date-time: `nil`.
    public static func naiveUTC(_ text: String) -> RecordTime? {
        withBytes(text) { DateTimeText.parse($0)?.recordTime(naive: .naiveUTC) }
    }

    /// ISO-8601 with `Z` or an offset (`+08:00`, `+0800`, `+08`), normalized to UTC: `exact`.
    /// Without a zone the moment is unknown: `nil`.
    public static func iso8601(_ text: String) -> RecordTime? {
        withBytes(text) { bytes in
            guard let moment = DateTimeText.parse(bytes), moment.hasZone else { return nil }
            return moment.recordTime(naive: .exact)
        }
    }

    /// Unix epoch as text: 9 to 11 integer digits are seconds (an optional fraction is dropped),
    /// 12 to 14 digits are milliseconds. Shorter numbers (a year, a count), negatives and
    /// anything else: `nil`.
    public static func epoch(_ text: String) -> RecordTime? {
        withBytes(text) { EpochText.seconds($0).flatMap(exact(epochSeconds:)) }
    }

    public static func epoch(seconds: Int64) -> RecordTime? {
        seconds > 0 ? exact(epochSeconds: seconds) : nil
    }

    public static func epoch(milliseconds: Int64) -> RecordTime? {
        milliseconds > 0 ? exact(epochSeconds: milliseconds / 1000) : nil
    }

    /// `YYYY-MM-DD` → midnight UTC of that day with basis `date_only`.
    public static func dateOnly(_ text: String) -> RecordTime? {
        withBytes(text) { DateTimeText.parseDateOnly($0).flatMap(dateOnly(days:)) }
    }

    // MARK: - Building results

    package static func exact(epochSeconds: Int64) -> RecordTime? {
        Timestamp.utc(epochSeconds: epochSeconds).map { RecordTime(utc: $0, basis: .exact) }
    }

    package static func dateOnly(days: Int64) -> RecordTime? {
        Timestamp.utc(epochSeconds: days * 86_400).map { RecordTime(utc: $0, basis: .dateOnly) }
    }

    /// Runs `body` over the UTF-8 bytes without copying when the string is native.
    package static func withBytes<T>(_ text: String, _ body: (UnsafeBufferPointer<UInt8>) -> T) -> T {
        if let result = text.utf8.withContiguousStorageIfAvailable({ body(trimmed($0)) }) { return result }
        let copy = Array(text.utf8)
        return copy.withUnsafeBufferPointer { body(trimmed($0)) }
    }

    private static func trimmed(_ bytes: UnsafeBufferPointer<UInt8>) -> UnsafeBufferPointer<UInt8> {
        var start = 0
        var end = bytes.count
        while start < end, isSpace(bytes[start]) { start += 1 }
        while end > start, isSpace(bytes[end - 1]) { end -= 1 }
        return UnsafeBufferPointer(rebasing: bytes[start..<end])
    }

    private static func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D }
}

/// A calendar date-time as written, with the zone it carried (if any).
package struct WrittenMoment {
    package var year = 0, month = 0, day = 0, hour = 0, minute = 0, second = 0
    /// Seconds east of UTC; `nil` when the text had no zone at all.
    package var offsetSeconds: Int?

    package var hasZone: Bool { offsetSeconds != nil }

    /// `naive` is the basis for a zone-less text; a zoned text is always `exact`.
    package func recordTime(naive: TimeBasis) -> RecordTime? {
        guard let offset = offsetSeconds, offset != 0 else {
            let text = Timestamp.format(year: year, month: month, day: day, hour: hour, minute: minute, second: second)
            return RecordTime(utc: text, basis: offsetSeconds == nil ? naive : .exact)
        }
        let days = CivilCalendar.days(year: year, month: month, day: day)
        let seconds = days * 86_400 + Int64(hour * 3600 + minute * 60 + second) - Int64(offset)
        return Timestamp.utc(epochSeconds: seconds).map { RecordTime(utc: $0, basis: .exact) }
    }
}

package enum DateTimeText {
    /// `YYYY-MM-DD[ T]HH:MM:SS[.fff][ ][Z | UTC | ±HH[:MM] | ±HHMM]`; `nil` for anything else.
    package static func parse(_ b: UnsafeBufferPointer<UInt8>) -> WrittenMoment? {
        guard b.count >= 19, let days = date(b),
              b[10] == UInt8(ascii: " ") || b[10] == UInt8(ascii: "T") || b[10] == UInt8(ascii: "t"),
              b[13] == UInt8(ascii: ":"), b[16] == UInt8(ascii: ":"),
              let hour = number(b, 11, 2), let minute = number(b, 14, 2), let second = number(b, 17, 2),
              hour < 24, minute < 60, second < 60 else { return nil }
        var moment = WrittenMoment(year: days.year, month: days.month, day: days.day,
                                   hour: hour, minute: minute, second: second)
        var i = 19
        if i < b.count, b[i] == UInt8(ascii: ".") || b[i] == UInt8(ascii: ",") {
            i += 1
            let start = i
            while i < b.count, isDigit(b[i]) { i += 1 }
            if i == start { return nil }
        }
        if i < b.count, b[i] == UInt8(ascii: " ") { i += 1 }
        if i == b.count { return moment }
        switch b[i] {
        case UInt8(ascii: "Z"), UInt8(ascii: "z"):
            guard i + 1 == b.count else { return nil }
            moment.offsetSeconds = 0
        case UInt8(ascii: "U"), UInt8(ascii: "u"):
            guard i + 3 == b.count, b[i + 1] | 0x20 == UInt8(ascii: "t"), b[i + 2] | 0x20 == UInt8(ascii: "c") else { return nil }
            moment.offsetSeconds = 0
        case UInt8(ascii: "+"), UInt8(ascii: "-"):
            guard let offset = offset(b, from: i + 1) else { return nil }
            moment.offsetSeconds = b[i] == UInt8(ascii: "-") ? -offset : offset
        default:
            return nil
        }
        return moment
    }

    /// `YYYY-MM-DD` alone → days since 1970-01-01.
    package static func parseDateOnly(_ b: UnsafeBufferPointer<UInt8>) -> Int64? {
        guard b.count == 10, let d = date(b) else { return nil }
        return CivilCalendar.days(year: d.year, month: d.month, day: d.day)
    }

    private static func date(_ b: UnsafeBufferPointer<UInt8>) -> (year: Int, month: Int, day: Int)? {
        guard b.count >= 10, b[4] == UInt8(ascii: "-"), b[7] == UInt8(ascii: "-"),
              let year = number(b, 0, 4), let month = number(b, 5, 2), let day = number(b, 8, 2),
              year >= 1, (1...12).contains(month),
              day >= 1, day <= CivilCalendar.daysInMonth(year: year, month: month) else { return nil }
        return (year, month, day)
    }

    /// `HH`, `HH:MM` or `HHMM` to the end of the text, in seconds.
    private static func offset(_ b: UnsafeBufferPointer<UInt8>, from i: Int) -> Int? {
        guard let hours = number(b, i, 2), hours <= 23 else { return nil }
        var minutes = 0
        switch b.count - i {
        case 2: break
        case 4: guard let m = number(b, i + 2, 2) else { return nil }; minutes = m
        case 5: guard b[i + 2] == UInt8(ascii: ":"), let m = number(b, i + 3, 2) else { return nil }; minutes = m
        default: return nil
        }
        guard minutes < 60 else { return nil }
        return hours * 3600 + minutes * 60
    }

    package static func number(_ b: UnsafeBufferPointer<UInt8>, _ start: Int, _ width: Int) -> Int? {
        guard start + width <= b.count else { return nil }
        var value = 0
        for k in start..<(start + width) {
            guard isDigit(b[k]) else { return nil }
            value = value * 10 + Int(b[k] - UInt8(ascii: "0"))
        }
        return value
    }

    package static func isDigit(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }
}

package enum EpochText {
    /// Seconds since 1970 from `1714600000`, `1714600000.25` or `1714600000123` (milliseconds).
    package static func seconds(_ b: UnsafeBufferPointer<UInt8>) -> Int64? {
        var i = 0
        var value: Int64 = 0
        while i < b.count, DateTimeText.isDigit(b[i]) {
            if i >= 14 { return nil }
            value = value * 10 + Int64(b[i] - UInt8(ascii: "0"))
            i += 1
        }
        let integerDigits = i
        guard integerDigits > 0, value > 0 else { return nil }
        if i < b.count {
            // A fraction only makes sense on seconds.
            guard integerDigits <= 11, b[i] == UInt8(ascii: "."), i + 1 < b.count else { return nil }
            i += 1
            while i < b.count { guard DateTimeText.isDigit(b[i]) else { return nil }; i += 1 }
        }
        // Fewer than 9 digits is before 1973: more likely a count or a year than a timestamp.
        switch integerDigits {
        case 9...11: return value
        case 12...14: return value / 1000
        default: return nil
        }
    }
}
