import AccountModel
import AccountStore
import Foundation

/// What `pda export` puts in an archive. Together with the account and `created`, these fully
/// determine the archive's bytes.
public struct ArchiveOptions: Sendable {
    public var platforms: [String] = []
    /// Item and activity kinds; an empty list means every kind.
    public var kinds: [String] = []
    public var since: String?
    public var until: String?
    public var withActivity = false
    /// Messages are conversations with other people: only exported when asked for.
    public var withMessages = false
    public var includeMedia = true
    /// Collective exports: the organisation signs that it found each item in the member's export
    /// (`ProvenanceAttestation`); it cannot claim to be the author.
    public var attestation = false
    /// `YYYY-MM-DDTHH:MM:SSZ`: validFrom, proof created, Bagging-Date, zip entry times.
    public var created: String
    public var softwareVersion: String
    /// pda's public address, if it has one: the RO-Crate then names it as a SoftwareApplication.
    public var softwareURL: String?
    /// Tests force ZIP64 records on a small archive to check readers handle them.
    var forceZip64 = false

    public init(created: String, softwareVersion: String) {
        self.created = created
        self.softwareVersion = softwareVersion
    }

    public func validate() throws {
        guard Timestamp.isCanonical(created) else {
            throw ArchiveError.invalidOption("--created \(created.prefix(40)) is not a UTC time like 2025-05-01T12:00:00Z")
        }
        for platform in platforms where Platform(rawValue: platform) == nil {
            throw ArchiveError.invalidOption("\"\(platform.prefix(40))\" is not a platform id (lowercase letters, digits and _); known: \(Platform.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        for kind in kinds where ItemKind(rawValue: kind) == nil && ActivityKind(rawValue: kind) == nil {
            throw ArchiveError.invalidOption("unknown kind \"\(kind.prefix(40))\"; use an item kind (\(ItemKind.allCases.map(\.rawValue).joined(separator: ", "))) or an activity kind")
        }
        if kinds.contains(ItemKind.message.rawValue) && !withMessages {
            throw ArchiveError.invalidOption("messages involve other people and are exported only with --with-messages")
        }
        if !withActivity, let kind = kinds.first(where: { ActivityKind(rawValue: $0) != nil }) {
            throw ArchiveError.invalidOption("\"\(kind)\" is an activity kind: add --with-activity to export activity")
        }
    }

    /// The platforms and period the archive covers: the scope of its `ledger.json`.
    public var scope: RecordFilter { RecordFilter(platforms: platforms, since: since, until: until) }

    /// `--kind` applies to items and activity alike: an item kind selects items, an activity
    /// kind selects activity. Given only activity kinds, no items are exported.
    var itemFilter: RecordFilter? {
        let itemKinds = kinds.filter { ItemKind(rawValue: $0) != nil }
        if !kinds.isEmpty && itemKinds.isEmpty { return nil }
        return RecordFilter(platforms: platforms, kinds: itemKinds, since: since, until: until)
    }

    var activityFilter: RecordFilter? {
        guard withActivity else { return nil }
        let activityKinds = kinds.filter { ActivityKind(rawValue: $0) != nil }
        if !kinds.isEmpty && activityKinds.isEmpty { return nil }
        return RecordFilter(platforms: platforms, kinds: activityKinds, since: since, until: until)
    }

    /// The options that shape the content, in a canonical form, for the archive's UUID.
    var identity: JSONValue {
        .obj([
            ("platforms", .array(platforms.sorted().map { .string($0) })),
            ("kinds", .array(kinds.sorted().map { .string($0) })),
            ("since", since.map { .string($0) } ?? .null), ("until", until.map { .string($0) } ?? .null),
            ("withActivity", .bool(withActivity)), ("withMessages", .bool(withMessages)), ("media", .bool(includeMedia)),
        ])
    }

    var createdDate: Date { Timestamp.date(created) ?? Date(timeIntervalSince1970: 0) }

}
