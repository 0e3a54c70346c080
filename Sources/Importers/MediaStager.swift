import AccountModel
import AccountStore
import Crypto
import Foundation
import Readers

/// Streams an item's media out of the export into a staging folder while hashing it, and moves
/// the files into the content-addressed store only after the database transaction committed,
/// so a failed import leaves no file behind.
final class MediaStager: MediaIngest {
    private let export: ExportReader
    private let folder: AccountFolder
    private let staging: URL
    private var staged: [String: URL] = [:]

    init(export: ExportReader, folder: AccountFolder) throws {
        self.export = export
        self.folder = folder
        staging = folder.stagingURL.appendingPathComponent(UUID().uuidString)
    }

    func ingest(_ reference: MediaReference) throws -> IngestedMedia? {
        guard let entry = export.entry(at: reference.entry) else { return nil }
        try FileManager.default.createDirectory(at: staging, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        let temporary = staging.appendingPathComponent("incoming")
        FileManager.default.createFile(atPath: temporary.path, contents: nil, attributes: [.posixPermissions: 0o600])
        guard let handle = FileHandle(forWritingAtPath: temporary.path) else {
            throw ImportError.unreadable(path: temporary.path, reason: "cannot write to the account's media folder")
        }
        var hasher = SHA256()
        var size: UInt64 = 0
        do {
            try export.stream(entry) { chunk in
                hasher.update(data: chunk)
                size += UInt64(chunk.count)
                try handle.write(contentsOf: chunk)
            }
            try handle.close()
        } catch {
            try? handle.close()
            throw error
        }
        let sha256 = Hex.string(hasher.finalize())
        let target = staging.appendingPathComponent(sha256)
        if staged[sha256] == nil && !FileManager.default.fileExists(atPath: folder.mediaFile(sha256: sha256).path) {
            try? FileManager.default.removeItem(at: target)
            try FileManager.default.moveItem(at: temporary, to: target)
            staged[sha256] = target
        } else {
            try? FileManager.default.removeItem(at: temporary)
        }
        return IngestedMedia(sha256: sha256, size: size, mediaType: MediaType.guess(entry.name), fileName: entry.name)
    }

    func commit() throws {
        let fm = FileManager.default
        for (sha256, url) in staged {
            let target = folder.mediaFile(sha256: sha256)
            try fm.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
            if fm.fileExists(atPath: target.path) { try? fm.removeItem(at: url) } else { try fm.moveItem(at: url, to: target) }
        }
        discard()
    }

    func discard() {
        try? FileManager.default.removeItem(at: staging)
        try? FileManager.default.removeItem(at: folder.stagingURL)
    }
}
