import AccountModel
import Foundation
import Readers

/// `pda inspect`: the structure of an export — its files, encodings, JSON key paths, table
/// columns — and which importers or mappings recognize it, without a single value from it.
/// Everything printed is a count, a size, a type or shape label, or a name that passed
/// `SafeName`; that is what makes the output safe to paste into a public bug report.
public enum ExportInspector {
    /// Structured documents profiled one by one; past this, files are only counted.
    static let maxDocuments = 300

    public static func inspect(_ export: ExportReader, importers: [any Importer]) -> JSONValue {
        let documents = ExportDocument.list(export)
        var profiled: [JSONValue] = []
        var others: [String: (count: Int, bytes: UInt64)] = [:]
        var notes: [String] = []
        for document in documents {
            let structured: Set<ExportDocument.Kind> = [.json, .csv, .xlsx, .text, .html, .unsupportedSpreadsheet]
            guard structured.contains(document.kind), profiled.count < maxDocuments else {
                let ext = document.name.contains(".") ? (document.name.split(separator: ".").last.map { String($0).lowercased() } ?? "") : ""
                let key = SafeName.label(ext) ?? "other"
                others[key, default: (0, 0)].count += 1
                others[key, default: (0, 0)].bytes += document.size
                continue
            }
            profiled.append(profile(document, in: export))
        }
        if profiled.count >= maxDocuments { notes.append("only the first \(maxDocuments) documents were profiled") }
        if XLSXWorkbook.isPackage(export) { notes.append("the export is a single .xlsx workbook") }
        notes.append("file names have digit runs masked as #; keys and headers that look like data are shown as * or omitted")
        let recognitions = importers.map { ($0, $0.recognize(export)) }.filter { $0.1.confidence > 0 }
            .sorted { $0.1.confidence > $1.1.confidence }
        return .obj([
            ("pda_inspect", .int(1)),
            ("export", .obj([
                ("name", .string(SafeName.path(export.displayName))),
                ("documents", .int(documents.count)),
                ("bytes", .number(String(documents.reduce(UInt64(0)) { $0 + $1.size }))),
            ])),
            ("recognized_by", .array(recognitions.map { importer, recognition in
                .obj([
                    ("importer", .string(importer.name)),
                    ("platform", .string(importer.platform.rawValue)),
                    ("format", .string(recognition.format)),
                    ("confidence", .number(String(format: "%.2f", recognition.confidence))),
                ])
            })),
            ("documents", .array(profiled)),
            ("other_files", .array(others.keys.sorted().map { key in
                .obj([("extension", .string(key)), ("count", .int(others[key]?.count ?? 0)),
                      ("bytes", .number(String(others[key]?.bytes ?? 0)))])
            })),
            ("notes", .array(notes.map { .string($0) })),
        ])
    }

    static func profile(_ document: ExportDocument, in export: ExportReader) -> JSONValue {
        var pairs: [(String, JSONValue)] = [
            ("path", .string(SafeName.path(document.path))),
            ("kind", .string(document.kind.rawValue)),
            ("bytes", .number(String(document.size))),
        ]
        do {
            switch document.kind {
            case .json, .csv, .text, .html:
                guard let entry = document.entry else { break }
                let raw = try export.data(of: entry)
                guard let detection = TextEncoding.detect(raw) else {
                    pairs.append(("encoding", .string("unknown")))
                    break
                }
                pairs.append(("encoding", .string(detection.encoding.rawValue)))
                pairs.append(("bom", .bool(detection.hasBOM)))
                let (text, _) = try TextEncoding.utf8Data(raw, encoding: detection.encoding)
                pairs += try profileText(text, kind: document.kind)
            case .xlsx:
                let workbook = try export.xlsx(document.entry)
                pairs.append(("sheets", .array(try workbook.sheets.enumerated().map { k, sheet in
                    var table = TableProfile()
                    try workbook.forEachRow(in: sheet) { row in
                        table.add(number: row.number, cells: row.fields, types: row.cells.map { $0?.typeLabel })
                        return true
                    }
                    table.finish()
                    return .obj([("sheet", .string(SafeName.label(sheet.name) ?? "sheet \(k + 1)")),
                                 ("position", .int(k + 1)), ("table", table.json(letters: true))])
                })))
            case .unsupportedSpreadsheet:
                pairs.append(("note", .string("binary spreadsheet: open it and save as .xlsx or .csv for pda to read it")))
            case .media, .other:
                break
            }
        } catch {
            pairs.append(("error", .string(describe(error))))
        }
        return .obj(pairs)
    }

    static func profileText(_ data: Data, kind: ExportDocument.Kind) throws -> [(String, JSONValue)] {
        switch kind {
        case .json:
            var profile = JSONProfile()
            try data.withUnsafeBytes { raw in
                var reader = JSONReader(raw)
                try profile.walk(&reader)
                try reader.expectEnd()
            }
            return [("json", profile.json)]
        case .csv:
            let delimiter = CSVReader.guessDelimiter(data)
            let names: [UInt8: String] = [UInt8(ascii: ","): "comma", UInt8(ascii: "\t"): "tab", UInt8(ascii: ";"): "semicolon", UInt8(ascii: "|"): "bar"]
            var reader = CSVReader(data: data, delimiter: delimiter)
            var table = TableProfile()
            try reader.forEach { row in table.add(number: row.line, cells: row.fields); return true }
            table.finish()
            let crlf = data.range(of: Data("\r\n".utf8)) != nil
            return [("delimiter", .string(names[delimiter] ?? "comma")), ("line_ends", .string(crlf ? "crlf" : "lf")),
                    ("table", table.json(letters: false))]
        default:
            let lines = data.reduce(into: 0) { count, byte in if byte == 0x0A { count += 1 } }
            return [("lines", .int(lines + (data.last == 0x0A || data.isEmpty ? 0 : 1)))]
        }
    }

    /// An error as a sentence that quotes nothing from the export.
    static func describe(_ error: Error) -> String {
        switch error {
        case let error as JSONSyntaxError: return error.localizedDescription
        case let error as CSVError: return error.localizedDescription
        case let error as TextEncodingError: return error.localizedDescription
        case let error as XLSXError: return error.localizedDescription
        case let error as ImportError:
            if case .malformed(_, _, let reason) = error { return SafeName.path(reason) }
            if case .tooLarge = error { return "larger than the document limit" }
            return "cannot be read"
        default: return "cannot be read"
        }
    }
}
