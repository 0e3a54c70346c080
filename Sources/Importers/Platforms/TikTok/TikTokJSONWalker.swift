import AccountModel
import Foundation
import Readers

/// The table of sections, indexed by folded path for the walk.
struct TikTokSectionIndex: Sendable {
    private var rows: [String: TikTokSection] = [:]
    /// Every proper prefix of a row's path: levels to descend into.
    private var prefixes: Set<String> = []

    static let shared = TikTokSectionIndex(TikTokSections.all)

    init(_ sections: [TikTokSection]) {
        for section in sections {
            let key = Self.key(section.path)
            if rows[key] == nil { rows[key] = section }
            for length in 1..<section.path.count { prefixes.insert(Self.key(Array(section.path.prefix(length)))) }
        }
    }

    func section(at path: String) -> TikTokSection? { rows[path] }
    func leadsToSections(_ path: String) -> Bool { prefixes.contains(path) }

    /// A folded path as one string; U+001F cannot appear in a folded key that matters.
    static func key(_ path: [String]) -> String { path.joined(separator: "\u{1F}") }
    static func key(_ parent: String, _ folded: String) -> String { parent.isEmpty ? folded : parent + "\u{1F}" + folded }
}

/// Walks `user_data(_tiktok).json` with the streaming pull reader as it inflates: levels of the table are descended,
/// record lists are read one record at a time (a real export has a million watch entries), and
/// every other part of the document is skipped and reported by its path, never its values.
struct TikTokJSONWalker {
    let entry: String
    let state: TikTokImportState
    var index = TikTokSectionIndex.shared

    /// Wrapper-level metadata next to the lists (`"App": 1233`, `"IsFastLane": false`).
    static let metadataKeys: Set<String> = ["app", "isfastlane"]

    func walk(_ reader: inout JSONStreamReader) throws -> Bool {
        guard try reader.peekKind() == .object else { return false }
        try walkObject(&reader, path: "", pointer: "", depth: 1)
        return true
    }

    /// Unknown members are reported by name at the first two levels (categories and sections:
    /// TikTok's own labels). Deeper, a key may be data (a chat partner's name keys a chat), so
    /// unknown members there are counted under their parent, never named.
    private func walkObject(_ reader: inout JSONStreamReader, path: String, pointer: String, depth: Int) throws {
        var unnamedUnknown = 0
        try reader.forEachMember { key, child in
            let folded = JSONValue.foldKey(key)
            let childPath = TikTokSectionIndex.key(path, folded)
            let childPointer = pointer + "/" + Self.escape(key)
            if let section = index.section(at: childPath) {
                try read(section, &child, pointer: childPointer)
            } else if index.leadsToSections(childPath) {
                switch try child.peekKind() {
                case .object: try walkObject(&child, path: childPath, pointer: childPointer, depth: depth + 1)
                case .null: try child.skipValue()
                default: try report(&child, pointer: childPointer, reason: "unexpected shape, not read")
                }
            } else if depth > 1 && Self.metadataKeys.contains(folded) {
                try child.skipValue()
            } else if depth > 2 {
                try child.skipValue()
                unnamedUnknown += 1
            } else {
                let empty = try !Self.hasContent(&child)
                sink.skipped(section: locator(childPointer).description, reason: empty ? "unknown section (empty)" : "unknown section")
            }
        }
        if unnamedUnknown > 0 {
            sink.skipped(section: locator(pointer).description, reason: "\(unnamedUnknown) unknown members, not read")
        }
    }

    private func read(_ section: TikTokSection, _ reader: inout JSONStreamReader, pointer: String) throws {
        switch section.handling {
        case .notRecorded(let why):
            try report(&reader, pointer: pointer, reason: "not recorded: \(why)")
        case .whole(let build):
            let value = try reader.readValue()
            guard !value.isNull else { return }
            try build(TikTokRecord(value), TikTokPlace(locator: locator(pointer)), state)
        case .records(let build):
            try readRecords(&reader, pointer: pointer, build)
        }
    }

    /// A list of records, or a map of records keyed by id (`WatchLiveMap`, `OrderHistories`).
    private func readRecords(_ reader: inout JSONStreamReader, pointer: String, _ build: TikTokBuild) throws {
        var notObjects = 0
        func one(_ value: JSONValue, _ token: String, key: String?) throws {
            guard value.members != nil else { notObjects += 1; return }
            let place = TikTokPlace(locator: Locator(entry: entry, pointer: pointer + "/" + token), key: key)
            try build(TikTokRecord(value), place, state)
        }
        switch try reader.peekKind() {
        case .array:
            try reader.forEachElement { position, element in try one(try element.readValue(), String(position), key: nil) }
        case .object:
            try reader.forEachMember { key, member in try one(try member.readValue(), Self.escape(key), key: key) }
        case .null:
            try reader.skipValue()
        default:
            try report(&reader, pointer: pointer, reason: "unexpected shape, not read")
        }
        if notObjects > 0 {
            sink.skipped(section: locator(pointer).description, reason: "\(notObjects) entries are not JSON objects and were not read")
        }
    }

    /// Skips a value and reports it when it holds anything.
    private func report(_ reader: inout JSONStreamReader, pointer: String, reason: String) throws {
        if try Self.hasContent(&reader) { sink.skipped(section: locator(pointer).description, reason: reason) }
    }

    /// Consumes a value; true when it holds a non-empty scalar outside wrapper metadata.
    /// `N/A` and `None` are TikTok's way of writing nothing.
    static func hasContent(_ reader: inout JSONStreamReader) throws -> Bool {
        switch try reader.peekKind() {
        case .null:
            try reader.skipValue()
            return false
        case .string:
            let text = try reader.readString()
            return TikTokText.trimmedNonEmpty(text).map { !TikTokText.isPlaceholder($0) } ?? false
        case .number, .bool:
            try reader.skipValue()
            return true
        case .object:
            var found = false
            try reader.forEachMember { key, member in
                let content = try hasContent(&member)
                if content && !metadataKeys.contains(JSONValue.foldKey(key)) { found = true }
            }
            return found
        case .array:
            var found = false
            try reader.forEachElement { _, element in if try hasContent(&element) { found = true } }
            return found
        }
    }

    private var sink: RecordSink { state.sink }
    private func locator(_ pointer: String) -> Locator { Locator(entry: entry, pointer: pointer) }

    /// RFC 6901 escaping of one reference token.
    static func escape(_ token: String) -> String {
        guard token.contains(where: { $0 == "~" || $0 == "/" }) else { return token }
        return token.replacingOccurrences(of: "~", with: "~0").replacingOccurrences(of: "/", with: "~1")
    }
}
