import AccountModel
import Crypto
import Foundation
import Readers

/// Keeps rows that an importer turns into identical records apart when the export wrote them
/// differently. An Amazon order can ship one item (same order, ASIN, price and date) in two
/// shipments: two rows that differ only in ship date and tracking number, which the purchase
/// record does not keep. Both are real money; the natural key made of the kept fields would
/// store one and call the other "already present".
///
/// The first row of a record keeps its usual key, so accounts imported before stay
/// idempotent; each further *different* row with the same record gets `detail.repeat = n`
/// (2, 3 …), which gives it a key of its own, stable across re-imports of exports that list the
/// rows in the same order. A row written twice byte for byte is the platform repeating itself
/// and still collapses into one record.
///
/// Activity only (purchases, searches, votes …), where repeated rows are real.
/// Per export, for table-shaped sources and mapped records, whose rows number in
/// the thousands; memory is two 16-byte digests per row.
final class DistinctRows: RecordSink {
    private let inner: RecordSink
    /// The content of the source row (or record) being turned into records now; set by the
    /// importer for each one, nil outside rows.
    var source: [String]?
    private var rowsByRecord: [Digest16: [Digest16]] = [:]

    init(_ inner: RecordSink) { self.inner = inner }

    /// Items from tables are reviews and notes, keyed by their text and time: two different
    /// rows with the same text at the same moment are not a case seen in any export.
    func add(_ item: Item) throws { try inner.add(item) }

    func add(_ activity: Activity) throws {
        var activity = activity
        let detail = activity.detail.map { JSONWriter.string($0) }
        if let n = occurrence(of: [activity.kind.rawValue, activity.occurredAt?.utc, activity.url, activity.text, activity.amount, detail]) {
            activity.detail = Self.marked(activity.detail ?? .obj([]), repeat: n)
        }
        try inner.add(activity)
    }

    func add(_ inference: Inference) throws { try inner.add(inference) }
    func add(_ identity: IdentityFact) throws { try inner.add(identity) }
    func skipped(section: String, reason: String) { inner.skipped(section: section, reason: reason) }

    /// `nil` for the first row that makes this record (and for exact repeats of a row seen);
    /// 2, 3 … for the second, third … different row.
    private func occurrence(of fields: [String?]) -> Int? {
        guard let source = source.map({ Digest16($0.map(Optional.some)) }) else { return nil }
        let record = Digest16(fields)
        var rows = rowsByRecord[record, default: []]
        if let index = rows.firstIndex(of: source) { return index == 0 ? nil : index + 1 }
        rows.append(source)
        rowsByRecord[record] = rows
        return rows.count == 1 ? nil : rows.count
    }

    private static func marked(_ value: JSONValue, repeat n: Int) -> JSONValue {
        guard case .object(var members) = value else { return value }
        members.append(.init("repeat", .string(String(n))))
        return .object(members)
    }
}

/// The first 128 bits of SHA-256 over fields, each ended by a separator (nil ≠ "").
struct Digest16: Hashable {
    let high: UInt64, low: UInt64

    init(_ fields: [String?]) {
        var bytes: [UInt8] = []
        for field in fields {
            if let field { bytes.append(contentsOf: field.utf8); bytes.append(0x1F) } else { bytes.append(0x1E) }
        }
        let digest = Array(SHA256.hash(data: bytes))
        high = digest[0..<8].reduce(0) { $0 << 8 | UInt64($1) }
        low = digest[8..<16].reduce(0) { $0 << 8 | UInt64($1) }
    }
}
