import AccountModel
import ArgumentParser
import Collective
import Foundation

struct CollectiveWithdrawCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "withdraw",
        abstract: "Delete a member's account and every row derived from it; aggregates are recomputed without them.",
        discussion: "A tombstone keeps later `add` runs from bringing the member back, until `add --readmit MEMBER`.")

    @OptionGroup var options: CollectiveOptions
    @Argument(help: "The member id, as in the manifest (or the export's file name without extension).")
    var member: String

    func run() throws {
        try Failure.guarding {
            try options.open().withdraw(memberID: member, now: Timestamp.iso(Date()))
            print("Withdrawn: the member's account and all their rows are deleted; reports no longer include them.")
            print("Later `add` runs leave this member out until you re-add them with `add --readmit`.")
        }
    }
}
