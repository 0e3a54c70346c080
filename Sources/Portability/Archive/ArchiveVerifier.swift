import AccountModel
import Foundation

/// The outcome of `pda verify`: the bag, the seal, and one result per item.
public struct ArchiveVerification: Sendable {
    public struct ItemResult: Sendable {
        public var id: String
        public var problems: [String]
        public var valid: Bool { problems.isEmpty }
    }

    public var path: String
    /// BagIt completeness and every checksum (RFC 8493).
    public var bagProblems: [String] = []
    /// The owner's signature over `tagmanifest-sha512.txt`, and what it must cover.
    public var sealProblems: [String] = []
    public var items: [ItemResult] = []
    public var owner: String?
    public var externalIdentifier: String?
    public var payloadFiles = 0
    public var payloadBytes: UInt64 = 0

    public var bag: Bool { bagProblems.isEmpty }
    public var seal: Bool { sealProblems.isEmpty }
    public var valid: Bool { bag && seal && items.allSatisfy(\.valid) }

    public var json: JSONValue {
        func list(_ problems: [String]) -> JSONValue { .array(problems.map { .string($0) }) }
        return .obj([
            ("valid", .bool(valid)), ("bag", .bool(bag)), ("seal", .bool(seal)),
            ("archive", .string(path)), ("owner", owner.map { .string($0) } ?? .null),
            ("externalIdentifier", externalIdentifier.map { .string($0) } ?? .null),
            ("payloadFiles", .int(payloadFiles)), ("payloadBytes", .number(String(payloadBytes))),
            ("bagProblems", list(bagProblems)), ("sealProblems", list(sealProblems)),
            ("items", .array(items.map { .obj([("id", .string($0.id)), ("valid", .bool($0.valid)), ("problems", list($0.problems))]) })),
        ])
    }
}

/// Verifies an archive written by `ArchiveWriter` (zipped or unzipped) without the account:
/// everything needed is inside it, and the owner's key is its did:key.
///
/// Layers, each catching what the previous cannot:
/// 1. BagIt: every payload file is listed and matches both manifests; nothing is missing or extra.
/// 2. The seal: the owner's signature over `tagmanifest-sha512.txt`, which covers `bag-info.txt`
///    and the manifests; regenerating manifests after an edit breaks it.
/// 3. Each item's claim: signed by the owner, and its `digestSRI`s match the item's files.
public enum ArchiveVerifier {
    /// `expectedOwner` pins the owner's DID; without it the seal's issuer is taken as the owner
    /// (and reported, for the person to compare with the DID they know). `limits` bound everything
    /// read from the archive, which may come from a stranger; `progress` hears the files and
    /// bytes hashed.
    public static func verify(_ url: URL, expectedOwner: String? = nil, limits: VerifyLimits = VerifyLimits(),
                              progress: WorkProgress? = nil) throws -> ArchiveVerification {
        let source = try BagSources.open(url, limits: limits)
        var report = ArchiveVerification(path: url.path)
        var check = BagCheck(source: source, reader: try source.makeReader(), limits: limits)
        report.bagProblems = source.problems
        check.readTagFiles(&report)
        check.checkCompleteness(&report)

        // Claims and the seal are kept from the hash pass: they are read right after.
        let files = source.files, credentialLimit = limits.maxCredentialBytes
        progress?.begin(nil, bytes: files.values.reduce(0, +))
        let outcome = HashPass.run(source, paths: files.keys.sorted(), progress: progress) { path in
            (path == ArchiveLayout.sealFile || path.hasSuffix("/" + ArchiveLayout.claimFile)) && (files[path] ?? 0) <= credentialLimit
        }
        check.digests = outcome.digests
        check.contents = outcome.contents
        for (path, reason) in outcome.failures.sorted(by: { $0.key < $1.key }) { report.bagProblems.append("\(path): \(reason)") }
        check.checkChecksums(&report)

        check.checkSeal(&report, expectedOwner: expectedOwner)
        check.checkItems(&report)
        return report
    }
}
