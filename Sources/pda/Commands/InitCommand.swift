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
            let (folder, created) = try AccountSetup.openOrCreate(options.folder, name: name)
            let store = try AccountStore(folder: folder)
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

/// Creating an account is shared by `init` and by `import` on a missing account.
enum AccountSetup {
    static func openOrCreate(_ folder: AccountFolder, name: String?) throws -> (AccountFolder, Bool) {
        if folder.exists, FileManager.default.fileExists(atPath: OwnerKey.file(in: folder).path) { return (folder, false) }
        try folder.createDirectories()
        // Two commands creating one account at once must not make two keys (the second would
        // replace the first's key file after its DID was recorded as the owner).
        return try AccountLock.withLock(folder, purpose: "pda init") {
            let store = try AccountStore(folder: folder)
            let (key, created) = try OwnerKey.loadOrCreate(in: folder)
            if try store.owner() == nil {
                try store.setOwner(name: name, did: key.didKey.did, createdAt: Timestamp.iso(Date()))
            }
            return (folder, created)
        }
    }
}
