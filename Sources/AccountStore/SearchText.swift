/// Makes CJK text searchable with FTS5's stock `unicode61` tokenizer, which treats a run of
/// Han characters as one token (so 直播 inside 今天的直播真好看 would never match). Each CJK run
/// is indexed as overlapping bigrams plus its last character: 直播真 → "直播 播真 真". A query
/// run becomes the phrase of its bigrams, and a single character a prefix query, so every
/// substring of a run is found. Other text passes through unchanged.
public enum SearchText {
    public static func indexForm(_ text: String) -> String {
        var out: [UInt8] = []
        appendIndexForm(text, to: &out)
        return String(decoding: out, as: UTF8.self)
    }

    /// Writes the index form of `text` as UTF-8. Works on bytes, not Characters: imports
    /// segment every post, and grapheme breaking cost more than the rest of the segmenting.
    /// A CJK unit is a CJK scalar plus the marks that extend it, which is what a Character
    /// holds, so the units match those of `matchExpression`.
    public static func appendIndexForm(_ text: String, to out: inout [UInt8]) {
        var text = text
        text.withUTF8 { appendIndexForm($0, to: &out) }
    }

    /// The same for text already held as (valid) UTF-8 bytes.
    static func appendIndexForm(_ utf8: UnsafeBufferPointer<UInt8>, to out: inout [UInt8]) {
        // Every CJK scalar handled here is ≥ U+3040, whose UTF-8 lead byte is ≥ 0xE3: text
        // without such a byte (most Latin-script posts) needs no segmenting.
        guard utf8.contains(where: { $0 >= 0xE3 }) else { return out.append(contentsOf: utf8) }
        out.reserveCapacity(out.count + utf8.count * 2)
        var run: [Range<Int>] = []
        func flush() {
            guard let last = run.last else { return }
            out.append(0x20)
            for i in 0..<(run.count - 1) {
                out.append(contentsOf: utf8[run[i]])
                out.append(contentsOf: utf8[run[i + 1]])
                out.append(0x20)
            }
            out.append(contentsOf: utf8[last])
            out.append(0x20)
            run.removeAll(keepingCapacity: true)
        }
        var offset = 0
        while offset < utf8.count {
            let (scalar, length) = decode(utf8, at: offset)
            let range = offset..<(offset + length)
            offset += length
            // A mark that opens the text is a Character of its own (and CJK if in a CJK block).
            let extends = range.lowerBound > 0 && extendsPrevious(scalar)
            if extends, let last = run.last {
                run[run.count - 1] = last.lowerBound..<range.upperBound
            } else if isCJK(scalar) && !extends {
                run.append(range)
            } else {
                flush()
                out.append(contentsOf: utf8[range])
            }
        }
        flush()
    }

    /// The scalar at `offset` of valid UTF-8 and its length in bytes.
    private static func decode(_ utf8: UnsafeBufferPointer<UInt8>, at offset: Int) -> (UInt32, Int) {
        let lead = UInt32(utf8[offset])
        func continuation(_ n: Int) -> UInt32 { UInt32(utf8[offset + n] & 0x3F) }
        switch lead {
        case ..<0x80: return (lead, 1)
        case ..<0xE0: return ((lead & 0x1F) << 6 | continuation(1), 2)
        case ..<0xF0: return ((lead & 0x0F) << 12 | continuation(1) << 6 | continuation(2), 3)
        default: return ((lead & 0x07) << 18 | continuation(1) << 12 | continuation(2) << 6 | continuation(3), 4)
        }
    }

    /// Scalars that belong to the Character before them (grapheme cluster rules GB9, GB9a and
    /// Hangul trailing jamo): combining marks, ZWJ, variation selectors, emoji modifiers.
    static func extendsPrevious(_ value: UInt32) -> Bool {
        if value < 0x300 || (0x3400...0x9FFF).contains(value) || (0xAC00...0xD7AF).contains(value) { return false }
        if (0x1160...0x11FF).contains(value) || (0xD7B0...0xD7FF).contains(value) || value == 0x200D
            || (0x1F3FB...0x1F3FF).contains(value) { return true }
        guard let scalar = Unicode.Scalar(value) else { return false }
        return scalar.properties.isGraphemeExtend || scalar.properties.generalCategory == .spacingMark
    }

    /// CJK units and the other text between them, as `matchExpression` reads a query word.
    enum Piece: Equatable {
        case cjk([String])
        case other(String)
    }

    static func pieces(_ word: Substring) -> [Piece] {
        var pieces: [Piece] = []
        var units: [String] = []
        var other = ""
        for (index, scalar) in word.unicodeScalars.enumerated() {
            let extends = index > 0 && extendsPrevious(scalar.value)
            if extends, !units.isEmpty {
                units[units.count - 1].unicodeScalars.append(scalar)
            } else if isCJK(scalar.value) && !extends {
                if !other.isEmpty { pieces.append(.other(other)); other = "" }
                units.append(String(scalar))
            } else {
                if !units.isEmpty { pieces.append(.cjk(units)); units = [] }
                other.unicodeScalars.append(scalar)
            }
        }
        if !units.isEmpty { pieces.append(.cjk(units)) }
        if !other.isEmpty { pieces.append(.other(other)) }
        return pieces
    }

    /// An FTS5 MATCH expression for what a person typed: every word must occur (AND).
    /// Returns nil when the query has nothing searchable.
    public static func matchExpression(_ query: String) -> String? {
        var clauses: [String] = []
        for word in query.split(whereSeparator: { $0.isWhitespace }) {
            var tokens: [String] = []
            for piece in pieces(word) {
                switch piece {
                case .other(let plain):
                    tokens.append(contentsOf: plain.split(whereSeparator: { !($0.isLetter || $0.isNumber) }).map(String.init))
                case .cjk(let units) where units.count == 1:
                    tokens.append(units[0] + "*")
                case .cjk(let units):
                    for i in 0..<(units.count - 1) { tokens.append(units[i] + units[i + 1]) }
                }
            }
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
        character.unicodeScalars.first.map { isCJK($0.value) } ?? false
    }

    static func isCJK(_ value: UInt32) -> Bool {
        switch value {
        case 0x3040...0x30FF, // Hiragana, Katakana
             0x3400...0x4DBF, 0x4E00...0x9FFF, 0xF900...0xFAFF, 0x20000...0x2FA1F, // Han
             0xAC00...0xD7AF: // Hangul syllables
            return true
        default:
            return false
        }
    }
}
