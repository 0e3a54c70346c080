import AccountModel
import Foundation
import Readers

/// The columns of a CSV file or worksheet: the header row (found, not assumed), each column's
/// label when it looks like one, how many cells are filled and what their values look like.
struct TableProfile {
    struct Column {
        var label: String?
        var filled = 0
        var shapes = LabelTally()
    }

    /// Rows read before deciding where the header is (title rows often come first).
    static let headerSearchRows = 10

    private(set) var rows = 0
    private(set) var headerRow: Int?
    private(set) var columns: [Column] = []
    private var pending: [(number: Int, cells: [String], types: [String?])] = []
    private var settled = false

    /// Feeds one row (`types` are XLSX cell types, `nil` for CSV).
    mutating func add(number: Int, cells: [String], types: [String?] = []) {
        guard settled else {
            pending.append((number, cells, types))
            if pending.count == Self.headerSearchRows { settleHeader() }
            return
        }
        count(cells, types: types)
    }

    mutating func finish() { if !settled { settleHeader() } }

    /// The header is the first of the leading rows whose cells are all labels (two at least);
    /// rows above it are titles and are not counted; without one, every row is data.
    private mutating func settleHeader() {
        settled = true
        let buffered = pending
        pending = []
        let index = buffered.indices.first { k in
            let row = buffered[k]
            let filled = row.cells.filter { !$0.trimmingCharacters(in: .whitespaces).isEmpty }
            guard filled.count >= 2, filled.allSatisfy({ SafeName.label($0) != nil }), Set(filled).count == filled.count,
                  row.types.allSatisfy({ $0 == nil || $0 == "text" }) else { return false }
            // A header only counts when the rows below it look different somewhere (a date, a
            // number, a link): a header-less file of plain words must not print its first row.
            return buffered[(k + 1)...].contains { below in
                below.cells.enumerated().contains { c, cell in
                    let type = c < below.types.count ? below.types[c] : nil
                    let shape = type == nil || type == "text" ? ValueShape.of(cell) : "typed"
                    return !["text", "empty", "multiline_text", "bool"].contains(shape)
                }
            }
        }
        var dataRows = buffered[...]
        if let index {
            headerRow = buffered[index].number
            columns = buffered[index].cells.map { Column(label: SafeName.label($0)) }
            dataRows = buffered[(index + 1)...]
        }
        for row in dataRows { count(row.cells, types: row.types) }
    }

    private mutating func count(_ cells: [String], types: [String?]) {
        rows += 1
        while columns.count < cells.count { columns.append(Column()) }
        for (k, cell) in cells.enumerated() where !cell.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
            columns[k].filled += 1
            let type = k < types.count ? types[k] : nil
            columns[k].shapes.add(type == nil || type == "text" ? ValueShape.of(cell) : type ?? "text")
        }
    }

    static func columnName(_ index: Int, letters: Bool) -> String {
        guard letters else { return "column \(index + 1)" }
        var n = index + 1, name = ""
        while n > 0 {
            name = String(UnicodeScalar(UInt8(65 + (n - 1) % 26))) + name
            n = (n - 1) / 26
        }
        return name
    }

    func json(letters: Bool) -> JSONValue {
        .obj([
            ("header_row", headerRow.map { .int($0) } ?? .null),
            ("rows", .int(rows)),
            ("columns", .array(columns.enumerated().map { k, column in
                .obj([
                    ("column", .string(Self.columnName(k, letters: letters))),
                    ("label", column.label.map { .string($0) } ?? .null),
                    ("filled", .int(column.filled)),
                    ("shapes", column.shapes.json),
                ])
            })),
        ])
    }
}

extension XLSXCell {
    /// The type `pda inspect` reports for a cell: text cells get a shape later.
    var typeLabel: String {
        switch self {
        case .text: return "text"
        case .number: return "number"
        case .date: return "excel_date"
        case .bool: return "bool"
        case .error: return "error"
        }
    }
}
