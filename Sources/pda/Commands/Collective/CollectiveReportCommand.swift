import ArgumentParser
import Collective
import Foundation
import LaborLedger
import Readers
import Reports

struct CollectiveReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "The collective labor ledger, with k-anonymity suppression and optional Laplace noise.")

    @OptionGroup var options: CollectiveOptions
    @Option(name: .long, help: "Override the collective's k for this report (only upward is wise).")
    var k: Int?
    @Option(name: .long, help: "Add Laplace noise with this privacy budget ε (smaller = noisier).")
    var epsilon: Double?
    @Option(name: .long, help: "With --epsilon: cap each member's records per cell at this many (default 1000).")
    var clip: Int = 1000
    @Option(name: .long, help: "With --epsilon: seed the noise, to reproduce a release.")
    var seed: UInt64?
    @Option(name: .long, help: ArgumentHelp("Valuation models to use instead of the built-in ones.", valueName: "FILE"))
    var valueModel: String?
    @Flag(name: .long, help: "Print JSON.")
    var json = false
    @Flag(name: .long, help: "Print the cells as CSV.")
    var csv = false
    @Option(name: .long, help: ArgumentHelp("Write an HTML page.", valueName: "FILE"))
    var html: String?

    func validate() throws {
        if let epsilon, epsilon <= 0 { throw ValidationError("--epsilon must be positive") }
        if let k, k < 1 { throw ValidationError("--k must be at least 1") }
        if json && csv { throw ValidationError("choose one of --json and --csv") }
    }

    func run() throws {
        try Failure.guarding {
            let models = try valueModel.map { try ValuationModels.load(URL(fileURLWithPath: $0)) } ?? .defaults()
            let report = try options.open().report(k: k, epsilon: epsilon, clip: clip, seed: seed, models: models)
            if let html {
                do { try Data(CollectivePage.render(report).utf8).write(to: URL(fileURLWithPath: html), options: .atomic) } catch {
                    throw CannotWrite(path: html)
                }
                if !json && !csv { print("Wrote \(html)") }
            }
            if json { Output.json(report.json); return }
            if csv { print(report.csv, terminator: ""); return }
            guard html == nil else { return }
            if report.suppressedAll {
                print("Fewer than k = \(report.k) members: nothing can be published yet.")
                return
            }
            print("\(report.name ?? "Collective"): \(report.members) members, k = \(report.k)\(report.epsilon.map { ", Laplace noise ε = \($0)" } ?? "")")
            Output.table(["platform", "month", "category", "count", "members"],
                         report.cells.map { [$0.platform, $0.month, $0.category, String($0.count), String($0.members)] })
            print("\(report.suppressedCells) cells suppressed (fewer than \(report.k) members)")
            if report.attentionMembers >= report.k {
                print("Attention: \(Ledger.duration(report.attentionLow)) – \(Ledger.duration(report.attentionHigh)) from \(report.attentionMembers) members")
            }
            for v in report.valuation {
                print("\(v.label): \(MoneyFormat.format(v.low)) – \(MoneyFormat.format(v.high)) \(v.currency) (\(v.formula); source: \(v.source))")
            }
        }
    }
}
