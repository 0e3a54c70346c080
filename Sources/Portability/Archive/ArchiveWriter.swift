import AccountModel
import AccountStore
import Crypto
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// What an export produced, for the command's output.
public struct ArchiveSummary: Sendable {
    public var path: String
    public var bagName: String
    public var externalIdentifier: String
    public var created: String
    public var items = 0
    public var mediaFiles = 0
    public var activityRecords = 0
    public var payloadFiles = 0
    public var payloadBytes: UInt64 = 0
    public var archiveBytes: UInt64 = 0
    public var entries = 0
    /// Work folders of earlier exports that had been killed, removed from the output folder.
    public var leftoversRemoved = 0
    public var leftoverBytesFreed: UInt64 = 0

    public var json: JSONValue {
        .obj([
            ("archive", .string(path)), ("bag", .string(bagName)), ("externalIdentifier", .string(externalIdentifier)),
            ("created", .string(created)), ("items", .int(items)), ("mediaFiles", .int(mediaFiles)),
            ("activityRecords", .int(activityRecords)), ("payloadFiles", .int(payloadFiles)),
            ("payloadBytes", .number(String(payloadBytes))), ("archiveBytes", .number(String(archiveBytes))),
            ("zipEntries", .int(entries)),
            ("leftoversRemoved", .int(leftoversRemoved)), ("leftoverBytesFreed", .number(String(leftoverBytesFreed))),
        ])
    }
}

/// Writes the archive of DESIGN.md ("The archive") from an account.
///
/// The zip is built in a hidden working folder next to `output` (`.pda-export-<UUID>`) and
/// renamed into place only once complete and synced, so an interrupted export never leaves a file
/// at `output` (rename is atomic on one file system, which is why the working folder is not in
/// /tmp). The working folder is locked while the export runs: each export first removes the
/// unlocked ones, left by exports that were killed, and Ctrl-C or SIGTERM removes its own.
public enum ArchiveWriter {
    public static let workPrefix = ".pda-export-"

    /// `ledger` is the labor ledger of the archive's scope (`options.scope`), as `pda ledger
    /// --json` prints it: the caller computes it, so the archive format does not depend on how.
    /// `overwrite`: replace an existing file at `output`; without it an existing file is refused
    /// (`ArchiveError.outputExists`), before any work and again atomically at the end.
    public static func write(store: AccountStore, folder: AccountFolder, key: OwnerKey, options: ArchiveOptions,
                             ledger: JSONValue, to output: URL, overwrite: Bool = false,
                             progress: WorkProgress? = nil) throws -> ArchiveSummary {
        try options.validate()
        guard let owner = try store.owner() else { throw ArchiveError.noOwner }
        let did = key.didKey.did
        guard owner.did == did else {
            throw ArchiveError.io(path: OwnerKey.file(in: folder).path, reason: "this signing key is not the account owner's (its did:key differs)")
        }
        let uuid = try DeterministicID.archiveUUID(ownerDID: did, options: options.identity, created: options.created)
        let layout = ArchiveLayout(uuid: uuid, created: options.created)

        let fm = FileManager.default
        let directory = output.deletingLastPathComponent()
        var isDirectory: ObjCBool = false
        guard fm.fileExists(atPath: directory.path, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw ArchiveError.cannotCreateOutput(path: output.path, reason: "the folder \(directory.path) does not exist")
        }
        if !overwrite && fm.fileExists(atPath: output.path) { throw ArchiveError.outputExists(path: output.path) }
        let leftovers = WorkDirectory.sweep(in: directory, prefix: workPrefix)
        let workDirectory: WorkDirectory
        do {
            workDirectory = try WorkDirectory(in: directory, prefix: workPrefix)
        } catch {
            throw ArchiveError.cannotCreateOutput(path: output.path, reason: "cannot write in \(directory.path)")
        }
        defer { workDirectory.remove() }
        let work = workDirectory.url

        let partial = work.appendingPathComponent("archive.zip.partial")
        let build = try ArchiveBuild(store: store, folder: folder, key: key.privateKey, owner: owner, options: options,
                                     ledger: ledger, layout: layout, work: work, zipURL: partial)
        progress?.begin(nil)
        build.zip.progress = progress
        var summary = try build.run()
        try place(partial, at: output, overwrite: overwrite)
        summary.leftoversRemoved = leftovers.folders
        summary.leftoverBytesFreed = leftovers.bytes
        summary.path = output.path
        summary.archiveBytes = (try? fm.attributesOfItem(atPath: output.path)[.size] as? UInt64) ?? 0
        return summary
    }
}

extension ArchiveWriter {
    /// Moves the finished zip to `output`. Without `overwrite`, link(2) refuses an existing name
    /// atomically (a file created there while the export ran is not replaced either).
    static func place(_ partial: URL, at output: URL, overwrite: Bool) throws {
        if overwrite {
            guard rename(partial.path, output.path) == 0 else {
                throw ArchiveError.cannotCreateOutput(path: output.path, reason: String(cString: strerror(errno)))
            }
            return
        }
        guard link(partial.path, output.path) == 0 else {
            if errno == EEXIST { throw ArchiveError.outputExists(path: output.path) }
            throw ArchiveError.cannotCreateOutput(path: output.path, reason: String(cString: strerror(errno)))
        }
        unlink(partial.path)
    }
}

/// The state of one export while it runs.
final class ArchiveBuild {
    let store: AccountStore
    let folder: AccountFolder
    let key: Curve25519.Signing.PrivateKey
    let owner: AccountStore.Owner
    let options: ArchiveOptions
    let ledger: JSONValue
    let layout: ArchiveLayout
    let work: URL
    let zip: ZipWriter
    let manifests: ManifestSpools
    let crate: ROCrateWriter
    let index: IndexPage
    var summary: ArchiveSummary
    /// Crate ids of the root's direct parts, in order.
    var rootParts: [String] = []
    /// Source export id → crate ids of what was made from it (its import's `result`).
    var derived: [Int64: [String]] = [:]
    var activityFiles: [String] = []

    var did: String { owner.did }
    var created: String { options.created }
    var externalIdentifier: String { "urn:uuid:" + layout.uuid }

    init(store: AccountStore, folder: AccountFolder, key: Curve25519.Signing.PrivateKey, owner: AccountStore.Owner,
         options: ArchiveOptions, ledger: JSONValue, layout: ArchiveLayout, work: URL, zipURL: URL) throws {
        self.store = store
        self.folder = folder
        self.key = key
        self.owner = owner
        self.options = options
        self.ledger = ledger
        self.layout = layout
        self.work = work
        zip = try ZipWriter(creating: zipURL, modified: options.createdDate, forceZip64: options.forceZip64)
        manifests = try ManifestSpools(in: work)
        crate = try ROCrateWriter(in: work)
        index = try IndexPage(in: work, title: "Personal data archive", ownerName: owner.name, ownerDID: owner.did,
                              created: options.created)
        summary = ArchiveSummary(path: zipURL.path, bagName: layout.bagName, externalIdentifier: "urn:uuid:" + layout.uuid,
                                 created: options.created)
    }

    func run() throws -> ArchiveSummary {
        let declaration = Data(BagIt.declaration.utf8)
        try zip.add(path: layout.zipEntry(ArchiveLayout.bagDeclaration), data: declaration, method: .store)
        try writeItems()
        try writeActivity()
        try writeOwner()
        try writeLedger()
        try writeIndex()
        try writeCrate()
        try writeTagFiles(declaration: declaration)
        try zip.finish()
        summary.payloadFiles = manifests.fileCount
        summary.payloadBytes = manifests.byteCount
        summary.entries = zip.entryCount
        return summary
    }

    // MARK: - Payload helpers

    /// Adds a payload file held in memory; returns its digests.
    @discardableResult
    func addPayload(crate cratePath: String, data: Data, method: ZipWriter.Method = .deflate) throws -> FileDigests {
        let bagPath = ArchiveLayout.bagPath(crate: cratePath)
        let digests = MultiHasher.digests(of: data)
        try zip.add(path: layout.zipEntry(bagPath), data: data, method: method)
        try manifests.add(bagPath: bagPath, digests)
        return digests
    }

    /// Copies a finished spool into the zip (as payload when `payload`), then deletes it.
    @discardableResult
    func addSpool(_ spool: Spool, bagPath: String, payload: Bool) throws -> FileDigests {
        let digests = try spool.finish()
        let reader = try ChunkReader(path: spool.url.path)
        try zip.add(path: layout.zipEntry(bagPath), size: digests.size, method: .deflate) { try reader.read(exactly: $0) }
        if payload { try manifests.add(bagPath: bagPath, digests) }
        try? FileManager.default.removeItem(at: spool.url)
        return digests
    }

    func json(_ value: JSONValue) -> Data { JSONWriter.data(value, pretty: true) }

    // MARK: - Owner, index, crate

    private func writeOwner() throws {
        let didKey = try DIDKey(parsing: did)
        let document = JSONValue.obj([
            ("name", owner.name.map { .string($0) } ?? .null), ("did", .string(did)), ("didDocument", didKey.document),
        ])
        let digests = try addPayload(crate: ArchiveLayout.ownerFile, data: json(document))
        try crate.add(ROCrateWriter.file(ArchiveLayout.ownerFile, name: ArchiveLayout.ownerFile,
                                         description: "The archive's owner: name, did:key and DID document (public key only).", digests: digests,
                                         encodingFormat: "application/json", extra: [("about", ROCrateWriter.ref(did))]))
        rootParts.insert(ArchiveLayout.ownerFile, at: 0)
    }

    /// The labor ledger of the archive's platforms and period (every kind: what the owner gave
    /// the platforms, beside the content they take with them).
    private func writeLedger() throws {
        let digests = try addPayload(crate: ArchiveLayout.ledgerFile, data: json(ledger))
        try crate.add(ROCrateWriter.file(ArchiveLayout.ledgerFile, name: ArchiveLayout.ledgerFile,
                                         description: "The owner's digital labor ledger for the archive's platforms and period (pda ledger --json).",
                                         digests: digests, encodingFormat: "application/json"))
        rootParts.insert(ArchiveLayout.ledgerFile, at: 0)
    }

    private func writeIndex() throws {
        let digests = try index.finish(itemCount: summary.items, activityFiles: activityFiles)
        try addSpool(index.spool, bagPath: ArchiveLayout.bagPath(crate: ArchiveLayout.indexPage), payload: true)
        try crate.add(ROCrateWriter.file(ArchiveLayout.indexPage, name: ArchiveLayout.indexPage,
                                         description: "Browse this archive: open it in a web browser, offline.",
                                         digests: digests, encodingFormat: "text/html"))
        rootParts.insert(ArchiveLayout.indexPage, at: 0)
    }

    private func writeCrate() throws {
        try crate.add(ROCrateWriter.person(did: did, name: owner.name))
        let software = "#pda"
        try crate.add(ROCrateWriter.software(id: software, name: "pda", version: options.softwareVersion, url: options.softwareURL))
        var importers: Set<String> = []
        for record in try store.sourceExports() where derived[record.id] != nil {
            let export = SourceExportInfo(id: record.id, platform: record.platform, fileName: record.fileName,
                                          sha256: record.sha256, size: record.size, importer: record.importer,
                                          importerVersion: record.importerVersion, importedAt: record.importedAt)
            if importers.insert(export.importerID).inserted {
                try crate.add(ROCrateWriter.software(id: export.importerID, name: "pda importer \(export.importer)",
                                                     version: export.importerVersion, url: options.softwareURL))
            }
            try crate.add(ROCrateWriter.sourceExport(export))
            try crate.add(ROCrateWriter.createAction(
                id: export.importID, name: "Import of a \(export.platform) data export into the account", agent: did,
                instrument: export.importerID, object: export.entityID, endTime: export.importedAt,
                results: derived[record.id] ?? []))
        }
        try crate.add(ROCrateWriter.createAction(id: "#export", name: "Export of this archive from the account", agent: did,
                                                 instrument: software, object: nil, endTime: created, results: ["./"]))
        let name = owner.name.map { "Personal data archive of \($0)" } ?? "Personal data archive"
        let description = "Content the account owner authored on online platforms (\(summary.items) items), "
            + "taken from the platforms' data exports with its provenance, each item with an authorship claim signed by "
            + "the owner (W3C Verifiable Credential, eddsa-jcs-2022)."
        _ = try crate.finish(root: ROCrateWriter.root(
            name: name, description: description, datePublished: created, identifier: externalIdentifier,
            author: did, parts: rootParts))
        try addSpool(crate.spool, bagPath: ArchiveLayout.bagPath(crate: ArchiveLayout.crateMetadata), payload: true)
    }

    // MARK: - Tag files and seal

    private func writeTagFiles(declaration: Data) throws {
        let bagInfo = Data(BagIt.bagInfo(bagInfoFields()).utf8)
        try zip.add(path: layout.zipEntry(ArchiveLayout.bagInfo), data: bagInfo, method: .store)
        var tagDigests: [(String, FileDigests)] = [
            (ArchiveLayout.bagDeclaration, MultiHasher.digests(of: declaration)),
            (ArchiveLayout.bagInfo, MultiHasher.digests(of: bagInfo)),
        ]
        for (name, spool) in Swift.zip(ArchiveLayout.payloadManifests, [manifests.sha256, manifests.sha512]) {
            tagDigests.append((name, try addSpool(spool, bagPath: name, payload: false)))
        }
        let tag256 = tagDigests.map { BagIt.manifestLine(digest: $0.1.sha256, path: $0.0) }.joined()
        let tag512 = tagDigests.map { BagIt.manifestLine(digest: $0.1.sha512, path: $0.0) }.joined()
        try zip.add(path: layout.zipEntry(ArchiveLayout.tagManifests[0]), data: Data(tag256.utf8), method: .deflate)
        let sealed = Data(tag512.utf8)
        try zip.add(path: layout.zipEntry(ArchiveLayout.sealedManifest), data: sealed, method: .deflate)

        let seal = AuthorshipCredential.seal(
            id: layout.arcp(ArchiveLayout.sealFile), issuer: did, validFrom: created, bagID: layout.arcpBase,
            externalIdentifier: externalIdentifier,
            tagManifest: .init(id: layout.arcp(ArchiveLayout.sealedManifest), sri: MultiHasher.digests(of: sealed).sri,
                               mediaType: "text/plain"), attestation: options.attestation)
        let signed = try AuthorshipCredential.sign(seal, key: key, created: created)
        try zip.add(path: layout.zipEntry(ArchiveLayout.sealFile), data: json(signed), method: .deflate)
    }

    private func bagInfoFields() -> [(String, String)] {
        var fields: [(String, String)] = [
            ("Bag-Software-Agent", "pda \(options.softwareVersion)"),
            ("Bagging-Date", String(created.prefix(10))),
        ]
        if let name = owner.name, !name.isEmpty { fields.append(("Contact-Name", name)) }
        fields += [
            ("External-Description", "Personal data archive: \(summary.items) authored items with signed authorship claims (pda)"),
            ("External-Identifier", externalIdentifier),
            ("Payload-Oxum", manifests.oxum),
        ]
        return fields
    }
}
