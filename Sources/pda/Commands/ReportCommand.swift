import AccountModel
import AccountStore
import ArgumentParser
import Foundation
import Importers
import LaborLedger
import Reports

struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Write one self-contained HTML page (no network, phone-friendly) about your digital labor.")

    @OptionGroup var options: AccountOptions
    @Option(name: .long, help: ArgumentHelp("Where to write the page.", valueName: "FILE.html"))
    var out: String
    @Option(name: .long, help: ArgumentHelp("Only this platform (repeatable).", valueName: "P"))
    var platform: [Platform] = []
    @Option(name: .long, help: ArgumentHelp("Valuation models to use instead of the built-in ones.", valueName: "FILE"))
    var valueModel: String?

    func run() throws {
        try Failure.guarding {
            let store = try options.openStore()
            let models = try valueModel.map { try ValuationModels.load(URL(fileURLWithPath: $0)) } ?? .defaults()
            let html = try HTMLReport.render(store: store, filter: RecordFilter(platforms: platform.map(\.rawValue)), models: models,
                                             generatedAt: Timestamp.iso(Date()))
            let url = URL(fileURLWithPath: out)
            do { try Data(html.utf8).write(to: url, options: .atomic) } catch {
                throw CannotWrite(path: url.path)
            }
            print("Wrote \(url.path) (\(html.utf8.count) bytes). Open it in any browser; it works offline.")
        }
    }
}

/// Exit 73: the output could not be created.
struct CannotWrite: Error, LocalizedError {
    var path: String
    var errorDescription: String? { "cannot write \(path)" }
}
