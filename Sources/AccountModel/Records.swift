import Foundation

/// Where inside an export a record came from: an entry path plus a JSON Pointer (RFC 6901), or a
/// CSV/TXT line number. Stored as text: `entry#/pointer` or `entry:line`.
public struct Locator: Sendable, Equatable, CustomStringConvertible {
    public var entry: String
    public var pointer: String?
    public var line: Int?

    public init(entry: String, pointer: String? = nil, line: Int? = nil) {
        self.entry = entry
        self.pointer = pointer
        self.line = line
    }

    public var description: String {
        if let pointer { return "\(entry)#\(pointer)" }
        if let line { return "\(entry):\(line)" }
        return entry
    }

    /// A locator one level deeper in a JSON document.
    public func appending(_ token: String) -> Locator {
        let escaped = token.replacingOccurrences(of: "~", with: "~0").replacingOccurrences(of: "/", with: "~1")
        return Locator(entry: entry, pointer: (pointer ?? "") + "/" + escaped)
    }

    public func appending(_ index: Int) -> Locator { appending(String(index)) }
}

/// A moment as UTC ISO-8601 (`2025-05-01T23:16:38Z`) and how it was known.
public struct RecordTime: Sendable, Equatable {
    public var utc: String
    public var basis: TimeBasis
    public init(utc: String, basis: TimeBasis) {
        self.utc = utc
        self.basis = basis
    }
}

/// A file of the export that belongs to an item (a photo, a video). Copied into the account's
/// content-addressed media store by the import pipeline, never held in memory.
public struct MediaReference: Sendable, Equatable {
    public var entry: String
    public init(entry: String) { self.entry = entry }
}

/// Content the owner authored.
public struct Item: Sendable {
    public var platform: Platform
    public var kind: ItemKind
    /// The platform's id as a string (ids exceed 2^53); `nil` when the platform gives none.
    public var nativeID: String?
    public var url: String?
    public var createdAt: RecordTime?
    public var title: String?
    public var text: String?
    /// For messages and replies: who or what the item was addressed to.
    public var counterpart: String?
    /// The platform's record, verbatim, so nothing it gave is lost.
    public var raw: JSONValue
    /// `raw` as compact JSON text, when the importer has it from the export's own bytes
    /// (`JSONReader.compactText`); stored instead of serializing `raw` again.
    public var rawJSON: [UInt8]?
    public var media: [MediaReference]
    public var locator: Locator
    /// Length of a video or live stream, when the export states it.
    public var durationSeconds: Double?

    public init(platform: Platform, kind: ItemKind, nativeID: String? = nil, url: String? = nil,
                createdAt: RecordTime? = nil, title: String? = nil, text: String? = nil,
                counterpart: String? = nil, raw: JSONValue, rawJSON: [UInt8]? = nil, media: [MediaReference] = [],
                locator: Locator, durationSeconds: Double? = nil) {
        self.platform = platform
        self.kind = kind
        self.nativeID = nativeID
        self.url = url
        self.createdAt = createdAt
        self.title = title
        self.text = text
        self.counterpart = counterpart
        self.raw = raw
        self.rawJSON = rawJSON
        self.media = media
        self.locator = locator
        self.durationSeconds = durationSeconds
    }
}

/// Something the owner did. Watch histories hold millions of these, so only a few fields are
/// kept; `detail` carries what else a record says that matters (gift value, device …).
public struct Activity: Sendable {
    public var platform: Platform
    public var kind: ActivityKind
    public var occurredAt: RecordTime?
    public var url: String?
    /// The search term, the share method, the product, the account followed …
    public var text: String?
    public var durationSeconds: Double?
    /// A decimal amount as written after normalization (`"1219.49"`), never a float.
    public var amount: String?
    public var currency: String?
    public var detail: JSONValue?
    public var locator: Locator

    public init(platform: Platform, kind: ActivityKind, occurredAt: RecordTime? = nil, url: String? = nil,
                text: String? = nil, durationSeconds: Double? = nil, amount: String? = nil,
                currency: String? = nil, detail: JSONValue? = nil, locator: Locator) {
        self.platform = platform
        self.kind = kind
        self.occurredAt = occurredAt
        self.url = url
        self.text = text
        self.durationSeconds = durationSeconds
        self.amount = amount
        self.currency = currency
        self.detail = detail
        self.locator = locator
    }
}

/// What the platform inferred about the owner.
public struct Inference: Sendable {
    public var platform: Platform
    public var kind: InferenceKind
    public var label: String
    public var locator: Locator
    public init(platform: Platform, kind: InferenceKind, label: String, locator: Locator) {
        self.platform = platform
        self.kind = kind
        self.label = label
        self.locator = locator
    }
}

/// One fact about the owner's profile on a platform (`username`, `display_name`, `email` …).
public struct IdentityFact: Sendable {
    public var platform: Platform
    public var field: String
    public var value: String
    public var locator: Locator
    public init(platform: Platform, field: String, value: String, locator: Locator) {
        self.platform = platform
        self.field = field
        self.value = value
        self.locator = locator
    }
}

/// Where importers send what they find. The store batches everything of one export into one
/// transaction; importers never write SQL.
public protocol RecordSink: AnyObject {
    func add(_ item: Item) throws
    func add(_ activity: Activity) throws
    func add(_ inference: Inference) throws
    func add(_ identity: IdentityFact) throws
    /// A part of the export the importer did not map: reported to the person, never fatal.
    func skipped(section: String, reason: String)
}
