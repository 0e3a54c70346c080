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
            export is recorded with its reason and the others go on.
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
            let runner = CollectiveRunner(store: store, jobs: jobs, progress: ProgressReporter(quiet: progressOptions.quiet)) { job in
                WorkerProcess.run(job, collective: folder, organisationDID: organisation)
            }
            let (planned, start) = try runner.plan(inputs, shard: shard.flatMap(Shard.init))
            let summary = try runner.run(planned, summary: start)
            if json {
                Output.json(.obj([
                    ("processed", .int(summary.processed)), ("skipped", .int(summary.skipped)),
                    ("failed", .array(summary.failed.map { .obj([("file", .string($0.file)), ("reason", .string($0.reason))]) })),
                    ("members", .int(summary.members)), ("outOfShard", .int(summary.outOfShard)),
                    ("seconds", .number(String(format: "%.2f", summary.seconds))),
                    ("maxJobRssBytes", .int(summary.maxJobRSSBytes)),
                ]))
            } else {
                print("\(summary.processed) exports processed, \(summary.skipped) already done, \(summary.failed.count) failed; \(summary.members) members in the collective (\(String(format: "%.1f", summary.seconds)) s)")
                if summary.outOfShard > 0 { print("\(summary.outOfShard) exports belong to other shards") }
                for failure in summary.failed { print("  failed: \(failure.file): \(failure.reason)") }
            }
        }
    }
}

/// Runs one member's job in a child `pda collective work` process: a crash or a memory spike
/// stays in that job, and each job's peak memory is its own.
enum WorkerProcess {
    static func run(_ job: MemberJob, collective: CollectiveFolder, organisationDID: String) -> WorkResult {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
        process.arguments = ["collective", "work", "--collective", collective.url.path, "--pseudonym", job.pseudonym,
                             "--organisation-did", organisationDID, "--"] + job.paths
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        func failed(_ reason: String) -> WorkResult {
            WorkResult(files: job.paths.map { path in
                .init(path: path, fileName: URL(fileURLWithPath: path).lastPathComponent,
                      sha256: (try? CollectiveWorker.sha256(of: path)) ?? "", ok: false, reason: reason)
            }, ledger: nil)
        }
        do { try process.run() } catch { return failed("cannot start a worker process") }
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0, let result = try? JSONDecoder().decode(WorkResult.self, from: data) else {
            return failed("the worker stopped with status \(process.terminationStatus)")
        }
        return result
    }
}
