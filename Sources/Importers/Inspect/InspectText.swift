import AccountModel
import Foundation
import Readers

/// The plain-text form of an inspect report, rendered from its JSON so both say the same.
public enum InspectText {
    public static func render(_ report: JSONValue) -> String {
        var out: [String] = []
        let export = report["export"]
        let files = export?["documents"]?.stringValue ?? "0"
        out.append("Export: \(export?["name"]?.stringValue ?? "?") — \(files) \(files == "1" ? "file" : "files"), \(bytes(export?["bytes"]))")
        let recognized = report["recognized_by"]?.arrayValue ?? []
        if recognized.isEmpty {
            out.append("Recognized by: nothing — no importer or mapping knows this layout; write a mapping (see `pda mapping check`).")
        } else {
            out.append("Recognized by:")
            for r in recognized {
                out.append("  \(r["importer"]?.stringValue ?? "?") (\(r["platform"]?.stringValue ?? "?"), \(r["format"]?.stringValue ?? "?")) confidence \(r["confidence"]?.stringValue ?? "?")")
            }
        }
        for document in report["documents"]?.arrayValue ?? [] {
            out.append("")
            var head = "\(document["path"]?.stringValue ?? "?")  \(document["kind"]?.stringValue ?? "?")  \(bytes(document["bytes"]))"
            if let encoding = document["encoding"]?.stringValue {
                head += "  \(encoding)" + (document["bom"] == .bool(true) ? " with BOM" : "")
            }
            if let delimiter = document["delimiter"]?.stringValue { head += ", \(delimiter)-separated" }
            if let ends = document["line_ends"]?.stringValue { head += ", \(ends.uppercased()) line ends" }
            if let lines = document["lines"]?.stringValue { head += ", \(lines) lines" }
            out.append(head)
            if let error = document["error"]?.stringValue { out.append("  error: \(error)") }
            if let note = document["note"]?.stringValue { out.append("  note: \(note)") }
            if let table = document["table"] { out += self.table(table, indent: "  ") }
            for sheet in document["sheets"]?.arrayValue ?? [] {
                out.append("  sheet \(sheet["position"]?.stringValue ?? "?"): \(sheet["sheet"]?.stringValue ?? "?")")
                if let table = sheet["table"] { out += self.table(table, indent: "    ") }
            }
            if let json = document["json"] { out += self.json(json) }
        }
        let others = report["other_files"]?.arrayValue ?? []
        if !others.isEmpty {
            out.append("")
            out.append("Other files: " + others.map { "\($0["count"]?.stringValue ?? "0") .\($0["extension"]?.stringValue ?? "?") (\(bytes($0["bytes"])))" }.joined(separator: ", "))
        }
        for note in report["notes"]?.arrayValue ?? [] { out.append("note: \(note.stringValue ?? "")") }
        return out.joined(separator: "\n") + "\n"
    }

    static func table(_ table: JSONValue, indent: String) -> [String] {
        var out: [String] = []
        let header = table["header_row"]?.stringValue.map { "header row \($0)" } ?? "no header row found"
        out.append("\(indent)\(header); \(table["rows"]?.stringValue ?? "0") data rows")
        let columns = table["columns"]?.arrayValue ?? []
        let names = columns.map { column -> String in
            let label = column["label"]?.stringValue.map { " \($0)" } ?? ""
            return "\(column["column"]?.stringValue ?? "?")\(label)"
        }
        let width = min(32, names.map(displayWidth).max() ?? 0)
        for (column, name) in zip(columns, names) {
            let shown = displayWidth(name)
            let padded = shown < width ? name + String(repeating: " ", count: width - shown) : name
            out.append("\(indent)  \(padded)  filled \(column["filled"]?.stringValue ?? "0")  \(tally(column["shapes"]))")
        }
        return out
    }

    static func json(_ json: JSONValue) -> [String] {
        var out: [String] = []
        for list in json["record_lists"]?.arrayValue ?? [] {
            let pointer = list["pointer"]?.stringValue ?? ""
            out.append("  record list at \"\(pointer)\": \(list["records"]?.stringValue ?? "0") records")
        }
        for path in json["paths"]?.arrayValue ?? [] {
            var line = "  \(path["path"]?.stringValue ?? "?")  ×\(path["count"]?.stringValue ?? "0")  \(tally(path["types"]))"
            if let shapes = path["string_shapes"] { line += " (\(tally(shapes)))" }
            out.append(line)
        }
        return out
    }

    /// Terminal columns: CJK characters take two.
    static func displayWidth(_ text: String) -> Int {
        text.unicodeScalars.reduce(0) { width, scalar in
            let v = scalar.value
            let wide = (0x1100...0x115F).contains(v) || (0x2E80...0xA4CF).contains(v) || (0xAC00...0xD7A3).contains(v)
                || (0xF900...0xFAFF).contains(v) || (0xFE30...0xFE4F).contains(v) || (0xFF00...0xFF60).contains(v)
                || (0xFFE0...0xFFE6).contains(v) || (0x20000...0x3FFFD).contains(v)
            return width + (wide ? 2 : 1)
        }
    }

    static func tally(_ value: JSONValue?) -> String {
        (value?.members ?? []).map { "\($0.key) \($0.value.stringValue ?? "0")" }.joined(separator: ", ")
    }

    static func bytes(_ value: JSONValue?) -> String {
        let n = Double(value?.stringValue ?? "0") ?? 0
        if n < 1024 { return "\(Int(n)) B" }
        if n < 1024 * 1024 { return String(format: "%.1f KiB", n / 1024) }
        return String(format: "%.1f MiB", n / 1024 / 1024)
    }
}
