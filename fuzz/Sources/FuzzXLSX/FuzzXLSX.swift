import Foundation
import FuzzDriver
import Importers
import Readers

/// libFuzzer harness for the XLSX reader: a workbook held in memory (as an `.xlsx` entry of an
/// export), its workbook, relationships, shared strings and styles, then every row of every sheet.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzXLSX(_ start: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    let data = start.map { Data(bytes: $0, count: count) } ?? Data()
    guard let workbook = try? XLSXWorkbook(data: data) else { return 0 }
    for sheet in workbook.sheets {
        _ = try? workbook.forEachRow(in: sheet) { row in
            _ = row.fields
            return true
        }
    }
    return 0
}

@_cdecl("FuzzXLSX_main")
func fuzzXLSXMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    pda_fuzz_main(argc, argv, fuzzXLSX)
}
