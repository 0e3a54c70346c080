import AccountModel
import Crypto
import Foundation

/// The archive's External-Identifier. A random UUID would make two exports of the same account
/// with the same options and `--created` differ, so the UUID is derived instead: the first 16
/// bytes of SHA-256 over the owner's DID, the canonical JSON (RFC 8785) of the export options and
/// the creation time, with the version nibble set to 8 and the RFC 9562 variant bits, as RFC 9562
/// Appendix B.2 does for name-based UUIDs on SHA-256. Different owners, options or times give
/// different UUIDs; the same ones give the same UUID.
enum DeterministicID {
    static func archiveUUID(ownerDID: String, options: JSONValue, created: String) throws -> String {
        var hasher = SHA256()
        hasher.update(data: Data("pda-archive/v1".utf8))
        for part in [Data(ownerDID.utf8), try CanonicalJSON.data(options), Data(created.utf8)] {
            hasher.update(data: Data([0]))
            hasher.update(data: part)
        }
        var bytes = Array(hasher.finalize().prefix(16))
        bytes[6] = (bytes[6] & 0x0F) | 0x80  // version 8
        bytes[8] = (bytes[8] & 0x3F) | 0x80  // variant 10
        let hex = Hex.string(bytes)
        let h = Array(hex)
        return String(h[0..<8]) + "-" + String(h[8..<12]) + "-" + String(h[12..<16]) + "-" + String(h[16..<20]) + "-" + String(h[20..<32])
    }
}
