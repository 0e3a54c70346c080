import Foundation
import FuzzDriver
import Importers
import Readers

/// libFuzzer harness for the CSV path of an import: encoding detection and conversion to UTF-8,
/// delimiter guessing, then every record. Bad input may be refused, never crash or hang.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzCSV(_ start: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    let raw = start.map { Data(bytes: $0, count: count) } ?? Data()
    guard let (data, _) = try? TextEncoding.utf8Data(raw) else { return 0 }
    var reader = CSVReader(data: data, delimiter: CSVReader.guessDelimiter(data))
    var header: CSVHeader?
    _ = try? reader.forEach { row in
        if header == nil { header = CSVHeader(row.fields) } else { _ = header?.index(of: "date") }
        return true
    }
    return 0
}

@_cdecl("FuzzCSV_main")
func fuzzCSVMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    pda_fuzz_main(argc, argv, fuzzCSV)
}
