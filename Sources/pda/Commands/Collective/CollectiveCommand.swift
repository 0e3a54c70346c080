import ArgumentParser
import Collective

struct CollectiveCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "collective",
        abstract: "Process many members' exports for an advocacy group or data union: isolation, pseudonyms, k-anonymous aggregates.",
        subcommands: [
            CollectiveInitCommand.self, CollectiveAddCommand.self, CollectiveWithdrawCommand.self, CollectiveReportCommand.self,
            CollectiveExportCommand.self, CollectiveMergeCommand.self, CollectiveBudgetCommand.self, CollectiveWorkCommand.self,
        ])
}

/// `--collective DIR`, else `$PDA_COLLECTIVE`.
struct CollectiveOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("The collective folder (default: $PDA_COLLECTIVE).", valueName: "DIR"))
    var collective: String?

    func folder() throws -> CollectiveFolder {
        guard let folder = CollectiveFolder.resolve(explicit: collective) else {
            throw ValidationError("name the collective with --collective DIR or $PDA_COLLECTIVE")
        }
        return folder
    }

    func open() throws -> CollectiveStore { try CollectiveStore(folder: folder()) }
}
