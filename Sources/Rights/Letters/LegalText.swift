/// The languages letters are written in.
public enum Language: String, CaseIterable, Sendable {
    case en, de, zh

    public init(code: String) throws {
        guard let l = Language(rawValue: code.lowercased().prefix(2).description) else { throw RightsError.unsupportedLanguage(code) }
        self = l
    }
}

/// What each legal item asks for, in each language: pda's own wording of the statutes.
enum LegalText {
    static func label(_ id: String, _ language: Language) -> String {
        let text: [String: (String, String, String)] = [
            "copy_all": ("a complete copy of all personal data about me, including data you observed (activity, watch and search history, device and location data) and data you inferred or derived (interests, segments, scores)",
                         "eine vollständige Kopie aller personenbezogenen Daten über mich, einschließlich beobachteter Daten (Aktivitäten, Wiedergabe- und Suchverlauf, Geräte- und Standortdaten) und daraus abgeleiteter Daten (Interessen, Segmente, Scores)",
                         "您处理的我的全部个人信息的副本，包括观察所得的信息（活动记录、观看和搜索记录、设备和位置信息）以及推断或衍生的信息（兴趣、标签、评分）"),
            "purposes": ("the purposes for which each category of my data is processed, with the legal basis for each",
                         "die Zwecke, zu denen jede Kategorie meiner Daten verarbeitet wird, jeweils mit Rechtsgrundlage",
                         "处理每一类个人信息的目的"),
            "categories": ("the categories of personal data concerned",
                           "die Kategorien personenbezogener Daten, die verarbeitet werden",
                           "所处理的个人信息的种类"),
            "recipients": ("the recipients to whom my data has been or will be disclosed, named individually",
                           "die Empfänger, denen meine Daten offengelegt wurden oder werden, einzeln benannt",
                           "向其提供我的个人信息的接收方的名称、联系方式、处理目的和处理方式"),
            "retention": ("how long each category of my data will be stored, or the criteria that determine it",
                          "die geplante Speicherdauer je Kategorie oder die Kriterien für ihre Festlegung",
                          "每一类个人信息的保存期限"),
            "rights": ("my rights to rectification, erasure, restriction and objection, and to lodge a complaint with a supervisory authority",
                       "meine Rechte auf Berichtigung, Löschung, Einschränkung und Widerspruch sowie auf Beschwerde bei einer Aufsichtsbehörde",
                       "我依法享有的更正、删除等权利及其行使方式"),
            "source": ("where data you did not collect from me came from (partners, advertisers, data brokers, other users)",
                       "die Herkunft der Daten, die nicht bei mir erhoben wurden (Partner, Werbetreibende, Datenhändler, andere Nutzer)",
                       "并非从我处收集的个人信息的来源"),
            "adm_logic": ("whether automated decision-making, including profiling, is applied to me (recommendations, ranking, ad targeting, moderation), the logic involved and its significance and envisaged consequences for me",
                          "ob eine automatisierte Entscheidungsfindung einschließlich Profiling stattfindet (Empfehlungen, Ranking, Werbe-Targeting, Moderation), die dabei involvierte Logik sowie deren Tragweite und angestrebte Auswirkungen für mich",
                          "是否通过自动化决策（包括个性化推荐、排序、广告定向）处理我的个人信息，以及其规则和对我的影响的说明"),
            "safeguards": ("the safeguards for any transfer of my data to a third country",
                           "die geeigneten Garantien für jede Übermittlung meiner Daten in ein Drittland",
                           "向境外提供我的个人信息时采取的保护措施"),
            "portable": ("the data I provided and the data you observed about me in a structured, commonly used and machine-readable format (JSON or CSV)",
                         "die von mir bereitgestellten und die über mich beobachteten Daten in einem strukturierten, gängigen und maschinenlesbaren Format (JSON oder CSV)",
                         "以结构化、通用、机器可读的格式（JSON 或 CSV）提供，并在符合条件时提供转移至我指定的个人信息处理者的途径"),
        ]
        guard let t = text[id] else { return id }
        switch language {
        case .en: return t.0
        case .de: return t.1
        case .zh: return t.2
        }
    }
}
