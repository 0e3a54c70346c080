import AccountModel
import Foundation
import ZIPFoundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A cell of a worksheet. Every case has a text form (`text`), which is what mappings read;
/// the case itself tells `pda inspect` a column's type.
public enum XLSXCell: Sendable, Equatable {
    case text(String)
    /// The number as Excel stored it, shortened to the 15 significant digits Excel displays
    /// (`29.899999999999999` → `29.9`).
    case number(String)
    /// A cell formatted as a date: the wall-clock time it shows, `YYYY-MM-DD HH:MM:SS` (or
    /// `YYYY-MM-DD` when the format shows no time). Excel stores no zone.
    case date(String)
    case bool(Bool)
    /// `#N/A`, `#DIV/0!` …
    case error(String)

    public var text: String {
        switch self {
        case .text(let s), .number(let s), .date(let s), .error(let s): return s
        case .bool(let b): return b ? "TRUE" : "FALSE"
        }
    }
}

/// A worksheet row: its 1-based row number and its cells by column (A = 0); `nil` for a
/// column with no cell.
public struct XLSXRow: Sendable, Equatable {
    public var number: Int
    public var cells: [XLSXCell?]

    /// The row as text fields, empty for missing cells, like a CSV record.
    public var fields: [String] { cells.map { $0?.text ?? "" } }
}

/// An Office Open XML workbook (`.xlsx`): workbook, relationships, shared strings and styles
/// are parsed up front (they are small); worksheets are parsed row by row with a SAX parser
/// when asked for. An xlsx is itself a zip: it is read either from an export's entry (a zip in
/// the export, opened in memory, within the same limits as the export around it) or, when the
/// export *is* the workbook, from the export's own entries.
public final class XLSXWorkbook {
    public struct Sheet: Sendable, Equatable {
        public var name: String
        /// The worksheet's part inside the xlsx (`xl/worksheets/sheet1.xml`).
        public var part: String
    }

    public let sheets: [Sheet]
    private let parts: XLSXParts
    private let sharedStrings: [String]
    private let styles: XLSXStyles
    private let uses1904Dates: Bool

    /// A workbook held in memory (an `.xlsx` entry of an export).
    public convenience init(data: Data, limits: ExportLimits = ExportLimits()) throws {
        guard data.starts(with: [0x50, 0x4B]), let archive = Self.openArchive(data) else {
            throw XLSXError.notAWorkbook(reason: "it is not a zip archive")
        }
        var count = 0
        for _ in archive {
            count += 1
            if count > 10_000 { throw XLSXError.notAWorkbook(reason: "more than 10,000 parts") }
        }
        try self.init(parts: XLSXParts.archive(archive, limits))
    }

    /// The workbook's bytes as a file-backed archive. ZIPFoundation's in-memory archive traps
    /// (Range requires lowerBound <= upperBound) on a zip whose records point past the end of the
    /// data, e.g. the two bytes `PK` (found by `make fuzz`, fixtures/bad/xlsx-pk-only.zip); read
    /// from a file, the same zip reads short and is refused. The file is private to this process
    /// and unlinked as soon as the archive holds it open, so nothing is left behind.
    static func openArchive(_ data: Data) -> Archive? {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("pda-xlsx-\(UUID().uuidString).xlsx").path
        let fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        guard fd >= 0 else { return nil }
        defer { unlink(path) }
        let written = data.withUnsafeBytes { raw -> Bool in
            guard let base = raw.baseAddress else { return true }
            var offset = 0
            while offset < raw.count {
                let n = write(fd, base + offset, raw.count - offset)
                if n <= 0 { return false }
                offset += n
            }
            return true
        }
        guard close(fd) == 0, written else { return nil }
        return try? Archive(url: URL(fileURLWithPath: path), accessMode: .read)
    }

    /// The export itself is an unpacked `.xlsx` (the person passed `orders.xlsx`): its entries
    /// are the workbook's parts, already vetted by the ExportReader.
    public convenience init(export: ExportReader) throws {
        try self.init(parts: .export(export))
    }

    /// Whether an export is an xlsx package rather than a zip of files.
    public static func isPackage(_ export: ExportReader) -> Bool {
        export.entry(at: "[Content_Types].xml") != nil && export.entries.contains { $0.path.hasPrefix("xl/") && $0.path.hasSuffix(".xml") }
    }

    package init(parts: XLSXParts) throws {
        self.parts = parts
        let workbookPart = try Self.workbookPart(parts)
        let workbook = try XLSXXML.workbook(parts.required(workbookPart), part: workbookPart)
        let relsPart = Self.directory(of: workbookPart) + "_rels/" + (workbookPart.split(separator: "/").last.map(String.init) ?? "") + ".rels"
        let targets = try parts.read(relsPart).map { try XLSXXML.relationships($0, part: relsPart) } ?? [:]
        sheets = workbook.sheets.compactMap { sheet in
            guard let target = targets[sheet.relationship] else { return nil }
            return Sheet(name: sheet.name, part: Self.resolve(target, from: workbookPart))
        }
        uses1904Dates = workbook.uses1904Dates
        let base = Self.directory(of: workbookPart)
        sharedStrings = try parts.read(base + "sharedStrings.xml").map { try XLSXXML.sharedStrings($0, part: base + "sharedStrings.xml") } ?? []
        styles = try parts.read(base + "styles.xml").map { try XLSXXML.styles($0, part: base + "styles.xml") } ?? XLSXStyles()
    }

    /// The sheet a mapping names: by name (case-insensitive) or 1-based position; the first
    /// sheet when `name` is `nil`.
    public func sheet(matching name: String?) -> Sheet? {
        guard let name else { return sheets.first }
        if let hit = sheets.first(where: { $0.name.lowercased() == name.lowercased() }) { return hit }
        if let position = Int(name), position >= 1, position <= sheets.count { return sheets[position - 1] }
        return nil
    }

    /// Calls `body` for each row that has cells, in order; stop early by returning `false`.
    public func forEachRow(in sheet: Sheet, _ body: (XLSXRow) throws -> Bool) throws {
        let data = try parts.required(sheet.part)
        let decoder = XLSXCellDecoder(sharedStrings: sharedStrings, styles: styles, uses1904Dates: uses1904Dates)
        try XLSXXML.rows(data, part: sheet.part, decoder: decoder, body)
    }

    // MARK: - Parts

    /// `xl/workbook.xml` unless the package relationships say otherwise.
    package static func workbookPart(_ parts: XLSXParts) throws -> String {
        if let rels = try parts.read("_rels/.rels"),
           let target = try XLSXXML.relationships(rels, part: "_rels/.rels", type: "officeDocument").values.first {
            return resolve(target, from: "")
        }
        return "xl/workbook.xml"
    }

    package static func directory(of part: String) -> String {
        guard let slash = part.lastIndex(of: "/") else { return "" }
        return String(part[...slash])
    }

    /// A relationship target relative to the part that holds it (`worksheets/sheet1.xml` from
    /// `xl/workbook.xml`), or absolute (`/xl/worksheets/sheet1.xml`).
    package static func resolve(_ target: String, from part: String) -> String {
        var components: [Substring] = target.hasPrefix("/") ? [] : directory(of: part).split(separator: "/")
        for piece in target.split(separator: "/") {
            if piece == ".." { _ = components.popLast() } else if piece != "." { components.append(piece) }
        }
        return components.joined(separator: "/")
    }
}

/// Where a workbook's parts come from.
package enum XLSXParts {
    case archive(Archive, ExportLimits)
    case export(ExportReader)

    package func required(_ path: String) throws -> Data {
        guard let data = try read(path) else { throw XLSXError.missingPart(path) }
        return data
    }

    package func read(_ path: String) throws -> Data? {
        switch self {
        case .export(let export):
            guard let entry = export.entry(at: path) ?? export.entries.first(where: { $0.path.lowercased() == path.lowercased() }) else { return nil }
            return try export.data(of: entry)
        case .archive(let archive, let limits):
            guard let entry = archive[path] ?? archive.first(where: { $0.path.lowercased() == path.lowercased() }) else { return nil }
            let size = entry.uncompressedSize
            if size > limits.maxDocumentBytes || (size > limits.ratioFloorBytes && size / max(entry.compressedSize, 1) > limits.maxRatio) {
                throw XLSXError.partTooLarge(path)
            }
            var data = Data()
            var crc = CRC32() // ZIPFoundation's own check is slow on Linux (see CRC32)
            do {
                _ = try archive.extract(entry, skipCRC32: true) { chunk in
                    // The central directory can lie about sizes; count what actually inflates.
                    guard UInt64(data.count + chunk.count) <= size else { throw XLSXError.partTooLarge(path) }
                    crc.update(chunk)
                    data.append(chunk)
                }
            } catch let error as XLSXError {
                throw error
            } catch {
                throw XLSXError.malformedPart(path, reason: "cannot be inflated")
            }
            guard crc.value == entry.checksum else { throw XLSXError.malformedPart(path, reason: "fails its CRC check") }
            return data
        }
    }
}

/// Why a workbook could not be read. Names the part inside the xlsx, never a cell's content.
public enum XLSXError: Error, LocalizedError, Equatable {
    case notAWorkbook(reason: String)
    case missingPart(String)
    case malformedPart(String, reason: String)
    case partTooLarge(String)

    public var errorDescription: String? {
        switch self {
        case .notAWorkbook(let reason): return "not an xlsx workbook: \(reason)"
        case .missingPart(let part): return "the workbook has no \(part)"
        case .malformedPart(let part, let reason): return "the workbook's \(part) is malformed: \(reason)"
        case .partTooLarge(let part): return "the workbook's \(part) inflates beyond the limits (a zip bomb?)"
        }
    }
}

extension ExportReader {
    /// An `.xlsx` entry as a workbook, or (`entry` nil) the export itself when it is one.
    /// A broken workbook is `ImportError.malformed` naming the file and entry.
    public func xlsx(_ entry: ExportEntry?) throws -> XLSXWorkbook {
        do {
            guard let entry else { return try XLSXWorkbook(export: self) }
            return try XLSXWorkbook(data: data(of: entry), limits: limits)
        } catch let error as XLSXError {
            throw xlsxFailure(entry, error)
        }
    }

    /// Every row of a sheet, errors naming the file and entry.
    public func forEachXLSXRow(_ entry: ExportEntry?, workbook: XLSXWorkbook, sheet: XLSXWorkbook.Sheet,
                               _ body: (XLSXRow) throws -> Bool) throws {
        do { try workbook.forEachRow(in: sheet, body) } catch let error as XLSXError {
            throw xlsxFailure(entry, error)
        }
    }

    private func xlsxFailure(_ entry: ExportEntry?, _ error: XLSXError) -> ImportError {
        guard let entry else { return .malformed(file: displayName, entry: displayName, reason: error.localizedDescription) }
        return malformed(entry, error.localizedDescription)
    }
}
