import AccountModel
import Foundation
import FuzzDriver
import Importers
import Readers

/// libFuzzer harness for the export reader, the boundary between a person's download and pda:
/// the input is written to a file and opened as a zip, then every entry is read as an importer
/// would (JSON parsed, CSV decoded row by row, a workbook opened). Refusals are expected; a crash,
/// a hang or unbounded memory is a finding.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzExportReader(_ start: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    let data = start.map { Data(bytes: $0, count: count) } ?? Data()
    guard (try? data.write(to: inputFile)) != nil, let export = try? ExportReader(path: inputFile.path) else { return 0 }
    for entry in export.entries {
        guard let bytes = try? export.data(of: entry) else { continue }
        let name = entry.lowercasedPath
        if name.hasSuffix(".json") {
            _ = try? JSONParser.parse(bytes)
        } else if name.hasSuffix(".csv") {
            _ = try? export.forEachCSVRow(entry) { _ in true }
        } else if name.hasSuffix(".xlsx") {
            if let workbook = try? XLSXWorkbook(data: bytes), let sheet = workbook.sheets.first {
                _ = try? workbook.forEachRow(in: sheet) { _ in true }
            }
        }
    }
    return 0
}

/// One file per fuzzing process, rewritten for every input.
private let inputFile: URL = {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("pda-fuzz-export-\(getpid())")
    try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    return folder.appendingPathComponent("export.zip")
}()

@_cdecl("FuzzExportReader_main")
func fuzzExportReaderMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    pda_fuzz_main(argc, argv, fuzzExportReader)
}
