import AccountStore
import ArgumentParser

struct ItemsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "items", abstract: "List the content you authored (posts, videos, comments, messages …), newest first.")

    @OptionGroup var options: AccountOptions
    @OptionGroup var listing: ListingOptions

    func run() throws {
        try Failure.guarding {
            let items = try options.openStore().items(listing.filter(defaultLimit: listing.json ? nil : 50))
            if listing.json { Output.json(.array(items.map(\.json))); return }
            Output.table(["id", "platform", "kind", "created", "text"],
                         items.map { [String($0.id), $0.platform, $0.kind, $0.createdAt ?? "", $0.text ?? $0.title ?? $0.url ?? ""] })
        }
    }
}
