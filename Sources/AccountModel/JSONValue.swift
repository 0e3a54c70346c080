/// A JSON value that keeps what the platform wrote: member order, duplicate keys and the exact
/// lexical form of numbers (platform ids exceed 2^53 and must survive a round trip untouched).
public enum JSONValue: Sendable, Equatable {
    case null
    case bool(Bool)
    /// The number exactly as written in the source, e.g. `"7312345678901234567"` or `"1.5e3"`.
    case number(String)
    case string(String)
    case array([JSONValue])
    case object([Member])

    public struct Member: Sendable, Equatable {
        public var key: String
        public var value: JSONValue
        public init(_ key: String, _ value: JSONValue) {
            self.key = key
            self.value = value
        }
    }

    public static func int(_ value: Int) -> JSONValue { .number(String(value)) }

    /// Builds an object from pairs, keeping their order.
    public static func obj(_ pairs: [(String, JSONValue)]) -> JSONValue {
        .object(pairs.map { Member($0.0, $0.1) })
    }
}

extension JSONValue {
    public var isNull: Bool { if case .null = self { return true } else { return false } }

    public var stringValue: String? {
        switch self {
        case .string(let s): return s
        case .number(let n): return n
        case .bool(let b): return b ? "true" : "false"
        default: return nil
        }
    }

    public var arrayValue: [JSONValue]? { if case .array(let a) = self { return a } else { return nil } }
    public var members: [Member]? { if case .object(let m) = self { return m } else { return nil } }

    /// Member lookup by exact key (first match).
    public subscript(key: String) -> JSONValue? {
        guard case .object(let members) = self else { return nil }
        return members.first { $0.key == key }?.value
    }

    /// Member lookup ignoring case and surrounding spaces, because platforms write `Date` and
    /// `date`, `Link` and `link`, in different generations of the same file.
    public func member(_ names: String...) -> JSONValue? { member(anyOf: names) }

    public func member(anyOf names: [String]) -> JSONValue? {
        guard case .object(let members) = self else { return nil }
        for name in names {
            let wanted = JSONValue.foldKey(name)
            if let hit = members.first(where: { JSONValue.foldKey($0.key) == wanted }) {
                return hit.value
            }
        }
        return nil
    }

    /// A string member, with `null`, absent and blank all read as "no value".
    public func text(_ names: String...) -> String? {
        guard let value = member(anyOf: names), let s = value.stringValue else { return nil }
        let trimmed = s.trimmingCharacters(in: .whitespacesAndNewlines)
        return trimmed.isEmpty ? nil : trimmed
    }

    /// Case- and separator-insensitive form of a key: `"Video Browsing History"`,
    /// `"video_browsing_history"` and `"VideoBrowsingHistory"` all fold to `videobrowsinghistory`.
    public static func foldKey(_ key: String) -> String {
        var out = String.UnicodeScalarView()
        for scalar in key.unicodeScalars where !(scalar == " " || scalar == "_" || scalar == "-") {
            out.append(contentsOf: String(scalar).lowercased().unicodeScalars)
        }
        return String(out)
    }
}

import Foundation
