import AccountModel
import Foundation
import FuzzDriver
@testable import Portability

/// libFuzzer harness for the claim checks of `pda verify` without the zip around them: one
/// `authorship.vc.json` (or seal) through JSON parsing, the Data Integrity proof (did:key and
/// base58 decoding, JCS, Ed25519), the issuer and shape checks and the `relatedResource` list.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzClaim(_ start: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    let data = start.map { Data(bytes: $0, count: count) } ?? Data()
    var check = CredentialCheck(data, expectedIssuer: nil, expectedID: nil)
    for resource in check.resources() { _ = CredentialCheck.matches(sri: resource.sri, empty) }
    return 0
}

/// The digests of no bytes, to compare every `digestSRI` with.
private let empty: FileDigests = {
    let hasher = MultiHasher(parallel: false, sha384: true)
    return hasher.finalize()
}()

@_cdecl("FuzzClaim_main")
func fuzzClaimMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    pda_fuzz_main(argc, argv, fuzzClaim)
}
