import AccountModel
import AccountStore
import Foundation

/// Items and activity: the payload proper.
extension ArchiveBuild {
    /// Each item becomes `items/<platform>/<name>/` holding its media, `item.json` and the signed
    /// claim, written in that order because `item.json` and the claim carry the media digests.
    func writeItems() throws {
        guard let filter = options.itemFilter else { return }
        var names: [String: NameAllocator] = [:]
        try store.forEachArchiveItem(filter, excludingKinds: options.withMessages ? [] : [ItemKind.message.rawValue]) { item in
            let platform = SafeName.from(item.platform) ?? "unknown"
            let name = names[platform, default: NameAllocator()].claim(Self.preferredName(item), disambiguator: item.naturalKey)
            try writeItem(item, folder: ArchiveLayout.itemFolder(platform: platform, name: name))
        }
    }

    /// `<kind>-<native id>`, or `<kind>-h<content hash>` for records the platform gave no id.
    static func preferredName(_ item: ArchiveItem) -> String {
        let kind = SafeName.from(item.kind) ?? "item"
        if let id = item.nativeID, !id.isEmpty {
            return kind + "-" + (SafeName.from(id) ?? "id-" + SafeName.shortDigest(id))
        }
        return kind + "-h" + String(item.contentHash.prefix(16))
    }

    private struct WrittenMedia {
        var file: String
        var media: ArchiveMedia
        var digests: FileDigests
    }

    private func writeItem(_ item: ArchiveItem, folder: String) throws {
        var written: [WrittenMedia] = []
        if options.includeMedia {
            for media in item.media {
                let file = SafeName.mediaFile(position: media.position, original: media.fileName)
                written.append(WrittenMedia(file: file, media: media, digests: try addMedia(media, crate: folder + file)))
            }
        }
        let itemDigests = try addPayload(crate: folder + ArchiveLayout.itemFile, data: json(itemDocument(item, media: written)))

        let claimPath = folder + ArchiveLayout.claimFile
        var resources = [AuthorshipCredential.Resource(id: layout.arcp(ArchiveLayout.bagPath(crate: folder + ArchiveLayout.itemFile)),
                                                       sri: itemDigests.sri, mediaType: "application/json")]
        resources += written.map {
            .init(id: layout.arcp(ArchiveLayout.bagPath(crate: folder + $0.file)), sri: $0.digests.sri, mediaType: $0.media.mediaType)
        }
        let claim = AuthorshipCredential.item(
            id: layout.arcp(ArchiveLayout.bagPath(crate: claimPath)), issuer: did, validFrom: created,
            subject: .init(id: layout.arcp(ArchiveLayout.bagPath(crate: folder)), platform: item.platform, kind: item.kind,
                           nativeID: item.nativeID, url: item.url, dateCreated: item.createdAt,
                           sourceSHA256: item.sourceSHA256, sourceLocator: item.locator),
            resources: resources, attestation: options.attestation)
        let claimDigests = try addPayload(crate: claimPath, data: json(try AuthorshipCredential.sign(claim, key: key, created: created)))

        try describe(item, folder: folder, itemDigests: itemDigests, media: written, claimPath: claimPath, claimDigests: claimDigests)
        try index.add(platform: item.platform, kind: item.kind, date: item.createdAt, title: item.title, text: item.text,
                      url: item.url, folder: folder,
                      media: written.map { IndexPage.Media(file: $0.file, mediaType: $0.media.mediaType) })
        summary.items += 1
        summary.mediaFiles += written.count
    }

    /// Streams a media file from the account's content-addressed store into the zip, hashing it
    /// on the way; the SHA-256 must match the name it is stored under.
    private func addMedia(_ media: ArchiveMedia, crate cratePath: String) throws -> FileDigests {
        let bagPath = ArchiveLayout.bagPath(crate: cratePath)
        let source = folder.mediaFile(sha256: media.sha256)
        let storePath = "media/sha256/\(media.sha256.prefix(2))/\(media.sha256.dropFirst(2))"
        guard FileManager.default.fileExists(atPath: source.path) else {
            throw ArchiveError.mediaMissing(path: storePath, entry: bagPath)
        }
        let reader = try ChunkReader(path: source.path)
        var hasher = MultiHasher(crc: true)
        try zip.add(path: layout.zipEntry(bagPath), size: reader.size, method: Self.method(for: media), crc: { hasher.crc }) { count in
            let chunk = try reader.read(exactly: count)
            hasher.update(chunk)
            return chunk
        }
        let digests = hasher.finalize()
        guard digests.sha256 == media.sha256 else { throw ArchiveError.mediaChanged(path: storePath, entry: bagPath) }
        try manifests.add(bagPath: bagPath, digests)
        return digests
    }

    /// Photos, videos and audio are already compressed: deflating them costs time and saves nothing.
    static func method(for media: ArchiveMedia) -> ZipWriter.Method {
        let compressedTypes: Set<String> = ["image/jpeg", "image/png", "image/gif", "image/webp", "image/heic", "image/avif",
                                            "audio/mpeg", "audio/mp4", "audio/aac", "audio/ogg", "application/zip"]
        if let type = media.mediaType?.lowercased(), type.hasPrefix("video/") || compressedTypes.contains(type) { return .store }
        let compressedExtensions: Set<String> = ["jpg", "jpeg", "png", "gif", "webp", "heic", "avif", "mp4", "mov", "webm",
                                                 "m4v", "mkv", "mp3", "m4a", "aac", "ogg", "opus", "zip"]
        let ext = media.fileName.split(separator: ".").last.map { $0.lowercased() } ?? ""
        return compressedExtensions.contains(ext) ? .store : .deflate
    }

    /// `item.json`: the normalized fields, provenance, the media as written, and the platform's
    /// record verbatim (`raw`), so nothing the platform gave is lost.
    private func itemDocument(_ item: ArchiveItem, media: [WrittenMedia]) -> JSONValue {
        func text(_ value: String?) -> JSONValue { value.map { .string($0) } ?? .null }
        let raw = (try? JSONParser.parse(item.raw)) ?? .string(item.raw)
        return .obj([
            ("platform", .string(item.platform)), ("kind", .string(item.kind)), ("nativeId", text(item.nativeID)),
            ("url", text(item.url)), ("createdAt", text(item.createdAt)), ("timeBasis", text(item.timeBasis)),
            ("title", text(item.title)), ("text", text(item.text)), ("counterpart", text(item.counterpart)),
            (options.attestation ? "attestedBy" : "author", .string(did)), ("contentHash", .string(item.contentHash)),
            ("source", .obj([("sha256", .string(item.sourceSHA256)), ("locator", .string(item.locator))])),
            ("media", .array(media.map { m in
                .obj([("file", .string(m.file)), ("mediaType", text(m.media.mediaType)),
                      ("size", .number(String(m.digests.size))), ("sha256", .string(m.digests.sha256)),
                      ("originalName", .string(m.media.fileName)), ("locator", .string(m.media.locator))])
            })),
            ("raw", raw),
        ])
    }

    /// The item's entities in the RO-Crate: a Dataset for its folder and a File for each file.
    private func describe(_ item: ArchiveItem, folder: String, itemDigests: FileDigests, media: [WrittenMedia],
                          claimPath: String, claimDigests: FileDigests) throws {
        let source = "#export-\(item.sourceSHA256)"
        let label = item.title.map { String($0.prefix(120)) } ?? "\(item.platform) \(item.kind) \(item.nativeID ?? item.createdAt ?? "")"
        var pairs: [(String, JSONValue)] = [
            ("@id", .string(folder)), ("@type", .string("Dataset")), ("name", .string(label)),
            ("description", .string(options.attestation
                ? "A \(item.kind) on \(item.platform), found by the organisation in the member's export."
                : "A \(item.kind) the owner authored on \(item.platform).")),
        ]
        if let id = item.nativeID { pairs.append(("identifier", .string(id))) }
        if let url = item.url { pairs.append(("url", .string(url))) }
        if let date = item.createdAt { pairs.append(("dateCreated", .string(date))) }
        pairs += [
            (options.attestation ? "sdPublisher" : "author", ROCrateWriter.ref(did)),
            ("wasDerivedFrom", ROCrateWriter.ref(source)),
            // The work on the platform this folder is a copy of (its URL, a literal: the page is not
            // described here); without a URL, the export it came from.
            ("isBasedOn", item.url.map { .string($0) } ?? ROCrateWriter.ref(source)),
            ("subjectOf", ROCrateWriter.ref(claimPath)),
            ("hasPart", ROCrateWriter.refs([folder + ArchiveLayout.itemFile] + media.map { folder + $0.file } + [claimPath])),
        ]
        try crate.add(.obj(pairs))
        try crate.add(ROCrateWriter.file(folder + ArchiveLayout.itemFile, name: ArchiveLayout.itemFile,
                                         description: "The item, normalized, with the platform's original record.",
                                         digests: itemDigests, encodingFormat: "application/json"))
        for m in media {
            try crate.add(ROCrateWriter.file(folder + m.file, name: m.media.fileName, description: "A media file of the item.",
                                             digests: m.digests, encodingFormat: m.media.mediaType))
        }
        try crate.add(ROCrateWriter.file(claimPath, name: ArchiveLayout.claimFile,
                                         description: "The owner's signed claim of authorship of this item (W3C Verifiable Credential).",
                                         digests: claimDigests, encodingFormat: "application/vc", extra: [("about", ROCrateWriter.ref(folder))]))
        rootParts.append(folder)
        derived[item.sourceExportID, default: []].append(folder)
    }

    /// `activity/<platform>.jsonl`, one record per line, oldest first (only with --with-activity).
    func writeActivity() throws {
        guard let filter = options.activityFilter else { return }
        for platform in try store.archiveActivityPlatforms(filter) {
            guard let safe = SafeName.from(platform) else { continue }
            let cratePath = ArchiveLayout.activityFile(platform: safe)
            let spool = try Spool(in: work, name: "activity-\(safe).jsonl")
            var rows = 0
            var sources: Set<Int64> = []
            try store.forEachArchiveActivity(platform: platform, filter) { activity, sourceID in
                try spool.append(JSONWriter.string(activity.json) + "\n")
                sources.insert(sourceID)
                rows += 1
            }
            let digests = try addSpool(spool, bagPath: ArchiveLayout.bagPath(crate: cratePath), payload: true)
            try crate.add(ROCrateWriter.file(cratePath, name: "The owner's \(platform) activity",
                                             description: "\(rows) activity records, one JSON object per line.", digests: digests,
                                             encodingFormat: "application/jsonl"))
            for id in sources.sorted() { derived[id, default: []].append(cratePath) }
            rootParts.append(cratePath)
            activityFiles.append(cratePath)
            summary.activityRecords += rows
        }
    }
}
