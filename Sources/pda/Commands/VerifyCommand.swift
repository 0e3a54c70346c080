import ArgumentParser
import Foundation
import Portability

struct VerifyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify",
        abstract: "Check an archive made by `pda export`: every file, the owner's seal and each item's signed claim.",
        discussion: """
            Exits 0 when everything holds, 1 when anything fails (each problem is listed), 65 when the \
            input is not an archive, 66 when it does not exist. No account is needed.
            """)

    @Argument(help: ArgumentHelp("The archive (.zip) or its unzipped folder.", valueName: "FILE.zip|FOLDER"))
    var archive: String
    @Option(name: .long, help: ArgumentHelp("The owner's did:key you expect; otherwise the seal's signer is reported as the owner.", valueName: "DID"))
    var owner: String?
    @Flag(name: .long, help: "Print JSON.")
    var json = false
    @OptionGroup var progressOptions: ProgressOptions

    func run() throws {
        // Verify writes nothing (a folder is read in place, a zip through its index), so an
        // interrupted run has nothing to remove; it still says so and exits 130 or 143.
        Interrupts.install("the archive was not fully checked")
        var result: ArchiveVerification?
        try Failure.guarding {
            result = try progressOptions.run("verifying", unit: "files") {
                try ArchiveVerifier.verify(URL(fileURLWithPath: archive), expectedOwner: owner, progress: $0)
            }
        }
        guard let report = result else { return }
        if json {
            Output.json(report.json)
        } else {
            printReport(report)
        }
        if !report.valid { throw ExitCode(1) }
    }

    private func printReport(_ report: ArchiveVerification) {
        let failedItems = report.items.filter { !$0.valid }
        print("Archive: \(report.path)")
        print("Owner:   \(report.owner ?? "unknown")")
        print("Bag (BagIt completeness and checksums, \(report.payloadFiles) files): \(report.bag ? "OK" : "FAILED")")
        print("Seal (owner's signature over the bag): \(report.seal ? "OK" : "FAILED")")
        print("Items (signed authorship claims): \(report.items.count - failedItems.count) of \(report.items.count) verified")
        for problem in report.bagProblems { print("  bag: \(problem)") }
        for problem in report.sealProblems { print("  seal: \(problem)") }
        for item in failedItems {
            for problem in item.problems { print("  \(item.id): \(problem)") }
        }
        print(report.valid ? "VALID" : "INVALID")
    }
}
