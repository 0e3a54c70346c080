import AccountModel
import Readers

/// How sure an importer is that an export is its own, and which generation of the format it is.
public struct Recognition: Sendable, Equatable {
    /// 0 = not mine; 1 = certainly mine. Judged from file names and a few keys only.
    public var confidence: Double
    /// The format generation, recorded with the source export (`tiktok-json-2024`).
    public var format: String

    public init(confidence: Double, format: String) {
        self.confidence = confidence
        self.format = format
    }

    public static let no = Recognition(confidence: 0, format: "")
}

/// A data source: one per platform (or per mapping file). Importers read through the
/// `ExportReader` and yield records to the sink; they never touch the database.
public protocol Importer: Sendable {
    /// Stable name shown in reports and stored with each import (`tiktok`).
    var name: String { get }
    var platform: Platform { get }
    /// Bumped when the importer maps records differently; stored as provenance.
    var version: String { get }
    /// Cheap: looks at entry names and at most a few small documents.
    func recognize(_ export: ExportReader) -> Recognition
    func run(_ export: ExportReader, format: String, into sink: RecordSink) throws
}
