import AccountModel
import AccountStore
import ArgumentParser
import Foundation
import Importers
import Portability

struct InitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Create your account: a private folder, its database and your signing key (did:key).")

    @OptionGroup var options: AccountOptions
    @Option(name: .long, help: "Your name, as it will appear in archives you export.")
    var name: String?
    @Flag(name: .long, help: "Print JSON.")
    var json = false

    func run() throws {
        try Failure.guarding {
            let folder = options.folder
            let (store, created) = try OwnerAccount.openOrCreate(folder, name: name)
            guard let owner = try store.owner() else { return }
            if json {
                Output.json(.obj([("account", .string(folder.url.path)), ("created", .bool(created)),
                                  ("name", owner.name.map { .string($0) } ?? .null), ("did", .string(owner.did))]))
            } else if created {
                print("Created your account at \(folder.url.path)")
                print("Your identity (did:key): \(owner.did)")
            } else {
                print("An account already exists at \(folder.url.path); nothing was changed.")
                print("Its identity (did:key): \(owner.did)")
            }
        }
    }
}
