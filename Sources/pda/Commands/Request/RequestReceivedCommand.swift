import ArgumentParser
import Rights

struct RequestReceivedCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "received",
        abstract: "Record that an answer arrived (`pda import` of the platform's export does this by itself).")

    @OptionGroup var options: AccountOptions
    @Argument(help: "The request's id.")
    var id: Int64
    @Option(name: .long, help: ArgumentHelp("The day it arrived (default: today, UTC).", valueName: "YYYY-MM-DD"))
    var on: String?

    func run() throws {
        try Failure.guarding {
            let ledger = RequestLedger(store: try options.openStore())
            try ledger.markReceived(id, on: try RightsCLI.day(on))
            let request = try ledger.request(id)
            let late = request.deadline.map { request.receivedOn! > $0.due } ?? false
            print("Request \(id) answered on \(request.receivedOn!)\(late ? ", after its deadline" : ""). Check what it leaves out with `pda audit \(request.platform)` once it is imported.")
        }
    }
}
