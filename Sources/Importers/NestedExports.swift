import Foundation
import Readers

/// People often pass the folder that holds their downloaded zip (`~/Downloads/takeout/`), or
/// zip the download again before copying it. Both hold the real export one level down. This
/// finds it: a folder whose only files are zips stands for those zips, and a zip whose only
/// entries are zips stands for those (copied out through the ExportReader, so every limit
/// holds). Anything less clear-cut is left as it is, and an unrecognized export that holds
/// zips among other files gets a hint naming them.
public enum NestedExports {
    public struct Found: Sendable, Equatable {
        /// What to import: the path given, a zip in the folder given, or a zip copied out.
        public var path: String
        /// Where it came from, for the person ("inside takeout.zip"), or nil for the path itself.
        public var foundIn: String?
    }

    /// Files a computer adds to folders and zips by itself; they never make an export.
    static func isNoise(_ name: String) -> Bool {
        name.hasPrefix(".") || name == "Thumbs.db" || name == "desktop.ini" || name.hasPrefix("__MACOSX")
    }

    static func isZip(_ name: String) -> Bool { name.lowercased().hasSuffix(".zip") }

    /// The exports `path` stands for. Inner zips of a zip are written into `scratch` (created
    /// on demand; the caller removes it).
    public static func expand(_ path: String, scratch: URL, limits: ExportLimits = ExportLimits()) throws -> [Found] {
        let url = URL(fileURLWithPath: path)
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else { return [Found(path: path)] }
        if isDirectory.boolValue {
            let names = ((try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []).filter { !isNoise($0) }.sorted()
            guard !names.isEmpty, names.allSatisfy({ isZip($0) && isFile(url.appendingPathComponent($0)) }) else { return [Found(path: path)] }
            return names.map { Found(path: url.appendingPathComponent($0).path, foundIn: url.lastPathComponent + "/") }
        }
        guard isZip(url.lastPathComponent), let export = try? ExportReader(path: path, limits: limits) else { return [Found(path: path)] }
        let entries = export.entries.filter { !$0.path.split(separator: "/").contains(where: { isNoise(String($0)) }) }
        guard !entries.isEmpty, entries.allSatisfy({ isZip($0.name) }) else { return [Found(path: path)] }
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        var found: [Found] = []
        var names = Set<String>()
        for entry in entries {
            // Keep the inner file's own name (Takeout parts are grouped by it); two inner zips
            // of the same name in different folders get their folder as a prefix.
            let name = names.insert(entry.name).inserted ? entry.name : entry.path.replacingOccurrences(of: "/", with: "_")
            let target = scratch.appendingPathComponent(name)
            FileManager.default.createFile(atPath: target.path, contents: nil, attributes: [.posixPermissions: 0o600])
            guard let handle = FileHandle(forWritingAtPath: target.path) else {
                throw ImportError.unreadable(path: target.path, reason: "cannot write a copy of the inner zip")
            }
            defer { try? handle.close() }
            try export.stream(entry) { try handle.write(contentsOf: $0) }
            found.append(Found(path: target.path, foundIn: url.lastPathComponent))
        }
        return found
    }

    /// For an export no importer recognizes: the zips it holds, to name in the error.
    public static func innerZips(of export: ExportReader) -> [String] {
        export.entries.filter { isZip($0.name) }.map(\.path)
    }

    private static func isFile(_ url: URL) -> Bool {
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory) && !isDirectory.boolValue
    }
}

extension NestedExports.Found {
    public init(path: String) { self.init(path: path, foundIn: nil) }
}
