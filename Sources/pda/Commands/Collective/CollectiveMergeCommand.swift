import ArgumentParser
import Collective
import Foundation

struct CollectiveMergeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "merge",
        abstract: "Combine shard collectives (each run with --shard I/N) into the collective named by --collective.",
        discussion: """
            The result is the same in any order. A member already here is skipped when the shard's copy \
            is the same and refused (exit 65, nothing merged from that shard) when it differs; withdrawn \
            members are not merged back.
            """)

    @OptionGroup var options: CollectiveOptions
    @Argument(help: "Shard collective folders.")
    var shards: [String]

    func run() throws {
        try Failure.guarding {
            let store = try options.open()
            for shard in shards {
                let merged = try store.merge(shard: CollectiveFolder(url: URL(fileURLWithPath: shard)))
                print("\(shard): merged \(merged.added) members, \(merged.exports) exports; \(merged.unchanged) already here, \(merged.withdrawn) withdrawn")
            }
        }
    }
}
