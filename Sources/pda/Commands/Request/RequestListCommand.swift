import AccountModel
import ArgumentParser
import Foundation
import Rights

struct RequestListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "Your requests, their deadlines, and which are overdue.",
        discussion: "JSON: schemas/requests.schema.json. Exit 0 whether or not anything is overdue.")

    @OptionGroup var options: AccountOptions
    @Option(name: .long, help: ArgumentHelp("Only this platform.", valueName: "P"))
    var platform: Platform?
    @OptionGroup var today: TodayOption
    @Flag(name: .long, help: "Print JSON instead of a table.")
    var json = false

    func run() throws {
        try Failure.guarding {
            let store = try options.openStore()
            let day = today.day
            let requests = try RequestLedger(store: store).all(platform: platform?.rawValue)
            if json {
                Output.json(.obj([("today", .string(day.description)), ("requests", .array(requests.map { RequestJSON.request($0, today: day) }))]))
                return
            }
            if requests.isEmpty { print("No requests yet: start one with `pda request new PLATFORM`."); return }
            Output.table(["id", "platform", "law", "purpose", "state", "sent", "due", "answered"], requests.map { r in
                let state = r.state(today: day)
                let stateText = state == .overdue ? "OVERDUE \(r.daysOverdue(today: day)) d" : state.rawValue
                let due = r.deadline.map { $0.due.description + ($0.binding ? "" : " (benchmark)") } ?? ""
                let answered = r.receivedOn.map { $0.description + (r.answerExportID.map { " (export \($0))" } ?? "") } ?? ""
                return [String(r.id), r.platform, r.law.rawValue, r.purpose.rawValue, stateText, r.sentOn?.description ?? "", due, answered]
            })
            let overdue = requests.filter { $0.state(today: day) == .overdue }
            if !overdue.isEmpty {
                print("\n\(overdue.count) overdue as of \(day): draft a reminder with `pda request remind ID` or a complaint with `pda request complain ID`.")
            }
        }
    }
}

enum RequestJSON {
    static func request(_ r: DataRequest, today: Day) -> JSONValue {
        func day(_ d: Day?) -> JSONValue { d.map { .string($0.description) } ?? .null }
        return .obj([
            ("id", .int(Int(r.id))), ("platform", .string(r.platform)), ("law", .string(r.law.rawValue)),
            ("language", .string(r.language)), ("purpose", .string(r.purpose.rawValue)),
            ("followsRequestId", r.followsRequestID.map { .int(Int($0)) } ?? .null),
            ("createdAt", .string(r.createdAt)), ("sentOn", day(r.sentOn)), ("extendedOn", day(r.extendedOn)),
            ("dueOn", day(r.deadline?.due)), ("dueBinding", r.deadline.map { .bool($0.binding) } ?? .null),
            ("dueRule", r.deadline.map { .string($0.rule) } ?? .null),
            ("state", .string(r.state(today: today).rawValue)), ("daysOverdue", .int(r.daysOverdue(today: today))),
            ("receivedOn", day(r.receivedOn)), ("answerExportId", r.answerExportID.map { .int(Int($0)) } ?? .null),
        ])
    }
}
