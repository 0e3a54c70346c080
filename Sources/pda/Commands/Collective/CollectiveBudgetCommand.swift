import ArgumentParser
import Collective

struct CollectiveBudgetCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "budget",
        abstract: "Show the privacy budget (ε) spent by --epsilon releases, or set its total.",
        discussion: "Raising the total after releases weakens the promise made to members: do it only if your privacy policy allows.")

    @OptionGroup var options: CollectiveOptions
    @Option(name: .long, help: "Set the total ε for all releases.")
    var set: Double?
    @Flag(name: .long, help: "Print JSON.")
    var json = false

    func validate() throws {
        if let set, !(set >= 0) || !set.isFinite { throw ValidationError("--set must be a number, 0 or more") }
    }

    func run() throws {
        try Failure.guarding {
            let store = try options.open()
            if let set { try store.setPrivacyBudget(set) }
            let budget = try store.privacyBudget()
            if json {
                Output.json(.obj([("total", .number(String(budget.total))), ("spent", .number(String(budget.spent))),
                                  ("remaining", .number(String(budget.remaining))), ("releases", .int(budget.releases))]))
                return
            }
            print("Privacy budget: ε \(budget.spent) spent of \(budget.total) in \(budget.releases) releases; \(budget.remaining) remaining")
        }
    }
}
