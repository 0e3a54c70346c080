import AccountStore
import ArgumentParser

struct InferencesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "inferences", abstract: "List what the platforms inferred about you (ad interests, topics, advertisers).")

    @OptionGroup var options: AccountOptions
    @OptionGroup var listing: ListingOptions

    func run() throws {
        try Failure.guarding {
            let rows = try options.openStore().inferences(listing.filter(defaultLimit: nil))
            if listing.json { Output.json(.array(rows.map(\.json))); return }
            Output.table(["platform", "kind", "label"], rows.map { [$0.platform, $0.kind, $0.label] })
        }
    }
}
