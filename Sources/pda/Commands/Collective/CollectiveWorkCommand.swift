import ArgumentParser
import Collective
import Foundation

/// Internal: one member's job, run by `collective add` in a child process.
struct CollectiveWorkCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "work", abstract: "Internal: process one member's exports.",
                                                    shouldDisplay: false)

    @OptionGroup var options: CollectiveOptions
    @Option(name: .long) var pseudonym: String
    @Option(name: .long) var organisationDid: String
    @Option(name: .long) var parentPid: Int32?
    @Argument var paths: [String]

    func run() throws {
        // Signals that the parent ignores are ignored here too after exec: restore them, and end
        // with the parent however it ends.
        signal(SIGINT, SIG_DFL)
        signal(SIGTERM, SIG_DFL)
        if let parentPid { ParentWatchdog.start(parent: parentPid) }
        var result = CollectiveWorker.run(folder: try options.folder(), pseudonym: pseudonym, paths: paths, organisationDID: organisationDid)
        result.peakRSSBytes = WorkResult.currentPeakRSS()
        FileHandle.standardOutput.write(try JSONEncoder().encode(result))
    }
}
