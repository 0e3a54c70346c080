import AccountModel
import Foundation

/// The seal and the per-item claims.
extension BagCheck {
    mutating func checkSeal(_ report: inout ArchiveVerification, expectedOwner: String?) {
        let sealed = ArchiveLayout.sealedManifest
        // The seal covers the bag only through tagmanifest-sha512.txt: it must list every tag
        // file that in turn lists the payload.
        if let manifest = tagManifests.first(where: { $0.name == sealed }) {
            let required = [ArchiveLayout.bagDeclaration, ArchiveLayout.bagInfo] + payloadManifests.map(\.name)
            for name in required where manifest.entries[name] == nil {
                report.sealProblems.append("\(sealed) does not list \(name), so the seal does not cover it")
            }
        } else {
            report.sealProblems.append("\(sealed) is missing, so nothing is sealed")
        }
        guard let layout else {
            report.sealProblems.append("the seal cannot be checked without the bag's External-Identifier")
            report.owner = expectedOwner
            return
        }
        if let problem = oversize(ArchiveLayout.sealFile, limit: limits.maxCredentialBytes, what: "a credential") {
            report.sealProblems.append(problem)
            report.owner = expectedOwner ?? ownerJSONDID()
            return
        }
        guard let data = bytes(ArchiveLayout.sealFile, limit: limits.maxCredentialBytes) else {
            report.sealProblems.append("\(ArchiveLayout.sealFile) is missing")
            report.owner = expectedOwner ?? ownerJSONDID()
            return
        }
        var seal = CredentialCheck(data, expectedIssuer: expectedOwner, expectedID: layout.arcp(ArchiveLayout.sealFile), limits: limits)
        let resources = seal.resources()
        if seal.subject?["id"]?.stringValue != layout.arcpBase {
            seal.problems.append("credentialSubject is not this bag (\(layout.arcpBase))")
        }
        if let resource = resources.first(where: { $0.id == layout.arcp(sealed) }) {
            if let d = digests[sealed], !CredentialCheck.matches(sri: resource.sri, d) {
                seal.problems.append("\(sealed) does not match the digest in the seal (the bag was changed after sealing)")
            }
        } else {
            seal.problems.append("does not name \(layout.arcp(sealed))")
        }
        report.sealProblems += seal.problems.map { "\(ArchiveLayout.sealFile): \($0)" }
        report.owner = expectedOwner ?? seal.issuer ?? ownerJSONDID()
        if let owner = report.owner, let named = ownerJSONDID(), named != owner {
            report.sealProblems.append("data/\(ArchiveLayout.ownerFile) names \(named), not the archive's owner \(owner)")
        }
    }

    private func ownerJSONDID() -> String? {
        let path = ArchiveLayout.bagPath(crate: ArchiveLayout.ownerFile)
        guard let data = bytes(path, limit: limits.maxCredentialBytes) else { return nil }
        return (try? JSONParser.parse(data, options: JSONOptions(maxDepth: limits.maxJSONDepth)))?["did"]?.stringValue
    }

    /// One result per `data/items/<platform>/<name>/` folder, checked on all cores.
    mutating func checkItems(_ report: inout ArchiveVerification) {
        var folders: [String: [String]] = [:]
        for path in source.files.keys where path.hasPrefix("data/items/") {
            let parts = path.split(separator: "/", omittingEmptySubsequences: false)
            guard parts.count >= 5 else {
                report.bagProblems.append("\(path): outside any item folder")
                continue
            }
            folders[parts[0..<4].joined(separator: "/") + "/", default: []].append(path)
        }
        let items = folders.sorted { $0.key < $1.key }
        var claims: [String: ItemCheck.Claim] = [:]
        for (folder, _) in items {
            let path = folder + ArchiveLayout.claimFile
            if let size = source.files[path], size > limits.maxCredentialBytes {
                claims[path] = .tooLarge(size)
            } else if let data = bytes(path, limit: limits.maxCredentialBytes) {
                claims[path] = .read(data)
            }
        }
        let checker = ItemCheck(layout: layout, owner: report.owner, digests: digests, mismatched: mismatched, claims: claims,
                                limits: limits)
        let problems = HashPass.concurrentMap(items.count) { i in checker.problems(folder: items[i].key, files: Set(items[i].value)) }
        for (i, item) in items.enumerated() {
            report.items.append(.init(id: String(item.key.dropFirst("data/".count).dropLast()), problems: problems[i]))
        }
    }
}

/// One item folder against its claim; everything it needs is in hand, so items check in parallel.
struct ItemCheck: Sendable {
    /// A claim as read, or its size when it is too large to be read at all.
    enum Claim: Sendable {
        case read(Data)
        case tooLarge(UInt64)
    }

    let layout: ArchiveLayout?
    let owner: String?
    let digests: [String: FileDigests]
    let mismatched: Set<String>
    let claims: [String: Claim]
    let limits: VerifyLimits

    func problems(folder: String, files: Set<String>) -> [String] {
        var problems: [String] = []
        func name(_ path: String) -> String { String(path.dropFirst(folder.count)) }
        for path in files.sorted() where mismatched.contains(path) {
            problems.append("\(name(path)): does not match the bag manifest")
        }
        let claimPath = folder + ArchiveLayout.claimFile
        guard files.contains(claimPath), let read = claims[claimPath] else {
            return problems + ["\(ArchiveLayout.claimFile) is missing"]
        }
        guard case .read(let data) = read else {
            let size = if case .tooLarge(let size) = read { size } else { UInt64(0) }
            let limit = VerifyLimits.describe(limits.maxCredentialBytes)
            return problems + ["\(ArchiveLayout.claimFile): \(size) bytes, more than the \(limit) a claim may have; not read"]
        }
        guard let layout else { return problems + ["the claim cannot be checked without the bag's External-Identifier"] }
        var claim = CredentialCheck(data, expectedIssuer: owner, expectedID: layout.arcp(claimPath), limits: limits)
        let resources = claim.resources()
        problems += claim.problems.map { "\(ArchiveLayout.claimFile): \($0)" }
        if claim.subject?["id"]?.stringValue != layout.arcp(folder) {
            problems.append("\(ArchiveLayout.claimFile): credentialSubject is not this item's folder")
        }
        let isAttestation = claim.document?["type"]?.arrayValue?.contains(.string("ProvenanceAttestation")) == true
        if let issuer = claim.issuer, !isAttestation, claim.subject?["author"]?.stringValue != issuer {
            problems.append("\(ArchiveLayout.claimFile): author is not the issuer")
        }
        var covered: Set<String> = [claimPath]
        for resource in resources {
            guard resource.id.hasPrefix(layout.arcpBase) else {
                problems.append("\(ArchiveLayout.claimFile): names a resource outside this archive")
                continue
            }
            let path = String(resource.id.dropFirst(layout.arcpBase.count))
            guard path.hasPrefix(folder) else {
                problems.append("\(ArchiveLayout.claimFile): names \(path), outside this item's folder")
                continue
            }
            covered.insert(path)
            guard files.contains(path) else { problems.append("\(name(path)): named in the claim but missing"); continue }
            if let d = digests[path], !CredentialCheck.matches(sri: resource.sri, d) {
                problems.append("\(name(path)): does not match its digest in the claim")
            }
        }
        if !files.contains(folder + ArchiveLayout.itemFile) && !covered.contains(folder + ArchiveLayout.itemFile) {
            problems.append("\(ArchiveLayout.itemFile) is missing")
        }
        for path in files.sorted() where !covered.contains(path) {
            problems.append("\(name(path)): not covered by the claim (a file was added)")
        }
        return problems
    }
}
