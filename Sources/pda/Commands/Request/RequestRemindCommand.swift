import ArgumentParser
import Rights

struct RequestRemindCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "remind",
        abstract: "Draft a reminder to the platform about a request, naming its deadline and the authority you will turn to.")

    @OptionGroup var options: AccountOptions
    @Argument(help: "The request's id.")
    var id: Int64
    @OptionGroup var letter: LetterOptions
    @OptionGroup var today: TodayOption

    func run() throws {
        try Failure.guarding {
            let store = try options.openStore()
            let request = try RequestLedger(store: store).request(id)
            let data = try RightsData.load()
            let platform = try RightsCLI.platform(request.platform)
            let contact = try data.contact(platform)
            let authority = try? data.authority(for: platform, law: request.law)
            let writer = try letter.writer(for: request, store: store)
            let text = try writer.reminder(request, contact: contact, authority: authority, today: today.day)
            try RightsCLI.write(text, stem: "reminder-\(id)-\(request.platform)", to: letter.out)
        }
    }
}
