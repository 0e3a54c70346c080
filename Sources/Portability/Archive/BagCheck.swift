import AccountModel
import Foundation

/// The state of one verification: the bag's tag files as read, and the digests of every file.
struct BagCheck {
    let source: BagSource
    let reader: BagReader
    let limits: VerifyLimits
    var layout: ArchiveLayout?
    /// manifest file name → (algorithm, bag path → hex digest)
    var payloadManifests: [(name: String, algorithm: String, entries: [String: String])] = []
    var tagManifests: [(name: String, algorithm: String, entries: [String: String])] = []
    var digests: [String: FileDigests] = [:]
    /// Small files kept from the hash pass (claims, the seal).
    var contents: [String: Data] = [:]
    /// Files whose bytes disagree with a manifest.
    var mismatched: Set<String> = []

    static let algorithms = ["sha256", "sha512"]

    init(source: BagSource, reader: BagReader, limits: VerifyLimits) {
        self.source = source
        self.reader = reader
        self.limits = limits
    }

    /// A small file's bytes: kept from the hash pass, else read. Callers measure it first (`oversize`).
    func bytes(_ path: String, limit: UInt64) -> Data? {
        if let kept = contents[path] { return kept }
        guard let size = source.files[path], size <= limit else { return nil }
        return try? reader.read(path, limit: Int(limit))
    }

    /// "`path`: N bytes, more than the L a `what` may have", when the file is larger than `limit`.
    /// Sizes are the ones the zip declares; the reader never inflates past them.
    func oversize(_ path: String, limit: UInt64, what: String) -> String? {
        guard let size = source.files[path], size > limit else { return nil }
        return "\(path): \(size) bytes, more than the \(VerifyLimits.describe(limit)) \(what) may have; not read"
    }

    func text(_ path: String, limit: UInt64, _ report: inout ArchiveVerification) -> String? {
        if let problem = oversize(path, limit: limit, what: "a tag file") {
            report.bagProblems.append(problem)
            return nil
        }
        guard source.files[path] != nil, let data = try? reader.read(path, limit: Int(limit)) else { return nil }
        return String(decoding: data, as: UTF8.self)
    }

    // MARK: - Tag files

    mutating func readTagFiles(_ report: inout ArchiveVerification) {
        let declaration = text(ArchiveLayout.bagDeclaration, limit: limits.maxTagFileBytes, &report) ?? ""
        if declaration != BagIt.declaration {
            let fields = BagIt.parseBagInfo(declaration)
            if fields["bagit-version"] != "1.0" { report.bagProblems.append("bagit.txt does not declare BagIt-Version 1.0") }
            if fields["tag-file-character-encoding"]?.uppercased() != "UTF-8" {
                report.bagProblems.append("bagit.txt does not declare Tag-File-Character-Encoding UTF-8")
            }
        }
        if let info = text(ArchiveLayout.bagInfo, limit: limits.maxTagFileBytes, &report) {
            let fields = BagIt.parseBagInfo(info)
            if let id = fields["external-identifier"], id.lowercased().hasPrefix("urn:uuid:") {
                let uuid = String(id.dropFirst("urn:uuid:".count)).lowercased()
                report.externalIdentifier = id
                layout = ArchiveLayout(uuid: uuid, bagName: "")
            } else {
                report.bagProblems.append("bag-info.txt has no External-Identifier urn:uuid:…")
            }
            if let oxum = fields["payload-oxum"] {
                let payload = source.files.filter { $0.key.hasPrefix("data/") }
                let actual = "\(payload.values.reduce(0, +)).\(payload.count)"
                if oxum != actual { report.bagProblems.append("bag-info.txt Payload-Oxum \(oxum) does not match the payload (\(actual))") }
            }
        } else if source.files[ArchiveLayout.bagInfo] == nil {
            report.bagProblems.append("bag-info.txt is missing")
        }
        payloadManifests = readManifests(prefix: "manifest-", &report)
        tagManifests = readManifests(prefix: "tagmanifest-", &report)
        if payloadManifests.isEmpty { report.bagProblems.append("no payload manifest (manifest-sha256.txt or manifest-sha512.txt)") }
    }

    private func readManifests(prefix: String, _ report: inout ArchiveVerification) -> [(name: String, algorithm: String, entries: [String: String])] {
        var out: [(String, String, [String: String])] = []
        for name in source.files.keys.sorted() where name.hasPrefix(prefix) && name.hasSuffix(".txt") && !name.contains("/") {
            let algorithm = String(name.dropFirst(prefix.count).dropLast(".txt".count))
            guard Self.algorithms.contains(algorithm) else {
                report.bagProblems.append("\(name): algorithm \(algorithm) is not one pda verifies (sha256, sha512)")
                continue
            }
            if let problem = oversize(name, limit: limits.maxManifestBytes, what: "a manifest") {
                report.bagProblems.append(problem)
                continue
            }
            guard let text = text(name, limit: limits.maxManifestBytes, &report) else { report.bagProblems.append("\(name): cannot be read"); continue }
            let parsed = BagIt.parseManifest(text, maxLineBytes: limits.maxManifestLineBytes, maxLines: limits.maxManifestLines)
            for line in parsed.badLines { report.bagProblems.append("\(name): line \(line) is not `<digest> <path>`") }
            for line in parsed.longLines {
                report.bagProblems.append("\(name): line \(line) is longer than the \(limits.maxManifestLineBytes) bytes a manifest line may have")
            }
            if parsed.truncated { report.bagProblems.append("\(name): more than \(limits.maxManifestLines) lines, more than a bag may have files; the rest was not read") }
            var entries: [String: String] = [:]
            for (path, digest) in parsed.entries {
                if entries[path] != nil { report.bagProblems.append("\(name): lists \(path) twice") }
                if !BagSources.isSafe(path) { report.bagProblems.append("\(name): lists an unsafe path"); continue }
                entries[path] = digest
            }
            out.append((name, algorithm, entries))
        }
        return out
    }

    // MARK: - Completeness

    mutating func checkCompleteness(_ report: inout ArchiveVerification) {
        let files = source.files
        let payload = files.keys.filter { $0.hasPrefix("data/") }.sorted()
        report.payloadFiles = payload.count
        report.payloadBytes = payload.reduce(0) { $0 + (files[$1] ?? 0) }
        for manifest in payloadManifests {
            for path in manifest.entries.keys.sorted() {
                if !path.hasPrefix("data/") { report.bagProblems.append("\(manifest.name): lists \(path), which is not payload") }
                else if files[path] == nil { report.bagProblems.append("\(path): listed in \(manifest.name) but missing") }
            }
            for path in payload where manifest.entries[path] == nil {
                report.bagProblems.append("\(path): not listed in \(manifest.name) (a file was added)")
            }
        }
        var known: Set<String> = [ArchiveLayout.bagDeclaration, ArchiveLayout.bagInfo, ArchiveLayout.sealFile]
        known.formUnion(payloadManifests.map(\.name))
        known.formUnion(tagManifests.map(\.name))
        for manifest in tagManifests {
            for path in manifest.entries.keys.sorted() {
                if files[path] == nil { report.bagProblems.append("\(path): listed in \(manifest.name) but missing") }
                known.insert(path)
            }
        }
        for path in files.keys.sorted() where !path.hasPrefix("data/") && !known.contains(path) {
            // Unsupported manifests were already reported by name.
            if path.hasPrefix("manifest-") || path.hasPrefix("tagmanifest-") { continue }
            report.bagProblems.append("\(path): unexpected file, in no manifest (a file was added)")
        }
    }

    // MARK: - Checksums

    mutating func checkChecksums(_ report: inout ArchiveVerification) {
        for manifest in payloadManifests + tagManifests {
            for (path, expected) in manifest.entries.sorted(by: { $0.key < $1.key }) {
                guard let d = digests[path] else { continue }
                let actual = manifest.algorithm == "sha256" ? d.sha256 : d.sha512
                if actual != expected {
                    report.bagProblems.append("\(path): \(manifest.algorithm.uppercased()) does not match \(manifest.name)")
                    mismatched.insert(path)
                }
            }
        }
    }
}
