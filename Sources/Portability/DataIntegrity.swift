import AccountModel
import Crypto
import Foundation

public enum DataIntegrityError: Error, LocalizedError, Sendable, Equatable {
    case notAnObject
    /// Signing a document that already carries a proof would need proof sets, which we never write.
    case alreadyHasProof
    case invalidCreated(String)

    public var errorDescription: String? {
        switch self {
        case .notAnObject: return "only a JSON object can be secured with a Data Integrity proof"
        case .alreadyHasProof: return "document already has a proof"
        case .invalidCreated(let s): return "created \"\(s.prefix(40))\" is not an XML Schema dateTimeStamp"
        }
    }
}

/// The outcome of checking a proof. A bad proof is a finding, not an error: the verifier lists
/// every problem it can name so a human can see why an archive was rejected.
public struct VerificationResult: Sendable {
    public var problems: [String]
    /// The key that signed, when the verification method could be resolved; callers compare it
    /// with the credential's `issuer`, which Data Integrity itself does not do.
    public var signer: DIDKey?
    public var verified: Bool { problems.isEmpty && signer != nil }
}

/// W3C Data Integrity, cryptosuite `eddsa-jcs-2022` (https://www.w3.org/TR/vc-di-eddsa/ §3.3).
public enum DataIntegrity {
    public static let proofType = "DataIntegrityProof"
    public static let cryptosuite = "eddsa-jcs-2022"

    /// Proof options in the order the W3C vector writes them; member order does not affect the
    /// signature (JCS sorts), but matching it keeps our output diffable against the vector.
    public static func proofOptions(for document: JSONValue, verificationMethod: String,
                                    created: String, proofPurpose: String = "assertionMethod") -> JSONValue {
        var options: [JSONValue.Member] = [
            .init("type", .string(proofType)),
            .init("cryptosuite", .string(cryptosuite)),
            .init("created", .string(created)),
            .init("verificationMethod", .string(verificationMethod)),
            .init("proofPurpose", .string(proofPurpose)),
        ]
        // §3.3.1: the document's @context is copied into the proof, so it is signed twice over.
        if let context = member(document, "@context") { options.append(.init("@context", context)) }
        return .object(options)
    }

    /// SHA-256(JCS(proof options)) ‖ SHA-256(JCS(document)): the 64 bytes that get signed.
    public static func hashData(document: JSONValue, proofOptions: JSONValue) throws -> [UInt8] {
        let optionsHash = SHA256.hash(data: try CanonicalJSON.serialize(proofOptions))
        let documentHash = SHA256.hash(data: try CanonicalJSON.serialize(document))
        return Array(optionsHash) + Array(documentHash)
    }

    /// Returns `document` with a `proof` member appended.
    public static func sign(document: JSONValue, key: Curve25519.Signing.PrivateKey, verificationMethod: String,
                            created: String, proofPurpose: String = "assertionMethod") throws -> JSONValue {
        guard case .object(var members) = document else { throw DataIntegrityError.notAnObject }
        guard member(document, "proof") == nil else { throw DataIntegrityError.alreadyHasProof }
        guard Timestamp.isDateTimeStamp(created) else { throw DataIntegrityError.invalidCreated(created) }
        let options = proofOptions(for: document, verificationMethod: verificationMethod,
                                   created: created, proofPurpose: proofPurpose)
        let signature = try key.signature(for: hashData(document: document, proofOptions: options))
        guard case .object(var proof) = options else { throw DataIntegrityError.notAnObject }
        proof.append(.init("proofValue", .string(Base58.multibaseEncode(signature))))
        members.append(.init("proof", .object(proof)))
        return .object(members)
    }

    /// Checks the one proof of `securedDocument`. Never throws: every failure becomes a problem.
    /// The verification method and the proof value are measured against `limits` before they are
    /// decoded (base58 decoding is quadratic in the length).
    public static func verify(securedDocument: JSONValue, expectedProofPurpose: String = "assertionMethod",
                              limits: VerifyLimits = VerifyLimits()) -> VerificationResult {
        var result = VerificationResult(problems: [], signer: nil)
        func fail(_ problem: String) -> VerificationResult { result.problems.append(problem); return result }

        guard case .object(let members) = securedDocument else { return fail("document is not a JSON object") }
        let proofs = members.filter { same($0.key, "proof") }
        guard proofs.count == 1, let proofMember = proofs.first else {
            return fail(proofs.isEmpty ? "document has no proof" : "document has more than one proof member")
        }
        guard case .object(let proofMembers) = proofMember.value else { return fail("proof is not a single object") }
        let document = JSONValue.object(members.filter { !same($0.key, "proof") })
        let options = JSONValue.object(proofMembers.filter { !same($0.key, "proofValue") })

        expect(options, "type", proofType, &result)
        expect(options, "cryptosuite", cryptosuite, &result)
        expect(options, "proofPurpose", expectedProofPurpose, &result)
        if let created = member(options, "created") {
            if !(created.stringValue.map(Timestamp.isDateTimeStamp) ?? false) { result.problems.append("proof created is not a dateTimeStamp") }
        }
        // Stricter than §3.3.2 (which accepts a document context that merely starts with the proof's):
        // we always copy it whole, so any difference means someone edited one of them.
        if !sameJSON(member(options, "@context"), member(document, "@context")) {
            result.problems.append("proof @context differs from the document's @context")
        }

        guard case .string(let method)? = member(options, "verificationMethod") else {
            return fail("proof has no verificationMethod string")
        }
        guard method.utf8.count <= limits.maxDIDBytes else {
            return fail("verificationMethod is \(method.utf8.count) bytes, more than the \(limits.maxDIDBytes) a did:key may have")
        }
        do {
            result.signer = try DIDKey(parsing: method)
        } catch {
            return fail("cannot resolve verificationMethod: \(error.localizedDescription)")
        }
        guard case .string(let proofValue)? = member(proofMember.value, "proofValue") else {
            return fail("proof has no proofValue string")
        }
        guard proofValue.utf8.count <= limits.maxProofValueBytes else {
            return fail("proofValue is \(proofValue.utf8.count) bytes, more than the \(limits.maxProofValueBytes) an Ed25519 signature may take")
        }
        let signature: [UInt8]
        do {
            signature = try Base58.multibaseDecode(proofValue)
        } catch {
            return fail("proofValue is not base58btc multibase: \(error.localizedDescription)")
        }
        guard signature.count == 64 else { return fail("proofValue is \(signature.count) bytes, not a 64-byte Ed25519 signature") }
        do {
            let data = try hashData(document: document, proofOptions: options)
            if result.signer?.publicKey.isValidSignature(signature, for: data) != true {
                result.problems.append("signature does not match the document and proof options")
            }
        } catch {
            result.problems.append("cannot canonicalize: \(error.localizedDescription)")
        }
        return result
    }

    // MARK: - Helpers

    /// Member lookup by exact UTF-8 bytes. `JSONValue`'s subscript uses `String ==`, which treats
    /// canonically-equivalent names as equal; a verifier must not.
    static func member(_ value: JSONValue, _ key: String) -> JSONValue? {
        value.members?.first { same($0.key, key) }?.value
    }

    static func same(_ a: String, _ b: String) -> Bool { a.utf8.elementsEqual(b.utf8) }

    static func sameJSON(_ a: JSONValue?, _ b: JSONValue?) -> Bool {
        guard let a, let b else { return a == nil && b == nil }
        guard let ca = try? CanonicalJSON.serialize(a), let cb = try? CanonicalJSON.serialize(b) else { return false }
        return ca == cb
    }

    private static func expect(_ options: JSONValue, _ key: String, _ wanted: String, _ result: inout VerificationResult) {
        guard case .string(let found)? = member(options, key) else {
            result.problems.append("proof has no \(key)")
            return
        }
        if !same(found, wanted) { result.problems.append("proof \(key) is \"\(found.prefix(60))\", expected \"\(wanted)\"") }
    }
}
