/// The search index form as migration v3 wrote it, frozen: a migration must do the same thing
/// forever, so v3 rebuilds the index with this copy, never with the live `SearchText` (whose
/// byte-level code is tuned for imports and may change). This is the definition the live code
/// is tested against: CJK runs of Characters become overlapping bigrams plus the last one.
/// If `SearchText.indexForm` ever changes what it produces, a new migration must rebuild the
/// index with a frozen copy of the new form (SearchTests checks the two still agree).
enum SearchFormV3 {
    static func indexForm(_ text: String) -> String {
        var out = ""
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
            run.removeAll()
        }
        for character in text {
            if isCJK(character) { run.append(character) } else { flush(); out.append(character) }
        }
        flush()
        return out
    }

    /// Hiragana, Katakana, Han (with Extension A, compatibility ideographs, planes 2–3), Hangul
    /// syllables, as of v3.
    private static func isCJK(_ character: Character) -> Bool {
        guard let value = character.unicodeScalars.first?.value else { return false }
        switch value {
        case 0x3040...0x30FF, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xF900...0xFAFF, 0x20000...0x2FA1F, 0xAC00...0xD7AF:
            return true
        default:
            return false
        }
    }
}
