import AccountModel
import Readers

/// Reads one `data/*.js` file by its row of `XSections`: the list is streamed as it inflates
/// and each element materialized on its own (100,000 tweets never become one tree),
/// unwrapped from its `{"tweet": {…}}` object and handed to the row's builder. Unknown files
/// and unexpected shapes are reported by path, never by value, and never fail the import.
struct XDataReader {
    let export: ExportReader
    let state: XImportState
    /// Unknown and unrecorded files up to this size are opened to tell empty ones apart.
    static let emptinessCheckLimit: UInt64 = 1 << 20

    func read(_ file: XDataFile) throws {
        let entry = file.entry
        guard let section = XSections.section(for: file.type) else {
            let reason = isEmpty(entry) ? "unknown data type (empty), not read" : "unknown data type, not read"
            return state.sink.skipped(section: entry.path, reason: reason)
        }
        switch section.handling {
        case .notRecorded(let why):
            // Reported even when empty, so every file of the archive is accounted for.
            let empty = isEmpty(entry) ? " (empty)" : ""
            state.sink.skipped(section: entry.path, reason: "not recorded\(empty): \(why)")
        case .records(let build):
            try readRecords(entry, build)
        }
    }

    private func readRecords(_ entry: ExportEntry, _ build: XBuild) throws {
        try XScript.stream(export, entry) { reader in
            guard try reader.peekKind() == .array else {
                try reader.skipValue()
                return state.sink.skipped(section: entry.path, reason: "unexpected shape (not a list), not read")
            }
            try reader.forEachElement { index, element in
                // The record's bytes stay in the buffer while its builder runs (its raw text).
                try element.withValue { bytes in
                    let start = bytes.offset
                    let value = try bytes.readValue()
                    let (record, locator, unwrapped) = Self.unwrap(value, entry: entry.path, index: index)
                    guard record.members != nil else {
                        return state.note(entry.path, "entries are not JSON objects and were not read")
                    }
                    let source = start..<bytes.offset
                    state.recordSource = (unwrapped ? bytes.singleMemberValue(in: source) : source).map { (bytes, $0) }
                    defer { state.recordSource = nil }
                    try build(record, locator, state)
                }
            }
        }
    }

    /// `{"tweet": {…}}` → the inner object, at `/<index>/tweet`. Early archives wrote tweets
    /// bare; a record with several members is its own record.
    static func unwrap(_ value: JSONValue, entry: String, index: Int) -> (JSONValue, Locator, unwrapped: Bool) {
        let element = Locator(entry: entry, pointer: "/\(index)")
        guard case .object(let members) = value, members.count == 1, members[0].value.members != nil else {
            return (value, element, false)
        }
        let key = members[0].key
        // Wrapper keys are plain words; `appending` escapes (slowly) only what needs it.
        let plain = !key.utf8.contains { $0 == UInt8(ascii: "~") || $0 == UInt8(ascii: "/") }
        let locator = plain ? Locator(entry: entry, pointer: "/\(index)/\(key)") : element.appending(key)
        return (members[0].value, locator, true)
    }

    /// True for `window.YTD.x.part0 = [ ]` and the like; a file too large to check, or one
    /// that does not parse, counts as holding something.
    private func isEmpty(_ entry: ExportEntry) -> Bool {
        guard entry.size <= Self.emptinessCheckLimit else { return false }
        let empty = try? XScript.read(export, entry) { reader -> Bool in
            var found = false
            switch try reader.peekKind() {
            case .array: try reader.forEachElement { _, element in found = true; try element.skipValue() }
            case .object: try reader.forEachMember { _, member in found = true; try member.skipValue() }
            default: try reader.skipValue(); found = true
            }
            return !found
        }
        return empty ?? false
    }
}
