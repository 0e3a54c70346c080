import AccountModel
import Readers

/// Reddit's "Request a copy of your data" (GDPR) export: a flat zip of CSV files, one per kind of
/// record (`posts.csv`, `comments.csv`, `post_votes.csv` …). Large files are split into
/// `post_votes_1.csv`, `post_votes_2.csv`; each part is read like the whole. Files may start with
/// a BOM (`CSVReader` drops it). What is mapped is the table in `RedditFiles`.
///
/// Times: Reddit writes `2021-03-04 05:06:07 UTC`; the `UTC` makes them `exact`. A `date`
/// without the suffix is read as UTC (`naive_utc`), because that is the export's only zone.
public struct RedditImporter: Importer {
    public let name = "reddit"
    public let platform = Platform.reddit
    public let version = "1"

    public init() {}

    public func recognize(_ export: ExportReader) -> Recognition {
        RedditRecognizer.recognize(export)
    }

    public func run(_ export: ExportReader, format: String, into sink: RecordSink) throws {
        let context = RedditContext(sink: sink)
        var messageFiles: [ExportEntry] = []
        // The owner's name (statistics.csv) must be known before messages are sorted into sent
        // and received, so statistics are read first and messages last.
        let ordered = export.entries.sorted { RedditFiles.readOrder($0) < RedditFiles.readOrder($1) }
        for entry in ordered {
            let stem = RedditFiles.stem(of: entry)
            if let build = RedditFiles.builders[stem] {
                var rows = 0
                try export.forEachCSVRecord(entry) { rows += 1; try build($0, context) }
                if rows == 0 { sink.skipped(section: entry.path, reason: "no rows: the file holds only its header") }
            } else if RedditFiles.messageStems.contains(stem) {
                messageFiles.append(entry)
            } else {
                sink.skipped(section: entry.path, reason: RedditFiles.skipReason(stem: stem, entry: entry))
            }
        }
        try RedditMessages.run(messageFiles, export: export, context: context)
        context.dropped.report(to: sink)
    }
}

/// Cheap recognition from file names; only when no name is Reddit's own does it peek at the
/// header of `posts.csv` or `comments.csv` (YouTube's comments file shares that name).
enum RedditRecognizer {
    static let format = "reddit-gdpr-csv"

    static func recognize(_ export: ExportReader) -> Recognition {
        let stems = Set(export.entries.filter { $0.name.lowercased().hasSuffix(".csv") }.map(RedditFiles.stem))
        switch stems.intersection(RedditFiles.distinctiveStems).count {
        case 0: break
        case 1: return Recognition(confidence: 0.6, format: format)
        case 2: return Recognition(confidence: 0.8, format: format)
        default: return Recognition(confidence: 0.95, format: format)
        }
        for entry in export.entries(named: ["posts.csv", "comments.csv"]) {
            if let header = try? export.csvHeader(entry), header.contains("permalink"), header.contains("subreddit") {
                return Recognition(confidence: 0.7, format: format)
            }
        }
        return .no
    }
}
