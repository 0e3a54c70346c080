import AccountModel
import Crypto
import Foundation
import ZIPFoundation

/// One file inside an export, by its normalized relative path (`/`-separated, no `..`).
public struct ExportEntry: Sendable, Hashable {
    public var path: String
    public var size: UInt64
    public var compressedSize: UInt64
    /// Which archive part holds it (a Takeout may be split over several zips).
    package var part: Int

    public var name: String { path.split(separator: "/").last.map(String.init) ?? path }
    public var lowercasedPath: String { path.lowercased() }
}

/// The security boundary between a person's download and pda: a zip (or several parts of one),
/// a folder or a single file, presented as a list of vetted entries. Nothing is extracted to
/// disk; entries are read into memory (documents) or streamed (media) within `ExportLimits`.
public final class ExportReader {
    public let displayName: String
    public let urls: [URL]
    public let entries: [ExportEntry]
    public let limits: ExportLimits
    private let archives: [Archive?]
    private let roots: [URL?]
    private var zipEntries: [String: Entry] = [:]
    /// Hears which document is being read and its bytes as they are read. Only the file name
    /// (`message_1.json`): folders can be named after people (`inbox/<friend>_123/`), and media
    /// files, named by the person, are not reported at all.
    public var progress: WorkProgress?

    public convenience init(path: String, limits: ExportLimits = ExportLimits()) throws {
        try self.init(paths: [path], limits: limits)
    }

    /// Opens the export; several paths are parts of one export (`takeout-…-001.zip`, `-002.zip`).
    public init(paths: [String], limits: ExportLimits = ExportLimits()) throws {
        precondition(!paths.isEmpty)
        self.limits = limits
        let urls = paths.map { URL(fileURLWithPath: $0).standardizedFileURL }
        self.urls = urls
        displayName = urls.count == 1 ? urls[0].lastPathComponent : "\(urls[0].lastPathComponent) (+\(urls.count - 1) parts)"
        var archives: [Archive?] = []
        var roots: [URL?] = []
        var entries: [ExportEntry] = []
        var zipEntries: [String: Entry] = [:]
        var seen = Set<String>()
        var total: UInt64 = 0
        for (part, url) in urls.enumerated() {
            let file = url.lastPathComponent
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory) else {
                throw ImportError.missing(path: url.path)
            }
            var found: [(ExportEntry, Entry?)] = []
            if isDirectory.boolValue {
                archives.append(nil)
                roots.append(url)
                found = try Self.listFolder(url, part: part, limits: limits).map { ($0, nil) }
            } else if try Self.looksLikeZip(url) {
                let archive: Archive
                do { archive = try Archive(url: url, accessMode: .read) } catch {
                    throw ImportError.corruptArchive(file: file, reason: "no central directory")
                }
                archives.append(archive)
                roots.append(nil)
                found = try Self.listZip(archive, file: file, part: part, limits: limits)
            } else {
                archives.append(nil)
                roots.append(url.deletingLastPathComponent())
                let size = (try? FileManager.default.attributesOfItem(atPath: url.path)[.size] as? NSNumber)?.uint64Value ?? 0
                found = [(ExportEntry(path: file, size: size, compressedSize: size, part: part), nil)]
            }
            for (entry, zipEntry) in found {
                // Duplicate paths across parts or in a crafted zip would make a locator ambiguous.
                guard seen.insert(entry.path).inserted else { continue }
                total += entry.size
                if total > limits.maxTotalBytes {
                    throw ImportError.tooLarge(file: file, entry: entry.path, reason: "the export inflates to more than \(limits.maxTotalBytes >> 30) GiB")
                }
                entries.append(entry)
                if let zipEntry { zipEntries[entry.path] = zipEntry }
            }
            if entries.count > limits.maxEntries {
                throw ImportError.tooManyEntries(file: file, count: entries.count, limit: limits.maxEntries)
            }
        }
        guard !entries.isEmpty else { throw ImportError.empty(file: displayName) }
        self.archives = archives
        self.roots = roots
        self.zipEntries = zipEntries
        self.entries = entries.sorted { $0.path < $1.path }
    }

    // MARK: - Finding entries

    /// Entries whose file name is one of `names` (case-insensitive), wherever they are.
    public func entries(named names: [String]) -> [ExportEntry] {
        let wanted = Set(names.map { $0.lowercased() })
        return entries.filter { wanted.contains($0.name.lowercased()) }
    }

    /// Entries whose path ends with `suffix` (case-insensitive), e.g. `content/posts_1.json`.
    public func entries(endingWith suffix: String) -> [ExportEntry] {
        let wanted = suffix.lowercased()
        return entries.filter { $0.lowercasedPath == wanted || $0.lowercasedPath.hasSuffix("/" + wanted) }
    }

    public func entry(at path: String) -> ExportEntry? { entries.first { $0.path == path } }

    // MARK: - Reading

    /// The whole entry in memory, for documents (JSON, CSV, TXT) within `maxDocumentBytes`.
    public func data(of entry: ExportEntry) throws -> Data {
        guard entry.size <= limits.maxDocumentBytes else {
            throw ImportError.tooLarge(file: file(of: entry), entry: entry.path, reason: "larger than \(limits.maxDocumentBytes >> 20) MiB")
        }
        progress?.begin(entry.name, bytes: entry.size)
        defer { progress?.add(bytes: Int(entry.size)) }
        if let root = roots[entry.part] {
            do { return try Data(contentsOf: root.appendingPathComponent(entry.path), options: .mappedIfSafe) } catch {
                throw ImportError.unreadable(path: "\(file(of: entry))/\(entry.path)", reason: "read failed")
            }
        }
        var data = Data()
        data.reserveCapacity(Int(entry.size))
        try stream(entry, limit: limits.maxDocumentBytes) { data.append($0) }
        return data
    }

    /// Streams the entry in chunks, for media of any size.
    public func stream(_ entry: ExportEntry, limit: UInt64? = nil, _ consume: (Data) throws -> Void) throws {
        let limit = min(limit ?? limits.maxEntryBytes, limits.maxEntryBytes)
        let file = file(of: entry)
        if let root = roots[entry.part] {
            guard let handle = FileHandle(forReadingAtPath: root.appendingPathComponent(entry.path).path) else {
                throw ImportError.unreadable(path: "\(file)/\(entry.path)", reason: "cannot open")
            }
            defer { try? handle.close() }
            var total: UInt64 = 0
            while let chunk = try handle.read(upToCount: 1 << 20), !chunk.isEmpty {
                total += UInt64(chunk.count)
                if total > limit { throw ImportError.tooLarge(file: file, entry: entry.path, reason: "larger than the limit") }
                try consume(chunk)
            }
            return
        }
        guard let archive = archives[entry.part] else {
            throw ImportError.unreadable(path: file, reason: "entry vanished")
        }
        try streamZip(entry, from: archive, limit: limit, consume)
    }

    /// Streams the entry as `stream` does, on an archive handle of its own, so that another
    /// thread can read the entry while this reader serves others (media copies) meanwhile.
    package func streamIndependently(_ entry: ExportEntry, limit: UInt64? = nil, _ consume: (Data) throws -> Void) throws {
        guard archives[entry.part] != nil else { return try stream(entry, limit: limit, consume) }
        let archive: Archive
        do { archive = try Archive(url: urls[entry.part], accessMode: .read) } catch {
            throw ImportError.corruptArchive(file: file(of: entry), reason: "no central directory")
        }
        try streamZip(entry, from: archive, limit: min(limit ?? limits.maxEntryBytes, limits.maxEntryBytes), consume)
    }

    private func streamZip(_ entry: ExportEntry, from archive: Archive, limit: UInt64, _ consume: (Data) throws -> Void) throws {
        let file = file(of: entry)
        guard let zipEntry = zipEntries[entry.path] else {
            throw ImportError.unreadable(path: file, reason: "entry vanished")
        }
        var total: UInt64 = 0
        var crc = CRC32()
        do {
            _ = try archive.extract(zipEntry, bufferSize: 1 << 16, skipCRC32: true) { chunk in
                total += UInt64(chunk.count)
                // The central directory can lie about sizes; count what actually inflates.
                if total > entry.size || total > limit {
                    throw ImportError.tooLarge(file: file, entry: entry.path, reason: "inflates beyond its declared size")
                }
                crc.update(chunk)
                try consume(chunk)
            }
        } catch let error as ImportError {
            throw error
        } catch {
            throw ImportError.corruptArchive(file: file, reason: "entry \"\(entry.path)\" cannot be inflated")
        }
        guard total == entry.size else {
            throw ImportError.corruptArchive(file: file, reason: "entry \"\(entry.path)\" is truncated")
        }
        guard crc.value == zipEntry.checksum else {
            throw ImportError.corruptArchive(file: file, reason: "entry \"\(entry.path)\" fails its CRC check")
        }
    }

    /// The export's identity: SHA-256 of the file (of each part, in order, for split exports;
    /// of a sorted path/size/content listing for a folder) and its total size in bytes.
    public func fingerprint() throws -> (sha256: String, size: UInt64) {
        var outer = SHA256()
        var size: UInt64 = 0
        for (part, url) in urls.enumerated() {
            if roots[part] != nil && archives[part] == nil && (try? url.resourceValues(forKeys: [.isDirectoryKey]).isDirectory) == true {
                for entry in entries where entry.part == part {
                    var inner = SHA256()
                    try stream(entry) { inner.update(data: $0) }
                    outer.update(data: Data("\(entry.path)\u{0}\(entry.size)\u{0}\(Hex.string(inner.finalize()))\n".utf8))
                    size += entry.size
                }
            } else {
                let file = try FileHash.sha256(of: url.path)
                size += file.size
                if urls.count == 1 { return (file.hex, size) }
                outer.update(data: Data(file.hex.utf8))
            }
        }
        return (Hex.string(outer.finalize()), size)
    }

    package func file(of entry: ExportEntry) -> String { urls[entry.part].lastPathComponent }

}
