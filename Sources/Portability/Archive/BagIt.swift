import Foundation

/// BagIt 1.0 (RFC 8493): the tag files and the manifest line format, written and read.
enum BagIt {
    /// RFC 8493 §2.1.1, byte for byte.
    static let declaration = "BagIt-Version: 1.0\nTag-File-Character-Encoding: UTF-8\n"

    /// `bag-info.txt`: one `Label: value` per line. Values are single lines: line breaks in a name
    /// would otherwise start a continuation line or a new label.
    static func bagInfo(_ fields: [(String, String)]) -> String {
        fields.map { label, value in
            let flat = value.replacingOccurrences(of: "\r\n", with: " ")
                .replacingOccurrences(of: "\n", with: " ").replacingOccurrences(of: "\r", with: " ")
            return "\(label): \(flat)\n"
        }.joined()
    }

    /// `<digest>  <path>\n`, with the path percent-encoded as §2.1.3 asks (CR, LF and `%`).
    static func manifestLine(digest: String, path: String) -> String {
        digest + "  " + encodePath(path) + "\n"
    }

    static func encodePath(_ path: String) -> String {
        guard path.contains(where: { $0 == "%" || $0 == "\r" || $0 == "\n" || $0 == "\r\n" }) else { return path }
        return path.replacingOccurrences(of: "%", with: "%25").replacingOccurrences(of: "\r", with: "%0D")
            .replacingOccurrences(of: "\n", with: "%0A")
    }

    static func decodePath(_ path: String) -> String {
        guard path.contains("%") else { return path }
        return path.replacingOccurrences(of: "%0D", with: "\r", options: .caseInsensitive)
            .replacingOccurrences(of: "%0A", with: "\n", options: .caseInsensitive)
            .replacingOccurrences(of: "%25", with: "%")
    }

    /// Manifest text → (path, lowercase hex digest) pairs, the numbers of malformed lines, and of
    /// lines longer than `maxLineBytes` (skipped unread). Reading stops after `maxLines` lines.
    static func parseManifest(_ text: String, maxLineBytes: Int = .max, maxLines: Int = .max)
        -> (entries: [(path: String, digest: String)], badLines: [Int], longLines: [Int], truncated: Bool) {
        var entries: [(String, String)] = []
        var bad: [Int] = [], long: [Int] = []
        // Lines are split on the byte 0x0A: a `Character` split would join "\r\n" and cost more.
        let lines = text.utf8.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)
        for (n, bytes) in lines.prefix(maxLines).enumerated() {
            guard bytes.count <= maxLineBytes else { long.append(n + 1); continue }
            let line = Substring(bytes)
            let trimmed = line.hasSuffix("\r") ? line.dropLast() : line
            if trimmed.isEmpty { continue }
            // The digest is hex; the separator is one or more spaces or tabs.
            guard let gap = trimmed.firstIndex(where: { $0 == " " || $0 == "\t" }) else { bad.append(n + 1); continue }
            let digest = trimmed[..<gap]
            let path = trimmed[gap...].drop(while: { $0 == " " || $0 == "\t" })
            guard !digest.isEmpty, !path.isEmpty, digest.allSatisfy(\.isHexDigit) else { bad.append(n + 1); continue }
            entries.append((decodePath(String(path)), digest.lowercased()))
        }
        return (entries, bad, long, lines.count > maxLines)
    }

    /// bag-info labels → values (labels compared case-insensitively, as RFC 8493 §2.2.2 allows).
    static func parseBagInfo(_ text: String) -> [String: String] {
        var fields: [String: String] = [:]
        var last: String?
        for line in text.split(separator: "\n") {
            let line = line.hasSuffix("\r") ? line.dropLast() : line
            if let first = line.first, first == " " || first == "\t", let label = last {
                fields[label, default: ""] += " " + line.trimmingCharacters(in: .whitespaces)
                continue
            }
            guard let colon = line.firstIndex(of: ":") else { continue }
            let label = line[..<colon].trimmingCharacters(in: .whitespaces).lowercased()
            fields[label] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
            last = label
        }
        return fields
    }
}

/// The payload manifests (SHA-256 and SHA-512) and the Payload-Oxum, spooled as files are added.
final class ManifestSpools {
    let sha256: Spool
    let sha512: Spool
    private(set) var fileCount = 0
    private(set) var byteCount: UInt64 = 0

    init(in directory: URL) throws {
        sha256 = try Spool(in: directory, name: "manifest-sha256.txt")
        sha512 = try Spool(in: directory, name: "manifest-sha512.txt")
    }

    func add(bagPath: String, _ digests: FileDigests) throws {
        try sha256.append(BagIt.manifestLine(digest: digests.sha256, path: bagPath))
        try sha512.append(BagIt.manifestLine(digest: digests.sha512, path: bagPath))
        fileCount += 1
        byteCount += digests.size
    }

    var oxum: String { "\(byteCount).\(fileCount)" }
}
