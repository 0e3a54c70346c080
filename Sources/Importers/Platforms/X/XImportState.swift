import AccountModel
import Readers

/// Turns one record of a data file (the object inside its `{"tweet": …}` wrapper) into account
/// records. Builders never throw for missing fields: a record without what makes it a record
/// is dropped and counted.
typealias XBuild = @Sendable (JSONValue, Locator, XImportState) throws -> Void

/// What one run of the importer knows while it reads an archive.
final class XImportState {
    let sink: RecordSink
    /// From `account.js` or the manifest, read before anything else: the owner's id tells the
    /// owner's direct messages from the others', the username makes post URLs.
    var ownerID: String?
    var ownerUsername: String?
    let media: XMediaIndex
    /// The record being built and where its text is, set by XDataReader around each builder
    /// call, so an item's `raw` can be the archive's own bytes (see `recordJSON`).
    var recordSource: (reader: JSONReader, range: Range<Int>)?
    /// Inferences already sent: an ads file names the same advertiser thousands of times.
    private var inferred: Set<String> = []
    /// Counts reported at the end, by section and reason (never values).
    private var notes: [String: [String: Int]] = [:]

    init(sink: RecordSink, media: XMediaIndex) {
        self.sink = sink
        self.media = media
    }

    func add(_ item: Item) throws { try sink.add(item) }

    /// The current record as compact JSON text from the archive's bytes: serializing the parsed
    /// tree again cost 0.19 s of a 100,000-tweet import.
    func recordJSON() -> [UInt8]? {
        recordSource.map { $0.reader.compactText(of: $0.range) }
    }

    func activity(_ kind: ActivityKind, at time: RecordTime?, url: String? = nil, text: String? = nil,
                  detail: [(String, String?)] = [], locator: Locator) throws {
        let pairs = detail.compactMap { key, value in value.map { (key, JSONValue.string($0)) } }
        try sink.add(Activity(platform: .x, kind: kind, occurredAt: time, url: url, text: text,
                              detail: pairs.isEmpty ? nil : .obj(pairs), locator: locator))
    }

    func identity(_ field: String, _ value: String, locator: Locator) throws {
        try sink.add(IdentityFact(platform: .x, field: field, value: value, locator: locator))
    }

    func inference(_ kind: InferenceKind, _ label: String, locator: Locator) throws {
        try sink.add(Inference(platform: .x, kind: kind, label: label, locator: locator))
    }

    /// An inference sent once per import, at its first locator.
    func once(_ kind: InferenceKind, _ label: String, locator: Locator) throws {
        guard inferred.insert(kind.rawValue + "\u{1F}" + label).inserted else { return }
        try inference(kind, label, locator: locator)
    }

    /// Counts a record that was not recorded; reported once per section and reason.
    func note(_ section: String, _ reason: String) {
        notes[section, default: [:]][reason, default: 0] += 1
    }

    func reportNotes() {
        for (section, reasons) in notes.sorted(by: { $0.key < $1.key }) {
            for (reason, count) in reasons.sorted(by: { $0.key < $1.key }) {
                sink.skipped(section: section, reason: "\(count) \(reason)")
            }
        }
        notes.removeAll()
    }
}
