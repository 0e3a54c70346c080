import AccountModel
import Foundation
import Readers

/// One record of a source document, whatever its format: a CSV or worksheet row (with its
/// header) or an element of a JSON record list.
struct SourceRecord {
    var locator: Locator
    /// The record as the platform gave it (a CSV row as `{header: cell}`), kept as an item's `raw`.
    var raw: JSONValue
    let cells: [String]
    private let columns: [String: Int]
    let isTable: Bool

    /// A table row: fields are looked up by header (case-insensitive) or `#3` (third column).
    init(locator: Locator, cells: [String], header: [String]?, columns: [String: Int]) {
        self.locator = locator
        self.cells = cells
        self.columns = columns
        isTable = true
        let names = header ?? []
        raw = .object(cells.enumerated().map { k, cell in
            .init(k < names.count && !names[k].isEmpty ? names[k] : "column \(k + 1)", .string(cell))
        })
    }

    init(locator: Locator, json: JSONValue) {
        self.locator = locator
        raw = json
        cells = []
        columns = [:]
        isTable = false
    }

    /// The value of a field as text, or `nil` when absent, null or blank.
    func value(_ name: String) -> String? {
        var text: String?
        if !isTable {
            text = name.hasPrefix("/") ? Self.scalar(Self.resolve(raw, pointer: name)) : Self.scalar(raw.member(anyOf: [name]) ?? Self.exact(raw, name))
        } else if name.hasPrefix("#"), let index = Int(name.dropFirst()), index >= 1, index <= cells.count {
            text = cells[index - 1]
        } else if let index = columns[CSVHeader.fold(name)], index < cells.count {
            text = cells[index]
        }
        return text.flatMap(Self.clean)
    }

    /// Spreadsheet exports guard long ids against Excel with a tab (`"1234\t"`) or `="1234"`.
    static func clean(_ text: String) -> String? {
        var value = text.trimmingCharacters(in: .whitespacesAndNewlines)
        if value.hasPrefix("=\""), value.hasSuffix("\""), value.count >= 3 { value = String(value.dropFirst(2).dropLast()) }
        return value.isEmpty ? nil : value
    }

    static func exact(_ json: JSONValue, _ name: String) -> JSONValue? { json[name] }

    static func scalar(_ json: JSONValue?) -> String? {
        switch json {
        case .string(let s)?: return s
        case .number(let n)?: return n
        case .bool(let b)?: return b ? "true" : "false"
        case .array(let values)?:
            // A list of tags or names reads as one text.
            let parts = values.compactMap { v -> String? in if case .object = v { return nil }; if case .array = v { return nil }; return scalar(v) }
            return parts.isEmpty ? nil : parts.joined(separator: ", ")
        default: return nil
        }
    }

    static func resolve(_ json: JSONValue, pointer: String) -> JSONValue? {
        var current: JSONValue? = json
        for token in MappingPointer.tokens(pointer) {
            switch current {
            case .object?: current = current?.member(anyOf: [token]) ?? current?[token]
            case .array(let values)?: current = Int(token).flatMap { $0 >= 0 && $0 < values.count ? values[$0] : nil }
            default: return nil
            }
        }
        return current
    }
}

enum MappingPointer {
    static func tokens(_ pointer: String) -> [String] {
        guard pointer.hasPrefix("/") else { return [] }
        return pointer.dropFirst().split(separator: "/", omittingEmptySubsequences: false).map {
            $0.replacingOccurrences(of: "~1", with: "/").replacingOccurrences(of: "~0", with: "~")
        }
    }

    static func escape(_ token: String) -> String {
        token.replacingOccurrences(of: "~", with: "~0").replacingOccurrences(of: "/", with: "~1")
    }
}

/// Reads the records of one document for a source, streaming: a CSV row, worksheet row or
/// JSON record at a time.
struct SourceReader {
    let export: ExportReader
    let source: Mapping.Source
    let document: ExportDocument

    var format: Mapping.SourceFormat {
        if source.format != .auto { return source.format }
        switch document.kind {
        case .json: return .json
        case .xlsx: return .xlsx
        default: return .csv
        }
    }

    /// What a table document held besides its records: the rows above the header (a bill's
    /// preamble, one text per row) and whether the header was found.
    struct TableOutline {
        var preamble: [String] = []
        var headerFound = true
    }

    @discardableResult
    func forEach(_ body: (SourceRecord) throws -> Void) throws -> TableOutline {
        switch format {
        case .json: try forEachJSON(body); return TableOutline()
        case .xlsx: return try forEachXLSX(body)
        case .csv, .auto: return try forEachCSV(body)
        }
    }

    /// The header cells of a table document, looking at its first rows for one that holds all of
    /// `wanted` (recognition must not depend on a title row above the header).
    func headerContaining(_ wanted: [String]) throws -> Bool {
        let folded = Set(wanted.map(CSVHeader.fold))
        var found = false, seen = 0
        func check(_ cells: [String]) -> Bool {
            seen += 1
            if folded.isSubset(of: Set(cells.map(CSVHeader.fold))) { found = true }
            return !found && seen < max(10, source.findHeader?.within ?? 0)
        }
        switch format {
        case .json: return false
        case .xlsx:
            let workbook = try export.xlsx(document.entry)
            guard let sheet = workbook.sheet(matching: source.sheet) else { return false }
            try workbook.forEachRow(in: sheet) { check($0.fields) }
        case .csv, .auto:
            guard let entry = document.entry else { return false }
            try export.forEachCSVHeadRow(entry, encoding: source.encoding, delimiter: source.delimiter) { check($0.fields) }
        }
        return found
    }

    private func forEachCSV(_ body: (SourceRecord) throws -> Void) throws -> TableOutline {
        guard let entry = document.entry else { return TableOutline() }
        var table = TableAssembler(source)
        try export.forEachCSVRow(entry, encoding: source.encoding, delimiter: source.delimiter) { row in
            if let record = table.feed(row.fields, Locator(entry: entry.path, line: row.line)) { try body(record) }
            return !table.gaveUp
        }
        return table.outline
    }

    private func forEachXLSX(_ body: (SourceRecord) throws -> Void) throws -> TableOutline {
        let workbook = try export.xlsx(document.entry)
        guard let sheet = workbook.sheet(matching: source.sheet) else {
            throw ImportError.malformed(file: export.displayName, entry: document.path, reason: "the mapping's sheet is not in the workbook")
        }
        var table = TableAssembler(source)
        let sheetToken = "/" + MappingPointer.escape(sheet.name) + "/"
        try export.forEachXLSXRow(document.entry, workbook: workbook, sheet: sheet) { row in
            if let record = table.feed(row.fields, Locator(entry: document.path, pointer: sheetToken + String(row.number))) { try body(record) }
            return !table.gaveUp
        }
        return table.outline
    }

    private func forEachJSON(_ body: (SourceRecord) throws -> Void) throws {
        guard let entry = document.entry else { return }
        let (data, _) = try export.utf8Data(of: entry, encoding: source.encoding)
        let tokens = MappingPointer.tokens(source.records)
        do {
            try data.withUnsafeBytes { raw in
                var reader = JSONReader(raw)
                try Self.descend(&reader, tokens[...], pointer: "") { value, pointer in
                    try body(SourceRecord(locator: Locator(entry: entry.path, pointer: pointer), json: value))
                }
                try reader.expectEnd()
            }
        } catch let error as JSONSyntaxError {
            throw export.malformed(entry, error.localizedDescription)
        }
    }

    /// Walks to the records without building anything on the way; `*` takes every key or index.
    static func descend(_ reader: inout JSONReader, _ tokens: ArraySlice<String>, pointer: String,
                        _ body: (JSONValue, String) throws -> Void) throws {
        guard let token = tokens.first else {
            if try reader.peekKind() == .array {
                try reader.forEachElement { index, inner in try body(try inner.readValue(), pointer + "/" + String(index)) }
            } else {
                try body(try reader.readValue(), pointer)
            }
            return
        }
        let rest = tokens.dropFirst()
        switch try reader.peekKind() {
        case .object:
            let wanted = JSONValue.foldKey(token)
            try reader.forEachMember { key, inner in
                guard token == "*" || key == token || JSONValue.foldKey(key) == wanted else { return }
                try descend(&inner, rest, pointer: pointer + "/" + MappingPointer.escape(key), body)
            }
        case .array:
            try reader.forEachElement { index, inner in
                guard token == "*" || Int(token) == index else { return }
                try descend(&inner, rest, pointer: pointer + "/" + String(index), body)
            }
        default:
            return
        }
    }

    /// Whether a JSON Pointer (with `*`) reaches something in the document.
    static func exists(_ data: Data, pointer: String) -> Bool {
        var found = false
        let tokens = MappingPointer.tokens(pointer)
        try? data.withUnsafeBytes { raw in
            var reader = JSONReader(raw)
            try descendExists(&reader, tokens[...], &found)
        }
        return found
    }

    private static func descendExists(_ reader: inout JSONReader, _ tokens: ArraySlice<String>, _ found: inout Bool) throws {
        guard let token = tokens.first else { found = true; try reader.skipValue(); return }
        let rest = tokens.dropFirst()
        switch try reader.peekKind() {
        case .object:
            try reader.forEachMember { key, inner in
                if !found && (token == "*" || JSONValue.foldKey(key) == JSONValue.foldKey(token)) { try descendExists(&inner, rest, &found) }
            }
        case .array:
            try reader.forEachElement { index, inner in
                if !found && (token == "*" || Int(token) == index) { try descendExists(&inner, rest, &found) }
            }
        default: try reader.skipValue()
        }
    }
}

/// Skips title rows, takes the header row (at a fixed position, or the first row holding the
/// wanted columns), and turns the rows after it into records. The rows above the header are
/// kept as text for the count checks.
struct TableAssembler {
    let headerRow: Int
    let search: Mapping.HeaderSearch?
    private let wanted: Set<String>
    private var index = 0
    private var header: [String]?
    private var columns: [String: Int] = [:]
    private(set) var outline = SourceReader.TableOutline()
    /// The header was searched for and is not within its rows: nothing after can be read.
    private(set) var gaveUp = false

    init(_ source: Mapping.Source) {
        headerRow = source.headerRow
        search = source.findHeader
        wanted = Set((source.findHeader?.columns ?? []).map(CSVHeader.fold))
        outline.headerFound = search == nil
    }

    mutating func feed(_ cells: [String], _ locator: Locator) -> SourceRecord? {
        index += 1
        if let search, header == nil {
            if wanted.isSubset(of: Set(cells.map(CSVHeader.fold))) {
                take(header: cells)
                outline.headerFound = true
            } else {
                outline.preamble.append(Self.text(of: cells))
                if index >= search.within { gaveUp = true }
            }
            return nil
        }
        if search == nil && headerRow > 0 && index < headerRow {
            outline.preamble.append(Self.text(of: cells))
            return nil
        }
        if search == nil && headerRow > 0 && index == headerRow {
            take(header: cells)
            return nil
        }
        if cells.allSatisfy({ $0.trimmingCharacters(in: .whitespaces).isEmpty }) { return nil }
        return SourceRecord(locator: locator, cells: cells, header: header, columns: columns)
    }

    private mutating func take(header cells: [String]) {
        // Bills pad header cells (`交易时间            `): names are trimmed.
        header = cells.map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }
        for (k, name) in cells.enumerated() where columns[CSVHeader.fold(name)] == nil { columns[CSVHeader.fold(name)] = k }
    }

    /// A preamble row as one line: its non-empty cells joined by commas (`收入：1笔 28.50元`).
    static func text(of cells: [String]) -> String {
        cells.map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }.filter { !$0.isEmpty }.joined(separator: ",")
    }
}
