import AccountModel
import Dispatch
import Foundation

/// Hashes every file of a bag once (SHA-256, SHA-512 and SHA-384 together), on two threads, each
/// with its own reader, taking the next file as it finishes one. Files, not chunks, are shared
/// out, so a thousand small files keep both cores as busy as one large one.
enum HashPass {
    struct Outcome {
        var digests: [String: FileDigests] = [:]
        /// Files that could not be read, with why.
        var failures: [String: String] = [:]
        /// The bytes of the files `keep` asked for (claims, read again right after).
        var contents: [String: Data] = [:]
    }

    /// `progress` hears the bytes hashed and each file done (sizes and counts, never names).
    static func run(_ source: BagSource, paths: [String], threads: Int = 2, progress: WorkProgress? = nil,
                    keep: @Sendable (String) -> Bool = { _ in false }) -> Outcome {
        let jobs = Jobs(paths: paths)
        DispatchQueue.concurrentPerform(iterations: max(1, threads)) { _ in
            let reader: BagReader
            do {
                reader = try source.makeReader()
            } catch {
                while let path = jobs.take() { jobs.fail(path, Failure.message(error)) }
                return
            }
            while let path = jobs.take() {
                // Only files in item folders (named by claims) and the sealed tag manifest need SHA-384.
                var hasher = MultiHasher(parallel: false,
                                         sha384: path.hasPrefix("data/items/") || path == ArchiveLayout.sealedManifest)
                var kept: Data? = keep(path) ? Data() : nil
                do {
                    try reader.stream(path) { chunk in
                        hasher.update(chunk)
                        progress?.add(bytes: chunk.count)
                        if kept != nil, (kept?.count ?? 0) + chunk.count <= HashPass.keptLimit { kept?.append(contentsOf: chunk) } else { kept = nil }
                    }
                    jobs.finish(path, hasher.finalize(), kept)
                    progress?.add(count: 1)
                } catch {
                    jobs.fail(path, Failure.message(error))
                }
            }
        }
        return jobs.outcome
    }

    /// `transform` of every index, on all cores, results in index order.
    static func concurrentMap<T: Sendable>(_ count: Int, _ transform: @Sendable (Int) -> T) -> [T] {
        let results = Results<T>(count: count)
        DispatchQueue.concurrentPerform(iterations: count) { i in results.set(i, transform(i)) }
        return results.values.compactMap { $0 }
    }

    private final class Results<T: Sendable>: @unchecked Sendable {
        private let lock = NSLock()
        private var slots: [T?]
        init(count: Int) { slots = Array(repeating: nil, count: count) }
        func set(_ i: Int, _ value: T) { lock.lock(); slots[i] = value; lock.unlock() }
        var values: [T?] { lock.lock(); defer { lock.unlock() }; return slots }
    }

    /// Kept files larger than this are read again when needed instead.
    static let keptLimit = 4 << 20

    private final class Jobs: @unchecked Sendable {
        private let lock = NSLock()
        private let paths: [String]
        private var next = 0
        private var result = Outcome()

        init(paths: [String]) { self.paths = paths }

        func take() -> String? {
            lock.lock()
            defer { lock.unlock() }
            guard next < paths.count else { return nil }
            next += 1
            return paths[next - 1]
        }

        func finish(_ path: String, _ digests: FileDigests, _ content: Data?) {
            lock.lock()
            result.digests[path] = digests
            if let content { result.contents[path] = content }
            lock.unlock()
        }

        func fail(_ path: String, _ reason: String) {
            lock.lock()
            result.failures[path] = reason
            lock.unlock()
        }

        var outcome: Outcome {
            lock.lock()
            defer { lock.unlock() }
            return result
        }
    }

    enum Failure {
        /// The reason alone: the report puts the bag path in front.
        static func message(_ error: Error) -> String {
            if case ArchiveError.io(_, let reason)? = error as? ArchiveError { return reason }
            return (error as? LocalizedError)?.errorDescription ?? "unreadable"
        }
    }
}
