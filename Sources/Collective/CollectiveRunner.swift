import AccountModel
import Crypto
import Foundation
import Importers

/// One export handed to the collective, with its member.
public struct MemberInput: Sendable {
    public var memberID: String
    public var path: String
    public var consent: String
    public init(memberID: String, path: String, consent: String) {
        self.memberID = memberID
        self.path = path
        self.consent = consent
    }
}

/// `--shard I/N`: a deterministic partition by member pseudonym, so any job runner (Kubernetes
/// Indexed Jobs, Slurm arrays, GNU parallel) can split the work without coordination, and a
/// member stays in their shard whatever exports arrive later.
public struct Shard: Sendable, Equatable {
    public var index: Int
    public var count: Int

    public init?(_ text: String) {
        let parts = text.split(separator: "/")
        guard parts.count == 2, let i = Int(parts[0]), let n = Int(parts[1]), n > 0, i >= 0, i < n else { return nil }
        index = i
        count = n
    }

    /// The pseudonym is an HMAC, uniform already; hashing it again keeps the rule independent of
    /// how pseudonyms are spelled.
    public func contains(pseudonym: String) -> Bool {
        let digest = SHA256.hash(data: Data(pseudonym.utf8))
        let value = digest.prefix(8).reduce(UInt64(0)) { $0 << 8 | UInt64($1) }
        return Int(value % UInt64(count)) == index
    }
}

/// One member's work: all their exports, processed in order by one worker so that their own
/// account sees one writer.
public struct MemberJob: Sendable {
    public var pseudonym: String
    public var consent: String
    public var paths: [String]
}

public struct RunSummary: Sendable {
    public var processed = 0
    public var skipped = 0
    public var outOfShard = 0
    /// Exports of members who withdrew, left out.
    public var withdrawn = 0
    public var consentChanged = 0
    /// The signal that stopped the run, if one did.
    public var interrupted: Int32?
    public var failed: [(file: String, reason: String)] = []
    public var members = 0
    public var seconds = 0.0
    /// The largest peak memory of any one job (worker process), when workers report it.
    public var maxJobRSSBytes = 0
}

public final class CollectiveRunner: @unchecked Sendable {
    public typealias Launcher = @Sendable (MemberJob) -> WorkResult

    let store: CollectiveStore
    let jobs: Int
    let launcher: Launcher
    /// Hears the bytes of the exports done (for the estimate) and their count.
    let progress: WorkProgress?
    private let state = RunState(summary: RunSummary())

    public init(store: CollectiveStore, jobs: Int, progress: WorkProgress? = nil, launcher: @escaping Launcher) {
        self.store = store
        self.jobs = max(jobs, 1)
        self.progress = progress
        self.launcher = launcher
    }

    /// Hashes every input, keeps the members of this shard, leaves out members who withdrew
    /// (until `--readmit`), drops exports already processed, and groups the rest by member. A
    /// member with nothing new whose consent changed in the manifest gets a job without exports,
    /// so the new consent takes effect at once.
    public func plan(_ inputs: [MemberInput], shard: Shard?) throws -> (jobs: [MemberJob], summary: RunSummary) {
        var summary = RunSummary()
        let done = try store.processedExports()
        let stored = try store.consents()
        var byMember: [String: (consent: String, exports: [(path: String, sha256: String)])] = [:]
        var order: [String] = []
        for input in inputs {
            let digest = try CollectiveWorker.sha256(of: input.path)
            let pseudonym = try store.pseudonym(of: input.memberID)
            if byMember[pseudonym] == nil { order.append(pseudonym) }
            byMember[pseudonym, default: (input.consent, [])].exports.append((input.path, digest))
        }
        let withdrawn = try store.withdrawn(among: order)
        var jobs: [MemberJob] = []
        for pseudonym in order {
            let member = byMember[pseudonym]!
            if let shard, !shard.contains(pseudonym: pseudonym) {
                summary.outOfShard += member.exports.count
                continue
            }
            if withdrawn.contains(pseudonym) {
                summary.withdrawn += member.exports.count
                continue
            }
            var seen = Set<String>()
            let todo = member.exports.filter { export in
                guard !done.contains(export.sha256), seen.insert(export.sha256).inserted else { summary.skipped += 1; return false }
                return true
            }
            let consentChanged = stored[pseudonym].map { $0 != member.consent } ?? false
            if consentChanged { summary.consentChanged += 1 }
            if !todo.isEmpty || consentChanged {
                jobs.append(MemberJob(pseudonym: pseudonym, consent: member.consent, paths: todo.map(\.path)))
            }
        }
        return (jobs, summary)
    }

    /// The size of a job's exports on disk: the measure of the progress estimate.
    static func bytes(of job: MemberJob) -> UInt64 {
        job.paths.reduce(0) { $0 + (((try? FileManager.default.attributesOfItem(atPath: $1)[.size]) as? UInt64) ?? 0) }
    }

    /// Stops taking jobs and records nothing more; the caller stops the workers. For SIGINT and
    /// SIGTERM: `run` then returns with `interrupted` set.
    public func cancel(signal: Int32) { state.cancel(signal) }

    /// Runs the jobs `jobs` at a time; each finished job is recorded at once, so a killed run
    /// resumes where it stopped.
    public func run(_ planned: [MemberJob], summary start: RunSummary) throws -> RunSummary {
        let started = Date()
        state.reset(summary: start)
        progress?.begin(nil, bytes: planned.reduce(0) { $0 + Self.bytes(of: $1) })
        let group = DispatchGroup()
        for _ in 0..<min(jobs, max(planned.count, 1)) {
            group.enter()
            Thread.detachNewThread { [self] in
                defer { group.leave() }
                while let job = state.take(from: planned) {
                    // A consent change alone needs no worker.
                    let result = job.paths.isEmpty ? WorkResult(files: [], ledger: nil) : launcher(job)
                    state.lock.lock()
                    defer { state.lock.unlock() }
                    guard state.interrupted == nil else { return }
                    do {
                        try store.record(pseudonym: job.pseudonym, consent: job.consent, files: result.files, ledger: result.ledger,
                                         now: Timestamp.iso(Date()))
                    } catch {
                        state.firstError = error
                        return
                    }
                    state.summary.maxJobRSSBytes = max(state.summary.maxJobRSSBytes, result.peakRSSBytes ?? 0)
                    for file in result.files {
                        if file.ok { state.summary.processed += 1 } else { state.summary.failed.append((file.path, file.reason ?? "failed")) }
                    }
                    progress?.add(bytes: Int(Self.bytes(of: job)))
                    progress?.add(count: result.files.count)
                }
            }
        }
        group.wait()
        if let error = state.firstError { throw error }
        var summary = state.summary
        summary.interrupted = state.interrupted
        summary.members = try store.memberCount()
        summary.seconds = Date().timeIntervalSince(started)
        return summary
    }
}

/// The runner's shared state, guarded by `lock`.
private final class RunState: @unchecked Sendable {
    let lock = NSLock()
    var next = 0
    var summary: RunSummary
    var firstError: Error?
    var interrupted: Int32?

    init(summary: RunSummary) { self.summary = summary }

    func reset(summary: RunSummary) {
        lock.lock()
        defer { lock.unlock() }
        next = 0
        self.summary = summary
        firstError = nil
    }

    func cancel(_ signal: Int32) {
        lock.lock()
        defer { lock.unlock() }
        if interrupted == nil { interrupted = signal }
    }

    func take(from jobs: [MemberJob]) -> MemberJob? {
        lock.lock()
        defer { lock.unlock() }
        guard next < jobs.count, firstError == nil, interrupted == nil else { return nil }
        next += 1
        return jobs[next - 1]
    }
}
