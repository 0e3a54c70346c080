import AccountModel

/// A `RecordSink` that keeps everything in memory, for tests.
final class RecordCollector: RecordSink {
    var items: [Item] = []
    var activities: [Activity] = []
    var inferences: [Inference] = []
    var identities: [IdentityFact] = []
    var skips: [(section: String, reason: String)] = []

    func add(_ item: Item) throws { items.append(item) }
    func add(_ activity: Activity) throws { activities.append(activity) }
    func add(_ inference: Inference) throws { inferences.append(inference) }
    func add(_ identity: IdentityFact) throws { identities.append(identity) }
    func skipped(section: String, reason: String) { skips.append((section, reason)) }

    func items(_ kind: ItemKind) -> [Item] { items.filter { $0.kind == kind } }
    func activities(_ kind: ActivityKind) -> [Activity] { activities.filter { $0.kind == kind } }
    func inferences(_ kind: InferenceKind) -> [Inference] { inferences.filter { $0.kind == kind } }

    /// Counts by vocabulary word, e.g. `["watch": 5, "video": 2]`, for one exact comparison.
    var countsByKind: [String: Int] {
        var counts: [String: Int] = [:]
        for item in items { counts[item.kind.rawValue, default: 0] += 1 }
        for activity in activities { counts[activity.kind.rawValue, default: 0] += 1 }
        for inference in inferences { counts[inference.kind.rawValue, default: 0] += 1 }
        if !identities.isEmpty { counts["identity"] = identities.count }
        return counts
    }

    func identity(_ field: String) -> [String] { identities.filter { $0.field == field }.map(\.value) }

    /// Skip notes whose section ends with `suffix` (sections are `entry#pointer` or `entry`).
    func skips(endingWith suffix: String) -> [String] {
        skips.filter { $0.section.hasSuffix(suffix) }.map(\.reason)
    }
}
