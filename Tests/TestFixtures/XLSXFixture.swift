import Foundation
import ZIPFoundation

/// Builds small `.xlsx` workbooks at test time by writing the SpreadsheetML parts into a zip,
/// so fixtures stay readable and no spreadsheet program is needed.
public enum XLSXFixture {
    public enum Cell {
        case shared(String)
        case inline(String)
        case number(String)
        /// A date serial in a cell styled as a date (style 1: `yyyy-mm-dd hh:mm:ss`, custom 164);
        /// style 2 is built-in 14 (date only).
        case date(String, style: Int)
        case bool(Bool)
    }

    public struct Sheet {
        public var name: String
        public var rows: [[Cell?]]

        public init(name: String, rows: [[Cell?]]) {
            self.name = name
            self.rows = rows
        }
    }

    /// Writes the workbook to `url`.
    public static func write(_ sheets: [Sheet], to url: URL, date1904: Bool = false) throws {
        var shared: [String] = []
        func sharedIndex(_ text: String) -> Int {
            if let i = shared.firstIndex(of: text) { return i }
            shared.append(text)
            return shared.count - 1
        }
        var parts: [(String, String)] = []
        for (k, sheet) in sheets.enumerated() {
            var xml = #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>"#
            for (r, row) in sheet.rows.enumerated() {
                xml += #"<row r="\#(r + 1)">"#
                for (c, cell) in row.enumerated() {
                    guard let cell else { continue }
                    let ref = column(c) + String(r + 1)
                    switch cell {
                    case .shared(let text): xml += #"<c r="\#(ref)" t="s"><v>\#(sharedIndex(text))</v></c>"#
                    case .inline(let text): xml += #"<c r="\#(ref)" t="inlineStr"><is><t>\#(escape(text))</t></is></c>"#
                    case .number(let value): xml += #"<c r="\#(ref)"><v>\#(value)</v></c>"#
                    case .date(let serial, let style): xml += #"<c r="\#(ref)" s="\#(style)"><v>\#(serial)</v></c>"#
                    case .bool(let value): xml += #"<c r="\#(ref)" t="b"><v>\#(value ? 1 : 0)</v></c>"#
                    }
                }
                xml += "</row>"
            }
            xml += "</sheetData></worksheet>"
            parts.append(("xl/worksheets/sheet\(k + 1).xml", xml))
        }
        let sheetList = sheets.enumerated().map { k, s in #"<sheet name="\#(escape(s.name))" sheetId="\#(k + 1)" r:id="rId\#(k + 1)"/>"# }.joined()
        parts.append(("xl/workbook.xml", #"<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><workbookPr date1904="\#(date1904 ? 1 : 0)"/><sheets>\#(sheetList)</sheets></workbook>"#))
        let rels = sheets.indices.map { k in #"<Relationship Id="rId\#(k + 1)" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet\#(k + 1).xml"/>"# }.joined()
        parts.append(("xl/_rels/workbook.xml.rels", #"<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\#(rels)</Relationships>"#))
        parts.append(("_rels/.rels", #"<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>"#))
        let strings = shared.map { "<si><t>\(escape($0))</t></si>" }.joined()
        parts.append(("xl/sharedStrings.xml", #"<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="\#(shared.count)" uniqueCount="\#(shared.count)">\#(strings)</sst>"#))
        parts.append(("xl/styles.xml", #"<?xml version="1.0" encoding="UTF-8"?><styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><numFmts count="1"><numFmt numFmtId="164" formatCode="yyyy\-mm\-dd\ hh:mm:ss"/></numFmts><cellXfs count="3"><xf numFmtId="0"/><xf numFmtId="164" applyNumberFormat="1"/><xf numFmtId="14" applyNumberFormat="1"/></cellXfs></styleSheet>"#))
        parts.insert(("[Content_Types].xml", #"<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/></Types>"#), at: 0)
        try zip(parts, to: url)
    }

    public static func zip(_ parts: [(String, String)], to url: URL) throws {
        try? FileManager.default.removeItem(at: url)
        let archive = try Archive(url: url, accessMode: .create)
        for (path, text) in parts {
            let data = Data(text.utf8)
            try archive.addEntry(with: path, type: .file, uncompressedSize: Int64(data.count), compressionMethod: .deflate) { (position: Int64, size: Int) -> Data in
                data.subdata(in: Int(position)..<Int(position) + size)
            }
        }
    }

    static func column(_ index: Int) -> String {
        var n = index + 1, name = ""
        while n > 0 {
            let r = (n - 1) % 26
            name = String(UnicodeScalar(UInt8(65 + r))) + name
            n = (n - 1) / 26
        }
        return name
    }

    static func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
    }
}
