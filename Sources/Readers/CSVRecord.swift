import AccountModel
import Foundation

/// One data row of a CSV file that starts with a header row, read by column name.
///
/// Shared by the Reddit, Amazon and YouTube importers (it lives here because those folders are
/// what this change owns; it belongs in `Support/` next to `CSVReader` when that is convenient).
package struct CSVRecord {
    package let header: CSVHeader
    package let row: CSVRow
    package let entry: ExportEntry
    /// Cell values that mean "no value" in this export (Amazon writes `Not Available`).
    package let placeholders: Set<String>

    package init(header: CSVHeader, row: CSVRow, entry: ExportEntry, placeholders: Set<String>) {
        self.header = header
        self.row = row
        self.entry = entry
        self.placeholders = placeholders
    }

    package var line: Int { row.line }
    package var locator: Locator { Locator(entry: entry.path, line: row.line) }

    /// The first of `names` that is a column and holds a value, trimmed; `nil` for empty
    /// cells and placeholders.
    package func text(_ names: String...) -> String? { text(anyOf: names) }

    package func text(anyOf names: [String]) -> String? {
        for name in names {
            guard let index = header.index(of: name), let cell = row[index] else { continue }
            let trimmed = cell.trimmingCharacters(in: .whitespacesAndNewlines)
            if trimmed.isEmpty || placeholders.contains(trimmed.lowercased()) { continue }
            return trimmed
        }
        return nil
    }

    /// The cell at `index` (for files whose header is translated and read by position).
    package func text(at index: Int) -> String? {
        guard let cell = row[index]?.trimmingCharacters(in: .whitespacesAndNewlines), !cell.isEmpty,
              !placeholders.contains(cell.lowercased()) else { return nil }
        return cell
    }

    /// The row verbatim as a JSON object (header → cell), for an item's `raw`.
    package var raw: JSONValue {
        var members: [JSONValue.Member] = []
        for (index, name) in header.names.enumerated() {
            let key = name.trimmingCharacters(in: CharacterSet(charactersIn: "\u{FEFF} "))
            members.append(JSONValue.Member(key.isEmpty ? "column_\(index + 1)" : key, .string(row[index] ?? "")))
        }
        for index in header.names.count..<max(header.names.count, row.fields.count) {
            members.append(JSONValue.Member("column_\(index + 1)", .string(row.fields[index])))
        }
        return .object(members)
    }

    package var isBlank: Bool { row.fields.allSatisfy { $0.trimmingCharacters(in: .whitespaces).isEmpty } }
}

/// The placeholders every importer treats as empty cells (compared lowercased).
package enum CSVPlaceholders {
    package static let none: Set<String> = []
    package static let amazon: Set<String> = ["not available", "not applicable", "n/a", "none"]
}

extension ExportReader {
    /// Calls `body` for every data row of a CSV entry whose first row is its header; blank rows
    /// are skipped. Returns the header (`nil` for an empty file).
    @discardableResult
    package func forEachCSVRecord(_ entry: ExportEntry, placeholders: Set<String> = CSVPlaceholders.none,
                          _ body: (CSVRecord) throws -> Void) throws -> CSVHeader? {
        var header: CSVHeader?
        try forEachCSVRow(entry) { row in
            guard let known = header else {
                header = CSVHeader(row.fields)
                return true
            }
            let record = CSVRecord(header: known, row: row, entry: entry, placeholders: placeholders)
            if !record.isBlank { try body(record) }
            return true
        }
        return header
    }

    /// The header row of a CSV entry, without reading the rest of the file into records.
    package func csvHeader(_ entry: ExportEntry) throws -> CSVHeader? {
        var header: CSVHeader?
        try forEachCSVRow(entry) { row in
            header = CSVHeader(row.fields)
            return false
        }
        return header
    }
}

extension JSONValue {
    /// An activity's `detail` from optional strings; `nil` when none has a value.
    package static func details(_ pairs: [(String, String?)]) -> JSONValue? {
        let kept = pairs.compactMap { key, value in value.map { (key, JSONValue.string($0)) } }
        return kept.isEmpty ? nil : .obj(kept)
    }
}

/// Counts of rows an importer read but did not record, reported once per file: counts and
/// reasons only, never values.
package final class DroppedRows {
    private var counts: [String: [String: Int]] = [:]

    package init() {}

    package func drop(_ entry: ExportEntry, _ reason: String) {
        counts[entry.path, default: [:]][reason, default: 0] += 1
    }

    package func report(to sink: RecordSink) {
        for (path, reasons) in counts.sorted(by: { $0.key < $1.key }) {
            for (reason, count) in reasons.sorted(by: { $0.key < $1.key }) {
                sink.skipped(section: path, reason: "\(count) \(count == 1 ? "row" : "rows") not recorded: \(reason)")
            }
        }
    }
}
