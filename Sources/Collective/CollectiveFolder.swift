import AccountModel
import AccountStore
import Crypto
import Foundation
import Portability

public enum CollectiveError: Error, LocalizedError {
    case notACollective(path: String)
    case exists(path: String)
    case noSuchMember
    case noArchiveConsent
    case badManifest(file: String, line: Int, reason: String)
    case differentSecret(shard: String)
    case cannotCreate(path: String)
    case deletionFailed(path: String, reason: String)
    case busy(pid: Int?)
    case interrupted(signal: Int32, recorded: Int)
    case conflictingMember(shard: String, count: Int)
    case budgetExhausted(spent: Double, total: Double, asked: Double)

    public var errorDescription: String? {
        switch self {
        case .notACollective(let path): return "\(path) is not a collective; create one with `pda collective init DIR`"
        case .exists(let path): return "\(path) already holds a collective; nothing was changed"
        case .noSuchMember: return "no such member in this collective"
        case .noArchiveConsent: return "this member consented to aggregate use only, not to an archive"
        case .badManifest(let file, let line, let reason): return "\(file):\(line): \(reason)"
        case .differentSecret(let shard): return "\(shard) was initialized with another secret: copy the initialized collective to every shard before processing"
        case .cannotCreate(let path): return "cannot create \(path)"
        case .deletionFailed(let path, let reason):
            return "the member's rows are deleted, but their folder \(path) could not be removed (\(reason)); the withdrawal is NOT complete: fix the cause and run withdraw again"
        case .busy(let pid):
            return "another pda collective run\(pid.map { " (process \($0))" } ?? "") is using this collective; wait for it to finish"
        case .interrupted(let signal, let recorded):
            let name = signal == SIGINT ? "SIGINT" : signal == SIGTERM ? "SIGTERM" : "signal \(signal)"
            return "interrupted by \(name): \(recorded) exports were recorded; the members in progress were discarded. Run the same command again to continue"
        case .conflictingMember(let shard, let count):
            return "\(shard) holds \(count) member(s) that differ from the copy already in this collective (processed in two shards?); nothing was merged"
        case .budgetExhausted(let spent, let total, let asked):
            return "privacy budget exhausted: this release would spend ε = \(asked), \(spent) of the collective's total \(total) is already spent; nothing was released (raise the total with `pda collective budget --set` only if your privacy policy allows it)"
        }
    }

    public var exitCode: Int32 {
        switch self {
        case .notACollective: return 66
        case .badManifest, .differentSecret: return 65
        case .cannotCreate: return 73
        case .deletionFailed: return 74
        case .interrupted(let signal, _): return 128 + signal
        case .conflictingMember: return 65
        case .exists, .noSuchMember, .noArchiveConsent, .busy, .budgetExhausted: return 1
        }
    }
}

/// The collective on disk (0700): `collective.sqlite`, `secret.key` (HMAC key for pseudonyms,
/// 0600), `keys/` (the organisation's Ed25519 key) and `members/<pseudonym>/` (one account each).
public struct CollectiveFolder: Sendable {
    public let url: URL
    public init(url: URL) { self.url = url.standardizedFileURL }

    public static func resolve(explicit: String?, environment: [String: String] = ProcessInfo.processInfo.environment) -> CollectiveFolder? {
        if let explicit, !explicit.isEmpty { return CollectiveFolder(url: URL(fileURLWithPath: explicit)) }
        if let env = environment["PDA_COLLECTIVE"], !env.isEmpty { return CollectiveFolder(url: URL(fileURLWithPath: env)) }
        return nil
    }

    public var databaseURL: URL { url.appendingPathComponent("collective.sqlite") }
    var secretURL: URL { url.appendingPathComponent("secret.key") }
    public var membersURL: URL { url.appendingPathComponent("members") }
    /// The organisation's key lives where an account keeps its own, so `OwnerKey` manages it.
    public var organisationKeyFolder: AccountFolder { AccountFolder(url: url) }
    public var exists: Bool { FileManager.default.fileExists(atPath: databaseURL.path) }

    public func memberAccount(_ pseudonym: String) -> AccountFolder {
        AccountFolder(url: membersURL.appendingPathComponent(pseudonym))
    }

    /// The HMAC-SHA256 secret, 32 random bytes made at `init`.
    func secret() throws -> SymmetricKey {
        guard let data = try? Data(contentsOf: secretURL), data.count == 32 else { throw CollectiveError.notACollective(path: url.path) }
        return SymmetricKey(data: data)
    }

    func createSecret() throws {
        let key = SymmetricKey(size: .bits256)
        let data = key.withUnsafeBytes { Data($0) }
        guard FileManager.default.createFile(atPath: secretURL.path, contents: data, attributes: [.posixPermissions: 0o600]) else {
            throw CollectiveError.cannotCreate(path: secretURL.path)
        }
        try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: secretURL.path)
    }
}

/// Keyed pseudonyms: one member id always maps to the same pseudonym inside a collective, and to
/// unrelated ones in collectives with other secrets.
public enum Pseudonym {
    public static func of(_ memberID: String, secret: SymmetricKey) -> String {
        let mac = HMAC<SHA256>.authenticationCode(for: Data(memberID.utf8), using: secret)
        return "m-" + Hex.string(mac.prefix(12))
    }

    /// What a withdrawal leaves: keyed like the pseudonym but under another label, so it is not
    /// the pseudonym that named the member's rows and folder.
    static func tombstone(of pseudonym: String, secret: SymmetricKey) -> String {
        let mac = HMAC<SHA256>.authenticationCode(for: Data("pda collective tombstone\u{0}\(pseudonym)".utf8), using: secret)
        return "t-" + mac.map { String(format: "%02x", $0) }.joined()
    }

    static func fingerprint(_ secret: SymmetricKey) -> String {
        of("pda collective secret fingerprint", secret: secret)
    }
}
