import AccountModel
import Readers

/// What one run of a Meta importer knows while it walks an export: where records go, which
/// media files exist and were used, and what was dropped (reported as counts, never values).
final class MetaContext {
    let platform: Platform
    let sink: RecordSink
    private let media: MetaMediaIndex
    /// Export entries already attached to a post: albums list the same photos again.
    private(set) var mediaInPosts: Set<String> = []
    /// Records dropped because they held nothing usable, by section and reason.
    private var dropped: [String: [String: Int]] = [:]

    init(platform: Platform, sink: RecordSink, export: ExportReader) {
        self.platform = platform
        self.sink = sink
        media = MetaMediaIndex(export)
    }

    // MARK: - Emitting

    func item(_ kind: ItemKind, at time: RecordTime?, title: String? = nil, text: String? = nil, counterpart: String? = nil,
              media: [MediaReference] = [], raw: JSONValue, locator: Locator) throws {
        try sink.add(Item(platform: platform, kind: kind, createdAt: time, title: title, text: text,
                          counterpart: counterpart, raw: raw, media: media, locator: locator))
    }

    /// An activity, unless it says nothing at all (no time, link or text): then it is counted.
    func activity(_ kind: ActivityKind, at time: RecordTime?, url: String? = nil, text: String? = nil,
                  duration: Double? = nil, detail: [(String, String?)] = [], locator: Locator) throws {
        guard time != nil || url != nil || text != nil else { return drop(locator) }
        let pairs = detail.compactMap { key, value in value.map { (key, JSONValue.string($0)) } }
        try sink.add(Activity(platform: platform, kind: kind, occurredAt: time, url: url, text: text,
                              durationSeconds: duration, detail: pairs.isEmpty ? nil : .obj(pairs), locator: locator))
    }

    func inference(_ kind: InferenceKind, _ label: String?, locator: Locator) throws {
        guard let label else { return drop(locator) }
        try sink.add(Inference(platform: platform, kind: kind, label: label, locator: locator))
    }

    func identity(_ field: String, _ value: String?, locator: Locator) throws {
        guard let value else { return }
        try sink.add(IdentityFact(platform: platform, field: field, value: value, locator: locator))
    }

    // MARK: - Media

    /// The export entry a record's `uri` names, counted as used; `nil` (and counted as
    /// missing) when the export does not hold it, as in "no media" downloads.
    func media(_ uri: String?, from locator: Locator) -> MediaReference? {
        media.resolve(uri, from: locator.entry)
    }

    func noteInPost(_ references: [MediaReference]) { mediaInPosts.formUnion(references.map(\.entry)) }

    // MARK: - Drops and the end of the run

    func drop(_ locator: Locator, reason: String = "held no time, text or link") {
        dropped[Self.section(of: locator), default: [:]][reason, default: 0] += 1
    }

    /// Reports drops, media named but absent, and export files no record used.
    func finish(otherFiles: [ExportEntry]) {
        for (section, reasons) in dropped.sorted(by: { $0.key < $1.key }) {
            for (reason, count) in reasons.sorted(by: { $0.key < $1.key }) {
                sink.skipped(section: section, reason: "\(count) entries \(reason) and were not recorded")
            }
        }
        media.report(to: sink, otherFiles: otherFiles)
    }

    /// The locator of the list a record belongs to (its pointer without the last token).
    static func section(of locator: Locator) -> String {
        guard let pointer = locator.pointer, let slash = pointer.lastIndex(of: "/") else { return locator.entry }
        let parent = pointer[..<slash]
        return parent.isEmpty ? locator.entry : "\(locator.entry)#\(parent)"
    }
}
