import AccountModel
import AccountStore
import ArgumentParser
import Foundation
import Importers
import LaborLedger
import Reports
import Rights

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
                                             generatedAt: Timestamp.iso(Date()),
                                             requests: try RequestsSummary.compute(store: store, platforms: platform.map(\.rawValue), today: Day.today()))
            let url = URL(fileURLWithPath: out)
            do { try Data(html.utf8).write(to: url, options: .atomic) } catch {
                throw CannotWrite(path: url.path)
            }
            print("Wrote \(url.path) (\(html.utf8.count) bytes). Open it in any browser; it works offline.")
        }
    }
}

/// The report's section on requests and audit gaps, as plain values (Reports does not import
/// Rights). Without the rights data (an unusual install) the gaps are left out, not the report.
enum RequestsSummary {
    static func compute(store: AccountStore, platforms: [String], today: Day) throws -> RequestsAndGaps {
        let requests = try RequestLedger(store: store).all().filter { platforms.isEmpty || platforms.contains($0.platform) }
        var gaps: [RequestsAndGaps.Gaps] = []
        if let data = try? RightsData.load() {
            let auditor = CompletenessAudit(store: store, data: data)
            for platform in try auditor.importedPlatforms() where platforms.isEmpty || platforms.contains(platform) {
                guard let audit = try auditor.audit(platform: platform) else { continue }
                gaps.append(.init(platform: platform, law: audit.law.rawValue,
                                  missing: audit.findings.map { "\($0.label) — \($0.basis.rawValue): \($0.article)" }))
            }
        }
        return RequestsAndGaps(today: today.description, requests: requests.map { r in
            .init(id: r.id, platform: r.platform, law: r.law.rawValue, state: r.state(today: today).rawValue,
                  sentOn: r.sentOn?.description, dueOn: r.deadline?.due.description, daysOverdue: r.daysOverdue(today: today))
        }, gaps: gaps)
    }
}

/// Exit 73: the output could not be created.
struct CannotWrite: Error, LocalizedError {
    var path: String
    var errorDescription: String? { "cannot write \(path)" }
}
