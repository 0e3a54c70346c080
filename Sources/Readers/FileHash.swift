import AccountModel
import Crypto
import Foundation

/// SHA-256 of a file, streamed in 1 MiB reads: the identity of an export (its `source_export`
/// hash, the collective's resume and de-duplication key).
public enum FileHash {
    public static func sha256(of path: String) throws -> (hex: String, size: UInt64) {
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw FileManager.default.fileExists(atPath: path)
                ? ImportError.unreadable(path: path, reason: "cannot open") : ImportError.missing(path: path)
        }
        defer { try? handle.close() }
        var hasher = SHA256()
        var size: UInt64 = 0
        while let chunk = try handle.read(upToCount: 1 << 20), !chunk.isEmpty {
            hasher.update(data: chunk)
            size += UInt64(chunk.count)
        }
        return (Hex.string(hasher.finalize()), size)
    }
}
