import AccountModel
import Foundation
import Readers

/// An importer made from a mapping file: recognized and run like a built-in one.
public struct MappingImporter: Importer {
    public let mapping: Mapping

    public init(_ mapping: Mapping) { self.mapping = mapping }

    public var name: String { mapping.name }
    public var platform: Platform { mapping.platform }
    public var version: String { "mapping-\(mapping.version)" }

    // MARK: - Recognition

    static let maxRecognizedJSONBytes: UInt64 = 16 << 20

    public func recognize(_ export: ExportReader) -> Recognition {
        explain(export).matched ? Recognition(confidence: mapping.recognize.confidence, format: mapping.format) : .no
    }

    /// Recognition with its reasons, for `pda mapping check`: which files matched and which of
    /// the expected columns or keys were missing. Reads at most a few documents.
    public func explain(_ export: ExportReader) -> (matched: Bool, reasons: [String]) {
        let rules = mapping.recognize
        guard let fallback = mapping.sources.first else { return (false, ["the mapping has no sources"]) }
        let candidates = ExportDocument.list(export).filter { Glob.matches(any: rules.files, path: $0.path) }
        guard !candidates.isEmpty else {
            return (false, ["no file matches \(rules.files.joined(separator: ", "))"])
        }
        var reasons = ["\(candidates.count) file(s) match \(rules.files.joined(separator: ", "))"]
        if rules.columns.isEmpty && rules.keys.isEmpty { return (true, reasons) }
        // The first source reading a document gives its encoding, sheet and header row.
        for document in candidates.prefix(5) {
            let source = mapping.sources.first { Glob.matches(any: $0.files, path: document.path) } ?? fallback
            let reader = SourceReader(export: export, source: source, document: document)
            if !rules.columns.isEmpty && reader.format != .json {
                if (try? reader.headerContaining(rules.columns)) == true {
                    reasons.append("\(document.path): has the columns \(rules.columns.joined(separator: ", "))")
                    return (true, reasons)
                }
                reasons.append("\(document.path): lacks some of the columns \(rules.columns.joined(separator: ", ")) in its first rows")
            }
            if !rules.keys.isEmpty && reader.format == .json, let entry = document.entry {
                // Recognition must stay cheap: a platform's 100 MB history is no PIPL copy.
                guard entry.size <= MappingImporter.maxRecognizedJSONBytes else {
                    reasons.append("\(document.path): larger than \(MappingImporter.maxRecognizedJSONBytes >> 20) MiB, not checked")
                    continue
                }
                guard let (data, _) = try? export.utf8Data(of: entry, encoding: source.encoding) else { continue }
                let missing = rules.keys.filter { !SourceReader.exists(data, pointer: $0) }
                if missing.isEmpty {
                    reasons.append("\(document.path): has the keys \(rules.keys.joined(separator: ", "))")
                    return (true, reasons)
                }
                reasons.append("\(document.path): lacks \(missing.joined(separator: ", "))")
            }
        }
        return (false, reasons)
    }

    // MARK: - Import

    public func run(_ export: ExportReader, format: String, into sink: RecordSink) throws {
        let documents = ExportDocument.list(export)
        let distinct = DistinctRows(sink)
        var covered = Set<String>()
        for source in mapping.sources {
            let matching = documents.filter { Glob.matches(any: source.files, path: $0.path) && $0.kind != .media }
            if matching.isEmpty {
                sink.skipped(section: source.name, reason: "no file of the export matches \(source.files.joined(separator: ", "))")
            }
            for document in matching {
                covered.insert(document.path)
                var builder = MappingRecordBuilder(mapping: mapping, export: export, document: document)
                var records = 0, unselected = 0
                var counted = [Int](repeating: 0, count: source.countChecks.count)
                defer { distinct.source = nil }
                let outline = try SourceReader(export: export, source: source, document: document).forEach { record in
                    records += 1
                    if !source.rules.contains(where: { builder.selects($0, record) }) { unselected += 1 }
                    for (k, check) in source.countChecks.enumerated() where check.when.allSatisfy({ builder.matches($0, record) }) { counted[k] += 1 }
                    distinct.source = record.isTable ? record.cells : [JSONWriter.string(record.raw)]
                    for rule in source.rules { try builder.emit(record, rule: rule, into: distinct) }
                }
                if let search = source.findHeader, !outline.headerFound {
                    sink.skipped(section: document.path, reason: "no row holding the columns \(search.columns.joined(separator: ", ")) in the first \(search.within) rows")
                    continue
                }
                report(builder, records: records, document: document, into: sink)
                if unselected > 0 {
                    sink.skipped(section: document.path, reason: "\(unselected) record(s) met no rule's when and became nothing")
                }
                checkCounts(source, counted: counted, preamble: outline.preamble, document: document, into: sink)
            }
        }
        // Files the mapping does not describe are what a person would want to know about.
        for document in documents where !covered.contains(document.path) && [.json, .csv, .xlsx].contains(document.kind) {
            sink.skipped(section: document.path, reason: "not described by the mapping \(mapping.name)")
        }
    }

    /// Compares what the bill says it holds with what was read. Only counts are named: the
    /// stated totals are amounts of the person's money and stay out of messages.
    private func checkCounts(_ source: Mapping.Source, counted: [Int], preamble: [String], document: ExportDocument, into sink: RecordSink) {
        for (k, check) in source.countChecks.enumerated() {
            guard let text = preamble.lazy.compactMap({ check.pattern.firstCapture($0) }).first else {
                sink.skipped(section: document.path, reason: "the count of \(check.label) is not stated above the header; not checked")
                continue
            }
            guard let stated = Int(text.filter(\.isNumber)) else { continue }
            if stated != counted[k] {
                sink.skipped(section: document.path, reason: "the bill states \(stated) \(check.label) but \(counted[k]) were read: it may be cut or edited")
            }
        }
    }

    private func report(_ builder: MappingRecordBuilder, records: Int, document: ExportDocument, into sink: RecordSink) {
        if records == 0 { sink.skipped(section: document.path, reason: "no records found (check header_row, sheet or records)") }
        for (field, count) in builder.unreadable.sorted(by: { $0.key < $1.key }) {
            sink.skipped(section: document.path, reason: "\(count) value(s) of \(field) could not be read")
        }
        if builder.skippedByCondition > 0 {
            sink.skipped(section: document.path, reason: "\(builder.skippedByCondition) record(s) left out by skip_when")
        }
    }
}
