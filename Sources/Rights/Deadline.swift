import Foundation

/// A calendar date (`YYYY-MM-DD`), the unit every legal deadline is counted in.
public struct Day: Sendable, Comparable, Hashable, CustomStringConvertible {
    public let year: Int, month: Int, day: Int

    public init?(_ text: String) {
        let parts = text.split(separator: "-")
        guard text.count == 10, parts.count == 3, let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2]),
              (1...12).contains(m), (1...Day.length(of: m, in: y)).contains(d) else { return nil }
        year = y; month = m; day = d
    }

    init(year: Int, month: Int, day: Int) {
        self.year = year; self.month = month; self.day = day
    }

    /// Today in UTC (the account's times are UTC).
    public static func today(_ now: Date = Date()) -> Day {
        let c = calendar.dateComponents([.year, .month, .day], from: now)
        return Day(year: c.year!, month: c.month!, day: c.day!)
    }

    public var description: String { String(format: "%04d-%02d-%02d", year, month, day) }

    public static func < (a: Day, b: Day) -> Bool { (a.year, a.month, a.day) < (b.year, b.month, b.day) }

    /// The same date `n` months later; where that month is shorter, its last day
    /// (Reg. 1182/71 Art. 3(2)(c); ICO guidance for the UK says the same).
    public func addingMonths(_ n: Int) -> Day {
        let index = year * 12 + (month - 1) + n
        let y = index / 12, m = index % 12 + 1
        return Day(year: y, month: m, day: min(day, Day.length(of: m, in: y)))
    }

    public func addingDays(_ n: Int) -> Day {
        Day.from(Day.calendar.date(byAdding: .day, value: n, to: date)!)
    }

    /// Saturday or Sunday become the following Monday (Reg. 1182/71 Art. 3(4)). Public holidays
    /// differ by country and are not known here: the letters say so.
    public var nextWorkingDay: Day {
        switch Day.calendar.component(.weekday, from: date) {
        case 7: return addingDays(2)
        case 1: return addingDays(1)
        default: return self
        }
    }

    public func days(until other: Day) -> Int {
        Day.calendar.dateComponents([.day], from: date, to: other.date).day!
    }

    var date: Date { Day.calendar.date(from: DateComponents(year: year, month: month, day: day))! }

    static func from(_ date: Date) -> Day {
        let c = calendar.dateComponents([.year, .month, .day], from: date)
        return Day(year: c.year!, month: c.month!, day: c.day!)
    }

    static let calendar: Calendar = {
        var c = Calendar(identifier: .gregorian)
        c.timeZone = TimeZone(identifier: "UTC")!
        return c
    }()

    static func length(of month: Int, in year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }
}

/// When an answer is due, and how sure the law is about it.
public struct Deadline: Sendable, Equatable {
    /// The last day on which the answer is in time.
    public var due: Day
    /// False for PIPL: the statute says only "及时" (promptly); `due` is the recommended
    /// national standard's benchmark, not a legal deadline.
    public var binding: Bool
    /// Where the rule comes from, for the letters and `request list`.
    public var rule: String

    /// The deadline of a request received on `received`, extended or not. The received date is
    /// the day the platform got the request; pda uses the day it was sent, which for a web form or
    /// an e-mail is the same day (for a letter, pass the delivery day to `pda request sent --on`).
    public static func of(_ law: Law, received: Day, extended: Bool) -> Deadline {
        switch law {
        case .gdpr, .ukGDPR:
            // Art. 12(3): one month of receipt, extendable "by two further months".
            let months = extended ? 3 : 1
            let article = law == .gdpr ? "Art. 12(3) GDPR" : "Art. 12(3) UK GDPR"
            return Deadline(due: received.addingMonths(months).nextWorkingDay, binding: true,
                            rule: extended ? "\(article): one month, extended by two further months" : "\(article): one month of receipt")
        case .ccpa:
            // §1798.130(a)(2)(A): 45 days, extendable once by 45 when reasonably necessary with
            // notice within the first 45 days; 11 CCR §7001 counts calendar days.
            return Deadline(due: received.addingDays(extended ? 90 : 45), binding: true,
                            rule: extended ? "Cal. Civ. Code §1798.130(a)(2)(A): 45 days, extended once by 45" : "Cal. Civ. Code §1798.130(a)(2)(A): 45 days of receipt")
        case .pipl:
            return Deadline(due: received.addingDays(30), binding: false,
                            rule: "PIPL Art. 45: 及时 (promptly), no number of days; benchmark: GB/T 35273-2020 §8.7 a), 30 days after identity verification (recommended standard)")
        }
    }

    /// Only GDPR, UK GDPR and CCPA know an extension.
    public static func canExtend(_ law: Law) -> Bool { law != .pipl }
}
