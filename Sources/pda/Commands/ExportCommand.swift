import AccountModel
import AccountStore
import ArgumentParser
import Foundation
import LaborLedger
import Portability

struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Write a portable, verifiable archive of the content you authored.",
        discussion: """
            The archive is a BagIt bag in a zip whose payload is an RO-Crate: every item with its media, \
            where it came from, and an authorship claim signed with your key (did:key). Anyone can check \
            it with `pda verify` or with standard BagIt and Verifiable Credentials tools. The same account, \
            options and --created time always give the same bytes. An existing FILE is refused (exit 73) \
            unless --force. Work files of earlier exports that were killed are removed from FILE's folder. \
            Ctrl-C (or SIGTERM) removes this run's work files and exits 130 (143) with no archive written.
            """)

    @OptionGroup var options: AccountOptions
    @Option(name: .long, help: ArgumentHelp("The archive to write.", valueName: "FILE.zip"))
    var out: String
    @Option(name: .long, help: ArgumentHelp("Only this platform (repeatable).", valueName: "P"))
    var platform: [Platform] = []
    @Option(name: .long, help: ArgumentHelp("Only this item or activity kind (repeatable).", valueName: "K"))
    var kind: [String] = []
    @Option(name: .long, help: ArgumentHelp("Items from this date or time (UTC).", valueName: "D"))
    var since: String?
    @Option(name: .long, help: ArgumentHelp("Items up to this date or time, inclusive (UTC).", valueName: "D"))
    var until: String?
    @Flag(name: .long, help: "Include your activity (watch history, likes, searches …) as activity/<platform>.jsonl.")
    var withActivity = false
    @Flag(name: .long, help: "Include messages (they involve other people, so they are left out by default).")
    var withMessages = false
    @Flag(name: .long, help: "Leave media files out.")
    var noMedia = false
    @Option(name: .long, help: ArgumentHelp("The archive's creation time, e.g. 2025-05-01T12:00:00Z (default: $SOURCE_DATE_EPOCH, else now).", valueName: "TIME"))
    var created: String?
    @Flag(name: .long, help: "Replace FILE if it exists.")
    var force = false
    @Flag(name: .long, help: "Print JSON.")
    var json = false
    @OptionGroup var progressOptions: ProgressOptions

    func validate() throws {
        for date in [since, until].compactMap({ $0 }) where !DateArgument.isValid(date) {
            throw ValidationError("\(date) is not a date: use YYYY-MM-DD or YYYY-MM-DDTHH:MM:SSZ")
        }
        if let created, !Timestamp.isCanonical(Timestamp.midnightIfDate(created)) {
            throw ValidationError("--created \(created) is not a UTC time: use YYYY-MM-DDTHH:MM:SSZ")
        }
    }

    func run() throws {
        Interrupts.install("no archive was written")
        try Failure.guarding {
            let store = try options.openStore()
            let key = try OwnerKey.load(from: options.folder)
            var archive = ArchiveOptions(created: try createdTime(), softwareVersion: PDAVersion.string)
            archive.platforms = platform.map(\.rawValue)
            archive.kinds = kind
            archive.since = since.map(DateArgument.normalized)
            archive.until = until.map(DateArgument.normalized)
            archive.withActivity = withActivity
            archive.withMessages = withMessages
            archive.includeMedia = !noMedia
            let output = URL(fileURLWithPath: out)
            let ledger = try Ledger.compute(store, filter: archive.scope).json()
            let summary = try progressOptions.run("exporting", unit: "files") {
                try ArchiveWriter.write(store: store, folder: options.folder, key: key, options: archive, ledger: ledger,
                                        to: output, overwrite: force, progress: $0)
            }
            if summary.leftoversRemoved > 0 {
                Output.note("pda: removed \(summary.leftoversRemoved) work folder(s) of interrupted exports from "
                    + "\(output.deletingLastPathComponent().path), freeing \(summary.leftoverBytesFreed) bytes")
            }
            if json { Output.json(summary.json); return }
            print("Wrote \(summary.path)")
            print("  \(summary.items) items, \(summary.mediaFiles) media files"
                + (withActivity ? ", \(summary.activityRecords) activity records" : "")
                + "; \(summary.payloadFiles) files, \(summary.archiveBytes) bytes zipped")
            print("  External-Identifier: \(summary.externalIdentifier)  (created \(summary.created))")
            print("Check it with: pda verify \(summary.path)")
        }
    }

    /// `--created`, else SOURCE_DATE_EPOCH (the reproducible-builds convention), else now.
    private func createdTime() throws -> String {
        if let created { return Timestamp.midnightIfDate(created) }
        if let epoch = ProcessInfo.processInfo.environment["SOURCE_DATE_EPOCH"], !epoch.isEmpty {
            guard let seconds = Int(epoch) else { throw ValidationError("SOURCE_DATE_EPOCH must be whole seconds") }
            return Timestamp.iso(Date(timeIntervalSince1970: TimeInterval(seconds)))
        }
        return Timestamp.iso(Date())
    }
}
