import AccountModel
import Foundation

/// Runs an importer and the database inserts of its records at the same time, on two threads:
/// the importer (reading, parsing, preparing rows) on a new thread, the inserts on the calling
/// one, which holds the database connection. They meet in a bounded queue of batches (bounded
/// in records and in bytes), so memory stays flat whatever the export's size. Every record goes through the queue in the
/// order the importer gave it.
///
/// An item with media is the one synchronous step: the importer waits until the database thread
/// has inserted it and copied its files, because both read the same export file, and the
/// export reader serves one reader at a time.
enum RecordPipeline {
    /// Records per batch: large enough that threads rarely meet.
    static let batchSize = 256
    /// A batch is handed over sooner once its text reaches this size, so that exports of
    /// large records (long posts, big raw objects) keep the queue within `capacity` × 4 MiB.
    static let batchBytes = 4 << 20
    /// Batches in flight before the importer waits for the inserts.
    static let capacity = 16

    static func isFull(_ batch: RowBatch) -> Bool {
        batch.count >= batchSize || batch.bytes.count >= batchBytes
    }

    /// Runs `body` on a producer thread and feeds what it emits to `consume`; returns when both
    /// are done. The first error of either side is thrown, after the producer thread has ended.
    static func run(sourceExportID: Int64, _ body: (RecordSink) throws -> Void,
                    consume: (RowBatch) throws -> Void) throws {
        // The producer thread ends before this function returns (waitForProducer), so `body`
        // does not outlive the call.
        try withoutActuallyEscaping(body) { body in
            try run(sourceExportID: sourceExportID, escaping: body, consume: consume)
        }
    }

    private static func run(sourceExportID: Int64, escaping body: @escaping (RecordSink) throws -> Void,
                            consume: (RowBatch) throws -> Void) throws {
        let queue = BatchQueue()
        let sink = PipelineSink(queue: queue, sourceExportID: sourceExportID)
        let work = ProducerWork(body: body, sink: sink)
        let producer = Thread {
            var failure: Error?
            do {
                try work.body?(work.sink)
                try work.sink.flush()
            } catch {
                failure = error
            }
            // Released before the caller wakes: `body` is only borrowed (withoutActuallyEscaping).
            work.body = nil
            queue.finish(error: failure)
        }
        // Importers recurse into nested JSON (up to 256 levels) and XML; give them a main-thread-sized stack.
        producer.stackSize = 8 << 20
        producer.start()

        var consumerError: Error?
        while let batch = queue.next() {
            do {
                try consume(batch)
                queue.processed()
            } catch {
                consumerError = error
                queue.cancel()
                break
            }
        }
        let producerError = queue.waitForProducer()
        if let error = consumerError ?? producerError { throw error }
    }
}

/// The importer's side: prepares each record into the current batch and hands full batches
/// to the queue.
private final class PipelineSink: RecordSink {
    private let queue: BatchQueue
    private let sourceExportID: Int64
    private var batch: RowBatch

    init(queue: BatchQueue, sourceExportID: Int64) {
        self.queue = queue
        self.sourceExportID = sourceExportID
        batch = RowBatch(sourceExportID: sourceExportID, capacity: RecordPipeline.batchSize)
    }

    func add(_ item: Item) throws {
        batch.append(item)
        if !item.media.isEmpty {
            try flush()
            try queue.waitUntilProcessed()
        } else {
            try flushIfFull()
        }
    }

    func add(_ activity: Activity) throws {
        batch.append(activity)
        try flushIfFull()
    }

    func add(_ inference: Inference) throws {
        batch.append(inference)
        try flushIfFull()
    }

    func add(_ identity: IdentityFact) throws {
        batch.append(identity)
        try flushIfFull()
    }

    func skipped(section: String, reason: String) {
        batch.appendWarning("skipped \(section): \(reason)")
        // Cannot throw: if the inserts have failed, the next add or the final flush reports it.
        try? flushIfFull()
    }

    func flush() throws {
        guard batch.count > 0 else { return }
        let full = batch
        batch = RowBatch(sourceExportID: sourceExportID, capacity: RecordPipeline.batchSize)
        try queue.push(full)
    }

    private func flushIfFull() throws {
        if RecordPipeline.isFull(batch) { try flush() }
    }
}

/// The bounded hand-over between the two threads.
private final class BatchQueue: @unchecked Sendable {
    /// Thrown to the importer when the inserts failed; the insert error is what gets reported.
    struct Cancelled: Error {}

    private let condition = NSCondition()
    private var batches: [RowBatch] = []
    private var head = 0
    private var pushed = 0
    private var processedCount = 0
    private var finished = false
    private var cancelled = false
    private var producerError: Error?

    func push(_ batch: RowBatch) throws {
        condition.lock()
        defer { condition.unlock() }
        while batches.count - head >= RecordPipeline.capacity && !cancelled { condition.wait() }
        if cancelled { throw Cancelled() }
        if head > RecordPipeline.capacity {
            batches.removeFirst(head)
            head = 0
        }
        batches.append(batch)
        pushed += 1
        condition.broadcast()
    }

    /// The importer waits here until every batch pushed so far has been inserted.
    func waitUntilProcessed() throws {
        condition.lock()
        defer { condition.unlock() }
        while processedCount < pushed && !cancelled { condition.wait() }
        if cancelled { throw Cancelled() }
    }

    /// The next batch for the database thread; nil once the importer has finished and
    /// everything is taken.
    func next() -> RowBatch? {
        condition.lock()
        defer { condition.unlock() }
        while head == batches.count && !finished { condition.wait() }
        // After an importer error the transaction is rolled back: inserting the rest is waste.
        guard head < batches.count, producerError == nil else { return nil }
        let batch = batches[head]
        batches[head] = RowBatch(sourceExportID: batch.sourceExportID, capacity: 0)
        head += 1
        condition.broadcast()
        return batch
    }

    func processed() {
        condition.lock()
        processedCount += 1
        condition.broadcast()
        condition.unlock()
    }

    func cancel() {
        condition.lock()
        cancelled = true
        condition.broadcast()
        condition.unlock()
    }

    func finish(error: Error?) {
        condition.lock()
        finished = true
        producerError = error
        condition.broadcast()
        condition.unlock()
    }

    /// Blocks until the producer thread has returned; its error, unless it only stopped
    /// because the inserts failed.
    func waitForProducer() -> Error? {
        condition.lock()
        defer { condition.unlock() }
        while !finished { condition.wait() }
        return producerError is Cancelled ? nil : producerError
    }
}

/// What the producer thread runs. Unchecked: the thread is the only user of both until it
/// ends, and the caller waits for that.
private final class ProducerWork: @unchecked Sendable {
    var body: ((RecordSink) throws -> Void)?
    let sink: PipelineSink
    init(body: @escaping (RecordSink) throws -> Void, sink: PipelineSink) {
        self.body = body
        self.sink = sink
    }
}
