import AccountModel

/// Drafts the letters of a request's life: the request, a reminder, a complaint to the
/// authority, and the follow-up asking for what an audit found missing. The wording is pda's own
/// (en, de, zh); facts come from rights/ and the account. Nothing from an export's contents is
/// written into a letter: findings name sections and fields, never values.
public struct LetterWriter: Sendable {
    public var language: Language
    /// The sender's name; a placeholder when not given.
    public var senderName: String?

    public init(language: Language, senderName: String? = nil) {
        self.language = language
        self.senderName = senderName
    }

    func t(_ en: String, _ de: String, _ zh: String) -> String {
        switch language {
        case .en: return en
        case .de: return de
        case .zh: return zh
        }
    }

    /// Article citations in the letter's language (German: DSGVO, EuGH; Chinese: the PIPL's
    /// articles as the statute numbers them; the numbers stay).
    func cite(_ article: String) -> String {
        if language == .zh { return Self.piplInChinese[article] ?? article }
        guard language == .de else { return article }
        return article.replacingOccurrences(of: "UK GDPR", with: "UK-DSGVO").replacingOccurrences(of: "GDPR", with: "DSGVO")
            .replacingOccurrences(of: "CJEU", with: "EuGH").replacingOccurrences(of: " and ", with: " und ")
    }

    static let piplInChinese = [
        "PIPL Art. 44 and 45": "《个人信息保护法》第四十四条、第四十五条",
        "PIPL Art. 45(1)": "《个人信息保护法》第四十五条第一款",
        "PIPL Art. 44, 17": "第四十四条、第十七条",
        "PIPL Art. 17": "第十七条",
        "PIPL Art. 23": "第二十三条",
        "PIPL Art. 24, 48": "第二十四条、第四十八条",
        "PIPL Art. 45(3)": "第四十五条第三款",
        "PIPL Art. 44, 45, 48": "第四十四条、第四十五条、第四十八条",
    ]

    /// The deadline rule in the letter's language.
    func rule(_ law: Law, extended: Bool) -> String {
        switch law {
        case .gdpr, .ukGDPR:
            let a = cite(law == .gdpr ? "Art. 12(3) GDPR" : "Art. 12(3) UK GDPR")
            return extended ? t("\(a): one month, extended by two further months", "\(a): ein Monat, verlängert um zwei weitere Monate", "\(a)：一个月，延长两个月")
                : t("\(a): one month of receipt", "\(a): ein Monat nach Eingang", "\(a)：收到请求后一个月")
        case .ccpa:
            return extended ? t("§1798.130(a)(2)(A): 45 days, extended once by 45", "§1798.130(a)(2)(A): 45 Tage, einmal um 45 Tage verlängert", "§1798.130(a)(2)(A)：45 天，延长一次 45 天")
                : t("§1798.130(a)(2)(A): 45 days of receipt", "§1798.130(a)(2)(A): 45 Tage nach Eingang", "§1798.130(a)(2)(A)：收到请求后 45 天")
        case .pipl:
            return t("Art. 45 PIPL: promptly; GB/T 35273-2020 §8.7: 30 days", "Art. 45 PIPL: unverzüglich; GB/T 35273-2020 §8.7: 30 Tage", "《个人信息保护法》第四十五条：及时；GB/T 35273-2020 第8.7条：三十天")
        }
    }

    var name: String { senderName ?? t("[your name]", "[Ihr Name]", "[您的姓名]") }
    var accountPlaceholder: String {
        t("[the e-mail address, phone number or user name of your account]", "[E-Mail-Adresse, Telefonnummer oder Nutzername Ihres Kontos]", "[您账号绑定的手机号、邮箱或用户名]")
    }

    public static func platformName(_ platform: String) -> String {
        switch platform {
        case "tiktok": return "TikTok"
        case "douyin": return "抖音 (Douyin)"
        case "instagram": return "Instagram"
        case "facebook": return "Facebook"
        case "x": return "X (Twitter)"
        case "youtube": return "YouTube"
        case "reddit": return "Reddit"
        case "amazon": return "Amazon"
        case "taobao": return "淘宝 (Taobao)"
        case "xiaohongshu": return "小红书 (Xiaohongshu)"
        case "weibo": return "微博 (Weibo)"
        case "bilibili": return "哔哩哔哩 (bilibili)"
        default: return platform
        }
    }

    // MARK: - Addressing

    func addressee(_ contact: PlatformContact) -> (to: [String], via: [String], notes: [String]) {
        var to: [String] = []
        var notes: [String] = []
        if let controller = contact.controller { to.append(controller.value) } else {
            to.append(Self.platformName(contact.platform))
            notes.append("No controller is known for \(contact.platform) (rights/contacts.json): fill in the company from the platform's privacy policy.")
        }
        if let address = contact.address { to += address.value.split(separator: "\n").map(String.init) } else {
            to.append(t("[postal address: see the platform's privacy policy]", "[Postanschrift: siehe Datenschutzerklärung der Plattform]", "[邮寄地址：见平台隐私政策“联系我们”]"))
            notes.append("No postal address is known for \(contact.platform); pda does not guess one.")
        }
        var via: [String] = []
        if let form = contact.webform { via.append(t("Web form: ", "Webformular: ", "在线表单：") + form.value) }
        if let email = contact.email { via.append(t("E-mail: ", "E-Mail: ", "电子邮件：") + email.value) }
        notes += contact.gaps
        return (to, via, notes)
    }

    func deadlineSentence(_ law: Law, due: Day) -> String {
        switch law {
        case .gdpr, .ukGDPR:
            let a = cite(law == .gdpr ? "Art. 12(3) GDPR" : "Art. 12(3) UK GDPR")
            return t("Under \(a) you must answer without undue delay and at the latest within one month of receiving this request, that is by \(due). If you need to extend that period, you must tell me so, with your reasons, within that month. The copy is free of charge (Art. 12(5)).",
                     "Nach \(a) müssen Sie unverzüglich, spätestens innerhalb eines Monats nach Eingang dieses Antrags antworten, also bis zum \(due). Eine Fristverlängerung müssen Sie mir innerhalb dieses Monats unter Angabe der Gründe mitteilen. Die Auskunft ist unentgeltlich (Art. 12 Abs. 5).",
                     "依据\(a)，您应在收到本请求后一个月内（即 \(due) 前）答复；如需延期，应在该月内告知我并说明理由。提供副本应当免费（第12条第5款）。")
        case .ccpa:
            return t("Under Cal. Civ. Code §1798.130(a)(2)(A) you must deliver this information free of charge within 45 days of receiving this request, that is by \(due). You may extend that period once by 45 days only when reasonably necessary and only if you tell me so within the first 45 days.",
                     "Nach Cal. Civ. Code §1798.130(a)(2)(A) müssen Sie diese Informationen innerhalb von 45 Tagen nach Eingang kostenlos bereitstellen, also bis zum \(due). Eine einmalige Verlängerung um 45 Tage ist nur zulässig, wenn sie angemessen notwendig ist und Sie sie mir innerhalb der ersten 45 Tage mitteilen.",
                     "依据 Cal. Civ. Code §1798.130(a)(2)(A)，您应在收到本请求后 45 天内（即 \(due) 前）免费提供上述信息；仅在合理必要时可延长一次 45 天，并须在前 45 天内通知我。")
        case .pipl:
            return t("Under Art. 45(2) PIPL you must provide this promptly. The national standard GB/T 35273-2020 §8.7 recommends an answer within 30 days; I therefore expect your answer by \(due). If you refuse any part of this request, Art. 50 PIPL requires you to give your reasons.",
                     "Nach Art. 45 Abs. 2 PIPL müssen Sie dies unverzüglich bereitstellen. Die nationale Norm GB/T 35273-2020 §8.7 empfiehlt eine Antwort binnen 30 Tagen; ich erwarte Ihre Antwort daher bis zum \(due). Lehnen Sie einen Teil ab, müssen Sie nach Art. 50 PIPL die Gründe nennen.",
                     "依据《个人信息保护法》第四十五条第二款，您应当及时提供。参照国家标准 GB/T 35273-2020 第8.7条（三十天内答复），我期待在 \(due) 前收到答复。如拒绝本请求的任何部分，依据第五十条应当说明理由。")
        }
    }

    func items(_ law: Law) -> [String] {
        law.items.map { language == .zh ? "\(LegalText.label($0.id, language))（\(cite($0.article))）" : "\(LegalText.label($0.id, language)) (\(cite($0.article)))" }
    }

    func closing() -> [Letter.Block] {
        [.paragraph(t("Please confirm that you have received this request.", "Bitte bestätigen Sie mir den Eingang dieses Antrags.", "请确认已收到本请求。")),
         .paragraph(t("Yours faithfully,\n\(name)", "Mit freundlichen Grüßen\n\(name)", "此致\n\(name)"))]
    }

    // MARK: - Letters

    /// The request itself, dated `today`; its deadline assumes it is sent (received) today.
    public func request(_ contact: PlatformContact, law: Law, today: Day) -> Letter {
        let (to, via, notes) = addressee(contact)
        let platform = Self.platformName(contact.platform)
        let due = Deadline.of(law, received: today, extended: false).due
        var blocks: [Letter.Block] = [
            .paragraph(t("I use \(platform) with the account registered to \(accountPlaceholder). Under \(cite(law.copyArticles)) I ask you to confirm whether you process personal data about me and, if so, to give me access to it and a copy of it.",
                         "Ich nutze \(platform) mit dem Konto, das auf \(accountPlaceholder) registriert ist. Gemäß \(cite(law.copyArticles)) bitte ich Sie um Bestätigung, ob Sie personenbezogene Daten über mich verarbeiten, und gegebenenfalls um Auskunft über diese Daten und eine Kopie davon.",
                         "我使用\(platform)，账号为\(accountPlaceholder)。依据\(cite(law.copyArticles))，请确认您是否处理我的个人信息，并向我提供查阅和复制。")),
            .paragraph(t("Please give me:", "Bitte stellen Sie mir Folgendes zur Verfügung:", "请向我提供：")),
            .list(items(law)),
        ]
        if law == .ccpa {
            blocks.append(.paragraph(t("This request covers personal information collected since 1 January 2022, not only the last 12 months (§1798.130(a)(2)(B)).",
                                       "Dieser Antrag umfasst alle seit dem 1. Januar 2022 erhobenen Informationen, nicht nur die der letzten 12 Monate (§1798.130(a)(2)(B)).",
                                       "本请求涵盖自 2022 年 1 月 1 日起收集的全部个人信息，而不限于最近 12 个月（§1798.130(a)(2)(B)）。")))
        }
        blocks.append(.paragraph(deadlineSentence(law, due: due)))
        blocks.append(.paragraph(t("If you need more information to identify me, tell me promptly what and why; do not ask for more than you need to verify that the account is mine.",
                                   "Benötigen Sie weitere Angaben zu meiner Identifizierung, teilen Sie mir bitte umgehend mit, welche und warum; verlangen Sie nicht mehr als zur Prüfung nötig ist, dass das Konto mir gehört.",
                                   "如需进一步核验身份，请及时告知所需信息及理由，且不应超出核实账号归属所必需的范围。")))
        blocks += closing()
        return Letter(language: language, to: to, via: via, date: today,
                      subject: t("Request for access to and a copy of my personal data (\(cite(law.copyArticles)))",
                                 "Antrag auf Auskunft und Kopie meiner personenbezogenen Daten (\(cite(law.copyArticles)))",
                                 "关于查阅、复制本人个人信息的请求（\(cite(law.copyArticles))）"),
                      blocks: blocks, notes: notes)
    }

    public func reminder(_ request: DataRequest, contact: PlatformContact, authority: Authority?, today: Day) throws -> Letter {
        guard let sent = request.sentOn, let deadline = request.deadline else { throw RightsError.notSent(id: request.id) }
        let (to, via, notes) = addressee(contact)
        var blocks: [Letter.Block] = [
            .paragraph(t("On \(sent) I asked you for access to and a copy of my personal data under \(cite(request.law.copyArticles)).",
                         "Am \(sent) habe ich Sie gemäß \(cite(request.law.copyArticles)) um Auskunft über meine personenbezogenen Daten und eine Kopie gebeten.",
                         "我已于 \(sent) 依据\(cite(request.law.copyArticles))请求查阅、复制本人的个人信息。")),
        ]
        if let extended = request.extendedOn {
            blocks.append(.paragraph(t("On \(extended) you told me you would extend the period.", "Am \(extended) haben Sie mir eine Fristverlängerung mitgeteilt.", "您已于 \(extended) 通知延长答复期限。")))
        }
        if today > deadline.due {
            blocks.append(.paragraph(t("The period (\(rule(request.law, extended: request.extendedOn != nil))) ended on \(deadline.due). I have not received a complete answer.",
                                       "Die Frist (\(rule(request.law, extended: request.extendedOn != nil))) ist am \(deadline.due) abgelaufen. Eine vollständige Antwort habe ich nicht erhalten.",
                                       "答复期限（\(rule(request.law, extended: request.extendedOn != nil))）已于 \(deadline.due) 届满，我尚未收到完整答复。")))
        } else {
            blocks.append(.paragraph(t("The period (\(rule(request.law, extended: request.extendedOn != nil))) ends on \(deadline.due).", "Die Frist (\(rule(request.law, extended: request.extendedOn != nil))) endet am \(deadline.due).", "答复期限（\(rule(request.law, extended: request.extendedOn != nil))）于 \(deadline.due) 届满。")))
        }
        let authorityName = authority?.name.value ?? t("the competent authority", "der zuständigen Aufsichtsbehörde", "主管部门")
        blocks.append(.paragraph(t("Please answer my request in full without further delay. Otherwise I will lodge a complaint with \(authorityName).",
                                   "Bitte beantworten Sie meinen Antrag nun ohne weitere Verzögerung vollständig. Andernfalls werde ich Beschwerde bei \(authorityName) einlegen.",
                                   "请立即完整答复我的请求，否则我将向\(authorityName)投诉、举报。")))
        blocks.append(.paragraph(t("Yours faithfully,\n\(name)", "Mit freundlichen Grüßen\n\(name)", "此致\n\(name)")))
        return Letter(language: language, to: to, via: via, date: today,
                      subject: t("Reminder: my request of \(sent) for a copy of my personal data", "Erinnerung: mein Auskunftsantrag vom \(sent)", "催告：关于 \(sent) 查阅、复制个人信息请求"),
                      blocks: blocks, notes: notes)
    }

    /// A complaint to the authority about a request not answered in time, or answered with the
    /// gaps given (labels of audit findings).
    public func complaint(_ request: DataRequest, contact: PlatformContact, authority: Authority, gaps: [String], today: Day) throws -> Letter {
        guard let sent = request.sentOn, let deadline = request.deadline else { throw RightsError.notSent(id: request.id) }
        var to = [authority.name.value]
        var notes: [String] = []
        if let address = authority.address { to += address.value.split(separator: "\n").map(String.init) } else {
            notes.append("No postal address of \(authority.id) is recorded; use its web form or e-mail.")
        }
        var via: [String] = []
        if let form = authority.webform { via.append(t("Web form: ", "Webformular: ", "在线表单：") + form.value) }
        if let email = authority.email { via.append(t("E-mail: ", "E-Mail: ", "电子邮件：") + email.value) }
        if request.law == .gdpr {
            notes.append("Under Art. 77(1) GDPR you may also lodge the complaint with the authority where you live or work; pda addresses the lead authority of the platform's EU establishment.")
        }
        let controller = contact.controller?.value ?? Self.platformName(request.platform)
        var blocks: [Letter.Block] = [
            .paragraph(t("I lodge a complaint under \(authority.complaintBasis) against \(controller), which operates \(Self.platformName(request.platform)).",
                         "Ich erhebe Beschwerde gemäß \(authority.complaintBasis) gegen \(controller), Betreiber von \(Self.platformName(request.platform)).",
                         "我依据\(authority.complaintBasis)，就\(controller)（\(Self.platformName(request.platform))的运营者）提出投诉、举报。")),
            .paragraph(t("On \(sent) I asked the company for access to and a copy of my personal data under \(cite(request.law.copyArticles)). The period for its answer (\(rule(request.law, extended: request.extendedOn != nil))) ended on \(deadline.due).",
                         "Am \(sent) habe ich das Unternehmen gemäß \(cite(request.law.copyArticles)) um Auskunft und eine Kopie meiner Daten gebeten. Die Antwortfrist (\(rule(request.law, extended: request.extendedOn != nil))) endete am \(deadline.due).",
                         "我已于 \(sent) 依据\(cite(request.law.copyArticles))请求该公司提供本人个人信息的查阅和复制。答复期限（\(rule(request.law, extended: request.extendedOn != nil))）已于 \(deadline.due) 届满。")),
        ]
        if let extended = request.extendedOn {
            blocks.append(.paragraph(t("The company extended the period on \(extended).", "Das Unternehmen hat die Frist am \(extended) verlängert.", "该公司已于 \(extended) 延长期限。")))
        }
        if request.receivedOn == nil {
            blocks.append(.paragraph(t("By \(today) I had received no answer.", "Bis zum \(today) habe ich keine Antwort erhalten.", "截至 \(today)，我未收到任何答复。")))
        }
        if !gaps.isEmpty {
            // A follow-up names the gaps of the earlier copy even when it goes unanswered itself.
            let on = request.receivedOn.map { " " + t("on", "am", "于") + " \($0)" } ?? ""
            blocks.append(.paragraph(t("The copy of my data I received\(on) is incomplete. It lacks:", "Die Kopie meiner Daten, die ich\(on) erhalten habe, ist unvollständig. Es fehlen:",
                                       "我\(on)收到的个人信息副本不完整，缺少：")))
            blocks.append(.list(gaps))
        }
        blocks.append(.paragraph(t("I ask you to examine this complaint and to order the company to answer my request in full. Attached: my request of \(sent) and any reply.",
                                   "Ich bitte Sie, die Beschwerde zu prüfen und das Unternehmen anzuweisen, meinen Antrag vollständig zu beantworten. Anlagen: mein Antrag vom \(sent) und etwaige Antworten.",
                                   "请依法调查处理，责令该公司完整答复我的请求。附件：我于 \(sent) 提出的请求及对方的答复（如有）。")))
        blocks.append(.paragraph(t("My contact details: [your postal address and e-mail]\n\(name)", "Meine Kontaktdaten: [Ihre Anschrift und E-Mail]\n\(name)", "联系方式：[您的地址和电子邮件]\n\(name)")))
        return Letter(language: language, to: to, via: via, date: today,
                      subject: t("Complaint against \(controller): request for access of \(sent)", "Beschwerde gegen \(controller): Auskunftsantrag vom \(sent)", "关于\(controller)未依法答复 \(sent) 个人信息查阅、复制请求的投诉"),
                      blocks: blocks, notes: notes)
    }

    /// One line per finding, in the letter's language, with the article that entitles to it.
    public func gapLines(_ findings: [AuditFinding]) -> [String] {
        findings.map { finding in
            let label = finding.translations[language.rawValue] ?? finding.label
            let line = language == .zh ? "\(label)（\(cite(finding.article))）" : "\(label) (\(cite(finding.article)))"
            guard finding.basis == .earlierExport else { return line }
            return line + " — " + t("an earlier copy you provided contained it", "eine frühere Kopie von Ihnen enthielt sie", "您此前提供的副本包含此项")
        }
    }

    /// The follow-up request listing exactly what the audit found missing.
    public func followUp(_ audit: PlatformAudit, contact: PlatformContact, receivedOn: Day?, today: Day) -> Letter {
        let (to, via, notes) = addressee(contact)
        let law = audit.law
        let due = Deadline.of(law, received: today, extended: false).due
        let when = receivedOn?.description ?? audit.exports.last.map { String($0.importedAt.prefix(10)) } ?? today.description
        let gaps = gapLines(audit.findings)
        var blocks: [Letter.Block] = [
            .paragraph(t("On \(when) I received a copy of my personal data from \(Self.platformName(audit.platform)). It does not answer my request under \(cite(law.copyArticles)) in full. The following is missing:",
                         "Am \(when) habe ich eine Kopie meiner Daten von \(Self.platformName(audit.platform)) erhalten. Sie beantwortet meinen Antrag gemäß \(cite(law.copyArticles)) nicht vollständig. Es fehlen:",
                         "我于 \(when) 收到\(Self.platformName(audit.platform))提供的个人信息副本，但该副本未完整答复我依据\(cite(law.copyArticles))提出的请求。缺少以下内容：")),
            .list(gaps),
            .paragraph(t("For each item, please either provide it or confirm explicitly that you hold no such data about me. A reference to your privacy policy does not answer a request about my data.",
                         "Bitte stellen Sie jeden Punkt zur Verfügung oder bestätigen Sie ausdrücklich, dass Sie keine solchen Daten über mich verarbeiten. Ein Verweis auf Ihre Datenschutzerklärung beantwortet keinen Antrag zu meinen Daten.",
                         "请逐项提供，或明确确认您未处理我的此类信息。仅援引隐私政策不构成对本人信息请求的答复。")),
            .paragraph(deadlineSentence(law, due: due)),
        ]
        blocks += closing()
        return Letter(language: language, to: to, via: via, date: today,
                      subject: t("Follow-up to my request: what your copy of \(when) leaves out", "Nachfrage zu meinem Auskunftsantrag: was Ihre Kopie vom \(when) auslässt", "关于 \(when) 副本缺漏内容的补充请求"),
                      blocks: blocks, notes: notes)
    }
}
