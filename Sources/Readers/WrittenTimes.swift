import AccountModel
import Foundation

/// Times as HTML exports write them for people, in the account's language:
/// `Jan 5, 2024, 10:15:30 PM CET`, `05.01.2024, 22:15:30 MEZ`, `5 gen 2024, 22:15:30 CET`,
/// `5 de jan. de 2024, 22:15:30 BRT`, `5 janv. 2024, 22:15:30 UTC+1`, `2024年1月5日 22:15:30 JST`,
/// `2024/01/05 下午10:15:30`, `Dec 28, 2020 7:20 am` (Meta, no zone, no seconds).
///
/// The date is read from its parts, not from a per-language pattern: a month word (EN, DE, NL,
/// ES, FR, IT, PT abbreviations and full names), a 4-digit year, the day; numeric dates are
/// year-first (`2024/01/05`, CJK) or day-first (`05.01.2024`, every European locale Google and
/// Meta write numerically). The zone is what follows the time:
/// - an abbreviation with one meaning (`CET`, `MESZ`, `PDT`, `JST` …) or an offset (`GMT+01:00`,
///   `UTC+1`) → `exact`;
/// - an abbreviation with several (`CST`, `IST`, `BST`, `AST`, `GST`) → read as the zone Google
///   means by it in that script (`CST` is China's on a CJK page, US Central otherwise; `IST`
///   India; `BST` British summer; `AST` Atlantic; `GST` Gulf) and marked `naive_local`,
///   because that reading is an assumption;
/// - no zone at all → the caller's `unzoned` basis, read as UTC;
/// - an unknown abbreviation → `nil`: a wrong time is worse than none.
package enum WrittenTimes {
    package static func parse(_ text: String, unzoned: TimeBasis = .naiveUTC) -> RecordTime? {
        guard let parts = WrittenParts(text) else { return nil }
        let days = CivilCalendar.days(year: parts.year, month: parts.month, day: parts.day)
        let wall = days * 86_400 + Int64(parts.hour * 3600 + parts.minute * 60 + parts.second)
        let zone: (offset: Int, basis: TimeBasis)
        if parts.zone.isEmpty {
            zone = (0, unzoned)
        } else if let known = WrittenZones.offset(of: parts.zone, cjk: parts.cjk) {
            zone = known
        } else {
            return nil
        }
        return Timestamp.utc(epochSeconds: wall - Int64(zone.offset)).map { RecordTime(utc: $0, basis: zone.basis) }
    }
}

/// The parts of a written date-time, found by scanning tokens.
struct WrittenParts {
    var year = 0, month = 0, day = 0, hour = 0, minute = 0, second = 0
    var zone = ""
    /// The date was written with 年/月/日 or the meridiem in CJK: decides readings of `CST`.
    var cjk = false

    init?(_ written: String) {
        let text = HTMLElement.plain(written)
        guard let (timeRange, clock) = WrittenParts.findClock(text) else { return nil }
        let before = String(text[..<timeRange.lowerBound]), after = String(text[timeRange.upperBound...])
        var numbers: [(value: Int, digits: Int)] = []
        var monthWord: Int?
        var pm: Bool?
        for (token, mark) in WrittenParts.tokens(before) {
            if let value = Int(token), token.allSatisfy(\.isASCII) {
                // CJK marks say what a number is: `2024年`, `1月`, `5日` (Meta writes `1月 05, 2024`).
                switch mark {
                case "月": monthWord = value
                default: numbers.append((value, mark == "年" ? 4 : token.count))
                }
            } else if let month = WrittenMonths.number(token) {
                monthWord = month
            } else if let meridiem = WrittenParts.meridiem(token) {
                pm = meridiem
            }
        }
        cjk = written.contains { "年月日午".contains($0) }
        var zoneTokens: [Substring] = []
        for token in after.split(separator: " ") {
            if let meridiem = WrittenParts.meridiem(String(token)) { pm = meridiem } else { zoneTokens.append(token) }
        }
        // Spanish writes `10:15 p. m.`: two tokens that are one meridiem.
        if zoneTokens.count >= 2, let meridiem = WrittenParts.meridiem(zoneTokens[0...1].joined()) {
            pm = meridiem
            zoneTokens.removeFirst(2)
        }
        zone = zoneTokens.joined(separator: " ")
        if let monthWord {
            guard let year = numbers.first(where: { $0.digits == 4 }),
                  let day = numbers.first(where: { $0.digits <= 2 }) else { return nil }
            (self.year, self.month, self.day) = (year.value, monthWord, day.value)
        } else {
            guard numbers.count == 3 else { return nil }
            if numbers[0].digits == 4 {
                (year, month, day) = (numbers[0].value, numbers[1].value, numbers[2].value)
            } else if numbers[2].digits == 4 {
                (year, month, day) = (numbers[2].value, numbers[1].value, numbers[0].value)
            } else {
                return nil
            }
        }
        guard year >= 1970, (1...12).contains(month), day >= 1,
              day <= CivilCalendar.daysInMonth(year: year, month: month) else { return nil }
        (hour, minute, second) = clock
        if let pm {
            guard (1...12).contains(hour) else { return nil }
            hour = hour % 12 + (pm ? 12 : 0)
        }
        guard hour < 24, minute < 60, second < 60 else { return nil }
    }

    /// The `H:MM` or `H:MM:SS` in the text (the first one), where it stands, and its values.
    static func findClock(_ text: String) -> (Range<String.Index>, (Int, Int, Int))? {
        let chars = Array(text.indices)
        var i = 0
        while i < chars.count {
            let start = i
            var fields: [Int] = []
            var j = i
            while j < chars.count {
                var k = j, value = 0, digits = 0
                while k < chars.count, text[chars[k]].isASCII, let d = text[chars[k]].wholeNumberValue, digits < 2 {
                    value = value * 10 + d; digits += 1; k += 1
                }
                guard digits > 0 else { break }
                fields.append(value)
                j = k
                guard fields.count < 3, j < chars.count, text[chars[j]] == ":" else { break }
                j += 1
            }
            let endsClean = j >= chars.count || !(text[chars[j]].isNumber)
            let startsClean = start == 0 || !text[chars[start - 1]].isNumber
            if fields.count >= 2, endsClean, startsClean, j > start {
                let end = j < chars.count ? chars[j] : text.endIndex
                return (chars[start]..<end, (fields[0], fields[1], fields.count > 2 ? fields[2] : 0))
            }
            i += 1
        }
        return nil
    }

    /// Words and numbers, each with the character that ended it (a CJK date mark says what the
    /// number before it is): split at spaces, commas, dots, slashes, dashes and `年月日`.
    static func tokens(_ text: String) -> [(String, Character?)] {
        var tokens: [(String, Character?)] = [], current = ""
        func flush(_ mark: Character?) { if !current.isEmpty { tokens.append((current, mark)); current = "" } }
        for char in text {
            if char.isWhitespace || ",./-年月日".contains(char) {
                flush(char)
            } else if let last = current.last, last.isNumber != char.isNumber {
                // `下午10` and `5de` split into word and number.
                flush(nil); current.append(char)
            } else {
                current.append(char)
            }
        }
        flush(nil)
        return tokens
    }

    static func meridiem(_ token: String) -> Bool? {
        switch token.lowercased().replacingOccurrences(of: ".", with: "") {
        case "pm", "下午", "晚上", "午後": return true
        case "am", "上午", "凌晨", "早上", "午前": return false
        default: return nil
        }
    }
}

/// Month names in the languages the HTML importers support, abbreviated and in full,
/// lowercase, without the abbreviation dot.
enum WrittenMonths {
    static let names: [String: Int] = {
        var table: [String: Int] = [:]
        let languages: [[[String]]] = [
            // English
            [["jan", "january"], ["feb", "february"], ["mar", "march"], ["apr", "april"], ["may"], ["jun", "june"],
             ["jul", "july"], ["aug", "august"], ["sep", "sept", "september"], ["oct", "october"], ["nov", "november"], ["dec", "december"]],
            // German
            [["jan", "januar", "jän", "jänner"], ["feb", "februar"], ["mär", "märz", "mrz"], ["apr", "april"], ["mai"], ["jun", "juni"],
             ["jul", "juli"], ["aug", "august"], ["sep", "sept", "september"], ["okt", "oktober"], ["nov", "november"], ["dez", "dezember"]],
            // Dutch
            [["jan", "januari"], ["feb", "februari"], ["mrt", "maart"], ["apr", "april"], ["mei"], ["jun", "juni"],
             ["jul", "juli"], ["aug", "augustus"], ["sep", "sept", "september"], ["okt", "oktober"], ["nov", "november"], ["dec", "december"]],
            // Spanish
            [["ene", "enero"], ["feb", "febrero"], ["mar", "marzo"], ["abr", "abril"], ["may", "mayo"], ["jun", "junio"],
             ["jul", "julio"], ["ago", "agosto"], ["sep", "sept", "septiembre", "set", "setiembre"], ["oct", "octubre"], ["nov", "noviembre"], ["dic", "diciembre"]],
            // French
            [["janv", "janvier"], ["févr", "fevr", "février"], ["mars"], ["avr", "avril"], ["mai"], ["juin"],
             ["juil", "juillet"], ["août", "aout"], ["sept", "septembre"], ["oct", "octobre"], ["nov", "novembre"], ["déc", "dec", "décembre"]],
            // Italian
            [["gen", "gennaio"], ["feb", "febbraio"], ["mar", "marzo"], ["apr", "aprile"], ["mag", "maggio"], ["giu", "giugno"],
             ["lug", "luglio"], ["ago", "agosto"], ["set", "settembre"], ["ott", "ottobre"], ["nov", "novembre"], ["dic", "dicembre"]],
            // Portuguese
            [["jan", "janeiro"], ["fev", "fevereiro"], ["mar", "março", "marco"], ["abr", "abril"], ["mai", "maio"], ["jun", "junho"],
             ["jul", "julho"], ["ago", "agosto"], ["set", "setembro"], ["out", "outubro"], ["nov", "novembro"], ["dez", "dezembro"]],
        ]
        for language in languages {
            for (index, words) in language.enumerated() {
                for word in words { table[word] = index + 1 }
            }
        }
        return table
    }()

    static func number(_ token: String) -> Int? {
        names[token.lowercased().trimmingCharacters(in: CharacterSet(charactersIn: "."))]
    }
}

/// Zone abbreviations and offsets as Google and Meta write them after a time.
enum WrittenZones {
    /// Abbreviations with one meaning, in seconds east of UTC.
    static let unambiguous: [String: Int] = {
        let hours: [String: Double] = [
            "UTC": 0, "GMT": 0, "Z": 0, "WET": 0, "WEZ": 0, "WEST": 1, "WESZ": 1,
            "CET": 1, "MEZ": 1, "CEST": 2, "MESZ": 2, "EET": 2, "OEZ": 2, "EEST": 3, "OESZ": 3, "MSK": 3,
            "EST": -5, "EDT": -4, "CDT": -5, "MST": -7, "MDT": -6, "PST": -8, "PDT": -7,
            "AKST": -9, "AKDT": -8, "HST": -10, "ADT": -3, "NST": -3.5, "NDT": -2.5,
            "JST": 9, "KST": 9, "HKT": 8, "SGT": 8, "PHT": 8, "AWST": 8, "ACST": 9.5, "ACDT": 10.5,
            "AEST": 10, "AEDT": 11, "NZST": 12, "NZDT": 13, "WIB": 7, "WITA": 8, "WIT": 9, "ICT": 7,
            "PKT": 5, "BRT": -3, "BRST": -2, "ART": -3, "CLT": -4, "CLST": -3, "SAST": 2, "WAT": 1,
            "CAT": 2, "EAT": 3, "TRT": 3, "IRST": 3.5,
            "日本標準時": 9, "中国标准时间": 8, "中國標準時間": 8, "台北標準時間": 8, "香港標準時間": 8,
        ]
        return hours.mapValues { Int($0 * 3600) }
    }()

    static func offset(of zone: String, cjk: Bool) -> (offset: Int, basis: TimeBasis)? {
        let upper = zone.uppercased()
        if let seconds = unambiguous[upper] ?? unambiguous[zone] { return (seconds, .exact) }
        if let seconds = writtenOffset(upper) { return (seconds, .exact) }
        let assumed: [String: Double] = ["CST": cjk ? 8 : -6, "IST": 5.5, "BST": 1, "AST": -4, "GST": 4]
        if let hours = assumed[upper] { return (Int(hours * 3600), .naiveLocal) }
        return nil
    }

    /// `GMT+01:00`, `UTC+1`, `GMT-3`, `UTC+05:30`, `GMT+0530`.
    static func writtenOffset(_ zone: String) -> Int? {
        guard zone.hasPrefix("GMT") || zone.hasPrefix("UTC") else { return nil }
        let rest = zone.dropFirst(3)
        guard let sign = rest.first, sign == "+" || sign == "-" || sign == "−" else { return nil }
        let digits = rest.dropFirst().replacingOccurrences(of: ":", with: "")
        guard !digits.isEmpty, digits.count <= 4, digits.allSatisfy({ $0.isASCII && $0.isNumber }), let value = Int(digits) else { return nil }
        let (hours, minutes) = digits.count <= 2 ? (value, 0) : (value / 100, value % 100)
        guard hours <= 14, minutes < 60 else { return nil }
        return (sign == "+" ? 1 : -1) * (hours * 3600 + minutes * 60)
    }
}
