import AccountModel
import ArgumentParser
import Collective
import Foundation
import LaborLedger
import Readers
import Reports

struct CollectiveReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "The collective labor ledger, with k-anonymity suppression and optional Laplace noise.",
        discussion: """
            With --epsilon the release is differentially private at member level: every number gets \
            noise, each member's contribution is clipped (--clip, --max-cells, --clip-attention-hours, \
            --clip-years), and ε is spent from the collective's privacy budget (`pda collective budget`); \
            a release past the total is refused (exit 1). See README, "Differential privacy".
            """)

    @OptionGroup var options: CollectiveOptions
    @Option(name: .long, help: "Override the collective's k for this report (only upward is wise).")
    var k: Int?
    @Option(name: .long, help: "Add Laplace noise with this privacy budget ε (smaller = noisier).")
    var epsilon: Double?
    @Option(name: .long, help: "Cap each member's records per cell at this many (default 1000).")
    var clip: Int = 1000
    @Option(name: .long, help: "With --epsilon: count each member in at most this many cells (default 24).")
    var maxCells: Int = 24
    @Option(name: .long, help: "With --epsilon: cap each member's attention at this many hours (default 1000).")
    var clipAttentionHours: Double = 1000
    @Option(name: .long, help: "With --epsilon: cap each member's active share per valuation model at this many years (default 3).")
    var clipYears: Double = 3
    @Option(name: .long, help: ArgumentHelp("With --epsilon: the months released (default: the 24 months up to now).", valueName: "YYYY-MM..YYYY-MM"))
    var months: String?
    @Option(name: .long, help: "With --epsilon: seed the noise, to reproduce a release (it still spends ε).")
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
        if clip < 1 || maxCells < 1 || !(clipAttentionHours > 0) || !(clipYears > 0) {
            throw ValidationError("--clip, --max-cells, --clip-attention-hours and --clip-years must be positive")
        }
        if let months, PrivacyRelease.months(months) == nil { throw ValidationError("--months must look like 2023-01..2024-12") }
        if epsilon == nil && (months != nil || seed != nil) { throw ValidationError("--months and --seed apply to --epsilon releases") }
    }

    func run() throws {
        try Failure.guarding {
            let models = try valueModel.map { try ValuationModels.load(URL(fileURLWithPath: $0)) } ?? .defaults()
            let store = try options.open()
            let report: CollectiveReport
            if let epsilon {
                var bounds = ContributionBounds()
                bounds.perCell = clip
                bounds.maxCells = maxCells
                bounds.attentionHours = clipAttentionHours
                bounds.activeYears = clipYears
                let now = Timestamp.iso(Date())
                let released = months.flatMap(PrivacyRelease.months) ?? PrivacyRelease.defaultMonths(now: now)
                report = try store.privateReport(epsilon: epsilon, bounds: bounds, months: released, k: k, seed: seed, models: models, now: now)
            } else {
                report = try store.report(k: k, clip: clip, models: models)
            }
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
                if let privacy = report.privacy {
                    print("The noisy member count is below k = \(report.k): this release publishes nothing (ε = \(privacy.epsilon) was spent; \(privacy.budget.remaining) remains).")
                } else {
                    print("Fewer than k = \(report.k) members: nothing can be published yet.")
                }
                return
            }
            print("\(report.name ?? "Collective"): \(report.members) members, k = \(report.k)\(report.epsilon.map { ", Laplace noise ε = \($0)" } ?? "")")
            if let privacy = report.privacy {
                print("Differentially private release (member level): \(privacy.months.first ?? "")..\(privacy.months.last ?? ""), ε = \(privacy.epsilon) over \(privacy.queries.count) queries; budget \(privacy.budget.spent) of \(privacy.budget.total) spent")
            }
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
