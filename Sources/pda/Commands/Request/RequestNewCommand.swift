import AccountModel
import AccountStore
import ArgumentParser
import Foundation
import Portability
import Rights

struct RequestNewCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "new",
        abstract: "Write a request for a copy of your data, addressed to the platform's privacy contact, and record it.",
        discussion: """
            The letter asks for the copy in a machine-readable format and for everything the law \
            adds to it (GDPR Art. 15(1)(a)–(h); CCPA categories, sources, purposes, third parties; \
            PIPL Art. 44/45). Fill in the bracketed placeholders, send it, then record the day \
            with `pda request sent ID`.
            """)

    @OptionGroup var options: AccountOptions
    @Argument(help: "The platform (tiktok, instagram, douyin …).")
    var platform: Platform
    @Option(name: .long, help: ArgumentHelp("gdpr, uk-gdpr, ccpa or pipl (default: the platform's usual one).", valueName: "LAW"))
    var law: Law?
    @OptionGroup var letter: LetterOptions
    @Flag(name: .long, help: "Print the recorded request as JSON.")
    var json = false

    func run() throws {
        try Failure.guarding {
            let data = try RightsData.load()
            let contact = try data.contact(platform)
            let law = self.law ?? Law(rawValue: contact.defaultLaw) ?? .gdpr
            let language = try Language(code: letter.language ?? (law == .pipl ? "zh" : "en"))
            let folder = options.folder
            let (store, created) = try OwnerAccount.openOrCreate(folder, name: nil)
            if created { Output.note("Created a new account at \(folder.url.path)") }
            let today = Day.today()
            let ledger = RequestLedger(store: store)
            let request = try ledger.create(platform: platform, law: law, language: language.rawValue, createdAt: Timestamp.iso(Date()))
            let text = letter.writer(language, store: store)
                .request(contact, law: law, today: today)
            do {
                try RightsCLI.write(text, stem: "request-\(request.id)-\(platform.rawValue)", to: letter.out, jsonOnStdout: json)
            } catch {
                // No letter, no request: the account stays as it was.
                try ledger.delete(request.id)
                throw error
            }
            if json {
                Output.json(RequestJSON.request(request, today: today))
            } else {
                print("Recorded request \(request.id) (\(platform.rawValue), \(law.rawValue)). After sending it: pda request sent \(request.id)")
            }
        }
    }
}
