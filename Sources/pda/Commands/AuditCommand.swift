import AccountModel
import AccountStore
import ArgumentParser
import Foundation
import Rights

struct AuditCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "audit",
        abstract: "What your imported exports leave out: sections, labor fields and what the law adds to every copy.",
        discussion: """
            Compares the exports of each platform with what its export documents, with what earlier \
            exports of it held, with the fields that measure your labor (watch duration, inferred \
            interests and their logic, ad targeting, off-platform activity), and with the items of \
            GDPR Art. 15(1) / CCPA §1798.110 / PIPL Art. 44–45 that no export carries. Every finding \
            names where the expectation comes from. `--letter` drafts the follow-up request listing \
            exactly those gaps, and records it. JSON: schemas/audit.schema.json.
            """)

    @OptionGroup var options: AccountOptions
    @Argument(help: "Only this platform (default: every platform with an imported export).")
    var platform: Platform?
    @Option(name: .long, help: ArgumentHelp("Audit against gdpr, uk-gdpr, ccpa or pipl (default: the platform's usual one).", valueName: "LAW"))
    var law: Law?
    @Flag(name: .long, help: "Print JSON.")
    var json = false
    @Flag(name: .long, help: "Draft the follow-up request listing the gaps (needs PLATFORM).")
    var letter = false
    @OptionGroup var letterOptions: LetterOptions

    func validate() throws {
        if letter && platform == nil { throw ValidationError("--letter needs a PLATFORM: the follow-up goes to one platform") }
    }

    func run() throws {
        try Failure.guarding {
            let store = try options.openStore()
            let data = try RightsData.load()
            let law = self.law
            let auditor = CompletenessAudit(store: store, data: data)
            let platforms = try platform.map { [$0.rawValue] } ?? auditor.importedPlatforms()
            var audits: [PlatformAudit] = []
            for p in platforms {
                guard let audit = try auditor.audit(platform: p, law: law) else {
                    throw RightsError.noExport(platform: p)
                }
                audits.append(audit)
            }
            if json {
                Output.json(.obj([("platforms", .array(audits.map(AuditJSON.audit)))]))
            } else {
                if audits.isEmpty { print("No exports imported yet: nothing to audit.") }
                for audit in audits { AuditText.print(audit) }
            }
            if letter, let audit = audits.first { try draftFollowUp(audit, store: store, data: data) }
        }
    }

    /// Records the follow-up as a request of its own (its deadline runs again) and writes it.
    func draftFollowUp(_ audit: PlatformAudit, store: AccountStore, data: RightsData) throws {
        let platform = try RightsCLI.platform(audit.platform)
        let ledger = RequestLedger(store: store)
        let answered = try ledger.all(platform: audit.platform).last { $0.answerExportID == audit.exports.last?.id }
        let language = try Language(code: letterOptions.language ?? answered?.language ?? (audit.law == .pipl ? "zh" : "en"))
        let request = try ledger.create(platform: platform, law: audit.law, language: language.rawValue, purpose: .followUp,
                                        follows: answered?.id, createdAt: Timestamp.iso(Date()))
        let text = letterOptions.writer(language, store: store)
            .followUp(audit, contact: try data.contact(platform), receivedOn: answered?.receivedOn, today: Day.today())
        do {
            try RightsCLI.write(text, stem: "follow-up-\(request.id)-\(audit.platform)", to: letterOptions.out, jsonOnStdout: json)
        } catch {
            try ledger.delete(request.id)
            throw error
        }
        let message = "Recorded follow-up request \(request.id). After sending it: pda request sent \(request.id)"
        if json { Output.note(message) } else { print(message) }
    }
}

enum AuditText {
    static func print(_ audit: PlatformAudit) {
        Swift.print("\(audit.platform) (\(audit.law.rawValue)): \(audit.exports.count) export(s), latest imported \(audit.exports.last?.importedAt ?? "-"); \(audit.findings.count) finding(s)")
        Output.table(["finding", "missing", "expected because", "article"], audit.findings.map { f in
            [f.id, f.label, "\(f.basis.rawValue): \(f.source)", f.article]
        }, maxWidth: 70)
        Swift.print("")
    }
}

enum AuditJSON {
    static func audit(_ audit: PlatformAudit) -> JSONValue {
        .obj([
            ("platform", .string(audit.platform)), ("law", .string(audit.law.rawValue)),
            ("exports", .array(audit.exports.map { e in
                .obj([("id", .int(Int(e.id))), ("importedAt", .string(e.importedAt)), ("sha256", .string(e.sha256)),
                      ("sections", .array(e.sections.map { .string($0) }))])
            })),
            ("findings", .array(audit.findings.map { f in
                .obj([("id", .string(f.id)), ("kind", .string(f.kind.rawValue)), ("label", .string(f.label)),
                      ("basis", .string(f.basis.rawValue)), ("source", .string(f.source)), ("article", .string(f.article))])
            })),
        ])
    }
}
