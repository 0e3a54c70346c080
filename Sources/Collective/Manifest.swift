import Foundation
import Importers
import Readers

/// Reads `members.csv` (`member_id,file,consent`; `file` relative to the manifest) or, without
/// a manifest, makes one member per export file named after the file.
public enum Manifest {
    public static let consents: Set<String> = ["aggregate", "archive"]

    public static func read(_ path: String) throws -> [MemberInput] {
        let url = URL(fileURLWithPath: path)
        let name = url.lastPathComponent
        guard let data = try? Data(contentsOf: url) else { throw ImportError.missing(path: path) }
        var reader = CSVReader(data: data)
        guard let header = try reader.next() else { throw CollectiveError.badManifest(file: name, line: 1, reason: "empty manifest") }
        let columns = header.fields.map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
        guard let idColumn = columns.firstIndex(of: "member_id"), let fileColumn = columns.firstIndex(of: "file") else {
            throw CollectiveError.badManifest(file: name, line: header.line, reason: "the header must name the columns member_id,file,consent")
        }
        let consentColumn = columns.firstIndex(of: "consent")
        var inputs: [MemberInput] = []
        while let row = try reader.next() {
            let id = row[idColumn]?.trimmingCharacters(in: .whitespaces) ?? ""
            let file = row[fileColumn]?.trimmingCharacters(in: .whitespaces) ?? ""
            let consent = consentColumn.flatMap { row[$0]?.trimmingCharacters(in: .whitespaces).lowercased() } ?? "aggregate"
            guard !id.isEmpty, !file.isEmpty else { throw CollectiveError.badManifest(file: name, line: row.line, reason: "member_id and file are required") }
            guard consents.contains(consent) else {
                throw CollectiveError.badManifest(file: name, line: row.line, reason: "consent must be \"aggregate\" or \"archive\"")
            }
            let resolved = file.hasPrefix("/") ? file : url.deletingLastPathComponent().appendingPathComponent(file).path
            inputs.append(MemberInput(memberID: id, path: resolved, consent: consent))
        }
        return inputs
    }

    /// Each file is one member's export; a folder contributes every file inside it.
    public static func fromPaths(_ paths: [String], consent: String) throws -> [MemberInput] {
        var inputs: [MemberInput] = []
        let fm = FileManager.default
        for path in paths {
            var isDirectory: ObjCBool = false
            guard fm.fileExists(atPath: path, isDirectory: &isDirectory) else { throw ImportError.missing(path: path) }
            let files = isDirectory.boolValue
                ? try fm.contentsOfDirectory(atPath: path).sorted().filter { !$0.hasPrefix(".") }.map { (path as NSString).appendingPathComponent($0) }
                : [path]
            for file in files {
                let name = URL(fileURLWithPath: file).lastPathComponent
                let member = name.split(separator: ".").first.map(String.init) ?? name
                inputs.append(MemberInput(memberID: member, path: file, consent: consent))
            }
        }
        return inputs
    }
}
