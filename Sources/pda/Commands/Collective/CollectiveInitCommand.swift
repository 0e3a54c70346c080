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
    @Flag(name: .long, help: "Print JSON.")
    var json = false

    func validate() throws { if k < 1 { throw ValidationError("--k must be at least 1") } }

    func run() throws {
        try Failure.guarding {
            let folder = CollectiveFolder(url: URL(fileURLWithPath: directory))
            let info = try CollectiveStore.create(folder, name: name, k: k, now: Timestamp.iso(Date())).info()
            if json {
                Output.json(.obj([("collective", .string(folder.url.path)), ("k", .int(info.k)), ("organisationDid", .string(info.organisationDID))]))
            } else {
                print("Created the collective at \(folder.url.path) (k = \(info.k))")
                print("Organisation identity (did:key): \(info.organisationDID)")
                print("Keep secret.key private: it links member ids to pseudonyms.")
            }
        }
    }
}
