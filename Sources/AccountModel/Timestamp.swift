import Foundation

/// The one way pda writes and checks a moment: UTC ISO-8601 to the second,
/// `2025-05-01T23:16:38Z`. Stored times, claims' `validFrom` and proof `created`, Bagging-Date
/// and zip entry times all use it: plain calendar arithmetic, thread-safe, no formatter.
public enum Timestamp {
    public static func iso(_ date: Date) -> String {
        utc(epochSeconds: Int64(date.timeIntervalSince1970.rounded(.down))) ?? "0001-01-01T00:00:00Z"
    }

    /// The UTC text of an instant given as seconds since 1970, or `nil` outside years 1…9999.
    public static func utc(epochSeconds: Int64) -> String? {
        let days = epochSeconds >= 0 ? epochSeconds / 86_400 : (epochSeconds - 86_399) / 86_400
        let secondOfDay = Int(epochSeconds - days * 86_400)
        let (year, month, day) = CivilCalendar.civil(fromDays: days)
        guard (1...9999).contains(year) else { return nil }
        return format(year: year, month: month, day: day,
                      hour: secondOfDay / 3600, minute: secondOfDay / 60 % 60, second: secondOfDay % 60)
    }

    public static func format(year: Int, month: Int, day: Int, hour: Int, minute: Int, second: Int) -> String {
        String(unsafeUninitializedCapacity: 20) { out in
            func put(_ value: Int, _ width: Int, at start: Int) {
                var v = value
                for k in stride(from: start + width - 1, through: start, by: -1) {
                    out[k] = UInt8(ascii: "0") + UInt8(v % 10)
                    v /= 10
                }
            }
            put(year, 4, at: 0); out[4] = UInt8(ascii: "-")
            put(month, 2, at: 5); out[7] = UInt8(ascii: "-")
            put(day, 2, at: 8); out[10] = UInt8(ascii: "T")
            put(hour, 2, at: 11); out[13] = UInt8(ascii: ":")
            put(minute, 2, at: 14); out[16] = UInt8(ascii: ":")
            put(second, 2, at: 17); out[19] = UInt8(ascii: "Z")
            return 20
        }
    }


    /// Seconds since 1970 of a canonical timestamp, or `nil` if `text` is not one (a real
    /// calendar date, seconds precision, `Z`).
    public static func epochSeconds(_ text: String) -> Int64? {
        let b = Array(text.utf8)
        guard b.count == 20, b[4] == 0x2D, b[7] == 0x2D, b[10] == 0x54, b[13] == 0x3A, b[16] == 0x3A, b[19] == 0x5A,
              let y = number(b, 0..<4), let m = number(b, 5..<7), let d = number(b, 8..<10),
              let hh = number(b, 11..<13), let mm = number(b, 14..<16), let ss = number(b, 17..<19),
              y >= 1, (1...12).contains(m), d >= 1, d <= CivilCalendar.daysInMonth(year: y, month: m), hh < 24, mm < 60, ss < 60
        else { return nil }
        return CivilCalendar.days(year: y, month: m, day: d) * 86_400 + Int64(hh * 3600 + mm * 60 + ss)
    }

    public static func date(_ text: String) -> Date? {
        epochSeconds(text).map { Date(timeIntervalSince1970: TimeInterval($0)) }
    }

    public static func isCanonical(_ text: String) -> Bool { epochSeconds(text) != nil }

    /// A bare `YYYY-MM-DD` as midnight UTC; anything else unchanged (the caller checks it).
    public static func midnightIfDate(_ text: String) -> String {
        text.utf8.count == 10 ? text + "T00:00:00Z" : text
    }

    /// XML Schema `dateTimeStamp`: `YYYY-MM-DDThh:mm:ss(.s+)?(Z|±hh:mm)`, the form VC 2.0 and
    /// Data Integrity require of `validFrom` and proof `created`.
    public static func isDateTimeStamp(_ s: String) -> Bool {
        let b = Array(s.utf8)
        func digits(_ range: Range<Int>) -> Bool { range.upperBound <= b.count && range.allSatisfy { b[$0] >= 0x30 && b[$0] <= 0x39 } }
        func char(_ i: Int, _ c: Character) -> Bool { i < b.count && b[i] == c.asciiValue }
        guard digits(0..<4), char(4, "-"), digits(5..<7), char(7, "-"), digits(8..<10), char(10, "T"),
              digits(11..<13), char(13, ":"), digits(14..<16), char(16, ":"), digits(17..<19) else { return false }
        var i = 19
        if char(i, ".") {
            i += 1
            let start = i
            while digits(i..<(i + 1)) { i += 1 }
            if i == start { return false }
        }
        if char(i, "Z") { return i + 1 == b.count }
        guard char(i, "+") || char(i, "-") else { return false }
        return digits((i + 1)..<(i + 3)) && char(i + 3, ":") && digits((i + 4)..<(i + 6)) && i + 6 == b.count
    }

    private static func number(_ b: [UInt8], _ range: Range<Int>) -> Int? {
        var n = 0
        for i in range {
            guard b[i] >= 0x30, b[i] <= 0x39 else { return nil }
            n = n * 10 + Int(b[i] - 0x30)
        }
        return n
    }
}

/// Proleptic Gregorian arithmetic on day numbers (days since 1970-01-01), after Howard
/// Hinnant's `days_from_civil` / `civil_from_days`: exact for every year, no tables, no Foundation.
public enum CivilCalendar {
    public static func days(year: Int, month: Int, day: Int) -> Int64 {
        let y = Int64(month <= 2 ? year - 1 : year)
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let m = Int64(month)
        let dayOfYear = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + Int64(day) - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    public static func civil(fromDays value: Int64) -> (year: Int, month: Int, day: Int) {
        let z = value + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let mp = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        let year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
        return (Int(year), Int(month), Int(day))
    }

    public static func daysInMonth(year: Int, month: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }
}
