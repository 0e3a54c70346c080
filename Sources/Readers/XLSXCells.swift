import AccountModel
import Foundation

/// The number formats of `styles.xml`: which cells Excel shows as dates.
package struct XLSXStyles {
    /// `numFmtId` of each entry of `<cellXfs>`, indexed by a cell's `s` attribute.
    package var cellFormats: [Int] = []
    /// Formats the workbook defines itself (ids 164 and up).
    package var customFormats: [Int: String] = [:]

    /// `nil` when the style is not a date format; otherwise whether it shows a time of day.
    package func dateFormat(style: Int) -> Bool? {
        guard style >= 0, style < cellFormats.count else { return nil }
        let id = cellFormats[style]
        switch id {
        case 14...17, 27...31, 34...36, 50...58: return false
        case 18...22, 32, 33, 45...47: return true
        default: break
        }
        guard let code = customFormats[id] else { return nil }
        return Self.dateTokens(in: code)
    }

    /// Date tokens (y, d, h, s, or m next to them) outside quoted text, escapes and `[…]`
    /// sections (colours, currency, locale) — `[h]:mm` elapsed time counts as a time.
    package static func dateTokens(in code: String) -> Bool? {
        var kept = "", inQuote = false, inBracket = false, escaped = false
        let section = code.split(separator: ";", omittingEmptySubsequences: false).first.map(String.init) ?? code
        for char in section {
            if escaped { escaped = false; continue }
            switch char {
            case "\\", "_", "*": escaped = true
            case "\"": inQuote.toggle()
            case "[" where !inQuote: inBracket = true
            case "]" where !inQuote: inBracket = false
            default:
                if inBracket { if "hms".contains(char.lowercased()) { kept.append(char) } }
                else if !inQuote { kept.append(char) }
            }
        }
        let lower = kept.lowercased()
        if lower.contains("general") { return nil }
        let date = lower.contains("y") || lower.contains("d")
        let time = lower.contains("h") || lower.contains("s")
        return date || time ? time : nil
    }
}

/// Turns a `<c>`'s type, style and raw `<v>` text into a cell value.
package struct XLSXCellDecoder {
    package let sharedStrings: [String]
    package let styles: XLSXStyles
    package let uses1904Dates: Bool

    package func decode(type: String, style: Int, raw: String) -> XLSXCell? {
        switch type {
        case "s":
            guard let index = Int(raw.trimmingCharacters(in: .whitespaces)), index >= 0, index < sharedStrings.count else { return nil }
            return .text(sharedStrings[index])
        case "inlineStr", "str": return .text(raw)
        case "b": return .bool(raw.trimmingCharacters(in: .whitespaces) == "1")
        case "e": return .error(raw)
        case "d": return raw.isEmpty ? nil : .date(raw)
        default:
            let text = raw.trimmingCharacters(in: .whitespaces)
            guard !text.isEmpty else { return nil }
            if let format = styles.dateFormat(style: style), let serial = Double(text),
               let date = ExcelDate.text(serial: serial, uses1904: uses1904Dates, showsTime: format) {
                return .date(date)
            }
            return .number(ExcelNumber.display(text))
        }
    }
}

package enum ExcelDate {
    /// A date serial as the wall-clock text Excel shows. 1900 system: day 1 is 1900-01-01 and
    /// day 60 is the 1900-02-29 Lotus bug kept for compatibility (no such day: `nil`).
    package static func text(serial: Double, uses1904: Bool, showsTime: Bool) -> String? {
        guard serial.isFinite, serial >= 0, serial < 2_958_466 else { return nil }
        // Round to the second first: 0.99999999 of a day is midnight of the next day.
        let totalSeconds = Int64((serial * 86_400).rounded())
        var day = totalSeconds / 86_400
        let secondOfDay = Int(totalSeconds % 86_400)
        let epoch: Int64
        if uses1904 {
            epoch = CivilCalendar.days(year: 1904, month: 1, day: 1)
        } else if day == 60 {
            return nil
        } else {
            if day > 60 { day -= 1 }
            epoch = CivilCalendar.days(year: 1899, month: 12, day: 31)
        }
        guard let stamp = Timestamp.utc(epochSeconds: (epoch + day) * 86_400 + Int64(secondOfDay)) else { return nil }
        // `2024-03-05T14:03:11Z` → `2024-03-05 14:03:11`: Excel has no zone, so none is claimed.
        let wall = stamp.dropLast().replacingOccurrences(of: "T", with: " ")
        return showsTime || secondOfDay != 0 ? wall : String(wall.prefix(10))
    }
}

package enum ExcelNumber {
    /// Excel keeps doubles and shows 15 significant digits; writers store up to 17
    /// (`29.899999999999999`). Shown digits are what the person saw and typed.
    package static func display(_ text: String) -> String {
        let digits = text.filter(\.isNumber).drop { $0 == "0" }.count
        guard digits > 15 || text.contains("E") || text.contains("e"), let value = Double(text) else { return text }
        if value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
        var shown = String(format: "%.15g", value)
        if shown.contains("e") { return shown }
        if shown.contains(".") {
            while shown.hasSuffix("0") { shown.removeLast() }
            if shown.hasSuffix(".") { shown.removeLast() }
        }
        return shown
    }
}
