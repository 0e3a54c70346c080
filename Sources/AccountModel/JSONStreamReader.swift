import Foundation

/// The pull reader of `JSONReader` over a document that arrives in chunks (an export entry as
/// it inflates), so that memory holds one record at a time instead of the whole document.
///
/// Structure (objects, arrays, member names) is walked here; each value a caller reads or skips
/// is first located in the buffer (a scan that only tracks strings and brackets), then handed
/// to a `JSONReader` over those bytes. So values are parsed, validated and refused exactly as in
/// a whole-document parse: same reasons, same byte offsets, same depth limit.
public struct JSONStreamReader {
    public typealias Kind = JSONReader.Kind

    private let source: () throws -> Data?
    private let options: JSONOptions
    /// Unread bytes start at `position`; `base` is the document offset of `buffer[0]`.
    private var buffer: [UInt8] = []
    private var position = 0
    private var base = 0
    private var atEnd = false
    private var started = false
    private var depth = 0

    /// `source` returns the next chunk, or nil at the end of the document.
    public init(options: JSONOptions = JSONOptions(), source: @escaping () throws -> Data?) {
        self.options = options
        self.source = source
    }

    /// The document offset of the next unread byte.
    public var offset: Int { base + position }

    // MARK: - Structure

    public mutating func peekKind() throws -> Kind {
        try skipSpace()
        guard try available(0) else { throw fail("unexpected end of input") }
        guard let kind = Kind(first: buffer[position]) else { throw fail("unexpected character") }
        return kind
    }

    /// Calls `body` for each member; a member the body leaves unread is skipped.
    public mutating func forEachMember(_ body: (String, inout JSONStreamReader) throws -> Void) throws {
        try skipSpace()
        try expect(UInt8(ascii: "{"))
        try enter()
        defer { depth -= 1 }
        try skipSpace()
        if try peekByte() == UInt8(ascii: "}") { position += 1; return }
        while true {
            try skipSpace()
            guard try peekByte() == UInt8(ascii: "\"") else { throw fail("expected a member name") }
            let key = try readString()
            try skipSpace()
            try expect(UInt8(ascii: ":"))
            try skipSpace()
            let before = offset
            try body(key, &self)
            if offset == before { try skipValue() }
            try skipSpace()
            if try peekByte() == UInt8(ascii: ",") { position += 1; continue }
            try expect(UInt8(ascii: "}"))
            return
        }
    }

    /// Calls `body` for each element with its index; an element left unread is skipped.
    public mutating func forEachElement(_ body: (Int, inout JSONStreamReader) throws -> Void) throws {
        try skipSpace()
        try expect(UInt8(ascii: "["))
        try enter()
        defer { depth -= 1 }
        try skipSpace()
        if try peekByte() == UInt8(ascii: "]") { position += 1; return }
        var index = 0
        while true {
            try skipSpace()
            let before = offset
            try body(index, &self)
            if offset == before { try skipValue() }
            index += 1
            try skipSpace()
            if try peekByte() == UInt8(ascii: ",") { position += 1; continue }
            try expect(UInt8(ascii: "]"))
            return
        }
    }

    // MARK: - Values

    public mutating func readValue() throws -> JSONValue {
        try withValue { try $0.readValue() }
    }

    /// A value and its JSON text without the whitespace between tokens (`JSONReader.compactText`).
    public mutating func readValueAndText() throws -> (value: JSONValue, text: [UInt8]) {
        try withValue { reader in
            let start = reader.offset
            let value = try reader.readValue()
            return (value, reader.compactText(of: start..<reader.offset))
        }
    }

    public mutating func readString() throws -> String {
        try withValue { try $0.readString() }
    }

    public mutating func skipValue() throws {
        try withValue { try $0.skipValue() }
    }

    /// The next byte after whitespace, left unread; nil at the end. For documents wrapped in
    /// something that is not JSON (X's `window.YTD.tweets.part0 = [ … ];`).
    public mutating func peekNonSpaceByte() throws -> UInt8? {
        try skipSpace()
        return try peekByte()
    }

    /// Consumes bytes up to and including the first `byte`, without crossing `stop`; false when
    /// `stop` or the end comes first (nothing after it is consumed).
    public mutating func skip(through byte: UInt8, stoppingAt stop: UInt8) throws -> Bool {
        while let next = try peekByte() {
            if next == stop { return false }
            position += 1
            if next == byte { return true }
        }
        return false
    }

    /// Consumes the next byte (after `peekNonSpaceByte`).
    public mutating func skipByte() throws {
        if try available(0) { position += 1 }
    }

    /// Throws unless only whitespace remains.
    public mutating func expectEnd() throws {
        try skipSpace()
        if try available(0) { throw fail("unexpected data after the document") }
    }

    /// Runs `body` on a `JSONReader` over the next value's bytes (valid only inside `body`), for
    /// callers that keep offsets into a record, as X's importer does for its raw text. The
    /// depth limit counts the levels around the value. The reader may stop before the located
    /// end (bytes that do not form a value); the enclosing structure then reports them as a
    /// whole-document parse would.
    public mutating func withValue<T>(_ body: (inout JSONReader) throws -> T) throws -> T {
        _ = try peekKind()
        let length = try valueLength()
        let start = position, documentOffset = base + position, depth = depth, options = options
        let (result, consumed): (Result<T, Error>, Int) = buffer.withUnsafeBytes { raw in
            var reader = JSONReader(UnsafeRawBufferPointer(rebasing: raw[start..<(start + length)]), options: options, depth: depth)
            do {
                let value = try body(&reader)
                return (.success(value), reader.offset)
            } catch let error as JSONSyntaxError {
                return (.failure(JSONSyntaxError(offset: documentOffset + error.offset, reason: error.reason)), reader.offset)
            } catch {
                return (.failure(error), reader.offset)
            }
        }
        position += consumed
        return try result.get()
    }

    /// The length of the value at `position`, with all of it in the buffer (or up to the end of
    /// the document, when it is cut short: the parse then says what is wrong).
    private mutating func valueLength() throws -> Int {
        var k = 0
        var nesting = 0
        while true {
            if position + k >= buffer.count, try !available(k) { return buffer.count - position }
            let byte = buffer[position + k]
            switch byte {
            case UInt8(ascii: "\""):
                k += 1
                while true {
                    if position + k >= buffer.count, try !available(k) { return buffer.count - position }
                    let c = buffer[position + k]
                    if c == UInt8(ascii: "\"") { k += 1; break }
                    k += c == UInt8(ascii: "\\") ? 2 : 1
                }
                if nesting == 0 { return k }
            case UInt8(ascii: "{"), UInt8(ascii: "["):
                nesting += 1
                k += 1
            case UInt8(ascii: "}"), UInt8(ascii: "]"):
                nesting -= 1
                k += 1
                if nesting <= 0 { return k }
            default:
                k += 1
                if nesting == 0 {
                    // A number or a literal: it ends at the first byte that cannot be part of one.
                    while true {
                        if position + k >= buffer.count, try !available(k) { return buffer.count - position }
                        guard Self.isScalarByte(buffer[position + k]) else { return k }
                        k += 1
                    }
                }
            }
        }
    }

    private static func isScalarByte(_ b: UInt8) -> Bool {
        switch b {
        case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
             UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "."):
            return true
        default:
            return false
        }
    }

    // MARK: - Bytes

    /// True when the byte at `position + k` is in the buffer, reading more chunks as needed.
    private mutating func available(_ k: Int) throws -> Bool {
        if !started { try start() }
        while position + k >= buffer.count {
            guard !atEnd else { return false }
            guard let chunk = try source() else { atEnd = true; return false }
            if position > 0 {
                // Read bytes go: the buffer holds the value being read and one chunk.
                buffer.removeSubrange(0..<position)
                base += position
                position = 0
            }
            buffer.append(contentsOf: chunk)
        }
        return true
    }

    /// A UTF-8 byte order mark is legal noise some exporters write: skipped, whatever the chunks.
    private mutating func start() throws {
        started = true
        while buffer.count < 3, !atEnd {
            if let chunk = try source() { buffer.append(contentsOf: chunk) } else { atEnd = true }
        }
        if buffer.count >= 3, buffer[0] == 0xEF, buffer[1] == 0xBB, buffer[2] == 0xBF { position = 3 }
    }

    private mutating func peekByte() throws -> UInt8? {
        try available(0) ? buffer[position] : nil
    }

    private mutating func skipSpace() throws {
        while true {
            if position >= buffer.count, try !available(0) { return }
            switch buffer[position] {
            case 0x20, 0x0A, 0x0D, 0x09: position += 1
            default: return
            }
        }
    }

    private mutating func expect(_ byte: UInt8) throws {
        guard let next = try peekByte() else { throw fail("unexpected end of input") }
        guard next == byte else { throw fail("expected '\(Character(Unicode.Scalar(byte)))'") }
        position += 1
    }

    private mutating func enter() throws {
        depth += 1
        if depth > options.maxDepth { throw fail("nesting deeper than \(options.maxDepth) levels") }
    }

    private func fail(_ reason: String) -> JSONSyntaxError { JSONSyntaxError(offset: offset, reason: reason) }
}
