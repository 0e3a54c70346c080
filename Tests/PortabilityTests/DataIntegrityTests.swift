import AccountModel
import Crypto
import Foundation
import Portability
import XCTest

/// The W3C vc-di-eddsa `eddsa-jcs-2022` vector, every intermediate reproduced byte for byte.
final class DataIntegrityTests: XCTestCase {
    private let dir = "vc-di-eddsa/TestVectors/"
    private let suite = "vc-di-eddsa/TestVectors/eddsa-jcs-2022/"

    private func keyPair() throws -> (key: Curve25519.Signing.PrivateKey, publicMultibase: String, secretMultibase: String) {
        let pair = try Vectors.json(dir + "keyPair.json")
        let publicMultibase = try XCTUnwrap(pair["publicKeyMultibase"]?.stringValue)
        let secretMultibase = try XCTUnwrap(pair["privateKeyMultibase"]?.stringValue)
        return (try DIDKey.privateKey(secretMultibase: secretMultibase), publicMultibase, secretMultibase)
    }

    private func hex<Bytes: Sequence<UInt8>>(_ bytes: Bytes) -> String {
        Hex.string(bytes)
    }

    private func member(_ value: JSONValue, replacing key: String, with newValue: JSONValue) -> JSONValue {
        .object((value.members ?? []).map { $0.key == key ? .init(key, newValue) : $0 })
    }

    func testKeyPairMultikeys() throws {
        let (key, publicMultibase, secretMultibase) = try keyPair()
        let did = DIDKey(publicKey: key.publicKey)
        XCTAssertEqual(did.multibase, publicMultibase)
        XCTAssertEqual(DIDKey.secretKeyMultibase(key), secretMultibase)
        XCTAssertEqual(did.did, "did:key:" + publicMultibase)
        XCTAssertEqual(did.verificationMethod, "did:key:\(publicMultibase)#\(publicMultibase)")
        XCTAssertEqual(try DIDKey(parsing: did.verificationMethod), did)
        XCTAssertEqual(try DIDKey(parsing: did.did), did)
    }

    func testIntermediatesMatchVector() throws {
        let unsigned = try Vectors.json(dir + "unsigned.json")
        let proofConfig = try Vectors.json(suite + "proofConfigJCS.json")

        let canonDoc = try CanonicalJSON.serialize(unsigned)
        XCTAssertEqual(String(decoding: canonDoc, as: UTF8.self), try Vectors.text(suite + "canonDocJCS.txt"))
        XCTAssertEqual(hex(SHA256.hash(data: canonDoc)), try Vectors.text(suite + "docHashJCS.txt"))

        let canonProof = try CanonicalJSON.serialize(proofConfig)
        XCTAssertEqual(String(decoding: canonProof, as: UTF8.self), try Vectors.text(suite + "proofCanonJCS.txt"))
        XCTAssertEqual(hex(SHA256.hash(data: canonProof)), try Vectors.text(suite + "proofHashJCS.txt"))

        // Our proof options, built from the document, canonicalize to the vector's.
        let options = DataIntegrity.proofOptions(
            for: unsigned, verificationMethod: try XCTUnwrap(proofConfig["verificationMethod"]?.stringValue),
            created: try XCTUnwrap(proofConfig["created"]?.stringValue))
        XCTAssertEqual(try CanonicalJSON.serialize(options), canonProof)
        XCTAssertEqual(hex(try DataIntegrity.hashData(document: unsigned, proofOptions: options)),
                       try Vectors.text(suite + "combinedHashJCS.txt"))
    }

    func testSignReproducesVector() throws {
        let (key, _, _) = try keyPair()
        let unsigned = try Vectors.json(dir + "unsigned.json")
        let config = try Vectors.json(suite + "proofConfigJCS.json")
        let signed = try DataIntegrity.sign(
            document: unsigned, key: key,
            verificationMethod: try XCTUnwrap(config["verificationMethod"]?.stringValue),
            created: try XCTUnwrap(config["created"]?.stringValue))

        let proofValue = try XCTUnwrap(signed["proof"]?["proofValue"]?.stringValue)
        XCTAssertEqual(proofValue, try Vectors.text(suite + "sigBTC58JCS.txt"))
        XCTAssertEqual(hex(try Base58.multibaseDecode(proofValue)), try Vectors.text(suite + "sigHexJCS.txt"))
        // Member for member, in the same order, as the vector's signed credential.
        XCTAssertEqual(signed, try Vectors.json(suite + "signedJCS.json"))
        XCTAssertThrowsError(try DataIntegrity.sign(document: signed, key: key, verificationMethod: "x", created: "2023-02-24T23:36:38Z"))
        XCTAssertThrowsError(try DataIntegrity.sign(document: unsigned, key: key, verificationMethod: "x", created: "yesterday"))
    }

    func testVerifiesVector() throws {
        let (key, _, _) = try keyPair()
        let result = DataIntegrity.verify(securedDocument: try Vectors.json(suite + "signedJCS.json"))
        XCTAssertEqual(result.problems, [])
        XCTAssertTrue(result.verified)
        XCTAssertEqual(result.signer, DIDKey(publicKey: key.publicKey))
    }

    func testTamperedCredentialFails() throws {
        let signed = try Vectors.json(suite + "signedJCS.json")
        let subject = JSONValue.obj([("id", .string("did:example:abcdefgh")), ("alumniOf", .string("The School of Forgeries"))])
        let result = DataIntegrity.verify(securedDocument: member(signed, replacing: "credentialSubject", with: subject))
        XCTAssertFalse(result.verified)
        XCTAssertEqual(result.problems, ["signature does not match the document and proof options"])
    }

    /// A forger signs with their own key but keeps naming the owner's verification method.
    func testProofResignedWithAnotherKeyFails() throws {
        let (key, _, _) = try keyPair()
        let other = try Curve25519.Signing.PrivateKey(rawRepresentation: [UInt8](repeating: 7, count: 32))
        let unsigned = try Vectors.json(dir + "unsigned.json")
        let method = DIDKey(publicKey: key.publicKey).verificationMethod
        let forged = try DataIntegrity.sign(document: unsigned, key: other, verificationMethod: method, created: "2023-02-24T23:36:38Z")
        let result = DataIntegrity.verify(securedDocument: forged)
        XCTAssertFalse(result.verified)
        XCTAssertEqual(result.problems, ["signature does not match the document and proof options"])

        // Honestly naming the other key verifies, but the signer is not the owner.
        let honest = try DataIntegrity.sign(document: unsigned, key: other,
                                            verificationMethod: DIDKey(publicKey: other.publicKey).verificationMethod,
                                            created: "2023-02-24T23:36:38Z")
        let honestResult = DataIntegrity.verify(securedDocument: honest)
        XCTAssertTrue(honestResult.verified)
        XCTAssertNotEqual(honestResult.signer, DIDKey(publicKey: key.publicKey))
    }

    func testProofOptionProblemsAreReported() throws {
        let signed = try Vectors.json(suite + "signedJCS.json")
        let proof = try XCTUnwrap(signed["proof"])
        let wrongSuite = member(signed, replacing: "proof", with: member(proof, replacing: "cryptosuite", with: .string("eddsa-rdfc-2022")))
        XCTAssertTrue(DataIntegrity.verify(securedDocument: wrongSuite).problems.contains {
            $0.contains("cryptosuite") })
        let otherContext = member(signed, replacing: "@context", with: .array([.string("https://www.w3.org/ns/credentials/v2")]))
        XCTAssertTrue(DataIntegrity.verify(securedDocument: otherContext).problems.contains { $0.contains("@context") })
        XCTAssertEqual(DataIntegrity.verify(securedDocument: signed, expectedProofPurpose: "authentication").problems.count, 1)
        let unsigned = try Vectors.json(dir + "unsigned.json")
        XCTAssertEqual(DataIntegrity.verify(securedDocument: unsigned).problems, ["document has no proof"])
        let badValue = member(signed, replacing: "proof", with: member(proof, replacing: "proofValue", with: .string("z1111")))
        XCTAssertFalse(DataIntegrity.verify(securedDocument: badValue).verified)
    }

    func testDIDKeyErrors() throws {
        let (key, publicMultibase, secretMultibase) = try keyPair()
        XCTAssertThrowsError(try DIDKey(parsing: "did:web:example.com")) { XCTAssertEqual($0 as? DIDKeyError, .notDIDKey) }
        XCTAssertThrowsError(try DIDKey(parsing: "did:key:" + secretMultibase)) {
            XCTAssertEqual($0 as? DIDKeyError, .wrongMulticodec(expected: [0xED, 0x01], found: [0x80, 0x26]))
        }
        let short = Base58.multibaseEncode(DIDKey.publicHeader + [UInt8](repeating: 1, count: 31))
        XCTAssertThrowsError(try DIDKey.publicKey(multibase: short)) {
            XCTAssertEqual($0 as? DIDKeyError, .wrongKeyLength(expected: 32, found: 31))
        }
        XCTAssertThrowsError(try DIDKey(parsing: "did:key:" + String(publicMultibase.dropFirst()))) {
            XCTAssertEqual($0 as? DIDKeyError, .notBase58Multibase)
        }
        let otherMultibase = DIDKey(publicKey: try Curve25519.Signing.PrivateKey(rawRepresentation: [UInt8](repeating: 9, count: 32)).publicKey).multibase
        XCTAssertThrowsError(try DIDKey(parsing: "did:key:\(publicMultibase)#\(otherMultibase)")) {
            XCTAssertEqual($0 as? DIDKeyError, .fragmentMismatch)
        }
        XCTAssertThrowsError(try DIDKey.privateKey(secretMultibase: publicMultibase))
        XCTAssertEqual(try DIDKey.privateKey(secretMultibase: secretMultibase).rawRepresentation, key.rawRepresentation)
    }

    func testDIDDocument() throws {
        let (key, publicMultibase, _) = try keyPair()
        let doc = DIDKey(publicKey: key.publicKey).document
        let did = "did:key:" + publicMultibase, method = did + "#" + publicMultibase
        XCTAssertEqual(doc["@context"], .array([.string("https://www.w3.org/ns/did/v1"), .string("https://w3id.org/security/multikey/v1")]))
        XCTAssertEqual(doc["id"], .string(did))
        let vm = try XCTUnwrap(doc["verificationMethod"]?.arrayValue?.first)
        XCTAssertEqual(vm["id"], .string(method))
        XCTAssertEqual(vm["type"], .string("Multikey"))
        XCTAssertEqual(vm["controller"], .string(did))
        XCTAssertEqual(vm["publicKeyMultibase"], .string(publicMultibase))
        XCTAssertEqual(doc["authentication"], .array([.string(method)]))
        XCTAssertEqual(doc["assertionMethod"], .array([.string(method)]))
    }

    func testBase58RoundTrip() throws {
        XCTAssertEqual(Base58.encode([UInt8]()), "")
        XCTAssertEqual(Base58.encode([0, 0, 1]), "112")
        XCTAssertEqual(Base58.encode(Array("Hello World!".utf8)), "2NEpo7TZRRrLZSi2U")
        XCTAssertEqual(try Base58.decode("2NEpo7TZRRrLZSi2U"), Array("Hello World!".utf8))
        var state: UInt32 = 12345  // a fixed LCG keeps the test deterministic
        for length in 0..<70 {
            let bytes = [UInt8](repeating: 0, count: length % 3) + (0..<length).map { _ -> UInt8 in
                state = state &* 1_103_515_245 &+ 12345
                return UInt8(truncatingIfNeeded: state >> 16)
            }
            XCTAssertEqual(try Base58.multibaseDecode(Base58.multibaseEncode(bytes)), bytes)
        }
        XCTAssertThrowsError(try Base58.decode("0OIl")) { XCTAssertEqual($0 as? Base58Error, .invalidCharacter("0")) }
        XCTAssertThrowsError(try Base58.multibaseDecode("2NEpo")) { XCTAssertEqual($0 as? Base58Error, .notBase58Multibase) }
    }
}
