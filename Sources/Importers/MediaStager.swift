import AccountModel
import AccountStore
import Crypto
import Foundation
import Readers
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Streams an item's media out of the export into this import's own staging folder
/// (`media/staging/import-<UUID>`, locked while the import runs) while hashing it.
///
/// Rows and files agree after any failure because the files go into the content-addressed store
/// (hard links: no copy, no partial file) inside the import's transaction, just before it
/// commits. If the transaction fails, this import removes the store files it added; if the
/// process dies in between, the staging folder survives and the next import's sweep (`settle`)
/// removes the store files no committed row refers to. A file in the store without a row is
/// therefore at most a leftover of a killed run, never a row without its file.
final class MediaStager: MediaIngest {
    static let folderPrefix = "import-"

    private let export: ExportReader
    private let folder: AccountFolder
    private let work: WorkDirectory
    private let phase: Phase
    private var staged: [String] = []
    private var stagedSet: Set<String> = []
    private var placed: [URL] = []

    init(export: ExportReader, folder: AccountFolder) throws {
        self.export = export
        self.folder = folder
        try FileManager.default.createDirectory(at: folder.stagingURL, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        let phase = Phase()
        self.phase = phase
        // Ctrl-C while staging removes the folder; once placing began its fate depends on the
        // commit, so it is left for the next import's sweep to settle.
        work = try WorkDirectory(in: folder.stagingURL, prefix: Self.folderPrefix) { url in
            if phase.interrupt() { WorkDirectory.removeWhileInUse(url) }
        }
    }

    func ingest(_ reference: MediaReference) throws -> IngestedMedia? {
        guard let entry = export.entry(at: reference.entry) else { return nil }
        let temporary = work.url.appendingPathComponent("incoming")
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
        if !stagedSet.contains(sha256) && !FileManager.default.fileExists(atPath: folder.mediaFile(sha256: sha256).path) {
            try FileManager.default.moveItem(at: temporary, to: work.url.appendingPathComponent(sha256))
            staged.append(sha256)
            stagedSet.insert(sha256)
        } else {
            try? FileManager.default.removeItem(at: temporary)
        }
        return IngestedMedia(sha256: sha256, size: size, mediaType: MediaType.guess(entry.name), fileName: entry.name)
    }

    /// Links every staged file into the store; runs inside the transaction, before the commit.
    func placeStaged() throws { try place(only: nil) }

    /// Links the staged files (those of `only`, when given) into the store.
    func place(only: Set<String>?) throws {
        guard phase.beginPlacing() else { throw ImportError.unreadable(path: work.url.path, reason: "the import was interrupted") }
        let fm = FileManager.default
        for sha256 in staged where only?.contains(sha256) ?? true {
            let target = folder.mediaFile(sha256: sha256)
            try fm.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
            if link(work.url.appendingPathComponent(sha256).path, target.path) == 0 {
                placed.append(target)
            } else if errno != EEXIST { // present already: the same bytes, by its name
                throw ImportError.unreadable(path: target.path, reason: "cannot add to the account's media store (\(String(cString: strerror(errno))))")
            }
        }
    }

    /// After the commit: the store holds the files, the staging copies go.
    func commit() {
        work.remove()
    }

    /// After a failed transaction: nothing refers to the files this import put in the store.
    func discard() {
        for url in placed { try? FileManager.default.removeItem(at: url) }
        placed.removeAll()
        work.remove()
    }

    /// Removes staging folders of imports that are no longer running, first removing from the
    /// store the files they placed for a transaction that never committed. Call with the
    /// account's writer lock held (no other import may be between placing and committing).
    static func sweep(folder: AccountFolder, store: AccountStore) -> WorkDirectory.Sweep {
        // Every name in media/staging is a work folder (folders of older versions had no prefix).
        WorkDirectory.sweep(in: folder.stagingURL, prefix: "") { leftover in
            let names = (try? FileManager.default.contentsOfDirectory(atPath: leftover.path)) ?? []
            for name in names where name.count == 64 && name.allSatisfy(\.isHexDigit) {
                let stored = folder.mediaFile(sha256: name)
                if FileManager.default.fileExists(atPath: stored.path), (try? store.hasMedia(sha256: name)) == false {
                    try? FileManager.default.removeItem(at: stored)
                }
            }
        }
    }

    /// Whether Ctrl-C or the transaction got there first.
    private final class Phase: @unchecked Sendable {
        private let lock = NSLock()
        private var placing = false
        private var interrupted = false

        func beginPlacing() -> Bool {
            lock.lock(); defer { lock.unlock() }
            placing = !interrupted
            return placing
        }

        /// True when the staging folder may be removed.
        func interrupt() -> Bool {
            lock.lock(); defer { lock.unlock() }
            interrupted = true
            return !placing
        }
    }
}
