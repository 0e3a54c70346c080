/// Makes CJK text searchable with FTS5's stock `unicode61` tokenizer, which treats a run of
/// Han characters as one token (so 直播 inside 今天的直播真好看 would never match). Each CJK run
/// is indexed as overlapping bigrams plus its last character: 直播真 → "直播 播真 真". A query
/// run becomes the phrase of its bigrams, and a single character a prefix query, so every
/// substring of a run is found. Other text passes through unchanged.
public enum SearchText {
    public static func indexForm(_ text: String) -> String {
        // Every CJK scalar handled here is ≥ U+3040, whose UTF-8 lead byte is ≥ 0xE3: text
        // without such a byte (most Latin-script posts) needs no segmenting.
        if !text.utf8.contains(where: { $0 >= 0xE3 }) { return text }
        var out = ""
        out.reserveCapacity(text.utf8.count * 2)
        var run: [Character] = []
        func flush() {
            guard !run.isEmpty else { return }
            out.append(" ")
            for i in 0..<(run.count - 1) {
                out.append(run[i])
                out.append(run[i + 1])
                out.append(" ")
            }
            out.append(run[run.count - 1])
            out.append(" ")
            run.removeAll(keepingCapacity: true)
        }
        for character in text {
            if isCJK(character) { run.append(character) } else { flush(); out.append(character) }
        }
        flush()
        return out
    }

    /// An FTS5 MATCH expression for what a person typed: every word must occur (AND).
    /// Returns nil when the query has nothing searchable.
    public static func matchExpression(_ query: String) -> String? {
        var clauses: [String] = []
        for word in query.split(whereSeparator: { $0.isWhitespace }) {
            var tokens: [String] = []
            var run: [Character] = []
            var plain = ""
            func flushPlain() {
                tokens.append(contentsOf: plain.split(whereSeparator: { !($0.isLetter || $0.isNumber) }).map(String.init))
                plain = ""
            }
            func flushRun() {
                if run.count == 1 {
                    tokens.append(String(run[0]) + "*")
                } else {
                    for i in 0..<max(run.count - 1, 0) { tokens.append(String(run[i...i + 1])) }
                }
                run.removeAll()
            }
            for character in word {
                if isCJK(character) {
                    flushPlain()
                    run.append(character)
                } else {
                    if !run.isEmpty { flushRun() }
                    plain.append(character)
                }
            }
            flushPlain()
            if !run.isEmpty { flushRun() }
            // Each token quoted so FTS5 syntax characters in a query are taken literally;
            // consecutive tokens of one word must be adjacent (FTS5 phrase via `+`).
            let quoted = tokens.map { token -> String in
                if token.hasSuffix("*") { return "\"" + token.dropLast().replacingOccurrences(of: "\"", with: "\"\"") + "\"*" }
                return "\"" + token.replacingOccurrences(of: "\"", with: "\"\"") + "\""
            }
            if !quoted.isEmpty { clauses.append(quoted.joined(separator: " + ")) }
        }
        return clauses.isEmpty ? nil : clauses.joined(separator: " AND ")
    }

    /// The terms to highlight in a snippet of the original text.
    static func highlightTerms(_ query: String) -> [String] {
        query.split(whereSeparator: { $0.isWhitespace }).map { String($0) }
    }

    public static func isCJK(_ character: Character) -> Bool {
        guard let scalar = character.unicodeScalars.first else { return false }
        switch scalar.value {
        case 0x3040...0x30FF, // Hiragana, Katakana
             0x3400...0x4DBF, 0x4E00...0x9FFF, 0xF900...0xFAFF, 0x20000...0x2FA1F, // Han
             0xAC00...0xD7AF: // Hangul syllables
            return true
        default:
            return false
        }
    }
}
