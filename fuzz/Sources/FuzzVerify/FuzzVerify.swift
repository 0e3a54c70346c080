import Foundation
import FuzzDriver
import Portability

/// libFuzzer harness for `pda verify` on a zip: the central directory index, the bag's tag files
/// and manifests, the hash pass, the seal and every item's claim. Verify reads archives from
/// strangers: any input gets a report or a refusal, never a crash, a hang or unbounded memory.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzVerify(_ start: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    let data = start.map { Data(bytes: $0, count: count) } ?? Data()
    guard (try? data.write(to: inputFile)) != nil else { return 0 }
    if let report = try? ArchiveVerifier.verify(inputFile) { _ = report.json }
    return 0
}

/// One file per fuzzing process, rewritten for every input.
private let inputFile: URL = {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("pda-fuzz-verify-\(getpid())")
    try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    return folder.appendingPathComponent("archive.zip")
}()

@_cdecl("FuzzVerify_main")
func fuzzVerifyMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    pda_fuzz_main(argc, argv, fuzzVerify)
}
