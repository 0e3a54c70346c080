import Foundation
import FuzzDriver
import Readers

/// libFuzzer harness for the HTML reader (libxml2's push parser behind `HTMLPushParser`): the
/// page arrives in pieces cut at input-chosen places, records are collected as Takeout's and
/// Meta's importers do, and every record's text is read. Malformed pages must be recovered
/// from, never crash, hang or grow memory past the record limits.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzHTML(_ start: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    let bytes = start.map { Array(UnsafeBufferPointer(start: $0, count: count)) } ?? []
    var limits = HTMLRecordLimits()
    limits.maxNodes = 2_000
    limits.maxTextBytes = 1 << 16
    guard let parser = HTMLPushParser(isRecord: { $0.hasClass("outer-cell") || $0.name == "table" || $0.name == "li" },
                                      limits: limits) else { return 0 }
    // The first byte picks where the page is cut, so chunk boundaries are fuzzed too.
    let step = max(1, Int(bytes.first ?? 64))
    var records: [HTMLElement] = []
    var offset = 0
    while offset < bytes.count {
        let end = min(bytes.count, offset + step)
        records += parser.feed(Data(bytes[offset..<end]))
        offset = end
    }
    records += parser.finish()
    for record in records {
        _ = record.elements.count
        _ = record.text.utf8.count
        _ = record.all { $0.hasClass("content-cell") }.count
    }
    return 0
}

@_cdecl("FuzzHTML_main")
func fuzzHTMLMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    pda_fuzz_main(argc, argv, fuzzHTML)
}
