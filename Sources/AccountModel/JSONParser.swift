import Foundation

/// Why a JSON document was refused. Messages give a byte offset and a reason, never the
/// document's content, because error text ends up in logs and bug reports.
public struct JSONSyntaxError: Error, LocalizedError, Sendable, Equatable {
    public var offset: Int
    public var reason: String
    public var errorDescription: String? { "invalid JSON at byte \(offset): \(reason)" }
}

public struct JSONOptions: Sendable {
    /// Deeper documents are refused: recursion on hostile input would exhaust the stack.
    public var maxDepth = 256
    /// Meta (Facebook, Instagram) writes each UTF-8 byte as its own `\u00XX` escape.
    public var repairMojibake = false
    public init(maxDepth: Int = 256, repairMojibake: Bool = false) {
        self.maxDepth = maxDepth
        self.repairMojibake = repairMojibake
    }
}

public enum JSONParser {
    /// Parses a whole document. For exports use `JSONReader` to visit records one at a time.
    public static func parse(_ data: Data, options: JSONOptions = JSONOptions()) throws -> JSONValue {
        try data.withUnsafeBytes { raw in
            var reader = JSONReader(raw, options: options)
            let value = try reader.readValue()
            try reader.expectEnd()
            return value
        }
    }

    public static func parse(_ text: String) throws -> JSONValue {
        try parse(Data(text.utf8))
    }
}

/// A pull reader over JSON bytes: callers walk objects and arrays, materialize the parts they
/// want as `JSONValue` and skip the rest, so a 200 MB export never becomes one tree in memory.
public struct JSONReader {
    public enum Kind: Sendable {
        case object, array, string, number, bool, null

        /// The kind of value a byte starts, or nil if no JSON value starts with it.
        public init?(first byte: UInt8) {
            switch byte {
            case UInt8(ascii: "{"): self = .object
            case UInt8(ascii: "["): self = .array
            case UInt8(ascii: "\""): self = .string
            case UInt8(ascii: "t"), UInt8(ascii: "f"): self = .bool
            case UInt8(ascii: "n"): self = .null
            case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): self = .number
            default: return nil
            }
        }
    }

    private let bytes: UnsafeRawBufferPointer
    private let options: JSONOptions
    public private(set) var offset = 0
    private var depth = 0

    /// `depth`: containers already open around these bytes (a value cut out of a larger
    /// document, as `JSONStreamReader` does), so that the depth limit counts them.
    public init(_ bytes: UnsafeRawBufferPointer, options: JSONOptions = JSONOptions(), depth: Int = 0) {
        self.bytes = bytes
        self.options = options
        self.depth = depth
        // A UTF-8 byte order mark is legal noise some exporters write.
        if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { offset = 3 }
    }

    // MARK: - Structure

    public mutating func peekKind() throws -> Kind {
        skipSpace()
        guard offset < bytes.count else { throw fail("unexpected end of input") }
        guard let kind = Kind(first: bytes[offset]) else { throw fail("unexpected character") }
        return kind
    }

    /// Calls `body` for each member; a member the body leaves unread is skipped.
    public mutating func forEachMember(_ body: (String, inout JSONReader) throws -> Void) throws {
        skipSpace()
        try expect(UInt8(ascii: "{"))
        try enter()
        defer { depth -= 1 }
        skipSpace()
        if peekByte() == UInt8(ascii: "}") { offset += 1; return }
        while true {
            skipSpace()
            guard peekByte() == UInt8(ascii: "\"") else { throw fail("expected a member name") }
            let key = try readString()
            skipSpace()
            try expect(UInt8(ascii: ":"))
            skipSpace()
            let before = offset
            try body(key, &self)
            if offset == before { try skipValue() }
            skipSpace()
            if peekByte() == UInt8(ascii: ",") { offset += 1; continue }
            try expect(UInt8(ascii: "}"))
            return
        }
    }

    /// Calls `body` for each element with its index; an element left unread is skipped.
    public mutating func forEachElement(_ body: (Int, inout JSONReader) throws -> Void) throws {
        skipSpace()
        try expect(UInt8(ascii: "["))
        try enter()
        defer { depth -= 1 }
        skipSpace()
        if peekByte() == UInt8(ascii: "]") { offset += 1; return }
        var index = 0
        while true {
            skipSpace()
            let before = offset
            try body(index, &self)
            if offset == before { try skipValue() }
            index += 1
            skipSpace()
            if peekByte() == UInt8(ascii: ",") { offset += 1; continue }
            try expect(UInt8(ascii: "]"))
            return
        }
    }

    /// The JSON text of `range` (a value this reader has read) without the whitespace between
    /// tokens. Importers store it as a record's `raw`: the export's own bytes, escapes as the
    /// platform wrote them, instead of serializing the parsed tree again.
    public func compactText(of range: Range<Int>) -> [UInt8] {
        [UInt8](unsafeUninitializedCapacity: range.count) { out, count in
            var k = range.lowerBound
            while k < range.upperBound {
                let byte = bytes[k]
                k += 1
                if byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09 { continue }
                out[count] = byte
                count += 1
                guard byte == UInt8(ascii: "\"") else { continue }
                // A string: copied as written, up to its closing quote (escapes skip a byte).
                let start = k
                while k < range.upperBound {
                    let c = bytes[k]
                    if c == UInt8(ascii: "\"") { break }
                    k += c == UInt8(ascii: "\\") ? 2 : 1
                }
                k = min(k + 1, range.upperBound)
                let length = k - start
                UnsafeMutableRawBufferPointer(UnsafeMutableBufferPointer(rebasing: out[count..<(count + length)]))
                    .copyMemory(from: UnsafeRawBufferPointer(rebasing: bytes[start..<k]))
                count += length
            }
        }
    }

    /// For `range` holding an object of exactly one member (`{"tweet": {…}}`, as this reader
    /// read it), the range of that member's value.
    public func singleMemberValue(in range: Range<Int>) -> Range<Int>? {
        var reader = self
        reader.offset = range.lowerBound
        guard (try? reader.expect(UInt8(ascii: "{"))) != nil else { return nil }
        reader.skipSpace()
        guard (try? reader.skipString()) != nil else { return nil }
        reader.skipSpace()
        guard (try? reader.expect(UInt8(ascii: ":"))) != nil else { return nil }
        reader.skipSpace()
        var end = range.upperBound
        guard end > reader.offset, bytes[end - 1] == UInt8(ascii: "}") else { return nil }
        end -= 1
        while end > reader.offset, [0x20, 0x0A, 0x0D, 0x09].contains(bytes[end - 1]) { end -= 1 }
        return reader.offset..<end
    }

    public mutating func readValue() throws -> JSONValue {
        switch try peekKind() {
        case .object:
            var members: [JSONValue.Member] = []
            try forEachMember { key, reader in members.append(.init(key, try reader.readValue())) }
            return .object(members)
        case .array:
            var elements: [JSONValue] = []
            try forEachElement { _, reader in elements.append(try reader.readValue()) }
            return .array(elements)
        case .string: return .string(try readString())
        case .number: return .number(try readNumber())
        case .bool:
            if try matchLiteral("true") { return .bool(true) }
            if try matchLiteral("false") { return .bool(false) }
            throw fail("invalid literal")
        case .null:
            guard try matchLiteral("null") else { throw fail("invalid literal") }
            return .null
        }
    }

    public mutating func skipValue() throws {
        switch try peekKind() {
        case .object: try forEachMember { _, reader in try reader.skipValue() }
        case .array: try forEachElement { _, reader in try reader.skipValue() }
        case .string: try skipString()
        case .number: _ = try readNumber()
        case .bool: guard try matchLiteral("true") || matchLiteral("false") else { throw fail("invalid literal") }
        case .null: guard try matchLiteral("null") else { throw fail("invalid literal") }
        }
    }

    /// Throws unless only whitespace remains.
    public mutating func expectEnd() throws {
        skipSpace()
        if offset != bytes.count { throw fail("unexpected data after the document") }
    }

    // MARK: - Scalars

    public mutating func readString() throws -> String {
        try expect(UInt8(ascii: "\""))
        let start = offset
        var hasEscape = false
        var isASCII = true
        var highBits: UInt64 = 0
        while true {
            // Eight bytes at a time while they hold no quote, backslash or control byte: most
            // string bytes are plain, and this loop was the parser's hottest.
            while offset + 8 <= bytes.count {
                let word = UInt64(littleEndian: bytes.loadUnaligned(fromByteOffset: offset, as: UInt64.self))
                guard Self.isPlain(word) else { break }
                highBits |= word
                offset += 8
            }
            guard offset < bytes.count else { throw fail("unterminated string") }
            let byte = bytes[offset]
            if byte == UInt8(ascii: "\"") { break }
            if byte == UInt8(ascii: "\\") { hasEscape = true; offset += 2; continue }
            if byte < 0x20 { throw fail("control character in a string") }
            if byte >= 0x80 { isASCII = false }
            offset += 1
        }
        if highBits & 0x8080_8080_8080_8080 != 0 { isASCII = false }
        let end = offset
        offset += 1
        let text: String
        if hasEscape {
            text = try unescape(start..<end)
        } else if isASCII {
            // ASCII needs no validation (the generic validating initializer is slow on Linux).
            return String(decoding: UnsafeRawBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self)
        } else {
            guard let decoded = String(validating: UnsafeRawBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self) else {
                throw JSONSyntaxError(offset: start, reason: "invalid UTF-8 in a string")
            }
            text = decoded
        }
        return options.repairMojibake ? Mojibake.repair(text) : text
    }

    private mutating func skipString() throws {
        try expect(UInt8(ascii: "\""))
        while offset < bytes.count {
            let byte = bytes[offset]
            if byte == UInt8(ascii: "\"") { offset += 1; return }
            if byte == UInt8(ascii: "\\") { offset += 2; continue }
            if byte < 0x20 { throw fail("control character in a string") }
            offset += 1
        }
        throw fail("unterminated string")
    }

    private mutating func readNumber() throws -> String {
        let start = offset
        if peekByte() == UInt8(ascii: "-") { offset += 1 }
        let intStart = offset
        while let b = peekByte(), isDigit(b) { offset += 1 }
        if offset == intStart { throw fail("invalid number") }
        if bytes[intStart] == UInt8(ascii: "0") && offset - intStart > 1 { throw fail("leading zero in a number") }
        if peekByte() == UInt8(ascii: ".") {
            offset += 1
            let fracStart = offset
            while let b = peekByte(), isDigit(b) { offset += 1 }
            if offset == fracStart { throw fail("invalid number") }
        }
        if let b = peekByte(), b == UInt8(ascii: "e") || b == UInt8(ascii: "E") {
            offset += 1
            if let s = peekByte(), s == UInt8(ascii: "+") || s == UInt8(ascii: "-") { offset += 1 }
            let expStart = offset
            while let b = peekByte(), isDigit(b) { offset += 1 }
            if offset == expStart { throw fail("invalid number") }
        }
        return String(decoding: UnsafeRawBufferPointer(rebasing: bytes[start..<offset]), as: UTF8.self)
    }


    private func unescape(_ range: Range<Int>) throws -> String {
        var out: [UInt8] = []
        out.reserveCapacity(range.count)
        var i = range.lowerBound
        func hex4(_ at: Int) throws -> UInt32 {
            guard at + 4 <= range.upperBound else { throw JSONSyntaxError(offset: at, reason: "truncated \\u escape") }
            var value: UInt32 = 0
            for k in at..<(at + 4) {
                let c = bytes[k]
                let digit: UInt8
                switch c {
                case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = c - UInt8(ascii: "0")
                case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = c - UInt8(ascii: "a") + 10
                case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = c - UInt8(ascii: "A") + 10
                default: throw JSONSyntaxError(offset: k, reason: "invalid \\u escape")
                }
                value = value << 4 | UInt32(digit)
            }
            return value
        }
        while i < range.upperBound {
            let byte = bytes[i]
            guard byte == UInt8(ascii: "\\") else { out.append(byte); i += 1; continue }
            guard i + 1 < range.upperBound else { throw JSONSyntaxError(offset: i, reason: "truncated escape") }
            let code = bytes[i + 1]
            i += 2
            switch code {
            case UInt8(ascii: "\""): out.append(0x22)
            case UInt8(ascii: "\\"): out.append(0x5C)
            case UInt8(ascii: "/"): out.append(0x2F)
            case UInt8(ascii: "b"): out.append(0x08)
            case UInt8(ascii: "f"): out.append(0x0C)
            case UInt8(ascii: "n"): out.append(0x0A)
            case UInt8(ascii: "r"): out.append(0x0D)
            case UInt8(ascii: "t"): out.append(0x09)
            case UInt8(ascii: "u"):
                var scalar = try hex4(i)
                i += 4
                if (0xD800...0xDBFF).contains(scalar), i + 6 <= range.upperBound,
                   bytes[i] == UInt8(ascii: "\\"), bytes[i + 1] == UInt8(ascii: "u") {
                    let low = try hex4(i + 2)
                    if (0xDC00...0xDFFF).contains(low) {
                        scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                        i += 6
                    }
                }
                // A lone surrogate cannot be represented in a Swift string; U+FFFD marks it.
                let value = Unicode.Scalar(scalar) ?? "\u{FFFD}"
                out.append(contentsOf: Array(String(value).utf8))
            default:
                throw JSONSyntaxError(offset: i - 1, reason: "invalid escape")
            }
        }
        guard let text = String(validating: out, as: UTF8.self) else {
            throw JSONSyntaxError(offset: range.lowerBound, reason: "invalid UTF-8 in a string")
        }
        return text
    }

    // MARK: - Bytes

    private func peekByte() -> UInt8? { offset < bytes.count ? bytes[offset] : nil }

    /// True when none of the word's eight bytes is `"`, `\\` or below 0x20 (bit tricks from
    /// "Bit Twiddling Hacks": a byte is zero where `x - 0x01…` borrows into a clear high bit).
    @inline(__always)
    private static func isPlain(_ word: UInt64) -> Bool {
        let ones: UInt64 = 0x0101_0101_0101_0101, high: UInt64 = 0x8080_8080_8080_8080
        func hasZeroByte(_ x: UInt64) -> Bool { (x &- ones) & ~x & high != 0 }
        let quote = word ^ (ones &* 0x22), backslash = word ^ (ones &* 0x5C)
        let control = (word &- ones &* 0x20) & ~word & high
        return !hasZeroByte(quote) && !hasZeroByte(backslash) && control == 0
    }
    private func isDigit(_ b: UInt8) -> Bool { b >= UInt8(ascii: "0") && b <= UInt8(ascii: "9") }

    private mutating func skipSpace() {
        while offset < bytes.count {
            switch bytes[offset] {
            case 0x20, 0x0A, 0x0D, 0x09: offset += 1
            default: return
            }
        }
    }

    @inline(__always)
    private mutating func expect(_ byte: UInt8) throws {
        guard peekByte() == byte else {
            throw fail(offset < bytes.count ? "expected '\(Character(Unicode.Scalar(byte)))'" : "unexpected end of input")
        }
        offset += 1
    }

    private mutating func matchLiteral(_ literal: StaticString) throws -> Bool {
        let count = literal.utf8CodeUnitCount
        guard offset + count <= bytes.count else { return false }
        let lit = UnsafeBufferPointer(start: literal.utf8Start, count: count)
        for k in 0..<count where bytes[offset + k] != lit[k] { return false }
        offset += count
        return true
    }

    private mutating func enter() throws {
        depth += 1
        if depth > options.maxDepth { throw fail("nesting deeper than \(options.maxDepth) levels") }
    }

    private func fail(_ reason: String) -> JSONSyntaxError { JSONSyntaxError(offset: offset, reason: reason) }
}

/// Meta's exports write UTF-8 bytes as separate `\u00XX` escapes ("Ã©" for "é"). A string made
/// only of scalars below U+0100 that forms valid UTF-8 when read as bytes is such a string.
public enum Mojibake {
    public static func repair(_ text: String) -> String {
        var sawHigh = false
        var raw: [UInt8] = []
        raw.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            guard scalar.value < 0x100 else { return text }
            if scalar.value >= 0x80 { sawHigh = true }
            raw.append(UInt8(scalar.value))
        }
        guard sawHigh, let fixed = String(validating: raw, as: UTF8.self) else { return text }
        return fixed
    }
}
