import AccountModel
import Foundation
import Readers

/// Where mapping files live and how they become importers. Shipped mappings (the repository's
/// `mappings/` folder) are found in this order: `$PDA_MAPPINGS_DIR`; `share/pda/mappings` next
/// to the executable's `bin/` (an installed pda); `mappings/` beside the executable; the source
/// tree pda was built from (development and tests). A person's own mappings in
/// `${XDG_CONFIG_HOME:-~/.config}/pda/mappings` are added, and win over a shipped one of the
/// same name, so an advocacy group can serve a new layout without a new release.
public enum MappingLibrary {
    public static func shippedDirectory(environment: [String: String] = ProcessInfo.processInfo.environment) -> URL? {
        let fm = FileManager.default
        var candidates: [URL] = []
        if let dir = environment["PDA_MAPPINGS_DIR"], !dir.isEmpty { return URL(fileURLWithPath: dir) }
        if let executable = Bundle.main.executableURL?.resolvingSymlinksInPath() {
            let bin = executable.deletingLastPathComponent()
            candidates.append(bin.deletingLastPathComponent().appendingPathComponent("share/pda/mappings"))
            candidates.append(bin.appendingPathComponent("mappings"))
        }
        // Sources/Importers/Mappings/MappingLibrary.swift → the package root.
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent()
        candidates.append(root.appendingPathComponent("mappings"))
        return candidates.first { var isDir: ObjCBool = false; return fm.fileExists(atPath: $0.path, isDirectory: &isDir) && isDir.boolValue }
    }

    public static func userDirectory(environment: [String: String] = ProcessInfo.processInfo.environment) -> URL {
        let base = environment["XDG_CONFIG_HOME"].flatMap { $0.isEmpty ? nil : URL(fileURLWithPath: $0) }
            ?? FileManager.default.homeDirectoryForCurrentUser.appendingPathComponent(".config")
        return base.appendingPathComponent("pda/mappings")
    }

    /// Every installed mapping (shipped, then the person's), and the files that failed to load:
    /// a broken mapping is reported, never fatal to an import that does not need it.
    public static func installed(environment: [String: String] = ProcessInfo.processInfo.environment) -> (mappings: [Mapping], problems: [String]) {
        var byName: [String: Mapping] = [:]
        var order: [String] = []
        var problems: [String] = []
        let folders = [shippedDirectory(environment: environment), userDirectory(environment: environment)].compactMap { $0 }
        for folder in folders {
            for file in jsonFiles(in: folder) {
                do {
                    let mapping = try MappingParser.load(path: file.path)
                    if byName[mapping.name] == nil { order.append(mapping.name) }
                    byName[mapping.name] = mapping
                } catch {
                    problems.append((error as? LocalizedError)?.errorDescription ?? "\(file.lastPathComponent): cannot be loaded")
                }
            }
        }
        return (order.compactMap { byName[$0] }, problems)
    }

    static func jsonFiles(in folder: URL) -> [URL] {
        guard let walker = FileManager.default.enumerator(at: folder.resolvingSymlinksInPath(), includingPropertiesForKeys: nil) else { return [] }
        return walker.compactMap { $0 as? URL }.filter { $0.pathExtension.lowercased() == "json" }
            .sorted { $0.path < $1.path }
    }
}

extension ImporterRegistry {
    /// The built-in importers and every installed mapping: what `pda import` and `pda inspect`
    /// choose from when no `--mapping` is given.
    public static func withInstalledMappings() -> (importers: [any Importer], problems: [String]) {
        let (mappings, problems) = MappingLibrary.installed()
        return (builtIn + mappings.map { MappingImporter($0) as any Importer }, problems)
    }

    /// The importers for explicitly given mapping files (`pda import --mapping FILE`).
    public static func mappings(files: [String]) throws -> [any Importer] {
        try files.map { MappingImporter(try MappingParser.load(path: $0)) as any Importer }
    }
}
