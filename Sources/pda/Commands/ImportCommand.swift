import AccountModel
import AccountStore
import ArgumentParser
import Foundation
import Importers
import Portability
import Readers
import Rights

struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Import platform exports (zip, folder or single file) into your account.",
        discussion: """
            Each PATH is one export, except the parts of a split Google Takeout (takeout-…-001.zip, \
            -002.zip …), which are imported together as one export. The importer is chosen from the export's contents and named in \
            the report. Importing the same file twice changes nothing; a newer export adds only what \
            is new. A malformed export is refused whole (exit 65) and the account is left as it was. \
            One writer at a time: while another pda imports into the same account, this one waits up to \
            --wait seconds, then exits 75. Ctrl-C (or SIGTERM) keeps the exports already reported, \
            drops the one in progress with its staged media, and exits 130 (143).
            """)

    @OptionGroup var options: AccountOptions
    @Argument(help: "Export files or folders (the parts of a split Takeout together).")
    var paths: [String]
    @Option(name: .long, help: ArgumentHelp("Use this platform's importer (when detection is ambiguous).", valueName: "P"))
    var platform: Platform?
    @Option(name: .long, help: ArgumentHelp("Import with this mapping file instead of the built-in importers (repeatable; see `pda mapping check`).", valueName: "FILE"))
    var mapping: [String] = []
    @Option(name: .long, help: ArgumentHelp("Seconds to wait for another import into the same account to finish.", valueName: "SECONDS"))
    var wait: Double = AccountLock.defaultWait
    @Flag(name: .long, help: "Print the reports as JSON.")
    var json = false
    @OptionGroup var progressOptions: ProgressOptions

    func validate() throws {
        if !(wait >= 0) { throw ValidationError("--wait must be 0 or more seconds") }
    }

    func run() throws {
        Interrupts.install("the export being imported was not saved")
        try Failure.guarding {
            // Refuse a missing path before anything is created.
            for path in paths where !FileManager.default.fileExists(atPath: path) { throw ImportError.missing(path: path) }
            // Built-in importers plus installed mappings, or only the mappings given; an invalid
            // mapping is refused (exit 65, every problem listed) before an account is created.
            let importers: [any Importer]
            if mapping.isEmpty {
                let (all, problems) = ImporterRegistry.withInstalledMappings()
                for problem in problems { Output.note("pda: warning: \(problem)") }
                importers = all
            } else {
                importers = try MappingFiles.importers(mapping)
            }
            let folder = options.folder
            let (store, created) = try OwnerAccount.openOrCreate(folder, name: nil)
            if created { Output.note("Created a new account at \(folder.url.path)") }
            let pipeline = ImportPipeline(store: store, folder: folder, importers: importers)
            pipeline.lockWait = wait
            var reports: [ImportReport] = []
            var firstFailure: Error?
            // The folder that holds the downloaded zips, or a download zipped again, stands
            // for the zips inside (copied out of a zip into a scratch folder of the account).
            let scratch = folder.stagingURL.appendingPathComponent("nested-\(UUID().uuidString)")
            defer { try? FileManager.default.removeItem(at: scratch) }
            var expanded: [String] = []
            for path in paths {
                let found = try NestedExports.expand(path, scratch: scratch.appendingPathComponent(String(expanded.count)))
                for inner in found where inner.foundIn != nil {
                    Output.note("Found \(URL(fileURLWithPath: inner.path).lastPathComponent) inside \(inner.foundIn ?? "")")
                }
                expanded += found.map(\.path)
            }
            // A Takeout split into takeout-…-001.zip, -002.zip … is one export; a part that
            // was not given would silently be missing from it.
            for group in TakeoutParts.group(expanded) {
                do {
                    if let absent = TakeoutParts.missingParts(group).first { throw ImportError.missing(path: absent) }
                    let report = try progressOptions.run("importing", unit: "records") {
                        try pipeline.importExport(paths: group, platform: platform, progress: $0)
                    }
                    reports.append(report)
                    if !json { ImportReportText.print(report) }
                    try RequestAnswers.link(report, store: store, quiet: json)
                } catch {
                    // One bad export must not stop the others; the exit code reports it.
                    Output.note("pda: error: \(Failure.message(error))")
                    if let first = mapping.first, case ImportError.unrecognized = error {
                        Output.note("pda: hint: `pda mapping check \(first) \(group[0])` shows why the mapping does not match")
                    }
                    firstFailure = firstFailure ?? error
                }
            }
            if pipeline.swept.folders > 0 {
                Output.note("pda: removed \(pipeline.swept.folders) staging folder(s) of interrupted imports, freeing \(pipeline.swept.bytes) bytes")
            }
            if json { Output.json(.array(reports.map(\.json))) }
            if let firstFailure { throw ExitCode(Failure.exitCode(firstFailure)) }
        }
    }
}

/// A new export of a platform answers the oldest open `pda request` for it.
enum RequestAnswers {
    static func link(_ report: ImportReport, store: AccountStore, quiet: Bool) throws {
        guard report.status == .imported, let export = try store.sourceExport(sha256: report.sha256) else { return }
        if let request = try RequestLedger(store: store).linkImport(platform: report.platform, exportID: export.id, importedOn: Day.today()), !quiet {
            print("  answers request \(request.id) (sent \(request.sentOn!)); see what it leaves out: pda audit \(report.platform)")
        }
    }
}

enum ImportReportText {
    static func print(_ report: ImportReport) {
        if report.status == .alreadyImported {
            let change = report.mediaFiles > 0
                ? "restored \(report.mediaFiles) media files that were missing from the account's media store" : "nothing changed"
            Swift.print("\(report.file): already imported (\(report.importer), \(report.format)); \(change).")
            return
        }
        Swift.print("\(report.file): imported with the \(report.importer) importer (\(report.format)) in \(String(format: "%.2f", report.seconds)) s")
        for group in ["items", "activity", "inferences", "identity"] {
            guard let kinds = report.records[group], !kinds.isEmpty else { continue }
            let parts = kinds.keys.sorted().map { kind -> String in
                let t = kinds[kind]!
                return t.present > 0 ? "\(kind) \(t.new) new, \(t.present) already present" : "\(kind) \(t.new)"
            }
            Swift.print("  \(group): \(parts.joined(separator: "; "))")
        }
        if report.mediaFiles > 0 { Swift.print("  media: \(report.mediaFiles) files, \(report.mediaBytes) bytes") }
        if report.newRecords == 0 && report.presentRecords > 0 { Swift.print("  nothing new: every record was already in the account") }
        for warning in report.warnings { Swift.print("  warning: \(warning)") }
    }
}
