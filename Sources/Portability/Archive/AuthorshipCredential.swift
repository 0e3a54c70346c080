import AccountModel
import Crypto
import Foundation

/// The signed claims of DESIGN.md: a W3C VC 2.0 `AuthorshipCredential` per item, and the same
/// kind of credential over `tagmanifest-sha512.txt` as the seal of the whole bag. Both are
/// secured with Data Integrity `eddsa-jcs-2022`, `created` = `validFrom` = the export's `--created`.
public enum AuthorshipCredential {
    public static let context = "https://www.w3.org/ns/credentials/v2"
    public static let types = ["VerifiableCredential", "AuthorshipCredential"]
    /// An organisation's claim that it found the item in a member's export (collective mode).
    public static let attestationTypes = ["VerifiableCredential", "ProvenanceAttestation"]

    /// A file the claim covers: its arcp name, digest and media type.
    public struct Resource: Sendable {
        public var id: String
        public var sri: String
        public var mediaType: String?
    }

    /// What the claim says about the item. Ids are strings (platform ids exceed 2^53) and no
    /// member is a float, so the signed bytes are the same in every JCS implementation.
    public struct Subject: Sendable {
        public var id: String
        public var platform: String
        public var kind: String
        public var nativeID: String?
        public var url: String?
        public var dateCreated: String?
        public var sourceSHA256: String
        public var sourceLocator: String
    }

    public static func item(id: String, issuer: String, validFrom: String, subject: Subject, resources: [Resource],
                            attestation: Bool = false) -> JSONValue {
        var s: [(String, JSONValue)] = [("id", .string(subject.id)), ("platform", .string(subject.platform)),
                                        ("kind", .string(subject.kind))]
        if let nativeID = subject.nativeID { s.append(("nativeId", .string(nativeID))) }
        if let url = subject.url { s.append(("url", .string(url))) }
        if let dateCreated = subject.dateCreated { s.append(("dateCreated", .string(dateCreated))) }
        if !attestation { s.append(("author", .string(issuer))) }
        s.append(("source", .obj([("sha256", .string(subject.sourceSHA256)), ("locator", .string(subject.sourceLocator))])))
        return document(id: id, issuer: issuer, validFrom: validFrom, subject: .obj(s), resources: resources,
                        types: attestation ? attestationTypes : types)
    }

    /// The seal: the owner vouches for the bag as a whole through its SHA-512 tag manifest, which
    /// lists the payload manifests, which list every payload file.
    public static func seal(id: String, issuer: String, validFrom: String, bagID: String, externalIdentifier: String,
                            tagManifest: Resource, attestation: Bool = false) -> JSONValue {
        let subject = JSONValue.obj([("id", .string(bagID)), ("identifier", .string(externalIdentifier)),
                                     (attestation ? "attestedBy" : "author", .string(issuer))])
        return document(id: id, issuer: issuer, validFrom: validFrom, subject: subject, resources: [tagManifest],
                        types: attestation ? attestationTypes : types)
    }

    private static func document(id: String, issuer: String, validFrom: String, subject: JSONValue, resources: [Resource],
                                 types: [String]) -> JSONValue {
        .obj([
            ("@context", .array([.string(context)])),
            ("id", .string(id)),
            ("type", .array(types.map { .string($0) })),
            ("issuer", .string(issuer)),
            ("validFrom", .string(validFrom)),
            ("credentialSubject", subject),
            ("relatedResource", .array(resources.map { r in
                var pairs: [(String, JSONValue)] = [("id", .string(r.id)), ("digestSRI", .string(r.sri))]
                if let mediaType = r.mediaType { pairs.append(("mediaType", .string(mediaType))) }
                return .obj(pairs)
            })),
        ])
    }

    /// Signs with the owner's key; the proof's `created` is the credential's `validFrom`.
    public static func sign(_ document: JSONValue, key: Curve25519.Signing.PrivateKey, created: String) throws -> JSONValue {
        let did = DIDKey(publicKey: key.publicKey)
        return try DataIntegrity.sign(document: document, key: key, verificationMethod: did.verificationMethod, created: created)
    }
}
