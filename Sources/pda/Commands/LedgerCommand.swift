import AccountModel
import AccountStore
import ArgumentParser
import Foundation
import LaborLedger
import Readers

struct LedgerCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ledger",
        abstract: "Your digital labor per platform, month and category: content, interaction, attention, commerce.",
        discussion: """
            Attention time is exact where the export records it and otherwise estimated from sessions of \
            consecutive events, shown as a low–high range. --value applies explicit valuation models \
            (each figure cites its source); results are ranges shown with formula and inputs.
            """)

    enum Dimension: String, ExpressibleByArgument, CaseIterable { case month, platform, category, kind }

    @OptionGroup var options: AccountOptions
    @Option(name: .long, help: "Group the table by month, platform, category or kind (repeatable).")
    var by: [Dimension] = []
    @Option(name: .long, help: ArgumentHelp("Only this platform (repeatable).", valueName: "P"))
    var platform: [Platform] = []
    @Option(name: .long, help: ArgumentHelp("From this date (UTC).", valueName: "D"))
    var since: String?
    @Option(name: .long, help: ArgumentHelp("Up to this date, inclusive (UTC).", valueName: "D"))
    var until: String?
    @Option(name: .long, help: ArgumentHelp("Minutes between events that end a session (default 30).", valueName: "MIN"))
    var sessionGap: Int = 30
    @Option(name: .long, help: ArgumentHelp("Minutes assumed after a session's last event, for the high estimate (default 5).", valueName: "MIN"))
    var sessionTail: Int = 5
    @Flag(name: .long, help: "Apply the valuation models.")
    var value = false
    @Option(name: .long, help: ArgumentHelp("Valuation models to use instead of the built-in ones.", valueName: "FILE"))
    var valueModel: String?
    @Option(name: .long, help: ArgumentHelp("Write the built-in valuation models to FILE for editing, and exit.", valueName: "FILE"))
    var writeValueModel: String?
    @Flag(name: .long, help: "Print JSON (shape: schemas/ledger.schema.json).")
    var json = false
    @Flag(name: .long, help: "Print CSV rows.")
    var csv = false

    func validate() throws {
        if json && csv { throw ValidationError("choose one of --json and --csv") }
        for date in [since, until].compactMap({ $0 }) where !DateArgument.isValid(date) {
            throw ValidationError("\(date) is not a date: use YYYY-MM-DD")
        }
        if sessionGap < 1 || sessionTail < 0 { throw ValidationError("--session-gap must be ≥ 1 and --session-tail ≥ 0") }
    }

    func run() throws {
        try Failure.guarding {
            if let file = writeValueModel {
                try Data(ValuationModels.defaultJSON.utf8).write(to: URL(fileURLWithPath: file))
                print("Wrote the built-in valuation models to \(file); edit them and use --value --value-model \(file)")
                return
            }
            let store = try options.openStore()
            let filter = RecordFilter(platforms: platform.map(\.rawValue), since: since.map(DateArgument.normalized), until: until.map(DateArgument.normalized))
            let ledger = try Ledger.compute(store, filter: filter, estimator: SessionEstimate(gapSeconds: Int64(sessionGap * 60), tailSeconds: Int64(sessionTail * 60)))
            let valuation = value || valueModel != nil
                ? try ledger.value(with: valueModel.map { try ValuationModels.load(URL(fileURLWithPath: $0)) } ?? .defaults(), store: store, filter: filter)
                : nil
            let dimensions = by.isEmpty ? ["platform", "month", "category"] : by.map(\.rawValue)
            if json { Output.json(ledger.json(valuation: valuation, by: by.isEmpty ? nil : dimensions)); return }
            if csv { print(ledger.csv(by: by.isEmpty ? ["platform", "month", "category", "kind"] : dimensions), terminator: ""); return }
            LedgerText.print(ledger, dimensions: dimensions, valuation: valuation)
        }
    }
}

enum LedgerText {
    static func print(_ ledger: Ledger, dimensions: [String], valuation: (results: [Valuation], missing: [String])?) {
        Swift.print("Your digital labor")
        for category in ["content", "interaction", "attention", "commerce"] {
            let n = ledger.totals[.init(rawValue: category)!] ?? 0
            Swift.print("  \(category.padding(toLength: 12, withPad: " ", startingAt: 0)) \(n) records")
        }
        let a = ledger.attention
        Swift.print("  attention time: \(Ledger.duration(a.lowSeconds)) – \(Ledger.duration(a.highSeconds)) (\(Ledger.duration(a.exactSeconds)) recorded exactly, \(a.sessions) estimated sessions)")
        Swift.print("    method: \(ledger.estimator.method)")
        Swift.print("  content volume: \(ledger.content.characters) characters, \(ledger.content.mediaFiles) media files (\(ledger.content.mediaBytes) bytes)"
            + (ledger.content.videoSeconds.map { ", \(Ledger.duration($0)) of video" } ?? ""))
        for m in ledger.money {
            let refunds = m.refunds > 0 ? ", net of \(m.refunds) refund(s)" : ""
            Swift.print("  money: \(MoneyFormat.format(m.amount)) \(m.currency) in \(m.count) \(m.kind) records on \(Platform(rawValue: m.platform)?.label ?? m.platform)\(refunds)")
        }
        Swift.print("")
        Output.table(dimensions + ["count"], ledger.grouped(by: dimensions).map { $0.key + [String($0.count)] })
        if !ledger.inferences.isEmpty {
            Swift.print("\nWhat the platforms inferred about you (\(ledger.inferences.count)):")
            for (platform, group) in Dictionary(grouping: ledger.inferences, by: \.platform).sorted(by: { $0.key < $1.key }) {
                let labels = group.prefix(8).map(\.label).joined(separator: ", ")
                Swift.print("  \(platform): \(labels)\(group.count > 8 ? " … (+\(group.count - 8))" : "")")
            }
        }
        guard let valuation else { return }
        Swift.print("\nWhat it was worth to them (estimates, not prices):")
        for v in valuation.results {
            Swift.print("  \(v.label) [\(v.platforms.joined(separator: ", "))]: \(MoneyFormat.format(v.low)) – \(MoneyFormat.format(v.high)) \(v.currency)")
            Swift.print("    formula: \(v.formula)")
            for (name, input) in v.inputs { Swift.print("    \(name): \(input)") }
            Swift.print("    source: \(v.source)")
        }
        for message in valuation.missing { Swift.print("  \(message)") }
    }
}
