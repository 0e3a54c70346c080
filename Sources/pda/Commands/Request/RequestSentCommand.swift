import ArgumentParser
import Rights

struct RequestSentCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sent",
        abstract: "Record the day a request was sent; its deadline runs from then.",
        discussion: "For a posted letter, give the day it was delivered: the law counts from receipt.")

    @OptionGroup var options: AccountOptions
    @Argument(help: "The request's id (see `pda request list`).")
    var id: Int64
    @Option(name: .long, help: ArgumentHelp("The day (default: today, UTC).", valueName: "YYYY-MM-DD"))
    var on: String?

    func run() throws {
        try Failure.guarding {
            let ledger = RequestLedger(store: try options.openStore())
            try ledger.markSent(id, on: try RightsCLI.day(on))
            let request = try ledger.request(id)
            if let deadline = request.deadline {
                print("Request \(id) sent on \(request.sentOn!). Answer due by \(deadline.due)\(deadline.binding ? "" : " (a benchmark, not a legal deadline)"): \(deadline.rule).")
            }
        }
    }
}
