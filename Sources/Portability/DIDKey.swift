import AccountModel
import Crypto
import Foundation

public enum DIDKeyError: Error, LocalizedError, Sendable, Equatable {
    case notDIDKey
    case notBase58Multibase
    case wrongMulticodec(expected: [UInt8], found: [UInt8])
    case wrongKeyLength(expected: Int, found: Int)
    /// `did:key:A#B` where B is not A: did:key allows only the key's own fragment.
    case fragmentMismatch
    case invalidKey
    /// Longer than any did:key verification method, so not decoded at all.
    case tooLong(count: Int)

    public var errorDescription: String? {
        switch self {
        case .notDIDKey: return "not a did:key identifier"
        case .notBase58Multibase: return "key is not base58btc multibase (must start with 'z')"
        case .wrongMulticodec(let expected, let found):
            return "multicodec header \(Self.hex(found)) is not the expected \(Self.hex(expected))"
        case .wrongKeyLength(let expected, let found): return "key is \(found) bytes, expected \(expected)"
        case .fragmentMismatch: return "verification method fragment does not name the did:key's own key"
        case .invalidKey: return "bytes are not a valid Ed25519 key"
        case .tooLong(let count): return "\(count) bytes, longer than any did:key (\(DIDKey.maxIdentifierBytes))"
        }
    }

    private static func hex(_ bytes: [UInt8]) -> String {
        "0x" + Hex.string(bytes)
    }
}

/// An Ed25519 `did:key` (https://w3c-ccg.github.io/did-key-spec/): the identifier *is* the public
/// key, so resolving it needs no network, which an offline archive verifier requires.
// `@unchecked`: swift-crypto 3.12 does not mark `PublicKey` Sendable, though it is an immutable
// value wrapping 32 bytes.
public struct DIDKey: @unchecked Sendable, Hashable {
    /// Multicodec `ed25519-pub` (0xed, varint-encoded).
    public static let publicHeader: [UInt8] = [0xED, 0x01]
    /// Multicodec `ed25519-priv` (0x1300, varint-encoded).
    public static let secretHeader: [UInt8] = [0x80, 0x26]

    /// An Ed25519 did:key with its fragment is 105 bytes; anything much longer is refused before
    /// base58 decoding, whose work is quadratic in the length.
    public static let maxIdentifierBytes = 256

    public let publicKey: Curve25519.Signing.PublicKey

    public init(publicKey: Curve25519.Signing.PublicKey) { self.publicKey = publicKey }

    /// Parses `did:key:z6Mk…` or the verification method `did:key:z6Mk…#z6Mk…`.
    public init(parsing identifier: String) throws {
        let prefix = "did:key:"
        guard identifier.utf8.starts(with: prefix.utf8) else { throw DIDKeyError.notDIDKey }
        guard identifier.utf8.count <= Self.maxIdentifierBytes else { throw DIDKeyError.tooLong(count: identifier.utf8.count) }
        // Split on bytes: String comparisons would treat canonically-equivalent text as equal.
        let rest = Array(identifier.utf8.dropFirst(prefix.utf8.count))
        let parts = rest.split(separator: UInt8(ascii: "#"), maxSplits: 1, omittingEmptySubsequences: false)
        let multibase = String(decoding: parts[0], as: UTF8.self)
        if parts.count == 2 && !parts[1].elementsEqual(parts[0]) { throw DIDKeyError.fragmentMismatch }
        self.publicKey = try Self.publicKey(multibase: multibase)
    }

    /// `z6Mk…`: multibase base58btc of `0xed01 ‖ key`.
    public var multibase: String { Base58.multibaseEncode(Self.publicHeader + publicKey.rawRepresentation) }
    public var did: String { "did:key:" + multibase }
    /// The one verification method of a did:key: `did:key:z6Mk…#z6Mk…`.
    public var verificationMethod: String { did + "#" + multibase }

    /// The DID document a did:key resolves to (Multikey representation).
    public var document: JSONValue {
        let did = did, method = verificationMethod
        return .obj([
            ("@context", .array([.string("https://www.w3.org/ns/did/v1"),
                                 .string("https://w3id.org/security/multikey/v1")])),
            ("id", .string(did)),
            ("verificationMethod", .array([.obj([
                ("id", .string(method)),
                ("type", .string("Multikey")),
                ("controller", .string(did)),
                ("publicKeyMultibase", .string(multibase)),
            ])])),
            ("authentication", .array([.string(method)])),
            ("assertionMethod", .array([.string(method)])),
        ])
    }

    public static func == (a: DIDKey, b: DIDKey) -> Bool {
        a.publicKey.rawRepresentation == b.publicKey.rawRepresentation
    }

    public func hash(into hasher: inout Hasher) { hasher.combine(publicKey.rawRepresentation) }

    // MARK: - Multikey

    public static func publicKey(multibase: String) throws -> Curve25519.Signing.PublicKey {
        let raw = try decodeMultikey(multibase, header: publicHeader)
        guard let key = try? Curve25519.Signing.PublicKey(rawRepresentation: raw) else { throw DIDKeyError.invalidKey }
        return key
    }

    /// `secretKeyMultibase` (the W3C vectors call it `privateKeyMultibase`): `z` + base58btc of
    /// `0x8026 ‖ 32-byte seed`.
    public static func secretKeyMultibase(_ key: Curve25519.Signing.PrivateKey) -> String {
        Base58.multibaseEncode(secretHeader + key.rawRepresentation)
    }

    public static func privateKey(secretMultibase: String) throws -> Curve25519.Signing.PrivateKey {
        let raw = try decodeMultikey(secretMultibase, header: secretHeader)
        guard let key = try? Curve25519.Signing.PrivateKey(rawRepresentation: raw) else { throw DIDKeyError.invalidKey }
        return key
    }

    private static func decodeMultikey(_ text: String, header: [UInt8]) throws -> [UInt8] {
        let bytes: [UInt8]
        do {
            bytes = try Base58.multibaseDecode(text)
        } catch Base58Error.notBase58Multibase {
            throw DIDKeyError.notBase58Multibase
        }
        guard bytes.starts(with: header) else {
            throw DIDKeyError.wrongMulticodec(expected: header, found: Array(bytes.prefix(header.count)))
        }
        let key = Array(bytes.dropFirst(header.count))
        guard key.count == 32 else { throw DIDKeyError.wrongKeyLength(expected: 32, found: key.count) }
        return key
    }
}
