import AccountModel
import Foundation
import Readers

/// A sink that keeps counts and the first few records of each kind, for `pda mapping check`:
/// what a mapping would import, shown to the person who owns the export, with nothing written.
public final class MappingDryRun: RecordSink {
    public private(set) var counts: [String: Int] = [:]
    public private(set) var samples: [JSONValue] = []
    public private(set) var skipped: [(section: String, reason: String)] = []
    private var sampled: [String: Int] = [:]
    private let samplesPerKind: Int

    public init(samplesPerKind: Int = 3) { self.samplesPerKind = samplesPerKind }

    public func add(_ item: Item) throws {
        keep("item", item.kind.rawValue, [
            ("native_id", item.nativeID), ("time", item.createdAt?.utc), ("time_basis", item.createdAt?.basis.rawValue),
            ("title", item.title), ("text", item.text), ("url", item.url), ("target", item.counterpart),
            ("media", item.media.isEmpty ? nil : String(item.media.count)), ("locator", item.locator.description),
        ])
    }

    public func add(_ activity: Activity) throws {
        keep("activity", activity.kind.rawValue, [
            ("time", activity.occurredAt?.utc), ("time_basis", activity.occurredAt?.basis.rawValue), ("text", activity.text),
            ("url", activity.url), ("amount", activity.amount), ("currency", activity.currency),
            ("duration", activity.durationSeconds.map { String($0) }),
            ("detail", activity.detail.map { JSONWriter.string($0) }), ("locator", activity.locator.description),
        ])
    }

    public func add(_ inference: Inference) throws {
        keep("inference", inference.kind.rawValue, [("label", inference.label), ("locator", inference.locator.description)])
    }

    public func add(_ identity: IdentityFact) throws {
        keep("identity", identity.field, [("value", identity.value), ("locator", identity.locator.description)])
    }

    public func skipped(section: String, reason: String) { skipped.append((section, reason)) }

    private func keep(_ group: String, _ kind: String, _ fields: [(String, String?)]) {
        let key = "\(group) \(kind)"
        counts[key, default: 0] += 1
        guard sampled[key, default: 0] < samplesPerKind else { return }
        sampled[key, default: 0] += 1
        samples.append(.obj([("record", .string(group)), ("kind", .string(kind))] + fields.compactMap { name, value in value.map { (name, .string($0)) } }))
    }

    public var json: JSONValue {
        .obj([
            ("counts", .object(counts.keys.sorted().map { .init($0, .int(counts[$0] ?? 0)) })),
            ("samples", .array(samples)),
            ("skipped", .array(skipped.map { .obj([("section", .string($0.section)), ("reason", .string($0.reason))]) })),
        ])
    }
}
