import Foundation

public enum Base58Error: Error, LocalizedError, Sendable, Equatable {
    case invalidCharacter(Character)
    /// Multibase text must start with `z` to be base58btc.
    case notBase58Multibase
    /// Decoding is quadratic in the length, so text longer than any key or signature is refused.
    case tooLong(count: Int, limit: Int)

    public var errorDescription: String? {
        switch self {
        case .invalidCharacter(let c): return "'\(c)' is not a base58btc character"
        case .tooLong(let count, let limit): return "\(count) characters, more than the \(limit) base58btc text may have here"
        case .notBase58Multibase: return "multibase value does not start with 'z' (base58btc)"
        }
    }
}

/// base58btc (the Bitcoin alphabet), as used by multibase `z…` values: public keys, did:key
/// identifiers and Data Integrity `proofValue`s. Inputs are tens of bytes, so the quadratic
/// big-number conversion is fine; `decode` refuses anything longer than `maxDecodeLength` so that
/// hostile input (a megabyte `proofValue`) cannot turn it into hours of work.
public enum Base58 {
    /// Far above any key (about 50 characters) or Ed25519 signature (88), and cheap to decode.
    public static let maxDecodeLength = 1_024

    static let alphabet = Array("123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz".utf8)

    /// Byte → digit value, 0xFF for bytes outside the alphabet.
    private static let digitValue: [UInt8] = {
        var table = [UInt8](repeating: 0xFF, count: 256)
        for (i, c) in alphabet.enumerated() { table[Int(c)] = UInt8(i) }
        return table
    }()

    public static func encode<Bytes: Collection<UInt8>>(_ bytes: Bytes) -> String {
        let input = Array(bytes)
        // Each leading zero byte is written as a leading '1'.
        let zeros = input.prefix { $0 == 0 }.count
        // log(256)/log(58) ≈ 1.365: room for the base-58 digits, little-endian.
        var digits = [UInt8](repeating: 0, count: (input.count - zeros) * 138 / 100 + 1)
        var used = 0
        for byte in input[zeros...] {
            var carry = Int(byte)
            var i = 0
            while carry != 0 || i < used {
                carry += 256 * Int(digits[i])
                digits[i] = UInt8(carry % 58)
                carry /= 58
                i += 1
            }
            used = i
        }
        var out = [UInt8](repeating: alphabet[0], count: zeros)
        out.reserveCapacity(zeros + used)
        for d in digits[0..<used].reversed() { out.append(alphabet[Int(d)]) }
        return String(decoding: out, as: UTF8.self)
    }

    public static func decode(_ text: String) throws -> [UInt8] {
        guard text.utf8.count <= maxDecodeLength else { throw Base58Error.tooLong(count: text.utf8.count, limit: maxDecodeLength) }
        let input = Array(text.utf8)
        let ones = input.prefix { $0 == alphabet[0] }.count
        var bytes = [UInt8](repeating: 0, count: (input.count - ones) * 733 / 1000 + 1)  // log(58)/log(256)
        var used = 0
        for c in input[ones...] {
            let value = digitValue[Int(c)]
            guard value != 0xFF else { throw Base58Error.invalidCharacter(Self.character(at: c, in: text)) }
            var carry = Int(value)
            var i = 0
            while carry != 0 || i < used {
                carry += 58 * Int(bytes[i])
                bytes[i] = UInt8(carry & 0xFF)
                carry >>= 8
                i += 1
            }
            used = i
        }
        return [UInt8](repeating: 0, count: ones) + bytes[0..<used].reversed()
    }

    /// Multibase base58btc: `"z"` followed by the base58btc text.
    public static func multibaseEncode<Bytes: Collection<UInt8>>(_ bytes: Bytes) -> String {
        "z" + encode(bytes)
    }

    public static func multibaseDecode(_ text: String) throws -> [UInt8] {
        guard text.utf8.first == UInt8(ascii: "z") else { throw Base58Error.notBase58Multibase }
        return try decode(String(text.unicodeScalars.dropFirst()))
    }

    /// For the error message: the first character containing the offending byte.
    private static func character(at byte: UInt8, in text: String) -> Character {
        if byte < 0x80 { return Character(Unicode.Scalar(byte)) }
        return text.first { !$0.isASCII } ?? "\u{FFFD}"
    }
}
