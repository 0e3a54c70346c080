import AccountModel
import Readers

/// Walks every JSON document of a Meta export against a platform's table, with the pull
/// reader and mojibake repair (keys included): record lists are read one record at a time,
/// everything the table does not know is skipped and reported by entry and key, never by
/// value.
struct MetaWalker {
    let table: MetaTable
    let context: MetaContext
    let export: ExportReader

    static let options = JSONOptions(repairMojibake: true)

    func run() throws {
        var documents: [ExportEntry] = []
        var others: [ExportEntry] = []
        var ignored: [String: [String: Int]] = [:]
        for entry in export.entries {
            let name = entry.name.lowercased()
            // Meta writes `no-data.txt` into every empty category folder: nothing to report.
            if name == "no-data.txt" { continue }
            guard name.hasSuffix(".json") else { others.append(entry); continue }
            let stem = MetaTable.stem(ofPath: entry.path)
            if let reason = table.ignoredFiles[stem] {
                ignored[MetaMediaIndex.group(entry.path), default: [:]][reason, default: 0] += 1
            } else {
                documents.append(entry)
            }
        }
        let late = documents.filter { table.lateFiles.contains(MetaTable.stem(ofPath: $0.path)) }
        for entry in documents where !table.lateFiles.contains(MetaTable.stem(ofPath: entry.path)) { try read(entry) }
        for entry in late { try read(entry) }
        for (group, reasons) in ignored.sorted(by: { $0.key < $1.key }) {
            for (reason, count) in reasons.sorted(by: { $0.key < $1.key }) {
                context.sink.skipped(section: group, reason: "\(count) files not read: \(reason)")
            }
        }
        context.finish(otherFiles: others)
    }

    private func read(_ entry: ExportEntry) throws {
        let fileRow = table.byFile[MetaTable.stem(ofPath: entry.path)]
        let root = Locator(entry: entry.path)
        try export.withJSON(entry, options: Self.options) { reader in
            switch try reader.peekKind() {
            case .array:
                guard let row = fileRow else { return try report(&reader, root, unknown: "unknown file") }
                try read(row, &reader, at: root)
            case .object:
                if let row = fileRow, case .whole(let build) = row.handling {
                    return try build(MetaRecord(try reader.readValue()), root, context)
                }
                try readObject(&reader, fileRow: fileRow, at: root)
            default:
                try report(&reader, root, unknown: "unknown file")
            }
        }
    }

    /// Members named by a row are read as that row says; the rest are reported. In a file
    /// whose row takes a one-record document, the leftover members are that record.
    private func readObject(_ reader: inout JSONReader, fileRow: MetaSection?, at root: Locator) throws {
        var leftovers: [JSONValue.Member] = []
        var unknown: [(key: String, content: Bool)] = []
        var known = 0
        try reader.forEachMember { key, child in
            if let row = table.byKey[JSONValue.foldKey(key)] {
                known += 1
                try read(row, &child, at: root.appending(key))
            } else if fileRow != nil {
                leftovers.append(.init(key, try child.readValue()))
            } else {
                unknown.append((key, try Self.hasContent(&child)))
            }
        }
        if known == 0 && !unknown.isEmpty {
            // A document the table does not know at all: one line for the file, not one per key.
            let content = unknown.contains { $0.content }
            context.sink.skipped(section: root.description, reason: content ? "unknown file" : "unknown file (empty)")
        } else {
            for (key, content) in unknown {
                context.sink.skipped(section: root.appending(key).description,
                                     reason: content ? "unknown section" : "unknown section (empty)")
            }
        }
        guard !leftovers.isEmpty, let fileRow else { return }
        let record = JSONValue.object(leftovers)
        if record.member("label_values") != nil, case .records(let build) = fileRow.handling {
            return try build(MetaRecord(record), root, context)
        }
        for member in leftovers where Self.hasContent(member.value) {
            context.sink.skipped(section: root.appending(member.key).description, reason: "unknown section")
        }
    }

    private func read(_ row: MetaSection, _ reader: inout JSONReader, at: Locator) throws {
        switch row.handling {
        case .notRecorded(let why):
            if try Self.hasContent(&reader) { context.sink.skipped(section: at.description, reason: "not recorded: \(why)") }
        case .whole(let build):
            let value = try reader.readValue()
            if !value.isNull { try build(MetaRecord(value), at, context) }
        case .records(let build):
            switch try reader.peekKind() {
            case .array:
                var unreadable = 0
                try reader.forEachElement { index, element in
                    let value = try element.readValue()
                    switch value {
                    case .object, .string: try build(MetaRecord(value), at.appending(index), context)
                    case .null: break
                    default: unreadable += 1
                    }
                }
                if unreadable > 0 {
                    context.sink.skipped(section: at.description, reason: "\(unreadable) entries are not records and were not read")
                }
            case .object:
                try build(MetaRecord(try reader.readValue()), at, context)
            case .null:
                try reader.skipValue()
            default:
                try report(&reader, at, unknown: "unexpected shape, not read")
            }
        }
    }

    private func report(_ reader: inout JSONReader, _ at: Locator, unknown reason: String) throws {
        let empty = try !Self.hasContent(&reader)
        context.sink.skipped(section: at.description, reason: empty ? "\(reason) (empty)" : reason)
    }

    /// Consumes a value; true when it holds any non-empty scalar.
    static func hasContent(_ reader: inout JSONReader) throws -> Bool {
        switch try reader.peekKind() {
        case .null:
            try reader.skipValue()
            return false
        case .string:
            return MetaText.clean(try reader.readString()) != nil
        case .number, .bool:
            try reader.skipValue()
            return true
        case .object:
            var found = false
            try reader.forEachMember { _, member in if try hasContent(&member) { found = true } }
            return found
        case .array:
            var found = false
            try reader.forEachElement { _, element in if try hasContent(&element) { found = true } }
            return found
        }
    }

    static func hasContent(_ value: JSONValue) -> Bool {
        switch value {
        case .null: return false
        case .string(let s): return MetaText.clean(s) != nil
        case .number, .bool: return true
        case .object(let members): return members.contains { hasContent($0.value) }
        case .array(let elements): return elements.contains(where: hasContent)
        }
    }
}
