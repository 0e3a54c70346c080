import AccountModel
import Foundation

/// Checks one signed credential of an archive (an item's claim or the seal): its proof, that the
/// key which signed it is its issuer, that the issuer is the archive's owner, and its shape.
/// Problems are collected, never thrown, so a report can list all of them.
struct CredentialCheck {
    var problems: [String] = []
    var issuer: String?
    var document: JSONValue?

    /// `data` is at most `limits.maxCredentialBytes` (the caller measured it before reading).
    init(_ data: Data, expectedIssuer: String?, expectedID: String?, limits: VerifyLimits = VerifyLimits()) {
        let document: JSONValue
        do {
            document = try JSONParser.parse(data, options: JSONOptions(maxDepth: limits.maxJSONDepth))
        } catch let error as JSONSyntaxError {
            // The reason names a position and a rule ("nesting deeper than 32"), never a value.
            problems.append("not valid JSON (\(error.reason))")
            return
        } catch {
            problems.append("not valid JSON")
            return
        }
        self.document = document
        let proof = DataIntegrity.verify(securedDocument: document, limits: limits)
        problems += proof.problems.map { "proof: " + $0 }

        let issuerValue = document["issuer"]
        issuer = issuerValue?.stringValue ?? issuerValue?["id"]?.stringValue
        if let issuer, issuer.utf8.count > limits.maxDIDBytes {
            problems.append("issuer is \(issuer.utf8.count) bytes, more than the \(limits.maxDIDBytes) a did:key may have")
            self.issuer = nil
        } else if let issuer {
            let issuerKey = try? DIDKey(parsing: issuer)
            if issuerKey == nil { problems.append("issuer is not a did:key") }
            if let signer = proof.signer, let issuerKey, signer != issuerKey {
                problems.append("signed by \(signer.did), which is not the issuer \(issuer)")
            }
            if let expectedIssuer, issuer != expectedIssuer {
                problems.append("issued by \(issuer), not by the archive's owner \(expectedIssuer)")
            }
        } else {
            problems.append("has no issuer")
        }
        if document["@context"]?.arrayValue?.first?.stringValue != AuthorshipCredential.context {
            problems.append("@context does not start with \(AuthorshipCredential.context)")
        }
        let types = Set((document["type"]?.arrayValue ?? []).compactMap(\.stringValue))
        if !types.isSuperset(of: AuthorshipCredential.types) && !types.isSuperset(of: AuthorshipCredential.attestationTypes) {
            problems.append("type is not [\(AuthorshipCredential.types.joined(separator: ", "))] nor [\(AuthorshipCredential.attestationTypes.joined(separator: ", "))]")
        }
        if !(document["validFrom"]?.stringValue.map(Timestamp.isDateTimeStamp) ?? false) {
            problems.append("validFrom is missing or not a date-time")
        }
        if let expectedID, document["id"]?.stringValue != expectedID {
            problems.append("id is not \(expectedID)")
        }
    }

    var subject: JSONValue? { document?["credentialSubject"] }

    /// `relatedResource` as (id, digestSRI) pairs; malformed entries become problems.
    mutating func resources() -> [(id: String, sri: String)] {
        guard let list = document?["relatedResource"]?.arrayValue else {
            problems.append("has no relatedResource list")
            return []
        }
        var out: [(String, String)] = []
        for entry in list {
            guard let id = entry["id"]?.stringValue, let sri = entry["digestSRI"]?.stringValue else {
                problems.append("a relatedResource lacks id or digestSRI")
                continue
            }
            out.append((id, sri))
        }
        return out
    }

    /// Subresource Integrity (`sha384-<base64>`; sha256 and sha512 are accepted too).
    static func matches(sri: String, _ digests: FileDigests) -> Bool {
        guard let dash = sri.firstIndex(of: "-"), let expected = Data(base64Encoded: String(sri[sri.index(after: dash)...])) else {
            return false
        }
        switch sri[..<dash] {
        case "sha384": return Array(expected) == digests.sha384
        case "sha256": return Hex.string(expected) == digests.sha256
        case "sha512": return Hex.string(expected) == digests.sha512
        default: return false
        }
    }
}
