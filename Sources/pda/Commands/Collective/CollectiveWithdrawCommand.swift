import ArgumentParser
import Collective

struct CollectiveWithdrawCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "withdraw",
        abstract: "Delete a member's account and every row derived from it; aggregates are recomputed without them.")

    @OptionGroup var options: CollectiveOptions
    @Argument(help: "The member id, as in the manifest (or the export's file name without extension).")
    var member: String

    func run() throws {
        try Failure.guarding {
            try options.open().withdraw(memberID: member)
            print("Withdrawn: the member's account and all their rows are deleted; reports no longer include them.")
        }
    }
}
