import AccountModel
import Crypto
import Foundation

/// File and folder names inside the bag. Platform ids and original file names can hold anything
/// (`/`, `%`, newlines, Unicode that normalizes to another name, names differing only by case);
/// bag names must survive every file system, BagIt manifests (which escape CR, LF and `%`) and
/// RO-Crate `@id`s (URI references). So names are ASCII `[A-Za-z0-9._-]`, never start with a dot,
/// and whenever the original had to be changed a short digest of it is appended, so two different
/// originals never end up with the same name.
enum SafeName {
    static let maxLength = 64

    /// `raw` as a safe name; `nil` when nothing of it is usable.
    static func from(_ raw: String, maxLength: Int = maxLength) -> String? {
        var out = ""
        var changed = false
        for scalar in raw.unicodeScalars {
            if scalar.isASCII, let ascii = Character(scalar).asciiValue, isAllowed(ascii) {
                out.unicodeScalars.append(scalar)
            } else {
                changed = true
                if out.last != "_" { out.append("_") }
            }
        }
        while out.hasPrefix(".") || out.hasPrefix("_") || out.hasPrefix("-") {
            out.removeFirst()
            changed = true
        }
        while out.hasSuffix(".") || out.hasSuffix("_") {
            out.removeLast()
            changed = true
        }
        if out.isEmpty { return nil }
        if !changed && out.count <= maxLength { return out }
        let suffix = "-" + shortDigest(raw)
        return String(out.prefix(max(1, maxLength - suffix.count))) + suffix
    }

    /// A media file name: `media-<n>-<safe base>.<safe ext>`; the prefix keeps it apart from
    /// `item.json` and `authorship.vc.json` and the position keeps the names of one item distinct.
    static func mediaFile(position: Int, original: String) -> String {
        let base = original.split(separator: "/").last.map(String.init) ?? original
        let parts = base.split(separator: ".", omittingEmptySubsequences: true)
        let ext = parts.count > 1 ? parts.last.flatMap { from(String($0), maxLength: 10)?.lowercased() } : nil
        let stem = parts.count > 1 ? parts.dropLast().joined(separator: ".") : base
        let safeStem = from(stem, maxLength: 40) ?? "file"
        return "media-\(position + 1)-\(safeStem)" + (ext.map { "." + $0 } ?? "")
    }

    static func shortDigest(_ text: String) -> String {
        Hex.string(SHA256.hash(data: Data(text.utf8)).prefix(4))
    }

    private static func isAllowed(_ c: UInt8) -> Bool {
        (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5A) || (c >= 0x61 && c <= 0x7A) || c == 0x2E || c == 0x5F || c == 0x2D
    }
}

/// Hands out item folder names that are unique up to case (names are safe ASCII, so case is the
/// only way two of them could meet on a case-insensitive file system).
struct NameAllocator {
    private var used: Set<String> = []

    mutating func claim(_ preferred: String, disambiguator: String) -> String {
        var name = preferred
        if used.contains(name.lowercased()) { name = preferred + "-" + SafeName.shortDigest(disambiguator) }
        var n = 2
        let base = name
        while used.contains(name.lowercased()) {
            name = "\(base)-\(n)"
            n += 1
        }
        used.insert(name.lowercased())
        return name
    }
}
