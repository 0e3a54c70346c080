/// The laws a request can be made under, with what each adds to the copy and how its deadline
/// runs. Citations are to the statutes themselves (rights/README.md lists the sources).
public enum Law: String, CaseIterable, Sendable, Codable {
    case gdpr
    case ukGDPR = "uk-gdpr"
    case ccpa
    case pipl

    public var title: String {
        switch self {
        case .gdpr: return "GDPR (Regulation (EU) 2016/679)"
        case .ukGDPR: return "UK GDPR and Data Protection Act 2018"
        case .ccpa: return "California Consumer Privacy Act (Cal. Civ. Code §1798.100 ff.)"
        case .pipl: return "个人信息保护法 (PIPL)"
        }
    }

    /// The articles the letter invokes for the copy itself and for its format.
    public var copyArticles: String {
        switch self {
        case .gdpr: return "Art. 15(1), 15(3) and Art. 20 GDPR"
        case .ukGDPR: return "Art. 15(1), 15(3) and Art. 20 UK GDPR"
        case .ccpa: return "Cal. Civ. Code §1798.100, §1798.110 and §1798.130"
        case .pipl: return "PIPL Art. 44 and 45"
        }
    }

    /// What the law adds to the copy, item by item: the letter asks for each, the audit checks
    /// that no export carries them.
    public var items: [LegalItem] {
        switch self {
        case .gdpr, .ukGDPR:
            let p = self == .gdpr ? "GDPR" : "UK GDPR"
            return [
                LegalItem(id: "copy_all", article: "Art. 15(3) \(p); CJEU C-487/21"),
                LegalItem(id: "purposes", article: "Art. 15(1)(a) \(p)"),
                LegalItem(id: "categories", article: "Art. 15(1)(b) \(p)"),
                LegalItem(id: "recipients", article: "Art. 15(1)(c) \(p); CJEU C-154/21"),
                LegalItem(id: "retention", article: "Art. 15(1)(d) \(p)"),
                LegalItem(id: "rights", article: "Art. 15(1)(e), (f) \(p)"),
                LegalItem(id: "source", article: "Art. 15(1)(g) \(p)"),
                LegalItem(id: "adm_logic", article: "Art. 15(1)(h), Art. 22 \(p); CJEU C-203/22"),
                LegalItem(id: "safeguards", article: "Art. 15(2), Art. 46 \(p)"),
                LegalItem(id: "portable", article: "Art. 20 \(p)"),
            ]
        case .ccpa:
            return [
                LegalItem(id: "copy_all", article: "§1798.110(a)(5); inferences: §1798.140(v)(1)(K)"),
                LegalItem(id: "categories", article: "§1798.110(a)(1)"),
                LegalItem(id: "source", article: "§1798.110(a)(2)"),
                LegalItem(id: "purposes", article: "§1798.110(a)(3)"),
                LegalItem(id: "recipients", article: "§1798.110(a)(4), §1798.115"),
                LegalItem(id: "portable", article: "§1798.130(a)(3)(B)(iii)"),
            ]
        case .pipl:
            return [
                LegalItem(id: "copy_all", article: "PIPL Art. 45(1)"),
                LegalItem(id: "purposes", article: "PIPL Art. 44, 17"),
                LegalItem(id: "categories", article: "PIPL Art. 44, 17"),
                LegalItem(id: "retention", article: "PIPL Art. 17"),
                LegalItem(id: "recipients", article: "PIPL Art. 23"),
                LegalItem(id: "adm_logic", article: "PIPL Art. 24, 48"),
                LegalItem(id: "portable", article: "PIPL Art. 45(3)"),
            ]
        }
    }

    /// The items of `items` that no export format carries (everything but the copy itself and
    /// its format): a completeness audit reports them until the platform answers them.
    public var itemsNoExportCarries: [LegalItem] {
        items.filter { $0.id != "copy_all" && $0.id != "portable" }
    }
}

/// One thing a law entitles a person to, with the article that says so.
public struct LegalItem: Sendable, Equatable {
    public var id: String
    public var article: String
}
