import ArgumentParser
import Rights

struct RequestComplainCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "complain",
        abstract: "Draft a complaint to the competent authority about a request answered late, not at all, or incompletely.",
        discussion: """
            GDPR: the lead supervisory authority of the platform's EU establishment (Ireland's DPC \
            for TikTok, Meta, X and YouTube); you may also complain where you live. UK GDPR: the ICO. \
            CCPA: the California Privacy Protection Agency. PIPL: the CAC's reporting centre (12377). \
            For an answered request, the gaps `pda audit` finds are listed.
            """)

    @OptionGroup var options: AccountOptions
    @Argument(help: "The request's id.")
    var id: Int64
    @OptionGroup var letter: LetterOptions
    @OptionGroup var today: TodayOption

    func run() throws {
        try Failure.guarding {
            let store = try options.openStore()
            let request = try RequestLedger(store: store).request(id)
            let day = today.day
            let state = request.state(today: day)
            if state == .draft { throw RightsError.notSent(id: id) }
            if state == .waiting || state == .extended {
                throw RightsError.notOverdue(id: id, due: request.deadline!.due.description)
            }
            let data = try RightsData.load()
            let platform = try RightsCLI.platform(request.platform)
            let authority = try data.authority(for: platform, law: request.law)
            let writer = try letter.writer(for: request, store: store)
            var gaps: [String] = []
            if state == .answered || request.purpose == .followUp, let audit = try CompletenessAudit(store: store, data: data).audit(platform: request.platform, law: request.law) {
                gaps = writer.gapLines(audit.findings)
            }
            let text = try writer.complaint(request, contact: try data.contact(platform), authority: authority, gaps: gaps, today: day)
            try RightsCLI.write(text, stem: "complaint-\(id)-\(request.platform)", to: letter.out)
        }
    }
}
