import AccountModel
import AccountStore
import ArgumentParser
import Foundation
import Importers
import Portability
import Readers

struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Import platform exports (zip, folder or single file) into your account.",
        discussion: """
            Each PATH is one export, except the parts of a split Google Takeout (takeout-…-001.zip, \
            -002.zip …), which are imported together as one export. The importer is chosen from the export's contents and named in \
            the report. Importing the same file twice changes nothing; a newer export adds only what \
            is new. A malformed export is refused whole (exit 65) and the account is left as it was.
            """)

    @OptionGroup var options: AccountOptions
    @Argument(help: "Export files or folders (the parts of a split Takeout together).")
    var paths: [String]
    @Option(name: .long, help: ArgumentHelp("Use this platform's importer (when detection is ambiguous).", valueName: "P"))
    var platform: Platform?
    @Option(name: .long, help: ArgumentHelp("Import with this mapping file instead of the built-in importers (repeatable; see `pda mapping check`).", valueName: "FILE"))
    var mapping: [String] = []
    @Flag(name: .long, help: "Print the reports as JSON.")
    var json = false
    @OptionGroup var progressOptions: ProgressOptions

    func run() throws {
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
            var reports: [ImportReport] = []
            var firstFailure: Error?
            // A Takeout split into takeout-…-001.zip, -002.zip … is one export; a part that
            // was not given would silently be missing from it.
            for group in TakeoutParts.group(paths) {
                do {
                    if let absent = TakeoutParts.missingParts(group).first { throw ImportError.missing(path: absent) }
                    let report = try progressOptions.run("importing", unit: "records") {
                        try pipeline.importExport(paths: group, platform: platform, progress: $0)
                    }
                    reports.append(report)
                    if !json { ImportReportText.print(report) }
                } catch {
                    // One bad export must not stop the others; the exit code reports it.
                    Output.note("pda: error: \(Failure.message(error))")
                    if let first = mapping.first, case ImportError.unrecognized = error {
                        Output.note("pda: hint: `pda mapping check \(first) \(group[0])` shows why the mapping does not match")
                    }
                    firstFailure = firstFailure ?? error
                }
            }
            if json { Output.json(.array(reports.map(\.json))) }
            if let firstFailure { throw ExitCode(Failure.exitCode(firstFailure)) }
        }
    }
}

enum ImportReportText {
    static func print(_ report: ImportReport) {
        if report.status == .alreadyImported {
            Swift.print("\(report.file): already imported (\(report.importer), \(report.format)); nothing changed.")
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
