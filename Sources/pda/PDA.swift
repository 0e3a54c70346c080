import ArgumentParser

@main
struct PDA: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "pda",
        abstract: "Your personal data account: import platform exports, search them, see your digital labor, take your content with you.",
        version: PDAVersion.string,
        subcommands: [
            // In the order a person meets them: the account, reading it, other formats, the
            // ledger, archives, data requests and their audit, and collective mode.
            InitCommand.self, ImportCommand.self, StatusCommand.self, ItemsCommand.self, ActivityCommand.self,
            InferencesCommand.self, SearchCommand.self, InspectCommand.self, MappingCommand.self,
            LedgerCommand.self, ReportCommand.self, BrowseCommand.self, ExportCommand.self, VerifyCommand.self, KeyCommand.self,
            RequestCommand.self, AuditCommand.self, CollectiveCommand.self,
        ]
    )
}

enum PDAVersion {
    static let string = "0.1.0"
}
