import AccountModel
import Foundation

/// RO-Crate 1.2 metadata for the bag's payload: `data/` is the RO-Crate root, as the RO-Crate
/// 1.2 appendix "Combining with other packaging schemes" lays out for BagIt. Entities are written
/// one at a time to a spool (an archive of many items has tens of thousands of them), and the
/// root data entity comes last, once every part is known; `@graph` order carries no meaning.
final class ROCrateWriter {
    static let context = "https://w3id.org/ro/crate/1.2/context"
    static let profile = "https://w3id.org/ro/crate/1.2"
    /// The owner keeps the copyright in what they wrote; rightsstatements.org's "In Copyright"
    /// says so without granting anyone a licence.
    static let license = "http://rightsstatements.org/vocab/InC/1.0/"

    let spool: Spool
    private var count = 0

    init(in directory: URL) throws {
        spool = try Spool(in: directory, name: ArchiveLayout.crateMetadata)
        try spool.append("{\n  \"@context\": \"\(Self.context)\",\n  \"@graph\": [\n")
        try add(.obj([
            ("@id", .string(ArchiveLayout.crateMetadata)), ("@type", .string("CreativeWork")),
            ("conformsTo", Self.ref(Self.profile)), ("about", Self.ref("./")),
        ]))
        try add(.obj([
            ("@id", .string(Self.license)), ("@type", .string("CreativeWork")), ("name", .string("In Copyright")),
            ("description", .string("The author of each item keeps the copyright in it; no licence is granted by this archive.")),
        ]))
    }

    /// Appends one entity, pretty-printed and indented under `@graph`.
    func add(_ entity: JSONValue) throws {
        let text = JSONWriter.string(entity, pretty: true)
        let indented = text.split(separator: "\n", omittingEmptySubsequences: false).map { "    " + $0 }.joined(separator: "\n")
        try spool.append((count == 0 ? "" : ",\n") + indented)
        count += 1
    }

    /// Writes the root data entity and closes the document.
    func finish(root: JSONValue) throws -> FileDigests {
        try add(root)
        try spool.append("\n  ]\n}\n")
        return try spool.finish()
    }

    // MARK: - Entities

    static func root(name: String, description: String, datePublished: String, identifier: String, author: String,
                     parts: [String]) -> JSONValue {
        .obj([
            ("@id", .string("./")), ("@type", .string("Dataset")), ("name", .string(name)),
            ("description", .string(description)), ("datePublished", .string(datePublished)),
            ("identifier", .string(identifier)), ("license", ref(license)), ("author", ref(author)),
            ("publisher", ref(author)), ("hasPart", refs(parts)),
        ])
    }

    static func person(did: String, name: String?) -> JSONValue {
        .obj([("@id", .string(did)), ("@type", .string("Person")), ("name", .string(name ?? "Account owner")),
              ("identifier", .string(did))])
    }

    /// The software an action used. RO-Crate 1.2 (and rocrate-validator) require a `url` of a
    /// `SoftwareApplication`; without a public address for pda it is described as the owner's
    /// installed copy, an `IndividualProduct`, as the spec's own provenance example does for a
    /// system without a web page.
    static func software(id: String, name: String, version: String, url: String?) -> JSONValue {
        guard let url else {
            return .obj([("@id", .string(id)), ("@type", .string("IndividualProduct")), ("name", .string(name)),
                         ("description", .string("\(name), version \(version), as installed by the account owner"))])
        }
        return .obj([("@id", .string(id)), ("@type", .string("SoftwareApplication")), ("name", .string(name)),
                     ("url", .string(url)), ("version", .string(version))])
    }

    /// A file present in the crate (`@id` is its crate path).
    static func file(_ cratePath: String, name: String, description: String, digests: FileDigests, encodingFormat: String?,
                     extra: [(String, JSONValue)] = []) -> JSONValue {
        var pairs: [(String, JSONValue)] = [("@id", .string(cratePath)), ("@type", .string("File")), ("name", .string(name)),
                                            ("description", .string(description))]
        if let encodingFormat { pairs.append(("encodingFormat", .string(encodingFormat))) }
        pairs.append(("contentSize", .string(String(digests.size))))
        pairs.append(("sha256", .string(digests.sha256)))
        return .obj(pairs + extra)
    }

    /// A platform export the records came from. It is not in the archive, so its `@id` is a local
    /// `#` identifier (RO-Crate 1.2: a File that is deliberately not present); the SHA-256 lets
    /// anyone holding the export check it is the same file.
    static func sourceExport(_ export: SourceExportInfo) -> JSONValue {
        var pairs: [(String, JSONValue)] = [
            ("@id", .string(export.entityID)), ("@type", .string("File")), ("name", .string(export.fileName)),
            ("description", .string("The \(export.platform) data export these records were imported from (not included in this archive).")),
        ]
        if let format = encodingFormat(fileName: export.fileName) { pairs.append(("encodingFormat", .string(format))) }
        // Where the file would be, should its owner put it beside the archive to check it.
        pairs += [("contentSize", .string(String(export.size))), ("sha256", .string(export.sha256)),
                  ("localPath", .string(export.fileName))]
        return .obj(pairs)
    }

    static func createAction(id: String, name: String, agent: String, instrument: String, object: String?,
                             endTime: String, results: [String]) -> JSONValue {
        var pairs: [(String, JSONValue)] = [("@id", .string(id)), ("@type", .string("CreateAction")), ("name", .string(name)),
                                            ("agent", ref(agent)), ("instrument", ref(instrument))]
        if let object { pairs.append(("object", ref(object))) }
        pairs += [("endTime", .string(endTime)), ("result", refs(results))]
        return .obj(pairs)
    }

    static func ref(_ id: String) -> JSONValue { .obj([("@id", .string(id))]) }

    /// RO-Crate 1.2 compacts a one-element list to its element.
    static func refs(_ ids: [String]) -> JSONValue { ids.count == 1 ? ref(ids[0]) : .array(ids.map(ref)) }

    static func encodingFormat(fileName: String) -> String? {
        switch fileName.split(separator: ".").last.map({ $0.lowercased() }) {
        case "zip": return "application/zip"
        case "json": return "application/json"
        case "csv": return "text/csv"
        case "txt": return "text/plain"
        case "html", "htm": return "text/html"
        default: return nil
        }
    }
}

/// A source export as the crate and the claims describe it.
struct SourceExportInfo {
    var id: Int64
    var platform: String
    var fileName: String
    var sha256: String
    var size: Int64
    var importer: String
    var importerVersion: String
    var importedAt: String

    var entityID: String { "#export-\(sha256)" }
    var importID: String { "#import-\(sha256.prefix(16))" }
    var importerID: String { "#importer-" + (SafeName.from("\(importer)-\(importerVersion)") ?? "unknown") }
}
