import AccountModel
import Foundation

/// Why a value has no canonical form. RFC 8785 only covers I-JSON: finite numbers, no duplicate
/// member names.
public enum CanonicalJSONError: Error, LocalizedError, Sendable, Equatable {
    /// The lexical form is not a JSON number (e.g. `"0x10"`, `"nan"`, `"01"`).
    case invalidNumber(String)
    /// The number is NaN or too large for a double (`1e400`).
    case nonFiniteNumber(String)
    /// Two members of one object have the same name, code unit for code unit.
    case duplicateKey(String)
    case tooDeep(Int)

    public var errorDescription: String? {
        switch self {
        case .invalidNumber(let s): return "not a JSON number: \(Self.clip(s))"
        case .nonFiniteNumber(let s): return "number has no JSON form (NaN or infinite): \(Self.clip(s))"
        case .duplicateKey(let k): return "duplicate member name \"\(Self.clip(k))\" has no canonical form"
        case .tooDeep(let d): return "value nested deeper than \(d) levels"
        }
    }

    /// Error text ends up in logs: keep it short.
    private static func clip(_ s: String) -> String { s.count > 40 ? String(s.prefix(40)) + "…" : s }
}

/// RFC 8785 JSON Canonicalization Scheme. The signed bytes of every credential come from here,
/// so it must agree byte for byte with other implementations (the tests run the official vectors).
public enum CanonicalJSON {
    /// Deeper values are refused: the writer recurses, and hostile input must not blow the stack.
    public static let maxDepth = 512

    public static func serialize(_ value: JSONValue) throws -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(512)
        try append(value, to: &out)
        return out
    }

    public static func data(_ value: JSONValue) throws -> Data { Data(try serialize(value)) }

    public static func string(_ value: JSONValue) throws -> String {
        String(decoding: try serialize(value), as: UTF8.self)
    }

    /// Appends the canonical form to `buffer`, so callers signing many documents can reuse one.
    public static func append(_ value: JSONValue, to buffer: inout [UInt8]) throws {
        let start = buffer.count
        var writer = Writer(out: buffer)
        buffer = []  // hand the storage to the writer without a copy
        do {
            try writer.write(value, depth: 0)
        } catch {
            writer.out.removeSubrange(start...)  // leave no half-written value behind
            buffer = writer.out
            throw error
        }
        buffer = writer.out
    }

    /// The canonical form of a number given by its JSON lexical form (`"1E30"` → `"1e+30"`).
    public static func canonicalNumber(_ lexical: String) throws -> String {
        var out: [UInt8] = []
        try appendNumber(lexical, to: &out)
        return String(decoding: out, as: UTF8.self)
    }

    /// ECMAScript `Number.prototype.toString` (ECMA-262 §6.1.6.1.20), which RFC 8785 mandates.
    public static func formatNumber(_ value: Double) throws -> String {
        var out: [UInt8] = []
        try appendDouble(value, to: &out)
        return String(decoding: out, as: UTF8.self)
    }
}

// MARK: - Writer

private struct Writer {
    var out: [UInt8]

    mutating func write(_ value: JSONValue, depth: Int) throws {
        switch value {
        case .null: out.append(contentsOf: [0x6E, 0x75, 0x6C, 0x6C])  // null
        case .bool(true): out.append(contentsOf: [0x74, 0x72, 0x75, 0x65])  // true
        case .bool(false): out.append(contentsOf: [0x66, 0x61, 0x6C, 0x73, 0x65])  // false
        case .number(let lexical): try CanonicalJSON.appendNumber(lexical, to: &out)
        case .string(let s): writeString(s)
        case .array(let elements):
            guard depth < CanonicalJSON.maxDepth else { throw CanonicalJSONError.tooDeep(CanonicalJSON.maxDepth) }
            out.append(0x5B)
            for (i, element) in elements.enumerated() {
                if i > 0 { out.append(0x2C) }
                try write(element, depth: depth + 1)
            }
            out.append(0x5D)
        case .object(let members):
            guard depth < CanonicalJSON.maxDepth else { throw CanonicalJSONError.tooDeep(CanonicalJSON.maxDepth) }
            out.append(0x7B)
            for (n, i) in try sortedOrder(members).enumerated() {
                if n > 0 { out.append(0x2C) }
                writeString(members[i].key)
                out.append(0x3A)
                try write(members[i].value, depth: depth + 1)
            }
            out.append(0x7D)
        }
    }

    /// Member indices in UTF-16 code unit order (RFC 8785 §3.2.3). Keys are compared as code unit
    /// arrays, never as Swift `String`s: `String` sorts and compares by canonical equivalence,
    /// which would merge "é" and "e\u{301}" and order supplementary characters differently.
    private func sortedOrder(_ members: [JSONValue.Member]) throws -> [Int] {
        if members.count < 2 { return Array(members.indices) }
        let keys = members.map { Array($0.key.utf16) }
        let order = members.indices.sorted { keys[$0].lexicographicallyPrecedes(keys[$1]) }
        for n in 1..<order.count where keys[order[n - 1]] == keys[order[n]] {
            throw CanonicalJSONError.duplicateKey(members[order[n]].key)
        }
        return order
    }

    /// RFC 8785 §3.2.2.2: only `"` `\` and C0 controls are escaped; everything else is raw UTF-8.
    mutating func writeString(_ string: String) {
        out.append(0x22)
        var s = string  // `withUTF8` is mutating; the copy shares storage
        s.withUTF8 { bytes in
            var runStart = 0
            for i in 0..<bytes.count {
                let b = bytes[i]
                if b >= 0x20 && b != 0x22 && b != 0x5C { continue }
                out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<i]))
                appendEscape(b)
                runStart = i + 1
            }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart...]))
        }
        out.append(0x22)
    }

    private mutating func appendEscape(_ b: UInt8) {
        let short: UInt8? = switch b {
        case 0x08: 0x62  // \b
        case 0x09: 0x74  // \t
        case 0x0A: 0x6E  // \n
        case 0x0C: 0x66  // \f
        case 0x0D: 0x72  // \r
        case 0x22, 0x5C: b
        default: nil
        }
        out.append(0x5C)
        if let short {
            out.append(short)
        } else {
            // Only C0 controls get here, so the high nibble is 0 or 1; hex digits are lowercase.
            let low = b & 0xF
            out.append(contentsOf: [0x75, 0x30, 0x30, 0x30 + (b >> 4), low < 10 ? 0x30 + low : 0x57 + low])  // u00xx
        }
    }
}

// MARK: - Numbers

extension CanonicalJSON {
    static func appendNumber(_ lexical: String, to out: inout [UInt8]) throws {
        var text = lexical
        let isShortInteger = try text.withUTF8 { try checkGrammar($0) }
        if isShortInteger {
            // Up to 15 digits an integer is exact in a double and ECMAScript prints it unchanged,
            // which spares the common case a parse and a format.
            if text.utf8.count == 2 && text.utf8.first == 0x2D && text.utf8.last == 0x30 {
                out.append(0x30)  // "-0" → "0"
            } else {
                out.append(contentsOf: text.utf8)
            }
            return
        }
        // Swift's parser rounds correctly (like ECMAScript's); out-of-range values come back infinite.
        guard let value = Double(text), value.isFinite else { throw CanonicalJSONError.nonFiniteNumber(lexical) }
        try appendDouble(value, to: &out)
    }

    /// Checks RFC 8259 number grammar, because `Double.init` also accepts `0x1p3`, `inf` and
    /// `nan`. Returns whether the number is a plain integer of at most 15 digits.
    private static func checkGrammar(_ s: UnsafeBufferPointer<UInt8>) throws -> Bool {
        func invalid() -> CanonicalJSONError { .invalidNumber(String(decoding: s, as: UTF8.self)) }
        func isDigit(_ i: Int) -> Bool { i < s.count && s[i] >= 0x30 && s[i] <= 0x39 }
        var i = 0
        if i < s.count && s[i] == 0x2D { i += 1 }
        let intStart = i
        guard isDigit(i) else { throw invalid() }
        if s[i] == 0x30 { i += 1 } else { while isDigit(i) { i += 1 } }
        let intDigits = i - intStart
        if i == s.count { return intDigits <= 15 }
        if s[i] == 0x2E {
            i += 1
            guard isDigit(i) else { throw invalid() }
            while isDigit(i) { i += 1 }
        }
        if i < s.count && (s[i] == 0x65 || s[i] == 0x45) {
            i += 1
            if i < s.count && (s[i] == 0x2B || s[i] == 0x2D) { i += 1 }
            guard isDigit(i) else { throw invalid() }
            while isDigit(i) { i += 1 }
        }
        guard i == s.count else { throw invalid() }
        return false
    }

    /// ECMA-262 Number::toString(x) for radix 10. Swift's `description` already yields the
    /// shortest digits that round-trip (closest to the value among those), which is what
    /// ECMAScript asks for; only the placement of the decimal point and exponent differs.
    static func appendDouble(_ value: Double, to out: inout [UInt8]) throws {
        guard value.isFinite else { throw CanonicalJSONError.nonFiniteNumber(value.description) }
        if value == 0 { out.append(0x30); return }  // covers -0
        if value < 0 { out.append(0x2D) }

        // Decompose Swift's text into digits d1…dk and n with value = 0.d1…dk × 10^n.
        var digits: [UInt8] = []
        digits.reserveCapacity(20)
        var n = 0
        var exponent = 0
        var text = value.magnitude.description
        text.withUTF8 { bytes in
            var seenPoint = false
            var i = 0
            while i < bytes.count {
                let b = bytes[i]
                if b >= 0x30 && b <= 0x39 {
                    if digits.isEmpty && b == 0x30 {
                        if seenPoint { n -= 1 }  // leading zero after the point shifts the value down
                    } else {
                        digits.append(b)
                        if !seenPoint { n += 1 }
                    }
                } else if b == 0x2E {
                    seenPoint = true
                } else if b == 0x65 || b == 0x45 {
                    exponent = parseExponent(UnsafeBufferPointer(rebasing: bytes[(i + 1)...]))
                    break
                }
                i += 1
            }
        }
        while digits.count > 1 && digits.last == 0x30 { digits.removeLast() }
        n += exponent
        let k = digits.count

        if k <= n && n <= 21 {
            out.append(contentsOf: digits)
            out.append(contentsOf: repeatElement(0x30, count: n - k))
        } else if 0 < n && n <= 21 {
            out.append(contentsOf: digits[0..<n])
            out.append(0x2E)
            out.append(contentsOf: digits[n...])
        } else if -6 < n && n <= 0 {
            out.append(contentsOf: [0x30, 0x2E])
            out.append(contentsOf: repeatElement(0x30, count: -n))
            out.append(contentsOf: digits)
        } else {
            out.append(digits[0])
            if k > 1 {
                out.append(0x2E)
                out.append(contentsOf: digits[1...])
            }
            let e = n - 1
            out.append(0x65)
            out.append(e < 0 ? 0x2D : 0x2B)
            out.append(contentsOf: String(e.magnitude).utf8)
        }
    }

    private static func parseExponent(_ s: UnsafeBufferPointer<UInt8>) -> Int {
        var sign = 1
        var value = 0
        for b in s {
            if b == 0x2D { sign = -1 } else if b >= 0x30 && b <= 0x39 { value = value * 10 + Int(b - 0x30) }
        }
        return sign * value
    }
}
