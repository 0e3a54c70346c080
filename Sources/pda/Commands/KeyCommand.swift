import AccountModel
import ArgumentParser
import Foundation
import Portability

struct KeyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "key",
        abstract: "Your signing identity (did:key). The private key never leaves the account's keys/ folder.",
        subcommands: [Show.self, ExportPublic.self])

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Print your DID and public key.")

        @OptionGroup var options: AccountOptions
        @Flag(name: .long, help: "Print JSON.")
        var json = false

        func run() throws {
            try Failure.guarding {
                let did = try OwnerKey.load(from: options.folder).didKey
                if json {
                    Output.json(.obj([("did", .string(did.did)), ("publicKeyMultibase", .string(did.multibase)),
                                      ("verificationMethod", .string(did.verificationMethod))]))
                } else {
                    print("DID:                  \(did.did)")
                    print("Public key multibase: \(did.multibase)")
                    print("Verification method:  \(did.verificationMethod)")
                }
            }
        }
    }

    struct ExportPublic: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "export-public",
            abstract: "Write your public DID document (no private key) to FILE, or to stdout with -.")

        @OptionGroup var options: AccountOptions
        @Argument(help: ArgumentHelp("Where to write the DID document (JSON).", valueName: "FILE"))
        var file: String

        func run() throws {
            try Failure.guarding {
                let document = JSONWriter.data(try OwnerKey.load(from: options.folder).didKey.document, pretty: true)
                if file == "-" {
                    FileHandle.standardOutput.write(document)
                    return
                }
                do {
                    try document.write(to: URL(fileURLWithPath: file), options: .atomic)
                } catch {
                    throw ArchiveError.cannotCreateOutput(path: file, reason: "cannot write there")
                }
                Output.note("Wrote your public DID document to \(file)")
            }
        }
    }
}
