import AccountModel
import ArgumentParser
import Collective
import Foundation
import Importers

struct CollectiveInitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init", abstract: "Create a collective: its database, pseudonym secret and organisation key.")

    @Argument(help: "The collective folder to create.")
    var directory: String
    @Option(name: .long, help: "The organisation's name.")
    var name: String?
    @Option(name: .long, help: "Publish no figure derived from fewer than K members (default 5).")
    var k: Int = 5
    @Option(name: .long, help: "The total privacy budget ε for all --epsilon releases (default 1.0).")
    var epsilonBudget: Double = 1.0
    @Flag(name: .long, help: "Print JSON.")
    var json = false

    func validate() throws {
        if k < 1 { throw ValidationError("--k must be at least 1") }
        if !(epsilonBudget >= 0) || !epsilonBudget.isFinite { throw ValidationError("--epsilon-budget must be a number, 0 or more") }
    }

    func run() throws {
        try Failure.guarding {
            let folder = CollectiveFolder(url: URL(fileURLWithPath: directory))
            let info = try CollectiveStore.create(folder, name: name, k: k, epsilonBudget: epsilonBudget, now: Timestamp.iso(Date())).info()
            if json {
                Output.json(.obj([("collective", .string(folder.url.path)), ("k", .int(info.k)), ("organisationDid", .string(info.organisationDID)),
                                    ("epsilonBudget", .number(String(info.epsilonBudget)))]))
            } else {
                print("Created the collective at \(folder.url.path) (k = \(info.k), privacy budget ε = \(info.epsilonBudget))")
                print("Organisation identity (did:key): \(info.organisationDID)")
                print("Keep secret.key private: it links member ids to pseudonyms.")
            }
        }
    }
}
