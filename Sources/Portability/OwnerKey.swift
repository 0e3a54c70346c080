import AccountStore
import Crypto
import Foundation

public enum OwnerKeyError: Error, LocalizedError {
    case missing(path: String)
    case unreadable(path: String, reason: String)

    public var errorDescription: String? {
        switch self {
        case .missing(let path): return "no signing key at \(path); run `pda init` to create the account and its key"
        case .unreadable(let path, let reason): return "the signing key \(path) cannot be used: \(reason)"
        }
    }
}

/// The owner's Ed25519 signing key in `keys/owner.key.json` (mode 0600). Only this type reads
/// the secret; everything else sees the public `DIDKey`.
public struct OwnerKey: @unchecked Sendable {
    public let privateKey: Curve25519.Signing.PrivateKey
    public var didKey: DIDKey { DIDKey(publicKey: privateKey.publicKey) }

    public static func file(in folder: AccountFolder) -> URL { folder.keysURL.appendingPathComponent("owner.key.json") }

    /// Creates the key unless one exists; returns it either way.
    public static func loadOrCreate(in folder: AccountFolder) throws -> (key: OwnerKey, created: Bool) {
        if FileManager.default.fileExists(atPath: file(in: folder).path) { return (try load(from: folder), false) }
        let key = OwnerKey(privateKey: Curve25519.Signing.PrivateKey())
        try key.write(to: file(in: folder))
        return (key, true)
    }

    public static func load(from folder: AccountFolder) throws -> OwnerKey {
        let url = file(in: folder)
        guard FileManager.default.fileExists(atPath: url.path) else { throw OwnerKeyError.missing(path: url.path) }
        do {
            let data = try Data(contentsOf: url)
            guard let object = try JSONSerialization.jsonObject(with: data) as? [String: Any],
                  let secret = object["secretKeyMultibase"] as? String else {
                throw OwnerKeyError.unreadable(path: url.path, reason: "no secretKeyMultibase")
            }
            return OwnerKey(privateKey: try DIDKey.privateKey(secretMultibase: secret))
        } catch let error as OwnerKeyError {
            throw error
        } catch {
            throw OwnerKeyError.unreadable(path: url.path, reason: "not a Multikey file")
        }
    }

    /// A Multikey document; written 0600 from the first byte (created with that mode).
    private func write(to url: URL) throws {
        let did = didKey
        let json = """
            {
              "type": "Multikey",
              "id": "\(did.verificationMethod)",
              "controller": "\(did.did)",
              "publicKeyMultibase": "\(did.multibase)",
              "secretKeyMultibase": "\(DIDKey.secretKeyMultibase(privateKey))"
            }

            """
        let fm = FileManager.default
        try fm.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        guard fm.createFile(atPath: url.path, contents: Data(json.utf8), attributes: [.posixPermissions: 0o600]) else {
            throw OwnerKeyError.unreadable(path: url.path, reason: "cannot be written")
        }
        try fm.setAttributes([.posixPermissions: 0o600], ofItemAtPath: url.path)
    }
}
