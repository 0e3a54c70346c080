import AccountModel
import ArgumentParser
import Collective
import Foundation
import Portability

struct CollectiveExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "A consenting member's archive, with the organisation's signed provenance attestations.",
        discussion: "Only for members whose consent is \"archive\". Check it with `pda verify FILE.zip`.")

    @OptionGroup var options: CollectiveOptions
    @Argument(help: "The member id.")
    var member: String
    @Option(name: .long, help: ArgumentHelp("The archive to write.", valueName: "FILE.zip"))
    var out: String
    @Flag(name: .long, help: "Include the member's activity as JSONL.")
    var withActivity = false
    @Option(name: .long, help: ArgumentHelp("The archive's time (UTC); the same time gives the same bytes.", valueName: "TIME"))
    var created: String?
    @Flag(name: .long, help: "Replace FILE.zip if it exists (otherwise an existing file is refused).")
    var force = false
    @Flag(name: .long, help: "Print JSON.")
    var json = false

    func run() throws {
        try Failure.guarding {
            let createdTime = created.map(Timestamp.midnightIfDate) ?? Timestamp.iso(Date())
            var archive = ArchiveOptions(created: createdTime, softwareVersion: PDAVersion.string)
            archive.withActivity = withActivity
            let summary = try options.open().exportArchive(memberID: member, options: archive, to: URL(fileURLWithPath: out), overwrite: force)
            if json { Output.json(summary.json); return }
            print("Wrote \(summary.path): \(summary.items) items attested by the organisation")
            print("Check it with: pda verify \(summary.path)")
        }
    }
}
