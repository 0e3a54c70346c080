import Foundation

/// A money amount as platforms write it, normalized: `value` is a plain decimal string
/// (`"-1219.49"`, digits as written after the decimal point, never a float) and `currency` an
/// ISO 4217 code when the text says which (a symbol, a code or a Chinese word).
public struct Amount: Sendable, Equatable {
    public var value: String
    public var currency: String?

    public init(value: String, currency: String?) {
        self.value = value
        self.currency = currency
    }
}

/// Parses `¥1,219.49`, `29.90元`, `$1,234.56`, `1.234,56 €`, `-US$5.00`, `(12.00)`, `CNY 8`,
/// `１２.５`; `nil` for `Not Available`, `-`, `--`, empty text and anything that is not one
/// number with at most one currency marker.
///
/// Decimal separator: when both `.` and `,` occur, the last one is the decimal point; a lone
/// `,` followed by one or two digits is a decimal comma (`12,5`), otherwise a thousands
/// separator (`1,234`). Spaces and apostrophes group thousands (`1 234,56`, `1'234.56`).
public enum Amounts {
    /// `yenSign` is the currency `¥`/`￥` stands for: yuan on Chinese platforms (the default,
    /// since that is where pda meets it), yen on Japanese ones.
    public static func parse(_ text: String, yenSign: String = "CNY") -> Amount? {
        var body = trimmed(Substring(normalizedDigits(text)))
        if body.isEmpty { return nil }
        var negative = false
        if body.hasPrefix("("), body.hasSuffix(")") {
            negative = true
            body = body.dropFirst().dropLast()
        }
        body = trimmed(body)
        if let sign = body.first, sign == "-" || sign == "−" {
            negative = true
            body = trimmed(body.dropFirst())
        }
        var currency: String?
        if let (code, rest) = currencyMarker(prefixOf: body, yenSign: yenSign) {
            currency = code
            body = trimmed(rest)
        } else if let (code, rest) = currencyMarker(suffixOf: body, yenSign: yenSign) {
            currency = code
            body = trimmed(rest)
        }
        // `¥-12.00`: the sign may follow the symbol.
        if !negative, let sign = body.first, sign == "-" || sign == "−" {
            negative = true
            body = trimmed(body.dropFirst())
        }
        if body.hasPrefix("+") { body = body.dropFirst() }
        guard let number = decimal(body) else { return nil }
        let isZero = number.allSatisfy { $0 == "0" || $0 == "." }
        return Amount(value: negative && !isZero ? "-" + number : number, currency: currency)
    }

    // MARK: - Currency markers

    /// Longest first, so `US$` wins over `$` and `人民币` over nothing.
    package static let prefixes: [(String, String?)] = [
        ("US$", "USD"), ("HK$", "HKD"), ("NT$", "TWD"), ("CA$", "CAD"), ("AU$", "AUD"), ("MX$", "MXN"),
        ("R$", "BRL"), ("C$", "CAD"), ("A$", "AUD"), ("S$", "SGD"), ("RMB", "CNY"), ("人民币", "CNY"),
        ("$", "USD"), ("€", "EUR"), ("£", "GBP"), ("₩", "KRW"), ("₹", "INR"), ("₽", "RUB"), ("₺", "TRY"),
        ("¥", nil), ("￥", nil),
    ]
    package static let suffixes: [(String, String?)] = [
        ("人民币", "CNY"), ("RMB", "CNY"), ("美元", "USD"), ("港币", "HKD"), ("港元", "HKD"), ("欧元", "EUR"),
        ("英镑", "GBP"), ("日元", "JPY"), ("韩元", "KRW"), ("元", "CNY"), ("円", "JPY"), ("€", "EUR"),
        ("£", "GBP"), ("₽", "RUB"), ("zł", "PLN"), ("kr", nil), ("¥", nil), ("￥", nil),
    ]

    package static func currencyMarker(prefixOf body: Substring, yenSign: String) -> (String?, Substring)? {
        for (marker, code) in prefixes where body.hasPrefix(marker) {
            return (code ?? yenSign, body.dropFirst(marker.count))
        }
        if let code = isoCode(body.prefix(3)), body.count > 3, body.dropFirst(3).first?.isLetter == false {
            return (code, body.dropFirst(3))
        }
        return nil
    }

    package static func currencyMarker(suffixOf body: Substring, yenSign: String) -> (String?, Substring)? {
        for (marker, code) in suffixes where body.hasSuffix(marker) {
            // `kr` is Swedish, Norwegian or Danish: the number is kept, the currency unknown.
            let currency = marker == "kr" ? nil : (code ?? yenSign)
            return (currency, body.dropLast(marker.count))
        }
        if let code = isoCode(body.suffix(3)), body.count > 3, body.dropLast(3).last?.isLetter == false {
            return (code, body.dropLast(3))
        }
        return nil
    }

    package static func isoCode(_ text: Substring) -> String? {
        text.count == 3 && text.unicodeScalars.allSatisfy({ ("A"..."Z").contains($0) }) ? String(text) : nil
    }

    // MARK: - The number

    /// `1,219.49` → `1219.49`; `nil` unless the text is digits with at most one decimal mark.
    package static func decimal(_ text: Substring) -> String? {
        let groupers: Set<Character> = [" ", "'", "\u{00A0}", "\u{202F}", "’"]
        let chars = Array(text.filter { !groupers.contains($0) })
        guard !chars.isEmpty, chars.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == "," || $0 == ".") }) else { return nil }
        let lastDot = chars.lastIndex(of: "."), lastComma = chars.lastIndex(of: ",")
        var decimalMark: Int?
        switch (lastDot, lastComma) {
        case let (dot?, comma?): decimalMark = max(dot, comma)
        case let (dot?, nil): decimalMark = chars.filter({ $0 == "." }).count == 1 ? dot : nil
        case let (nil, comma?):
            let after = chars.count - comma - 1
            decimalMark = chars.filter({ $0 == "," }).count == 1 && (1...2).contains(after) ? comma : nil
        case (nil, nil): decimalMark = nil
        }
        var integer = "", fraction = ""
        for (k, c) in chars.enumerated() {
            if c.isNumber { if let mark = decimalMark, k > mark { fraction.append(c) } else { integer.append(c) } }
            else if let mark = decimalMark, k != mark, k > mark || c == chars[mark] { return nil } // `1.2.3`, `1,2.3,4`
        }
        guard !integer.isEmpty || !fraction.isEmpty else { return nil }
        if decimalMark != nil && fraction.isEmpty { return nil }
        let significant = integer.drop { $0 == "0" }
        let whole = significant.isEmpty ? "0" : String(significant)
        return fraction.isEmpty ? whole : whole + "." + fraction
    }

    /// Full-width digits and marks (`１２．５`) as ASCII: Chinese spreadsheets mix both.
    package static func normalizedDigits(_ text: String) -> String {
        String(String.UnicodeScalarView(text.unicodeScalars.map { scalar in
            switch scalar.value {
            case 0xFF10...0xFF19: return Unicode.Scalar(scalar.value - 0xFF10 + 0x30) ?? scalar
            case 0xFF0C: return ","
            case 0xFF0E: return "."
            case 0xFF0D: return "-"
            case 0x3000: return " "
            default: return scalar
            }
        }))
    }

    private static func trimmed(_ text: Substring) -> Substring {
        Substring(text.trimmingCharacters(in: .whitespacesAndNewlines))
    }
}
