import AccountStore
import ArgumentParser

struct SearchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "search",
        abstract: "Full-text search over your content, best matches first (Chinese and Japanese included).",
        discussion: "Every word must occur. Example: pda search 直播 --platform tiktok")

    @OptionGroup var options: AccountOptions
    @Argument(help: "Words to find.")
    var query: String
    @OptionGroup var listing: ListingOptions

    func run() throws {
        try Failure.guarding {
            let hits = try options.openStore().search(query, filter: listing.filter(defaultLimit: 20))
            if listing.json { Output.json(.array(hits.map(\.json))); return }
            if hits.isEmpty { print("No matches for \"\(query)\"."); return }
            Output.table(["id", "platform", "kind", "created", "snippet"],
                         hits.map { [String($0.item.id), $0.item.platform, $0.item.kind, $0.item.createdAt ?? "", $0.snippet] }, maxWidth: 100)
        }
    }
}
