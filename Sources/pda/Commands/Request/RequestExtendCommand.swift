import ArgumentParser
import Rights

struct RequestExtendCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "extend",
        abstract: "Record that the platform extended the deadline (GDPR: by two months; CCPA: by 45 days).",
        discussion: "An extension is lawful only if notified, with reasons, within the first period; the request keeps the day it was notified.")

    @OptionGroup var options: AccountOptions
    @Argument(help: "The request's id.")
    var id: Int64
    @Option(name: .long, help: ArgumentHelp("The day the platform told you (default: today, UTC).", valueName: "YYYY-MM-DD"))
    var on: String?

    func run() throws {
        try Failure.guarding {
            let ledger = RequestLedger(store: try options.openStore())
            let day = try RightsCLI.day(on)
            let before = try ledger.request(id)
            try ledger.markExtended(id, on: day)
            let request = try ledger.request(id)
            if let old = before.deadline, day > old.due {
                print("note: the extension was notified after the first period ended (\(old.due)); the law requires notice within it.")
            }
            if let deadline = request.deadline { print("Request \(id): deadline extended to \(deadline.due) (\(deadline.rule)).") }
        }
    }
}
