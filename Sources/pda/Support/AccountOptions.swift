import AccountModel
import AccountStore
import ArgumentParser
import Foundation

/// `--account DIR`, shared by every command that touches the account.
struct AccountOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("The account folder (default: $PDA_ACCOUNT, else ${XDG_DATA_HOME:-~/.local/share}/pda).", valueName: "DIR"))
    var account: String?

    var folder: AccountFolder { AccountFolder.resolve(explicit: account) }

    /// Opens an existing account; a missing one is an error that says how to create it.
    func openStore() throws -> AccountStore {
        let folder = self.folder
        guard folder.exists else { throw StoreError.noAccount(path: folder.url.path) }
        return try AccountStore(folder: folder)
    }
}

/// `--platform`, `--kind`, `--since`, `--until`, `--limit`, `--json` for the listing commands.
struct ListingOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("Only this platform (repeatable).", valueName: "P"))
    var platform: [Platform] = []
    @Option(name: .long, help: ArgumentHelp("Only this kind (repeatable).", valueName: "K"))
    var kind: [String] = []
    @Option(name: .long, help: ArgumentHelp("From this date or time (UTC, e.g. 2024-01-31).", valueName: "D"))
    var since: String?
    @Option(name: .long, help: ArgumentHelp("Up to this date or time, inclusive (UTC).", valueName: "D"))
    var until: String?
    @Option(name: .long, help: ArgumentHelp("At most N rows.", valueName: "N"))
    var limit: Int?
    @Flag(name: .long, help: "Print JSON instead of a table.")
    var json = false

    func validate() throws {
        for date in [since, until].compactMap({ $0 }) where !DateArgument.isValid(date) {
            throw ValidationError("\(date) is not a date: use YYYY-MM-DD or YYYY-MM-DDTHH:MM:SSZ")
        }
        if let limit, limit < 1 { throw ValidationError("--limit must be at least 1") }
    }

    func filter(defaultLimit: Int?) -> RecordFilter {
        RecordFilter(platforms: platform.map(\.rawValue), kinds: kind, since: since.map(DateArgument.normalized),
                     until: until.map(DateArgument.normalized), limit: limit ?? defaultLimit)
    }
}

enum DateArgument {
    static func isValid(_ text: String) -> Bool {
        text.range(of: #"^\d{4}(-\d{2}(-\d{2}([T ]\d{2}(:\d{2}(:\d{2})?)?Z?)?)?)?$"#, options: .regularExpression) != nil
    }

    /// Dates compare as text against stored `YYYY-MM-DDTHH:MM:SSZ`.
    static func normalized(_ text: String) -> String {
        text.replacingOccurrences(of: " ", with: "T")
    }
}
