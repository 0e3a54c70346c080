import AccountModel
import Foundation

/// What an account costs on disk: the database with its write-ahead log, and the media files
/// actually stored (content-addressed, so a file imported twice is counted once). Read from the
/// file system, not the database, because that is what a big import costs the person.
public struct AccountDiskUsage: Sendable, Equatable {
    /// `account.sqlite` + `-wal` + `-shm`.
    public var databaseBytes: Int64
    public var mediaFiles: Int
    public var mediaBytes: Int64

    public init(databaseBytes: Int64, mediaFiles: Int, mediaBytes: Int64) {
        self.databaseBytes = databaseBytes
        self.mediaFiles = mediaFiles
        self.mediaBytes = mediaBytes
    }

    public var json: JSONValue {
        .obj([
            ("databaseBytes", .number(String(databaseBytes))),
            ("mediaFiles", .int(mediaFiles)),
            ("mediaBytes", .number(String(mediaBytes))),
            ("totalBytes", .number(String(databaseBytes + mediaBytes))),
        ])
    }
}

extension AccountFolder {
    /// Sizes on disk; missing files count as zero (no WAL after a clean close).
    public func diskUsage() -> AccountDiskUsage {
        let fm = FileManager.default
        func size(_ path: String) -> Int64 {
            ((try? fm.attributesOfItem(atPath: path))?[.size] as? NSNumber)?.int64Value ?? 0
        }
        let database = ["", "-wal", "-shm"].reduce(Int64(0)) { $0 + size(databaseURL.path + $1) }
        var files = 0
        var bytes: Int64 = 0
        // Only media/sha256: staging holds an import in progress, not the account's media.
        if let walker = fm.enumerator(at: mediaURL, includingPropertiesForKeys: [.isRegularFileKey, .fileSizeKey]) {
            for case let url as URL in walker {
                guard let values = try? url.resourceValues(forKeys: [.isRegularFileKey, .fileSizeKey]),
                      values.isRegularFile == true else { continue }
                files += 1
                bytes += Int64(values.fileSize ?? 0)
            }
        }
        return AccountDiskUsage(databaseBytes: database, mediaFiles: files, mediaBytes: bytes)
    }
}
