import AccountModel
import ArgumentParser
import Foundation
import Importers
import Readers

struct InspectCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "inspect",
        abstract: "Show an export's structure — files, encodings, key paths, columns — without any of its values.",
        discussion: """
            Lists the files of an export (zip, folder, or a single .json, .csv or .xlsx file), their \
            sizes and text encodings; for JSON the key paths with value types and counts, and the \
            record lists a mapping can point at; for CSV and XLSX the header row, the columns and what \
            their values look like (date, amount, url …); and which importers or mappings recognize \
            it, with what confidence. No value from the export is printed: file names have digits \
            masked and keys that look like data are shown as *, so the output is safe to paste into \
            a public bug report. Read it over before sharing all the same.
            """)

    @Argument(help: "The export: a zip, a folder, or a .json, .csv or .xlsx file.")
    var path: String
    @Option(name: .long, help: ArgumentHelp("Also test this mapping file (repeatable).", valueName: "FILE"))
    var mapping: [String] = []
    @Flag(name: .long, help: "Print the report as JSON.")
    var json = false

    func run() throws {
        try Failure.guarding {
            let export = try ExportReader(path: path)
            var (importers, problems) = ImporterRegistry.withInstalledMappings()
            importers += try MappingFiles.importers(mapping)
            for problem in problems { Output.note("pda: warning: \(problem)") }
            let report = ExportInspector.inspect(export, importers: importers)
            if json { Output.json(report) } else { print(InspectText.render(report), terminator: "") }
        }
    }
}

/// `--mapping FILE` for any command: an invalid mapping is malformed input (exit 65) with every
/// problem listed, not a generic failure.
enum MappingFiles {
    static func importers(_ files: [String]) throws -> [any Importer] {
        do { return try ImporterRegistry.mappings(files: files) } catch let error as MappingError {
            Output.note("pda: error: \(Failure.message(error))")
            for diagnostic in error.diagnostics { Output.note("  \(diagnostic)") }
            throw ExitCode(65)
        }
    }
}
