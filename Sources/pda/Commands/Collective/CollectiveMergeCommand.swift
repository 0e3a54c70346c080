import ArgumentParser
import Collective
import Foundation

struct CollectiveMergeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "merge",
        abstract: "Combine shard collectives (each run with --shard I/N) into the collective named by --collective.")

    @OptionGroup var options: CollectiveOptions
    @Argument(help: "Shard collective folders.")
    var shards: [String]

    func run() throws {
        try Failure.guarding {
            let store = try options.open()
            for shard in shards {
                let (members, exports) = try store.merge(shard: CollectiveFolder(url: URL(fileURLWithPath: shard)))
                print("\(shard): merged \(members) members, \(exports) exports")
            }
        }
    }
}
