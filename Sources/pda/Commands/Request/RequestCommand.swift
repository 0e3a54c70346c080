import AccountModel
import AccountStore
import ArgumentParser
import Foundation
import Rights

struct RequestCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "request",
        abstract: "Ask a platform for your data under the GDPR, UK GDPR, CCPA or PIPL, and hold it to the deadline.",
        discussion: """
            `new` writes the letter and records the request; `sent`, `extend` and `received` record \
            what happened; `list` shows what is overdue; `remind` and `complain` draft the next \
            letters. Importing an export of the platform after the request marks it answered.
            """,
        subcommands: [RequestNewCommand.self, RequestListCommand.self, RequestSentCommand.self, RequestExtendCommand.self,
                      RequestReceivedCommand.self, RequestRemindCommand.self, RequestComplainCommand.self])
}

/// `--today D`: the day deadlines are judged on (default: today, UTC). For demos and checks.
struct TodayOption: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("Judge deadlines as of this day (default: today, UTC).", valueName: "YYYY-MM-DD"))
    var today: String?

    var day: Day { today.flatMap(Day.init) ?? Day.today() }

    func validate() throws {
        if let today, Day(today) == nil { throw ValidationError("\(today) is not a date: use YYYY-MM-DD") }
    }
}

/// `--language` and `--out` of the commands that write letters.
struct LetterOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("Language of the letter: en, de or zh (default: the request's).", valueName: "L"))
    var language: String?
    @Option(name: .long, help: ArgumentHelp("Your name, to sign the letter (default: the account owner's name).", valueName: "NAME"))
    var name: String?
    @Option(name: .long, help: ArgumentHelp("Folder for the letter's .txt and .html (default: the current folder).", valueName: "DIR"))
    var out: String = "."

    /// A writer in `language`, signed with `--name` or else the account owner's name.
    func writer(_ language: Language, store: AccountStore) -> LetterWriter {
        LetterWriter(language: language, senderName: name ?? (try? store.owner())?.name)
    }

    /// A writer for a letter about a recorded request: in `--language`, else the request's.
    func writer(for request: DataRequest, store: AccountStore) throws -> LetterWriter {
        writer(try Language(code: language ?? request.language), store: store)
    }
}

enum RightsCLI {
    static func platform(_ name: String) throws -> Platform {
        guard let p = Platform(rawValue: name.lowercased()) else {
            throw ValidationError("unknown platform \(name): one of \(Platform.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        return p
    }

    static func day(_ text: String?) throws -> Day {
        guard let text else { return Day.today() }
        guard let day = Day(text) else { throw ValidationError("\(text) is not a date: use YYYY-MM-DD") }
        return day
    }

    /// Writes `stem.txt` and `stem.html` into `folder` and says where, with the sender's notes:
    /// on stdout, or on stderr when stdout carries JSON.
    static func write(_ letter: Letter, stem: String, to folder: String, jsonOnStdout: Bool = false) throws {
        let say: (String) -> Void = jsonOnStdout ? { Output.note($0) } : { Swift.print($0) }
        let dir = URL(fileURLWithPath: folder)
        let text = dir.appendingPathComponent(stem + ".txt"), html = dir.appendingPathComponent(stem + ".html")
        do {
            try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
            try Data(letter.text.utf8).write(to: text, options: .atomic)
            try Data(letter.html.utf8).write(to: html, options: .atomic)
        } catch {
            throw CannotWrite(path: dir.path)
        }
        say("Wrote \(text.path) and \(html.path)")
        if !letter.via.isEmpty { say("Send it by: " + letter.via.joined(separator: "; ")) }
        for note in letter.notes { say("  note: \(note)") }
    }
}

extension Law: ExpressibleByArgument {}
