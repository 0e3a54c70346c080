import AccountStore
import ArgumentParser

struct ActivityCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "activity", abstract: "List what you did on the platforms (watched, liked, searched, bought …), newest first.")

    @OptionGroup var options: AccountOptions
    @OptionGroup var listing: ListingOptions

    func run() throws {
        try Failure.guarding {
            let rows = try options.openStore().activity(listing.filter(defaultLimit: listing.json ? nil : 50))
            if listing.json { Output.json(.array(rows.map(\.json))); return }
            Output.table(["id", "platform", "kind", "when", "what"], rows.map { a in
                var what = a.text ?? a.url ?? ""
                if let amount = a.amount { what += " \(amount) \(a.currency ?? "")" }
                if let d = a.durationSeconds { what += " (\(StoredActivity.number(d)) s)" }
                return [String(a.id), a.platform, a.kind, a.occurredAt ?? "(no time)", what]
            })
        }
    }
}
