import Foundation

/// The account on disk: `account.sqlite`, `media/sha256/…` and `keys/`, in a folder only the
/// owner can read (0700).
public struct AccountFolder: Sendable {
    public let url: URL

    public init(url: URL) { self.url = url.standardizedFileURL }

    /// `--account DIR`, else `$PDA_ACCOUNT`, else `${XDG_DATA_HOME:-~/.local/share}/pda`.
    public static func resolve(explicit: String?, environment: [String: String] = ProcessInfo.processInfo.environment) -> AccountFolder {
        if let explicit, !explicit.isEmpty { return AccountFolder(url: URL(fileURLWithPath: explicit)) }
        if let env = environment["PDA_ACCOUNT"], !env.isEmpty { return AccountFolder(url: URL(fileURLWithPath: env)) }
        let base: URL
        if let xdg = environment["XDG_DATA_HOME"], !xdg.isEmpty {
            base = URL(fileURLWithPath: xdg)
        } else {
            base = FileManager.default.homeDirectoryForCurrentUser.appendingPathComponent(".local/share")
        }
        return AccountFolder(url: base.appendingPathComponent("pda"))
    }

    public var databaseURL: URL { url.appendingPathComponent("account.sqlite") }
    public var mediaURL: URL { url.appendingPathComponent("media/sha256") }
    public var keysURL: URL { url.appendingPathComponent("keys") }
    public var stagingURL: URL { url.appendingPathComponent("media/staging") }

    public var exists: Bool { FileManager.default.fileExists(atPath: databaseURL.path) }

    /// The content-addressed place of a media file: `media/sha256/ab/cdef…`.
    public func mediaFile(sha256: String) -> URL {
        mediaURL.appendingPathComponent(String(sha256.prefix(2))).appendingPathComponent(String(sha256.dropFirst(2)))
    }

    /// Creates the folder tree with owner-only permissions.
    public func createDirectories() throws {
        let fm = FileManager.default
        for dir in [url, url.appendingPathComponent("media"), mediaURL, stagingURL, keysURL] {
            try fm.createDirectory(at: dir, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
            try fm.setAttributes([.posixPermissions: 0o700], ofItemAtPath: dir.path)
        }
    }
}
