import AccountModel
import ArgumentParser
import Foundation
import Importers
import Readers

struct MappingCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "mapping",
        abstract: "Check and list declarative mappings, for exports no built-in importer knows.",
        discussion: """
            A mapping is a JSON file (schemas/mapping.schema.json) that says which files of an \
            export to read and how each record becomes an item, activity or inference. Mappings \
            shipped with pda and those in ${XDG_CONFIG_HOME:-~/.config}/pda/mappings are recognized \
            like built-in importers; `pda import --mapping FILE PATH` uses one explicitly.
            """,
        subcommands: [MappingCheckCommand.self, MappingListCommand.self])
}

struct MappingCheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Validate a mapping and, given an export, show what it would import — without importing.")

    @Argument(help: "The mapping file.")
    var file: String
    @Argument(help: "An export to try it on (zip, folder or single file).")
    var path: String?
    @Option(name: .long, help: ArgumentHelp("Sample records shown per kind.", valueName: "N"))
    var samples = 3
    @Flag(name: .long, help: "Print the result as JSON.")
    var json = false

    func run() throws {
        try Failure.guarding {
            guard let data = FileManager.default.contents(atPath: file) else { throw ImportError.missing(path: file) }
            let name = URL(fileURLWithPath: file).lastPathComponent
            let (mapping, diagnostics) = MappingParser.parse(data, file: name)
            var result: [(String, JSONValue)] = [
                ("file", .string(name)), ("valid", .bool(mapping != nil)),
                ("diagnostics", .array(diagnostics.map { .obj([("severity", .string($0.severity.rawValue)), ("pointer", .string($0.pointer)), ("message", .string($0.message))]) })),
            ]
            if !json {
                if let mapping {
                    print("\(name): valid mapping \(mapping.name) (\(mapping.platform.rawValue), \(mapping.status.rawValue), format \(mapping.format))")
                    if mapping.status == .example { print("  note: an example built from public descriptions; adapt it to the copy you received") }
                } else {
                    print("\(name): invalid mapping")
                }
                for diagnostic in diagnostics { print("  \(diagnostic)") }
            }
            guard let mapping else {
                if json { Output.json(.obj(result)) }
                throw ExitCode(65)
            }
            result.append(("mapping", .obj([("name", .string(mapping.name)), ("platform", .string(mapping.platform.rawValue)),
                                            ("status", .string(mapping.status.rawValue)), ("format", .string(mapping.format))])))
            if let path {
                let export = try ExportReader(path: path)
                let importer = MappingImporter(mapping)
                let (matched, reasons) = importer.explain(export)
                let dryRun = MappingDryRun(samplesPerKind: max(0, samples))
                try importer.run(export, format: mapping.format, into: dryRun)
                result.append(("export", .obj([
                    ("name", .string(export.displayName)), ("recognized", .bool(matched)),
                    ("confidence", .number(String(format: "%.2f", matched ? mapping.recognize.confidence : 0))),
                    ("reasons", .array(reasons.map { .string($0) })), ("dry_run", dryRun.json),
                ])))
                if !json { printDryRun(export: export.displayName, matched: matched, confidence: mapping.recognize.confidence, reasons: reasons, dryRun) }
            }
            if json { Output.json(.obj(result)) }
        }
    }

    func printDryRun(export: String, matched: Bool, confidence: Double, reasons: [String], _ dryRun: MappingDryRun) {
        print("\(export): " + (matched ? "recognized, confidence \(String(format: "%.2f", confidence))"
                                       : "not recognized (pda import would not choose this mapping; fix its recognize rules)"))
        for reason in reasons { print("  \(reason)") }
        if dryRun.counts.isEmpty {
            print("would import nothing")
        } else {
            print("would import: " + dryRun.counts.keys.sorted().map { "\($0) \(dryRun.counts[$0] ?? 0)" }.joined(separator: "; "))
        }
        for skip in dryRun.skipped { print("  skipped: \(skip.section): \(skip.reason)") }
        guard !dryRun.samples.isEmpty else { return }
        print("samples (nothing was written):")
        let rows = dryRun.samples.map { sample -> [String] in
            let time = sample["time"]?.stringValue.map { "\($0) (\(sample["time_basis"]?.stringValue ?? ""))" } ?? ""
            let what = ["title", "text", "label", "value"].compactMap { sample[$0]?.stringValue }.first ?? sample["url"]?.stringValue ?? ""
            let amount = sample["amount"]?.stringValue.map { "\($0) \(sample["currency"]?.stringValue ?? "")" } ?? ""
            return ["\(sample["record"]?.stringValue ?? "") \(sample["kind"]?.stringValue ?? "")", time, what, amount, sample["locator"]?.stringValue ?? ""]
        }
        Output.table(["record", "time", "text", "amount", "from"], rows, maxWidth: 40)
    }
}

struct MappingListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "List the installed mappings (shipped with pda and your own).")

    @Flag(name: .long, help: "Print the list as JSON.")
    var json = false

    func run() throws {
        try Failure.guarding {
            let (mappings, problems) = MappingLibrary.installed()
            if json {
                Output.json(.obj([
                    ("shipped_directory", MappingLibrary.shippedDirectory().map { .string($0.path) } ?? .null),
                    ("user_directory", .string(MappingLibrary.userDirectory().path)),
                    ("mappings", .array(mappings.map { m in
                        .obj([("name", .string(m.name)), ("platform", .string(m.platform.rawValue)), ("status", .string(m.status.rawValue)),
                              ("format", .string(m.format)), ("file", .string(m.file))])
                    })),
                    ("problems", .array(problems.map { .string($0) })),
                ]))
                return
            }
            Output.table(["name", "platform", "status", "format", "file"],
                         mappings.map { [$0.name, $0.platform.rawValue, $0.status.rawValue, $0.format, $0.file] })
            print("\nshipped: \(MappingLibrary.shippedDirectory()?.path ?? "(not found; set PDA_MAPPINGS_DIR)")")
            print("yours:   \(MappingLibrary.userDirectory().path)")
            for problem in problems { Output.note("pda: warning: \(problem)") }
        }
    }
}
