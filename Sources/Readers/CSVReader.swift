import Foundation

/// One record of a CSV file: its fields and the 1-based line it starts on (for locators:
/// `orders.csv:12`). A quoted field with embedded newlines spans several lines; the next
/// record's line number accounts for them.
public struct CSVRow: Sendable, Equatable {
    public var line: Int
    public var fields: [String]

    public init(line: Int, fields: [String]) {
        self.line = line
        self.fields = fields
    }

    public subscript(index: Int) -> String? { index >= 0 && index < fields.count ? fields[index] : nil }
}

/// A streaming RFC 4180 reader over UTF-8 bytes (convert other encodings with `TextEncoding`
/// first). It walks the bytes once and builds one row at a time, so a million-line order
/// history never exists as a million strings. Lenient where real exports are sloppy: CR, LF or
/// CRLF line ends, a stray quote inside an unquoted field is kept as text, blank lines are
/// skipped. Only a quoted field still open at the end of the file is an error, because then
/// every later record would be wrong.
public struct CSVReader: Sendable {
    public let data: Data
    public let delimiter: UInt8
    private var offset: Int
    private var line = 1

    /// `data` is UTF-8; a leading BOM is skipped.
    public init(data: Data, delimiter: UInt8 = UInt8(ascii: ",")) {
        self.data = data.startIndex == 0 ? data : Data(data)
        self.delimiter = delimiter
        offset = self.data.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
    }

    /// The next record, or `nil` at the end.
    public mutating func next() throws -> CSVRow? {
        let quote = UInt8(ascii: "\""), cr = UInt8(ascii: "\r"), lf = UInt8(ascii: "\n")
        let delimiter = self.delimiter
        return try data.withUnsafeBytes { raw -> CSVRow? in
            let bytes = raw.bindMemory(to: UInt8.self)
            let count = bytes.count
            var i = offset
            defer { offset = i }
            // Blank lines between records are skipped (but counted).
            while i < count, bytes[i] == lf || bytes[i] == cr {
                i += (bytes[i] == cr && i + 1 < count && bytes[i + 1] == lf) ? 2 : 1
                line += 1
            }
            guard i < count else { return nil }
            let startLine = line
            var fields: [String] = []
            var buffer: [UInt8] = []
            func isEnd(_ byte: UInt8) -> Bool { byte == delimiter || byte == lf || byte == cr }
            while true {
                if i < count && bytes[i] == quote {
                    // Quoted: copy segments between doubled quotes; newlines inside belong to the field.
                    i += 1
                    buffer.removeAll(keepingCapacity: true)
                    var segment = i
                    while true {
                        guard i < count else { throw CSVError.unterminatedQuote(line: startLine) }
                        let byte = bytes[i]
                        if byte == quote {
                            if i + 1 < count && bytes[i + 1] == quote {
                                buffer.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[segment...i]))
                                i += 2
                                segment = i
                                continue
                            }
                            buffer.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[segment..<i]))
                            i += 1
                            break
                        }
                        if byte == lf || (byte == cr && !(i + 1 < count && bytes[i + 1] == lf)) { line += 1 }
                        i += 1
                    }
                    // Text after the closing quote (`"a"b`) is kept, as spreadsheets do.
                    let tail = i
                    while i < count && !isEnd(bytes[i]) { i += 1 }
                    buffer.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[tail..<i]))
                    fields.append(String(decoding: buffer, as: UTF8.self))
                } else {
                    // Unquoted: decoded straight from the input, no copy; a stray quote is text.
                    let start = i
                    while i < count && !isEnd(bytes[i]) { i += 1 }
                    fields.append(String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<i]), as: UTF8.self))
                }
                if i < count && bytes[i] == delimiter {
                    i += 1
                    continue
                }
                if i < count {
                    i += (bytes[i] == cr && i + 1 < count && bytes[i + 1] == lf) ? 2 : 1
                    line += 1
                }
                return CSVRow(line: startLine, fields: fields)
            }
        }
    }

    /// Calls `body` for every record; stop early by returning `false`.
    public mutating func forEach(_ body: (CSVRow) throws -> Bool) throws {
        while let row = try next() { if try !body(row) { return } }
    }

    /// The delimiter a file most likely uses, judged from its first record: comma, tab,
    /// semicolon or vertical bar (quoted text is ignored). Comma when nothing says otherwise.
    public static func guessDelimiter(_ data: Data) -> UInt8 {
        let candidates: [UInt8] = [UInt8(ascii: ","), UInt8(ascii: "\t"), UInt8(ascii: ";"), UInt8(ascii: "|")]
        var counts = [Int](repeating: 0, count: candidates.count)
        var inQuotes = false
        for byte in data.prefix(64 * 1024) {
            if byte == UInt8(ascii: "\"") { inQuotes.toggle(); continue }
            if inQuotes { continue }
            if byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\r") {
                if counts.contains(where: { $0 > 0 }) { break } else { continue }
            }
            if let k = candidates.firstIndex(of: byte) { counts[k] += 1 }
        }
        guard let best = counts.indices.max(by: { counts[$0] < counts[$1] }), counts[best] > 0 else { return candidates[0] }
        return candidates[best]
    }
}

/// Column lookup by header name: case-insensitive, surrounding spaces, BOM and zero-width
/// characters ignored, because spreadsheet round trips add them to the first header cell.
public struct CSVHeader: Sendable, Equatable {
    public let names: [String]
    private let folded: [String]

    public init(_ names: [String]) {
        self.names = names
        folded = names.map(CSVHeader.fold)
    }

    /// The index of the first column named `name`.
    public func index(of name: String) -> Int? {
        let wanted = CSVHeader.fold(name)
        return folded.firstIndex(of: wanted)
    }

    /// The first of `names` that is a column.
    public func index(ofAny names: [String]) -> Int? {
        for name in names { if let i = index(of: name) { return i } }
        return nil
    }

    public func contains(_ name: String) -> Bool { index(of: name) != nil }

    public static func fold(_ name: String) -> String {
        let ignored: Set<Unicode.Scalar> = ["\u{FEFF}", "\u{200B}", "\u{200C}", "\u{200D}", "\u{00A0}", "\u{3000}"]
        let kept = String(String.UnicodeScalarView(name.unicodeScalars.filter { !ignored.contains($0) }))
        return kept.trimmingCharacters(in: .whitespacesAndNewlines).lowercased()
    }
}

public enum CSVError: Error, LocalizedError, Equatable {
    case unterminatedQuote(line: Int)

    public var errorDescription: String? {
        switch self {
        case .unterminatedQuote(let line): return "a quoted field opened on line \(line) is never closed"
        }
    }
}

extension ExportReader {
    /// A CSV entry, decoded to UTF-8 (encoding detected unless given), ready to read row by row.
    /// The delimiter is guessed unless given.
    public func csv(_ entry: ExportEntry, encoding: TextEncoding? = nil, delimiter: UInt8? = nil) throws -> CSVReader {
        let (data, _) = try utf8Data(of: entry, encoding: encoding)
        return CSVReader(data: data, delimiter: delimiter ?? CSVReader.guessDelimiter(data))
    }

    /// Every record of a CSV entry; a broken file is `ImportError.malformed` naming the entry.
    public func forEachCSVRow(_ entry: ExportEntry, encoding: TextEncoding? = nil, delimiter: UInt8? = nil,
                              _ body: (CSVRow) throws -> Bool) throws {
        var reader = try csv(entry, encoding: encoding, delimiter: delimiter)
        do { try reader.forEach(body) } catch let error as CSVError {
            throw malformed(entry, error.localizedDescription)
        }
    }
}

extension ExportReader {
    /// About the first `limit` bytes of an entry, cut after the last line feed: enough to look at
    /// a table's first rows without decoding a whole order history. (A line feed is never part of
    /// a UTF-8 or GB18030 multi-byte character, so the cut is clean for both.)
    package func head(of entry: ExportEntry, limit: Int = 64 << 10) throws -> Data {
        guard entry.size > UInt64(limit) * 2 else { return try data(of: entry) }
        // `stream` stops only by throwing, and wraps foreign errors: an ImportError marks "enough".
        let enough = ImportError.tooLarge(file: "", entry: "\u{0}head", reason: "")
        var data = Data()
        do {
            try stream(entry) { chunk in
                data.append(chunk)
                if data.count >= limit { throw enough }
            }
        } catch let error as ImportError where error == enough {}
        // Folders hand out 1 MiB chunks: keep only the head asked for.
        let head = data.prefix(limit)
        guard let lastLineFeed = head.lastIndex(of: 0x0A) else { return Data(head) }
        return Data(head[...lastLineFeed])
    }

    /// The first records of a CSV entry, for recognition and header search. Falls back to the
    /// whole entry when the head cannot be decoded on its own (UTF-16 cut mid-character).
    public func forEachCSVHeadRow(_ entry: ExportEntry, encoding: TextEncoding? = nil, delimiter: UInt8? = nil,
                                  _ body: (CSVRow) throws -> Bool) throws {
        guard let (data, _) = try? TextEncoding.utf8Data(head(of: entry), encoding: encoding) else {
            return try forEachCSVRow(entry, encoding: encoding, delimiter: delimiter, body)
        }
        var reader = CSVReader(data: data, delimiter: delimiter ?? CSVReader.guessDelimiter(data))
        // A quoted field cut by the head ends the look, it is no error in the file.
        do { try reader.forEach(body) } catch is CSVError {}
    }
}
