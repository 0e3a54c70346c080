import Foundation

/// A bag to verify, zipped or unzipped. Paths are relative to the bag's base directory
/// (`data/…`, `bagit.txt`). Files that cannot be part of the bag (links, entries outside its
/// folder, unsafe names, duplicates) are not listed but reported in `problems`.
protocol BagSource: Sendable {
    var files: [String: UInt64] { get }
    var problems: [String] { get }
    /// A reader for one thread: readers keep buffers and file descriptors of their own.
    func makeReader() throws -> BagReader
}

protocol BagReader {
    /// Streams the file's bytes in chunks of at most about a megabyte; the memory is only valid
    /// during the call.
    func stream(_ path: String, _ body: (UnsafeRawBufferPointer) throws -> Void) throws
}

extension BagReader {
    /// A whole small file; `limit` guards memory against a hostile archive.
    func read(_ path: String, limit: Int = 256 << 20) throws -> Data {
        var data = Data()
        try stream(path) { chunk in
            guard data.count + chunk.count <= limit else { throw ArchiveError.io(path: path, reason: "larger than \(limit >> 20) MiB") }
            data.append(contentsOf: chunk)
        }
        return data
    }
}

enum BagSources {
    /// A `.zip` file or a folder; anything else is not an archive.
    static func open(_ url: URL, limits: VerifyLimits = VerifyLimits()) throws -> BagSource {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory) else {
            throw ArchiveError.inputMissing(path: url.path)
        }
        return isDirectory.boolValue ? try FolderBag(url, limits: limits) : try ZipBag(url, limits: limits)
    }

    /// The problem for a path longer than the limit; the path itself is not quoted (it is long).
    static func longPath(_ bytes: Int, _ limits: VerifyLimits) -> String {
        "an entry's path is \(bytes) bytes, more than the \(limits.maxPathBytes) a bag path may have; skipped"
    }

    static func tooManyEntries(_ url: URL, _ limits: VerifyLimits) -> ArchiveError {
        .notAnArchive(path: url.path, reason: "more than \(limits.maxEntries) entries, more than any pda archive holds")
    }

    /// A relative path is usable only if it stays inside the bag.
    static func isSafe(_ path: String) -> Bool {
        !path.isEmpty && !path.hasPrefix("/") && !path.contains("\\") && !path.contains("\0")
            && !path.split(separator: "/", omittingEmptySubsequences: false).contains { $0 == ".." || $0 == "." || $0.isEmpty }
    }
}

/// A zip holding one top-level folder, the bag.
final class ZipBag: BagSource, @unchecked Sendable {
    let url: URL
    let files: [String: UInt64]
    let problems: [String]
    /// Bag path → entry.
    private let entries: [String: ZipIndex.Entry]

    let limits: VerifyLimits

    init(_ url: URL, limits: VerifyLimits = VerifyLimits()) throws {
        self.url = url
        self.limits = limits
        let index: ZipIndex
        do {
            index = try ZipIndex(path: url.path, maxEntries: limits.maxEntries)
        } catch ZipIndex.Failure.unsupported {
            throw ArchiveError.notAnArchive(path: url.path, reason: "the zip uses encryption or a compression method pda does not read")
        } catch ZipIndex.Failure.tooManyEntries {
            throw BagSources.tooManyEntries(url, limits)
        } catch ZipIndex.Failure.overlapping {
            throw ArchiveError.notAnArchive(path: url.path, reason: "its entries overlap (a zip bomb that reuses the same bytes)")
        } catch {
            throw ArchiveError.notAnArchive(path: url.path, reason: "not a readable zip file")
        }
        let bags = Set(index.entries.filter { $0.name.hasSuffix("/bagit.txt") && $0.name.split(separator: "/").count == 2 }
            .map { String($0.name.dropLast("bagit.txt".count)) })
        guard bags.count == 1, let prefix = bags.first else {
            throw ArchiveError.notAnArchive(path: url.path, reason: bags.isEmpty
                ? "no top-level folder with a bagit.txt" : "more than one bag in one zip")
        }
        var files: [String: UInt64] = [:]
        var entries: [String: ZipIndex.Entry] = [:]
        var problems: [String] = []
        for entry in index.entries {
            let name = entry.name
            guard name.utf8.count <= prefix.utf8.count + limits.maxPathBytes else {
                problems.append(BagSources.longPath(name.utf8.count - prefix.utf8.count, limits))
                continue
            }
            guard name.hasPrefix(prefix) else {
                if name != String(prefix.dropLast()) { problems.append("zip entry \(name) is outside the bag folder \(prefix)") }
                continue
            }
            let path = String(name.dropFirst(prefix.count))
            if entry.isDirectory || path.isEmpty { continue }
            if entry.isSymlink { problems.append("\(path): is a link, which a bag may not contain"); continue }
            guard BagSources.isSafe(path) else { problems.append("zip entry \(name) has an unsafe path"); continue }
            if files[path] != nil { problems.append("\(path): appears more than once in the zip"); continue }
            files[path] = entry.size
            entries[path] = entry
        }
        self.files = files
        self.entries = entries
        self.problems = problems
    }

    func makeReader() throws -> BagReader { ZipBagReader(reader: try ZipEntryReader(path: url.path), entries: entries, limits: limits) }
}

private struct ZipBagReader: BagReader {
    let reader: ZipEntryReader
    let entries: [String: ZipIndex.Entry]
    let limits: VerifyLimits

    func stream(_ path: String, _ body: (UnsafeRawBufferPointer) throws -> Void) throws {
        guard let entry = entries[path] else { throw ArchiveError.io(path: path, reason: "not in the zip") }
        // Measured before inflating: with the entries known not to overlap, this bounds the
        // bytes inflated to `maxRatio` times the zip's size.
        if entry.deflated, entry.size > limits.ratioFloorBytes, entry.size / max(entry.compressedSize, 1) > limits.maxRatio {
            throw ArchiveError.io(path: path, reason: "inflates more than \(limits.maxRatio):1 (a zip bomb); not read")
        }
        // CRC-32s are not checked: every file is checked against SHA-256 and SHA-512 instead.
        try reader.stream(entry, body)
    }
}

/// An unzipped bag: the folder itself, or a folder holding the bag as its one subfolder.
final class FolderBag: BagSource, @unchecked Sendable {
    let root: URL
    let files: [String: UInt64]
    let problems: [String]

    init(_ url: URL, limits: VerifyLimits = VerifyLimits()) throws {
        let fm = FileManager.default
        if fm.fileExists(atPath: url.appendingPathComponent("bagit.txt").path) {
            root = url
        } else {
            let children = (try? fm.contentsOfDirectory(at: url, includingPropertiesForKeys: nil)) ?? []
            let bags = children.filter { fm.fileExists(atPath: $0.appendingPathComponent("bagit.txt").path) }
            guard bags.count == 1, let bag = bags.first else {
                throw ArchiveError.notAnArchive(path: url.path, reason: bags.isEmpty ? "no bagit.txt in this folder" : "more than one bag")
            }
            root = bag
        }
        var files: [String: UInt64] = [:]
        var problems: [String] = []
        let base = root.standardizedFileURL.path
        let keys: [URLResourceKey] = [.isRegularFileKey, .isDirectoryKey, .isSymbolicLinkKey, .fileSizeKey]
        let walker = fm.enumerator(at: root, includingPropertiesForKeys: keys)
        while let file = walker?.nextObject() as? URL {
            let values = try? file.resourceValues(forKeys: Set(keys))
            let full = file.standardizedFileURL.path
            guard full.hasPrefix(base + "/") else { continue }
            let path = String(full.dropFirst(base.count + 1))
            guard path.utf8.count <= limits.maxPathBytes else { problems.append(BagSources.longPath(path.utf8.count, limits)); continue }
            if values?.isSymbolicLink == true { problems.append("\(path): is a link, which a bag may not contain"); continue }
            if values?.isDirectory == true { continue }
            guard values?.isRegularFile == true else { problems.append("\(path): is not a regular file"); continue }
            files[path] = UInt64(values?.fileSize ?? 0)
            if files.count > limits.maxEntries { throw BagSources.tooManyEntries(url, limits) }
        }
        self.files = files
        self.problems = problems
    }

    func makeReader() throws -> BagReader { FolderBagReader(root: root) }
}

private final class FolderBagReader: BagReader {
    let root: URL
    /// One buffer for every read: allocating (and zeroing) a megabyte per file would cost more
    /// than hashing the thousands of small files an archive holds.
    private var buffer = [UInt8](repeating: 0, count: 1 << 20)

    init(root: URL) { self.root = root }

    func stream(_ path: String, _ body: (UnsafeRawBufferPointer) throws -> Void) throws {
        let reader = try ChunkReader(path: root.appendingPathComponent(path).path)
        try buffer.withUnsafeMutableBytes { raw in
            while true {
                let count = try reader.read(into: raw)
                if count == 0 { return }
                try body(UnsafeRawBufferPointer(rebasing: raw[0..<count]))
            }
        }
    }
}
