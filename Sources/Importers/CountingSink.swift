import AccountModel

/// Passes records on and counts them for the progress display (counts only, never values).
/// Counted in batches: the lock of `WorkProgress` per record would cost more than the record.
final class CountingSink: RecordSink {
    private let inner: RecordSink
    private let progress: WorkProgress
    private var pending = 0

    init(_ inner: RecordSink, progress: WorkProgress) {
        self.inner = inner
        self.progress = progress
    }

    func add(_ item: Item) throws { try inner.add(item); count() }
    func add(_ activity: Activity) throws { try inner.add(activity); count() }
    func add(_ inference: Inference) throws { try inner.add(inference); count() }
    func add(_ identity: IdentityFact) throws { try inner.add(identity); count() }
    func skipped(section: String, reason: String) { inner.skipped(section: section, reason: reason) }

    /// Hands over what is still counted here.
    func flush() {
        if pending > 0 { progress.add(count: pending) }
        pending = 0
    }

    private func count() {
        pending += 1
        if pending >= 1024 { flush() }
    }
}
