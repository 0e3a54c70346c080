import ArgumentParser
import Collective
import Foundation
import Readers

struct CollectiveAddCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "add",
        abstract: "Import members' exports, each into the member's own account, in parallel and resumably.",
        discussion: """
            Each PATH is an export (one member per file, named after the file) or a folder of them; \
            or give --manifest members.csv with the columns member_id,file,consent. Exports already \
            processed (same SHA-256) are skipped, so a stopped run continues where it stopped. A bad \
            export is recorded with its reason and the others go on. A consent changed in the manifest \
            takes effect even without a new export. Members who withdrew are left out until --readmit. \
            SIGINT/SIGTERM stop the workers, discard the members in progress and exit 130/143.
            """)

    @OptionGroup var options: CollectiveOptions
    @Argument(help: "Exports or folders of exports.")
    var paths: [String] = []
    @Option(name: .long, help: ArgumentHelp("A CSV with member_id,file,consent.", valueName: "FILE"))
    var manifest: String?
    @Option(name: .long, help: "Consent scope for exports given without a manifest: aggregate or archive.")
    var consent: String = "aggregate"
    @Option(name: .long, help: "Parallel jobs (default: the number of cores).")
    var jobs: Int = ProcessInfo.processInfo.activeProcessorCount
    @Option(name: .long, help: ArgumentHelp("Process only this shard of the exports: I/N, 0 ≤ I < N.", valueName: "I/N"))
    var shard: String?
    @Option(name: .long, help: ArgumentHelp("Re-add a member who withdrew (lifts their tombstone); repeatable.", valueName: "MEMBER_ID"))
    var readmit: [String] = []
    @Flag(name: .long, help: "Print the summary as JSON.")
    var json = false
    @OptionGroup var progressOptions: ProgressOptions

    func validate() throws {
        if paths.isEmpty == (manifest == nil) { throw ValidationError("give export paths or --manifest FILE (not both)") }
        if jobs < 1 { throw ValidationError("--jobs must be at least 1") }
        if let shard, Shard(shard) == nil { throw ValidationError("--shard must look like 0/4 (index/count)") }
        if !Manifest.consents.contains(consent) { throw ValidationError("--consent must be aggregate or archive") }
    }

    func run() throws {
        try Failure.guarding {
            let store = try options.open()
            let organisation = try store.info().organisationDID
            let folder = store.folder
            let inputs = try manifest.map(Manifest.read) ?? Manifest.fromPaths(paths, consent: consent)
            let lock = try store.beginRun()
            defer { lock.release() }
            try store.readmit(memberIDs: readmit)
            let progress = progressOptions.meter("collective add", unit: "exports")
            let runner = CollectiveRunner(store: store, jobs: jobs, progress: progress) { job in
                WorkerProcess.run(job, collective: folder, organisationDID: organisation)
            }
            let (planned, start) = try runner.plan(inputs, shard: shard.flatMap(Shard.init))
            let signals = InterruptSignals { signal in
                runner.cancel(signal: signal)
                WorkerProcess.stopAll()
            }
            let summary: RunSummary
            do { summary = try runner.run(planned, summary: start) } catch {
                progress?.finish(completed: false)
                throw error
            }
            progress?.finish(completed: summary.interrupted == nil)
            signals.restore()
            if let signal = summary.interrupted {
                // The workers are gone: what they had started is theirs to discard.
                try store.removeAbandonedWork()
                throw CollectiveError.interrupted(signal: signal, recorded: summary.processed + summary.failed.count)
            }
            if json {
                Output.json(.obj([
                    ("processed", .int(summary.processed)), ("skipped", .int(summary.skipped)),
                    ("failed", .array(summary.failed.map { .obj([("file", .string($0.file)), ("reason", .string($0.reason))]) })),
                    ("members", .int(summary.members)), ("outOfShard", .int(summary.outOfShard)),
                    ("withdrawn", .int(summary.withdrawn)), ("consentChanged", .int(summary.consentChanged)),
                    ("seconds", .number(String(format: "%.2f", summary.seconds))),
                    ("maxJobRssBytes", .int(summary.maxJobRSSBytes)),
                ]))
            } else {
                print("\(summary.processed) exports processed, \(summary.skipped) already done, \(summary.failed.count) failed; \(summary.members) members in the collective (\(String(format: "%.1f", summary.seconds)) s)")
                if summary.outOfShard > 0 { print("\(summary.outOfShard) exports belong to other shards") }
                if summary.consentChanged > 0 { print("\(summary.consentChanged) members' consent changed") }
                if summary.withdrawn > 0 { print("\(summary.withdrawn) exports of withdrawn members left out (re-add with --readmit MEMBER_ID)") }
                for failure in summary.failed { print("  failed: \(failure.file): \(failure.reason)") }
            }
        }
    }
}

/// Runs one member's job in a child `pda collective work` process: a crash or a memory spike
/// stays in that job, and each job's peak memory is its own. The child ends itself if this
/// process dies (see ParentWatchdog); `stopAll` kills the running ones on SIGINT/SIGTERM.
enum WorkerProcess {
    private static let lock = NSLock()
    nonisolated(unsafe) private static var running: [Int32: Process] = [:]
    nonisolated(unsafe) private static var stopped = false

    static func stopAll() {
        lock.lock()
        defer { lock.unlock() }
        stopped = true
        for pid in running.keys { kill(pid, SIGKILL) }
    }

    static func run(_ job: MemberJob, collective: CollectiveFolder, organisationDID: String) -> WorkResult {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
        process.arguments = ["collective", "work", "--collective", collective.url.path, "--pseudonym", job.pseudonym,
                             "--organisation-did", organisationDID, "--parent-pid", String(getpid()), "--"] + job.paths
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        func failed(_ reason: String) -> WorkResult {
            WorkResult(files: job.paths.map { path in
                .init(path: path, fileName: URL(fileURLWithPath: path).lastPathComponent,
                      sha256: (try? CollectiveWorker.sha256(of: path)) ?? "", ok: false, reason: reason)
            }, ledger: nil)
        }
        lock.lock()
        guard !stopped else {
            lock.unlock()
            return failed("the run was interrupted")
        }
        do { try process.run() } catch {
            lock.unlock()
            return failed("cannot start a worker process")
        }
        let pid = process.processIdentifier
        running[pid] = process
        lock.unlock()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        lock.lock()
        running[pid] = nil
        lock.unlock()
        guard process.terminationStatus == 0, let result = try? JSONDecoder().decode(WorkResult.self, from: data) else {
            return failed("the worker stopped with status \(process.terminationStatus)")
        }
        return result
    }
}

/// SIGINT and SIGTERM, handled on a queue instead of ending the process, so the run can stop
/// its workers and remove what it started; `restore` gives the default actions back.
final class InterruptSignals: @unchecked Sendable {
    private var sources: [DispatchSourceSignal] = []

    init(_ handler: @escaping @Sendable (Int32) -> Void) {
        for signalNumber in [SIGINT, SIGTERM] {
            signal(signalNumber, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: signalNumber, queue: .global())
            source.setEventHandler { handler(signalNumber) }
            source.resume()
            sources.append(source)
        }
    }

    func restore() {
        for source in sources { source.cancel() }
        sources = []
        signal(SIGINT, SIG_DFL)
        signal(SIGTERM, SIG_DFL)
    }
}
