import AccountModel
import Foundation

extension ExportReader {
    /// Reads a JSON entry as it inflates and hands a streaming pull reader to `body`: memory
    /// holds the record being read, not the document (a TikTok export's watch history runs to
    /// hundreds of MB). Syntax errors become `ImportError.malformed` naming the file and entry,
    /// as in `withJSON`.
    public func withJSONStream<T>(_ entry: ExportEntry, options: JSONOptions = JSONOptions(),
                                  _ body: (inout JSONStreamReader) throws -> T) throws -> T {
        let pipe = ChunkPipe()
        let work = ChunkWork(export: self, entry: entry, limit: limits.maxDocumentBytes, pipe: pipe)
        let producer = Thread { work.run() }
        producer.start()
        defer { pipe.close() }
        let progress = self.progress
        progress?.begin(entry.name, bytes: entry.size)
        do {
            var reader = JSONStreamReader(options: options) {
                let chunk = try pipe.next()
                progress?.add(bytes: chunk?.count ?? 0)
                return chunk
            }
            let result = try body(&reader)
            try reader.expectEnd()
            return result
        } catch let error as JSONSyntaxError {
            throw ImportError.malformed(file: file(of: entry), entry: entry.path, reason: error.localizedDescription)
        }
    }
}

/// The inflating side of `withJSONStream`: streams the entry into the pipe on its own thread,
/// on its own archive handle (the importer may meanwhile copy media through the reader).
private final class ChunkWork: @unchecked Sendable {
    let export: ExportReader
    let entry: ExportEntry
    let limit: UInt64
    let pipe: ChunkPipe

    init(export: ExportReader, entry: ExportEntry, limit: UInt64, pipe: ChunkPipe) {
        self.export = export
        self.entry = entry
        self.limit = limit
        self.pipe = pipe
    }

    func run() {
        do {
            try export.streamIndependently(entry, limit: limit) { try pipe.put($0) }
            pipe.finish(nil)
        } catch {
            pipe.finish(error)
        }
    }
}

/// A bounded hand-over of chunks between the inflating thread and the parser: at most
/// `capacity` chunks wait, so memory stays flat however fast inflating runs ahead.
private final class ChunkPipe: @unchecked Sendable {
    struct Closed: Error {}

    static let capacity = 4
    private let condition = NSCondition()
    private var chunks: [Data] = []
    private var finished = false
    private var closed = false
    private var failure: Error?

    /// Producer: waits while the pipe is full; throws once the reader has gone.
    func put(_ chunk: Data) throws {
        condition.lock()
        defer { condition.unlock() }
        while chunks.count >= Self.capacity && !closed { condition.wait() }
        if closed { throw Closed() }
        chunks.append(chunk)
        condition.broadcast()
    }

    func finish(_ error: Error?) {
        condition.lock()
        finished = true
        failure = error
        condition.broadcast()
        condition.unlock()
    }

    /// Reader: the next chunk, nil at the end; the producer's error is rethrown here.
    func next() throws -> Data? {
        condition.lock()
        defer { condition.unlock() }
        while chunks.isEmpty && !finished { condition.wait() }
        if !chunks.isEmpty {
            let chunk = chunks.removeFirst()
            condition.broadcast()
            return chunk
        }
        if let failure { throw failure }
        return nil
    }

    /// Reader is done (or failed): stops the producer and waits for it to end, so that no
    /// thread reads the export after `withJSONStream` returns.
    func close() {
        condition.lock()
        closed = true
        condition.broadcast()
        while !finished { condition.wait() }
        condition.unlock()
    }
}
