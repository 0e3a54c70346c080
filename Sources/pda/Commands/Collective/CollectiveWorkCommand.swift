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
    @Argument var paths: [String]

    func run() throws {
        var result = CollectiveWorker.run(folder: try options.folder(), pseudonym: pseudonym, paths: paths, organisationDID: organisationDid)
        result.peakRSSBytes = WorkResult.currentPeakRSS()
        FileHandle.standardOutput.write(try JSONEncoder().encode(result))
    }
}
