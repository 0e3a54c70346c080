import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// SAX parsing of the SpreadsheetML parts pda needs. Element and attribute names are matched
/// by local name, because some writers prefix every element (`<x:row>`).
package enum XLSXXML {
    package struct Workbook {
        var sheets: [(name: String, relationship: String)] = []
        var uses1904Dates = false
    }

    package static func workbook(_ data: Data, part: String) throws -> Workbook {
        var workbook = Workbook()
        try parse(data, part: part, start: { name, attributes in
            switch name {
            case "sheet":
                if let sheetName = attributes.attribute("name"), let id = attributes.attribute("id", prefixed: true) {
                    workbook.sheets.append((sheetName, id))
                }
            case "workbookPr":
                let flag = attributes.attribute("date1904")?.lowercased()
                workbook.uses1904Dates = flag == "1" || flag == "true"
            default: break
            }
        })
        return workbook
    }

    /// Relationship id → target, optionally only those whose type ends with `type`.
    package static func relationships(_ data: Data, part: String, type: String? = nil) throws -> [String: String] {
        var targets: [String: String] = [:]
        try parse(data, part: part, start: { name, attributes in
            guard name == "Relationship", let id = attributes.attribute("Id"), let target = attributes.attribute("Target") else { return }
            if attributes.attribute("TargetMode") == "External" { return }
            if let type, !(attributes.attribute("Type") ?? "").hasSuffix("/" + type) { return }
            targets[id] = target
        })
        return targets
    }

    /// The shared string table: the text of each `<si>`, rich-text runs joined, phonetic
    /// guides (`<rPh>`, Japanese furigana) left out.
    package static func sharedStrings(_ data: Data, part: String) throws -> [String] {
        var strings: [String] = []
        var current = "", inText = false, phoneticDepth = 0
        try parse(data, part: part, start: { name, _ in
            switch name {
            case "si": current = ""
            case "rPh": phoneticDepth += 1
            case "t": inText = phoneticDepth == 0
            default: break
            }
        }, end: { name in
            switch name {
            case "si": strings.append(current)
            case "rPh": phoneticDepth -= 1
            case "t": inText = false
            default: break
            }
        }, text: { if inText { current += $0 } })
        return strings
    }

    package static func styles(_ data: Data, part: String) throws -> XLSXStyles {
        var styles = XLSXStyles()
        var inCellFormats = false
        try parse(data, part: part, start: { name, attributes in
            switch name {
            case "numFmt":
                if let id = attributes.attribute("numFmtId").flatMap(Int.init), let code = attributes.attribute("formatCode") {
                    styles.customFormats[id] = code
                }
            case "cellXfs": inCellFormats = true
            case "xf" where inCellFormats: styles.cellFormats.append(attributes.attribute("numFmtId").flatMap(Int.init) ?? 0)
            default: break
            }
        }, end: { name in if name == "cellXfs" { inCellFormats = false } })
        return styles
    }

    /// Streams a worksheet's rows to `body`.
    package static func rows(_ data: Data, part: String, decoder: XLSXCellDecoder, _ body: (XLSXRow) throws -> Bool) throws {
        var row: XLSXRow?
        var nextRow = 1, nextColumn = 0
        var cell = (column: 0, type: "", style: 0, value: "", inValue: false, inline: false, phonetic: 0)
        var stopped = false
        var failure: Error?
        try withoutActuallyEscaping(body) { body in
            try parse(data, part: part, start: { name, attributes in
                switch name {
                case "row":
                    let number = attributes.attribute("r").flatMap(Int.init) ?? nextRow
                    row = XLSXRow(number: number, cells: [])
                    nextRow = number + 1
                    nextColumn = 0
                case "c":
                    let column = attributes.attribute("r").flatMap(CellReference.column) ?? nextColumn
                    cell = (column, attributes.attribute("t") ?? "n", attributes.attribute("s").flatMap(Int.init) ?? 0, "", false, false, 0)
                    nextColumn = column + 1
                case "v": cell.inValue = true
                case "is": cell.inline = true
                case "rPh": cell.phonetic += 1
                case "t": cell.inValue = cell.inline && cell.phonetic == 0
                default: break
                }
            }, end: { name in
                switch name {
                case "v", "t": cell.inValue = false
                case "rPh": cell.phonetic -= 1
                case "c":
                    // 16,384 columns is Excel's own limit; beyond it a file is hostile.
                    guard let width = row?.cells.count, cell.column < 16_384 else { return }
                    let value = decoder.decode(type: cell.type, style: cell.style, raw: cell.value)
                    if width <= cell.column { row?.cells += Array(repeating: nil, count: cell.column + 1 - width) }
                    row?.cells[cell.column] = value
                case "row":
                    defer { row = nil }
                    guard let finished = row, finished.cells.contains(where: { $0 != nil }) else { return }
                    do { if try !body(finished) { stopped = true } } catch { failure = error; stopped = true }
                default: break
                }
            }, text: { if cell.inValue { cell.value += $0 } }, shouldStop: { stopped })
        }
        if let failure { throw failure }
    }

    // MARK: - The SAX driver

    package static func parse(_ data: Data, part: String, start: @escaping (String, [String: String]) -> Void,
                      end: @escaping (String) -> Void = { _ in }, text: @escaping (String) -> Void = { _ in },
                      shouldStop: @escaping () -> Bool = { false }) throws {
        let parser = XMLParser(data: data)
        parser.shouldResolveExternalEntities = false
        let events = XMLEvents(start: start, end: end, text: text, shouldStop: shouldStop)
        parser.delegate = events
        if !parser.parse() && !events.aborted {
            throw XLSXError.malformedPart(part, reason: "invalid XML at line \(parser.lineNumber)")
        }
    }
}

/// Forwards parser events to closures, by local name.
private final class XMLEvents: NSObject, XMLParserDelegate {
    package let start: (String, [String: String]) -> Void
    package let end: (String) -> Void
    package let text: (String) -> Void
    package let shouldStop: () -> Bool
    package var aborted = false

    package init(start: @escaping (String, [String: String]) -> Void, end: @escaping (String) -> Void,
         text: @escaping (String) -> Void, shouldStop: @escaping () -> Bool) {
        self.start = start
        self.end = end
        self.text = text
        self.shouldStop = shouldStop
    }

    package static func local(_ name: String) -> String {
        name.lastIndex(of: ":").map { String(name[name.index(after: $0)...]) } ?? name
    }

    package func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
                qualifiedName: String?, attributes: [String: String] = [:]) {
        start(Self.local(elementName), attributes)
    }

    package func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName: String?) {
        end(Self.local(elementName))
        if shouldStop() {
            aborted = true
            parser.abortParsing()
        }
    }

    package func parser(_ parser: XMLParser, foundCharacters string: String) { text(string) }
}

extension Dictionary where Key == String, Value == String {
    /// An attribute by local name; `prefixed` asks for a namespaced one (`r:id`, not `id`).
    package func attribute(_ local: String, prefixed: Bool = false) -> String? {
        if !prefixed, let hit = self[local] { return hit }
        return first { key, _ in key.hasSuffix(":" + local) }?.value
    }
}

package enum CellReference {
    /// `AB12` → 27 (A = 0). `nil` for anything that is not letters then digits.
    package static func column(_ reference: String) -> Int? {
        var column = 0, letters = 0
        for scalar in reference.unicodeScalars {
            guard ("A"..."Z").contains(scalar) || ("a"..."z").contains(scalar) else { break }
            column = column * 26 + Int(scalar.value & ~0x20) - 64
            letters += 1
            if letters > 3 { return nil }
        }
        return letters > 0 ? column - 1 : nil
    }
}
