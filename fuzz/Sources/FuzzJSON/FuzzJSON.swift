import AccountModel
import Foundation
import FuzzDriver
import Portability

/// libFuzzer harness for the JSON parser every importer and `pda verify` use: the tree parser,
/// the streaming reader, and JCS canonicalization of whatever parses. A value that parses must
/// survive being written and parsed again unchanged; anything else it may refuse, never crash on.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzJSON(_ start: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    let data = start.map { Data(bytes: $0, count: count) } ?? Data()
    guard let value = try? JSONParser.parse(data) else {
        skipAll(data)
        return 0
    }
    let written = JSONWriter.data(value)
    guard let again = try? JSONParser.parse(written), again == value else {
        fatalError("JSONWriter output does not parse back to the same value")
    }
    _ = try? CanonicalJSON.serialize(value)
    skipAll(data)
    return 0
}

/// The streaming reader's skip path, which importers take over members they do not read.
private func skipAll(_ data: Data) {
    data.withUnsafeBytes { raw in
        var reader = JSONReader(raw)
        _ = try? reader.skipValue()
        _ = try? reader.expectEnd()
    }
}

@_cdecl("FuzzJSON_main")
func fuzzJSONMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    pda_fuzz_main(argc, argv, fuzzJSON)
}
