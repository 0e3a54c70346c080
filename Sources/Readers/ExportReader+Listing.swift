import Foundation
import ZIPFoundation

extension ExportReader {
    package static func looksLikeZip(_ url: URL) throws -> Bool {
        guard let handle = FileHandle(forReadingAtPath: url.path) else {
            throw ImportError.unreadable(path: url.path, reason: "permission denied")
        }
        defer { try? handle.close() }
        let magic = try handle.read(upToCount: 4) ?? Data()
        if magic.starts(with: [0x50, 0x4B]) { return true }
        // A file named .zip that is not one is a broken download, not a single-file export.
        if url.pathExtension.lowercased() == "zip" {
            throw ImportError.corruptArchive(file: url.lastPathComponent, reason: "the file is not a zip")
        }
        return false
    }

    /// Vets every entry of a zip before anything is read: a hostile zip is refused whole.
    package static func listZip(_ archive: Archive, file: String, part: Int, limits: ExportLimits) throws -> [(ExportEntry, Entry?)] {
        var found: [(ExportEntry, Entry?)] = []
        var count = 0
        for zipEntry in archive {
            count += 1
            if count > limits.maxEntries {
                throw ImportError.tooManyEntries(file: file, count: count, limit: limits.maxEntries)
            }
            let rawPath = zipEntry.path
            if zipEntry.type == .symlink {
                throw ImportError.unsafeEntry(file: file, entry: rawPath, reason: "it is a symbolic link")
            }
            let path = try safePath(rawPath, file: file)
            if zipEntry.type == .directory || path.isEmpty { continue }
            let size = zipEntry.uncompressedSize
            let packed = zipEntry.compressedSize
            if size > limits.maxEntryBytes {
                throw ImportError.tooLarge(file: file, entry: path, reason: "inflates to \(size) bytes, more than the limit")
            }
            if size > limits.ratioFloorBytes && size / max(packed, 1) > limits.maxRatio {
                throw ImportError.tooLarge(file: file, entry: path, reason: "compression ratio \(size / max(packed, 1)):1 is a zip bomb's")
            }
            if isJunk(path) { continue }
            found.append((ExportEntry(path: path, size: size, compressedSize: packed, part: part), zipEntry))
        }
        return found
    }

    package static func listFolder(_ root: URL, part: Int, limits: ExportLimits) throws -> [ExportEntry] {
        let fm = FileManager.default
        guard let walker = fm.enumerator(at: root, includingPropertiesForKeys: [.isSymbolicLinkKey, .isRegularFileKey, .fileSizeKey]) else {
            throw ImportError.unreadable(path: root.path, reason: "cannot list the folder")
        }
        var found: [ExportEntry] = []
        let base = root.standardizedFileURL.path
        for case let url as URL in walker {
            let values = try url.resourceValues(forKeys: [.isSymbolicLinkKey, .isRegularFileKey, .fileSizeKey])
            let full = url.standardizedFileURL.path
            let path = full.hasPrefix(base + "/") ? String(full.dropFirst(base.count + 1)) : url.lastPathComponent
            if values.isSymbolicLink == true {
                throw ImportError.unsafeEntry(file: root.lastPathComponent, entry: path, reason: "it is a symbolic link")
            }
            guard values.isRegularFile == true, !isJunk(path) else { continue }
            found.append(ExportEntry(path: path, size: UInt64(values.fileSize ?? 0), compressedSize: UInt64(values.fileSize ?? 0), part: part))
            if found.count > limits.maxEntries {
                throw ImportError.tooManyEntries(file: root.lastPathComponent, count: found.count, limit: limits.maxEntries)
            }
        }
        return found
    }

    /// Refuses zip-slip paths: absolute, drive-letter, `..` components, NUL bytes.
    package static func safePath(_ raw: String, file: String) throws -> String {
        let unified = raw.replacingOccurrences(of: "\\", with: "/")
        if unified.hasPrefix("/") || unified.contains("\u{0}") ||
            (unified.count >= 2 && unified.dropFirst().first == ":") {
            throw ImportError.unsafeEntry(file: file, entry: sanitized(raw), reason: "absolute path")
        }
        let parts = unified.split(separator: "/", omittingEmptySubsequences: true)
        if parts.contains("..") {
            throw ImportError.unsafeEntry(file: file, entry: sanitized(raw), reason: "path escapes the export (\"..\")")
        }
        return parts.filter { $0 != "." }.joined(separator: "/")
    }

    /// Control characters in a hostile entry name must not reach a terminal.
    package static func sanitized(_ name: String) -> String {
        String(name.unicodeScalars.map { $0.value < 0x20 || $0.value == 0x7F ? "?" : Character($0) })
    }

    /// Files operating systems add to zips and folders; never part of an export.
    package static func isJunk(_ path: String) -> Bool {
        path.hasPrefix("__MACOSX/") || path.hasSuffix(".DS_Store") || path.split(separator: "/").last == "Thumbs.db"
    }
}
