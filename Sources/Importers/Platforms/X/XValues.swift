import AccountModel
import Foundation
import Readers

/// Reading X's values. X spells each key one way within a generation (`id_str`, `accountId`),
/// so fields are found by exact key, trying the listed spellings in order: cheaper than
/// case-folding every member of 100,000 tweets. Ids are kept as the text written, numbers
/// included (ids exceed 2^53).
enum XValues {
    /// The first listed member that is a non-blank string or a number; `null` reads as absent.
    static func text(_ value: JSONValue, _ keys: String...) -> String? { text(value, keys) }

    static func text(_ value: JSONValue, _ keys: [String]) -> String? {
        guard case .object(let members) = value else { return nil }
        for key in keys {
            for member in members where member.key == key {
                switch member.value {
                case .string(let s):
                    if let trimmed = trimmedNonEmpty(s) { return trimmed }
                case .number(let n):
                    return n
                default:
                    break
                }
            }
        }
        return nil
    }

    /// The member at a path of exact keys (`["ad", "adsUserData", "adImpressions"]`).
    static func at(_ value: JSONValue, _ path: [String]) -> JSONValue? {
        var current: JSONValue? = value
        for key in path { current = current?[key] }
        return current
    }

    static func trimmedNonEmpty(_ s: String) -> String? {
        guard let first = s.utf8.first, let last = s.utf8.last else { return nil }
        if !isSpace(first) && !isSpace(last) { return s }
        let trimmed = s.trimmingCharacters(in: .whitespacesAndNewlines)
        return trimmed.isEmpty ? nil : trimmed
    }

    /// Tweet texts are HTML-escaped in the archive (`&amp;`, `&lt;`, `&gt;`): the item's text is
    /// what the person typed; `raw` keeps what X wrote. Byte-level, because Foundation's
    /// `replacingOccurrences` costs more than the rest of a tweet's import on Linux.
    static func htmlUnescaped(_ text: String) -> String {
        var text = text
        return text.withUTF8 { bytes -> String? in
            guard let first = bytes.firstIndex(of: UInt8(ascii: "&")) else { return nil }
            var out: [UInt8] = []
            out.reserveCapacity(bytes.count)
            out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[..<first]))
            var k = first
            outer: while k < bytes.count {
                if bytes[k] == UInt8(ascii: "&") {
                    for (entity, replacement) in entities where bytes[k...].starts(with: entity) {
                        out.append(replacement)
                        k += entity.count
                        continue outer
                    }
                }
                out.append(bytes[k])
                k += 1
            }
            return String(decoding: out, as: UTF8.self)
        } ?? text
    }

    private static let entities: [([UInt8], UInt8)] = [
        (Array("&amp;".utf8), UInt8(ascii: "&")), (Array("&lt;".utf8), UInt8(ascii: "<")),
        (Array("&gt;".utf8), UInt8(ascii: ">")), (Array("&quot;".utf8), UInt8(ascii: "\"")),
        (Array("&#39;".utf8), UInt8(ascii: "'")),
    ]

    /// A post's address. Without the owner's username (no account.js, no manifest), X's
    /// username-less form, which redirects to the same post.
    static func statusURL(id: String, username: String?) -> String {
        if let username { return "https://x.com/\(username)/status/\(id)" }
        return "https://x.com/i/status/\(id)"
    }

    /// Account names compare without case and without a leading `@`.
    static func handle(_ name: String) -> String {
        name.hasPrefix("@") ? String(name.dropFirst()) : name
    }

    private static func isSpace(_ b: UInt8) -> Bool { b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D }
}
