import ArgumentParser

@main
struct PDA: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "pda",
        abstract: "Your personal data account: import platform exports, search them, see your digital labor, take your content with you.",
        version: PDAVersion.string,
        subcommands: [
            InitCommand.self, ImportCommand.self, StatusCommand.self, ItemsCommand.self, ActivityCommand.self,
            InferencesCommand.self, SearchCommand.self, LedgerCommand.self, ReportCommand.self, CollectiveCommand.self, ExportCommand.self, VerifyCommand.self, KeyCommand.self,
            InspectCommand.self, MappingCommand.self,
        ]
    )
}

enum PDAVersion {
    static let string = "0.1.0"
}
