import AccountModel
import Crypto

/// Rows prepared on the importer's thread, ready for the database thread to bind.
///
/// Preparing is half the work of an import (serializing `raw`, digests for keys and hashes)
/// and needs no database, so it runs while the database thread inserts the
/// batch before (see RecordPipeline). A batch is flat: the text of all its rows in one byte
/// buffer and each parameter a plain value pointing into it, so handing it over allocates
/// nothing per string and SQLite binds pointers into the buffer without copying.
struct RowBatch {
    enum Table { case item, activity, inference, identity }

    /// Where an item's title and text are among its parameters (for its search row).
    static let itemTitle = 7, itemText = 8

    /// One statement parameter. `text` is a range of `bytes`.
    enum Parameter {
        case null
        case int(Int64)
        case double(Double)
        case text(start: Int, count: Int)
    }

    struct Row {
        var table: Table
        /// The record's kind (or identity field), for the import report's tallies.
        var kind: String
        /// Where this row's parameters start in `parameters` (the table's INSERT parameters).
        var firstParameter: Int
        var media: [MediaReference]
    }

    enum Entry {
        case row(Row)
        case warning(String)
    }

    var bytes: [UInt8] = []
    var parameters: [Parameter] = []
    var entries: [Entry] = []
    let sourceExportID: Int64
    /// Scratch for the fields a natural key digests.
    private var keyMaterial: [UInt8] = []

    init(sourceExportID: Int64, capacity: Int) {
        self.sourceExportID = sourceExportID
        entries.reserveCapacity(capacity)
        parameters.reserveCapacity(capacity * 16)
        bytes.reserveCapacity(capacity * 512)
    }

    var count: Int { entries.count }

    mutating func append(_ item: Item) {
        let first = parameters.count
        text(item.platform.rawValue)
        text(item.kind.rawValue)
        let naturalKey = parameters.count
        parameters.append(.null) // filled below: the native id, or a digest of the content
        text(item.nativeID)
        text(item.url)
        text(item.createdAt?.utc)
        text(item.createdAt?.basis.rawValue)
        text(item.title)
        text(item.text)
        text(item.counterpart)
        let contentHash = parameters.count
        parameters.append(.null) // filled below, once raw is written
        let rawStart = bytes.count
        if let rawJSON = item.rawJSON { bytes.append(contentsOf: rawJSON) } else { JSONWriter.append(item.raw, to: &bytes) }
        parameters.append(.text(start: rawStart, count: bytes.count - rawStart))
        let hash = bytes.withUnsafeBufferPointer { SHA256.hash(data: UnsafeRawBufferPointer(UnsafeBufferPointer(rebasing: $0[rawStart...]))) }
        parameters[contentHash] = hex(hash)
        parameters.append(.int(sourceExportID))
        text(item.locator.description)
        number(item.durationSeconds)
        // The native id is the key when there is one: its text is already the next parameter.
        parameters[naturalKey] = item.nativeID == nil
            ? digestKey(prefix: "h:", [item.createdAt?.utc, item.url, item.title, item.text, item.counterpart])
            : parameters[naturalKey + 1]
        entries.append(.row(Row(table: .item, kind: item.kind.rawValue, firstParameter: first, media: item.media)))
    }

    mutating func append(_ activity: Activity) {
        let first = parameters.count
        // The detail's JSON goes straight into the buffer; the key digests it from there.
        var detail: Parameter = .null
        if let value = activity.detail {
            let start = bytes.count
            JSONWriter.append(value, to: &bytes)
            detail = .text(start: start, count: bytes.count - start)
        }
        text(activity.platform.rawValue)
        text(activity.kind.rawValue)
        // Time first: exports list events in time order, so keys that start with the time
        // insert next to each other in the unique index instead of at random pages.
        parameters.append(digestKey(prefix: (activity.occurredAt?.utc ?? "-") + "#",
                                    [activity.occurredAt?.utc, activity.url, activity.text, activity.amount], then: detail))
        text(activity.occurredAt?.utc)
        text(activity.occurredAt?.basis.rawValue)
        text(activity.url)
        text(activity.text)
        number(activity.durationSeconds)
        text(activity.amount)
        text(activity.currency)
        parameters.append(detail)
        parameters.append(.int(sourceExportID))
        text(activity.locator.description)
        entries.append(.row(Row(table: .activity, kind: activity.kind.rawValue, firstParameter: first, media: [])))
    }

    mutating func append(_ inference: Inference) {
        appendFact(.inference, inference.platform, kind: inference.kind.rawValue, inference.label, inference.locator)
    }

    mutating func append(_ identity: IdentityFact) {
        appendFact(.identity, identity.platform, kind: identity.field, identity.value, identity.locator)
    }

    /// Inferences and identity facts bind the same five columns: platform, kind (or field),
    /// label (or value), source, locator.
    private mutating func appendFact(_ table: Table, _ platform: Platform, kind: String, _ value: String, _ locator: Locator) {
        let first = parameters.count
        text(platform.rawValue)
        text(kind)
        text(value)
        parameters.append(.int(sourceExportID))
        text(locator.description)
        entries.append(.row(Row(table: table, kind: kind, firstParameter: first, media: [])))
    }

    mutating func appendWarning(_ warning: String) {
        entries.append(.warning(warning))
    }

    // MARK: - Writing parameters

    private mutating func text(_ value: String?) {
        parameters.append(value.map { textParameter($0) } ?? .null)
    }

    /// Copies `value` into `bytes`; the parameter that points at it.
    private mutating func textParameter(_ value: String) -> Parameter {
        let start = bytes.count
        var value = value
        value.withUTF8 { bytes.append(contentsOf: $0) }
        return .text(start: start, count: bytes.count - start)
    }

    private mutating func number(_ value: Double?) {
        parameters.append(value.map(Parameter.double) ?? .null)
    }

    private mutating func hex<S: Sequence>(_ digest: S) -> Parameter where S.Element == UInt8 {
        let start = bytes.count
        appendHex(digest)
        return .text(start: start, count: bytes.count - start)
    }

    private mutating func appendHex<S: Sequence>(_ digest: S) where S.Element == UInt8 {
        Hex.append(digest, to: &bytes)
    }

    /// `prefix` + 128 bits of SHA-256 over the fields, then `last` (text already in the
    /// buffer), each followed by a separator so ("ab", "c") ≠ ("a", "bc") and nil ≠ "".
    /// The fields are gathered in `keyMaterial` and hashed in one call: a streaming hasher
    /// allocated a context per update and per finalize, a third of the cost for short fields.
    private mutating func digestKey(prefix: String, _ fields: [String?], then last: Parameter? = nil) -> Parameter {
        keyMaterial.removeAll(keepingCapacity: true)
        for field in fields {
            if var field { field.withUTF8 { keyMaterial.append(contentsOf: $0) } }
            keyMaterial.append(field == nil ? 0x00 : 0x1F)
        }
        switch last {
        case .text(let start, let count)?:
            keyMaterial.append(contentsOf: bytes[start..<(start + count)])
            keyMaterial.append(0x1F)
        case .some:
            keyMaterial.append(0x00)
        case nil:
            break
        }
        let digest = keyMaterial.withUnsafeBytes { SHA256.hash(data: $0) }
        let start = bytes.count
        var prefix = prefix
        prefix.withUTF8 { bytes.append(contentsOf: $0) }
        appendHex(digest.prefix(16))
        return .text(start: start, count: bytes.count - start)
    }

}
