import AccountModel
import Readers

/// Where a record sits: its locator, and for records kept in a map (live rooms keyed by room
/// id, chats keyed by "Chat History with …:") the key it was found under.
struct TikTokPlace {
    var locator: Locator
    var key: String?
}

/// Turns one record into account records. Builders read fields through `TikTokRecord`, emit
/// through the state and never throw for missing fields: a record without what makes it a
/// record (no time, no link, no text) is dropped and counted.
typealias TikTokBuild = @Sendable (TikTokRecord, TikTokPlace, TikTokImportState) throws -> Void

/// What one run of the importer knows while it walks an export.
final class TikTokImportState {
    let sink: RecordSink
    /// The owner's username, once the profile has been read: it tells the owner's direct
    /// messages from the other party's.
    var ownerUsername: String?
    /// Chats wait for the end of the document, because the profile (with the owner's
    /// username) comes after them in every generation (`Direct Message` < `Profile`).
    var pendingChats: [TikTokPendingChat] = []
    /// Records dropped because they held nothing usable, by section pointer.
    private(set) var emptyRecords: [String: Int] = [:]

    init(sink: RecordSink) { self.sink = sink }

    func add(_ item: Item) throws { try sink.add(item) }

    func activity(_ kind: ActivityKind, at time: RecordTime?, url: String? = nil, text: String? = nil,
                  duration: Double? = nil, amount: String? = nil, currency: String? = nil,
                  detail: [(String, String?)] = [], place: TikTokPlace) throws {
        guard time != nil || url != nil || text != nil else { return dropEmpty(place) }
        let pairs = detail.compactMap { key, value in value.map { (key, JSONValue.string($0)) } }
        try sink.add(Activity(platform: .tiktok, kind: kind, occurredAt: time, url: url, text: text,
                              durationSeconds: duration, amount: amount, currency: currency,
                              detail: pairs.isEmpty ? nil : .obj(pairs), locator: place.locator))
    }

    func identity(_ field: String, _ value: String, place: TikTokPlace) throws {
        if field == "username" { ownerUsername = value }
        try sink.add(IdentityFact(platform: .tiktok, field: field, value: value, locator: place.locator))
    }

    func inference(_ kind: InferenceKind, _ label: String, place: TikTokPlace) throws {
        try sink.add(Inference(platform: .tiktok, kind: kind, label: label, locator: place.locator))
    }

    func dropEmpty(_ place: TikTokPlace) {
        emptyRecords[Self.section(of: place.locator), default: 0] += 1
    }

    /// The locator of the list a record belongs to (its pointer without the last token).
    static func section(of locator: Locator) -> String {
        guard let pointer = locator.pointer, let slash = pointer.lastIndex(of: "/") else { return locator.entry }
        return "\(locator.entry)#\(pointer[..<slash])"
    }

    /// Reports what was dropped, as counts only.
    func reportDropped() {
        for (section, count) in emptyRecords.sorted(by: { $0.key < $1.key }) {
            sink.skipped(section: section, reason: "\(count) entries held no time, link or text and were not recorded")
        }
    }
}
