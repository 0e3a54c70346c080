import Foundation

/// A file of an export as inspect and mappings see it: what it is (JSON, CSV, XLSX …) and how
/// to reach it. Usually one entry; when the person passed an `.xlsx` file itself, the
/// ExportReader lists the workbook's XML parts, and the workbook is one document with no entry.
public struct ExportDocument: Sendable, Equatable {
    public enum Kind: String, Sendable {
        case json, csv, xlsx, text, html, media, other
        /// `.xls`, `.numbers`: binary formats pda cannot read; the person can save as `.xlsx`.
        case unsupportedSpreadsheet = "unsupported_spreadsheet"
    }

    /// The path shown in reports and locators (`orders.csv`, `data/notes.json`).
    public var path: String
    public var entry: ExportEntry?
    public var kind: Kind
    public var size: UInt64

    public var name: String { path.split(separator: "/").last.map(String.init) ?? path }

    /// Every document of the export, in path order.
    public static func list(_ export: ExportReader) -> [ExportDocument] {
        if XLSXWorkbook.isPackage(export) {
            let size = export.entries.reduce(0) { $0 + $1.compressedSize }
            return [ExportDocument(path: export.displayName, entry: nil, kind: .xlsx, size: size)]
        }
        return export.entries.map { ExportDocument(path: $0.path, entry: $0, kind: kind(of: $0.path), size: $0.size) }
    }

    package static func kind(of path: String) -> Kind {
        switch (path.split(separator: ".").last.map(String.init) ?? "").lowercased() {
        case "json", "geojson": return .json
        case "csv", "tsv": return .csv
        case "xlsx", "xlsm": return .xlsx
        case "xls", "numbers", "ods", "et": return .unsupportedSpreadsheet
        case "txt", "md", "log": return .text
        case "html", "htm": return .html
        default: return MediaType.guess(path) != nil ? .media : .other
        }
    }
}

/// Shell-style patterns for entry paths, case-insensitive: `*` and `?` stay within one path
/// component, `**` crosses them. A pattern without `/` matches the file name wherever it is,
/// because exports nest the same file under varying top folders.
public enum Glob {
    public static func matches(_ pattern: String, path: String) -> Bool {
        let p = Array(pattern.lowercased()), s = Array(path.lowercased())
        if !pattern.contains("/") {
            let name = Array((path.split(separator: "/").last.map(String.init) ?? path).lowercased())
            return match(p[...], name[...])
        }
        return match(p[...], s[...])
    }

    public static func matches(any patterns: [String], path: String) -> Bool {
        patterns.contains { matches($0, path: path) }
    }

    private static func match(_ p: ArraySlice<Character>, _ s: ArraySlice<Character>) -> Bool {
        guard let first = p.first else { return s.isEmpty }
        if first == "*" {
            let rest = p.dropFirst()
            if rest.first == "*" {
                // `**/` also matches no folder at all.
                var after = rest.dropFirst()
                if after.first == "/" && match(after.dropFirst(), s) { return true }
                after = rest.dropFirst()
                for k in s.indices where match(after, s[k...]) { return true }
                return match(after, s[s.endIndex...])
            }
            var k = s.startIndex
            while true {
                if match(rest, s[k...]) { return true }
                if k == s.endIndex || s[k] == "/" { return false }
                k += 1
            }
        }
        guard let c = s.first else { return false }
        if first == "?" ? c != "/" : first == c { return match(p.dropFirst(), s.dropFirst()) }
        return false
    }
}
