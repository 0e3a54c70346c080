import AccountModel
import Readers

/// TikTok's "Download your data" export: `user_data_tiktok.json` / `user_data.json` in every
/// key layout found in the wild (see `TikTokSections`), or the TXT variant.
///
/// Times: TikTok writes `YYYY-MM-DD HH:MM:SS` in UTC without a zone; they are stored as
/// `naive_utc`. The ` UTC`-suffixed times of 2025 comments and epoch `RawTime`s are `exact`.
public struct TikTokImporter: Importer {
    public let name = "tiktok"
    public let platform = Platform.tiktok
    public let version = "1"

    public init() {}

    public func recognize(_ export: ExportReader) -> Recognition {
        TikTokRecognizer.recognize(export)
    }

    public func run(_ export: ExportReader, format: String, into sink: RecordSink) throws {
        let state = TikTokImportState(sink: sink)
        let documents = export.entries(named: TikTokRecognizer.jsonNames)
        if format == TikTokFormat.txt || documents.isEmpty {
            return try TikTokTextExport.run(export, into: state)
        }
        for document in documents {
            try export.withJSONStream(document) { reader in
                let walker = TikTokJSONWalker(entry: document.path, state: state)
                guard try walker.walk(&reader) else { throw export.malformed(document, "the document is not a JSON object") }
            }
            try TikTokMessages.finish(state)
        }
        for entry in export.entries where !documents.contains(entry) {
            sink.skipped(section: entry.path, reason: "not read: not part of the JSON export")
        }
        state.reportDropped()
    }
}
