import AccountModel
import Foundation

/// The state of one verification: the bag's tag files as read, and the digests of every file.
struct BagCheck {
    let source: BagSource
    let reader: BagReader
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

    init(source: BagSource, reader: BagReader) {
        self.source = source
        self.reader = reader
    }

    /// A small file's bytes: kept from the hash pass, else read.
    func bytes(_ path: String, limit: Int) -> Data? {
        if let kept = contents[path] { return kept }
        guard source.files[path] != nil else { return nil }
        return try? reader.read(path, limit: limit)
    }

    func text(_ path: String) -> String? {
        guard source.files[path] != nil, let data = try? reader.read(path) else { return nil }
        return String(decoding: data, as: UTF8.self)
    }

    // MARK: - Tag files

    mutating func readTagFiles(_ report: inout ArchiveVerification) {
        let declaration = text(ArchiveLayout.bagDeclaration) ?? ""
        if declaration != BagIt.declaration {
            let fields = BagIt.parseBagInfo(declaration)
            if fields["bagit-version"] != "1.0" { report.bagProblems.append("bagit.txt does not declare BagIt-Version 1.0") }
            if fields["tag-file-character-encoding"]?.uppercased() != "UTF-8" {
                report.bagProblems.append("bagit.txt does not declare Tag-File-Character-Encoding UTF-8")
            }
        }
        if let info = text(ArchiveLayout.bagInfo) {
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
        } else {
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
            guard let text = text(name) else { report.bagProblems.append("\(name): cannot be read"); continue }
            let parsed = BagIt.parseManifest(text)
            for line in parsed.badLines { report.bagProblems.append("\(name): line \(line) is not `<digest> <path>`") }
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
