import AccountModel
import AccountStore
import Foundation
import GRDB

/// One thing expected of an export that the imported exports do not hold.
public struct AuditFinding: Sendable, Equatable {
    public enum Kind: String, Sendable { case section, field, law }
    /// Where the expectation comes from.
    public enum Basis: String, Sendable {
        /// The platform's documented export (or a documented study of it).
        case documented
        /// An earlier export of the same platform had it.
        case earlierExport = "earlier_export"
        /// The law entitles the person to it and no export format carries it.
        case law
    }

    /// Stable: `section:activity.watch`, `field:watch_duration`, `law:purposes`.
    public var id: String
    public var kind: Kind
    /// In English; `translations` has the German (`de`) and Chinese (`zh`) ones where known.
    public var label: String
    public var translations: [String: String] = [:]
    public var basis: Basis
    public var source: String
    /// The article the follow-up letter cites.
    public var article: String
}

public struct PlatformAudit: Sendable {
    public var platform: String
    public var law: Law
    public var exports: [ExportSummary]
    public var findings: [AuditFinding]

    public struct ExportSummary: Sendable, Equatable {
        public var id: Int64
        public var importedAt: String
        public var sha256: String
        /// `group.kind` with at least one record in this export.
        public var sections: [String]
    }
}

/// `pda audit`: what the imported exports of a platform hold, against what the platform
/// documents, what earlier exports had, and what the law adds to every copy.
public struct CompletenessAudit: Sendable {
    public let store: AccountStore
    public let data: RightsData

    public init(store: AccountStore, data: RightsData) {
        self.store = store
        self.data = data
    }

    /// Platforms with at least one imported export, in name order.
    public func importedPlatforms() throws -> [String] {
        try store.writer.read { db in try String.fetchAll(db, sql: "SELECT DISTINCT platform FROM source_export ORDER BY platform") }
    }

    /// `nil` when no export of `platform` was imported.
    public func audit(platform: String, law explicitLaw: Law? = nil) throws -> PlatformAudit? {
        let exports = try exportSummaries(platform)
        guard let latest = exports.last else { return nil }
        let law = explicitLaw ?? data.contacts[platform].flatMap { Law(rawValue: $0.defaultLaw) } ?? .gdpr
        let expected = data.expectations[platform] ?? Expectations(sections: [], fields: [])
        let lawArticle = law.items.first { $0.id == "copy_all" }?.article ?? law.copyArticles
        var findings: [AuditFinding] = []
        var reported = Set<String>()

        // Sections an earlier export had and the latest lacks: the strongest evidence.
        for earlier in exports.dropLast() {
            for section in earlier.sections where !latest.sections.contains(section) && !reported.contains(section) {
                reported.insert(section)
                let documented = expected.sections.first { "\($0.group).\($0.kind)" == section }
                findings.append(AuditFinding(id: "section:\(section)", kind: .section, label: documented?.label ?? section,
                                             translations: Self.translations(documented?.labelDE, documented?.labelZH), basis: .earlierExport,
                                             source: "export \(earlier.id) imported \(earlier.importedAt) (SHA-256 \(earlier.sha256.prefix(12))…) had records of it; export \(latest.id) of \(latest.importedAt) has none",
                                             article: lawArticle))
            }
        }
        for section in expected.sections {
            let key = "\(section.group).\(section.kind)"
            guard !latest.sections.contains(key), !reported.contains(key) else { continue }
            reported.insert(key)
            findings.append(AuditFinding(id: "section:\(key)", kind: .section, label: section.label,
                                         translations: Self.translations(section.labelDE, section.labelZH), basis: .documented,
                                         source: section.source + " (absent from the latest export; it may also mean you have none)",
                                         article: lawArticle))
        }
        for field in expected.fields where try !holds(field, platform: platform) {
            findings.append(AuditFinding(id: "field:\(field.id)", kind: .field, label: field.label,
                                         translations: Self.translations(field.labelDE, field.labelZH), basis: field.check == "not_in_exports" ? .law : .documented,
                                         source: field.source, article: field.law))
        }
        for item in law.itemsNoExportCarries {
            findings.append(AuditFinding(id: "law:\(item.id)", kind: .law, label: LegalText.label(item.id, .en),
                                         translations: Self.translations(LegalText.label(item.id, .de), LegalText.label(item.id, .zh)), basis: .law,
                                         source: "\(law.title): no export format carries it", article: item.article))
        }
        return PlatformAudit(platform: platform, law: law, exports: exports, findings: findings)
    }

    static func translations(_ de: String?, _ zh: String?) -> [String: String] {
        var t: [String: String] = [:]
        t["de"] = de
        t["zh"] = zh
        return t
    }

    /// Whether the imported exports of `platform` hold the field. A duration check with no
    /// records of that kind at all holds vacuously: the missing section is its own finding.
    func holds(_ field: Expectations.Field, platform: String) throws -> Bool {
        try store.writer.read { db in
            switch field.check {
            case "activity_duration":
                let total = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM activity WHERE platform = ? AND kind = ?", arguments: [platform, field.kind]) ?? 0
                if total == 0 { return true }
                return try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM activity WHERE platform = ? AND kind = ? AND duration_seconds IS NOT NULL",
                                        arguments: [platform, field.kind]) ?? 0 > 0
            case "activity_present":
                return try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM activity WHERE platform = ? AND kind = ?", arguments: [platform, field.kind]) ?? 0 > 0
            case "inference_present":
                let kinds = field.kinds ?? []
                guard !kinds.isEmpty else { return false }
                return try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM inference WHERE platform = ? AND kind IN (\(kinds.map { _ in "?" }.joined(separator: ",")))",
                                        arguments: StatementArguments([platform] + kinds)) ?? 0 > 0
            default:
                // not_in_exports, or a check this version does not know: expected and absent.
                return false
            }
        }
    }

    /// Each export of the platform, oldest first, with the record kinds its import report counted.
    func exportSummaries(_ platform: String) throws -> [PlatformAudit.ExportSummary] {
        let rows = try store.writer.read { db in
            try Row.fetchAll(db, sql: "SELECT id, imported_at, sha256, report FROM source_export WHERE platform = ? ORDER BY imported_at, id", arguments: [platform])
        }
        return rows.map { row in
            PlatformAudit.ExportSummary(id: row["id"], importedAt: row["imported_at"], sha256: row["sha256"],
                                        sections: Self.sections(ofReport: row["report"]))
        }
    }

    /// `group.kind` of every kind with new or already-present records in a stored import report.
    static func sections(ofReport text: String) -> [String] {
        guard let object = try? JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any],
              let records = object["records"] as? [String: Any] else { return [] }
        var sections: [String] = []
        for (group, kinds) in records {
            guard let kinds = kinds as? [String: Any] else { continue }
            for (kind, tally) in kinds {
                let t = tally as? [String: Any]
                let count = ((t?["new"] as? NSNumber)?.intValue ?? 0) + ((t?["present"] as? NSNumber)?.intValue ?? 0)
                if count > 0 { sections.append("\(group).\(kind)") }
            }
        }
        return sections.sorted()
    }
}
