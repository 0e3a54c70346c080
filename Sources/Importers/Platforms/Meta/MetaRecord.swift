import AccountModel
import Foundation
import Readers

/// One field of a Meta record, whichever of Meta's encodings it came from.
struct MetaField: Sendable {
    /// The (localized) label; `nil` in `string_list_data`, where fields are positional.
    var label: String?
    var value: String?
    var href: String?
    var time: RecordTime?
    /// For nested `label_values` (`dict`, `vec`): the label of the enclosing entry (`Owner`).
    var parent: String?
}

/// A record of a Meta export with its three encodings read the same way:
/// - `string_map_data`: `{"Label": {"href", "value", "timestamp"}}` (Instagram until 2025),
/// - `string_list_data`: `[{"href", "value", "timestamp"}]` next to a `title` (likes, follows),
/// - `label_values`: `[{"label", "value" | "href" | "timestamp_value" | "dict" | "vec"}]`
///   next to `timestamp`, `title` and `fbid` (Meta's 2024+ form, Instagram likes from 2026).
/// Plain Facebook records (`{"name", "timestamp"}`) and bare strings (`topics_v2`) are records
/// too; their members are read with `member`/`text`.
struct MetaRecord: Sendable {
    let value: JSONValue
    let fields: [MetaField]

    init(_ value: JSONValue) {
        self.value = value
        var fields: [MetaField] = []
        if let map = value.member("string_map_data")?.members {
            fields += map.map { MetaRecord.field($0.value, label: $0.key, parent: nil) }
        }
        if let list = value.member("string_list_data")?.arrayValue {
            fields += list.map { MetaRecord.field($0, label: nil, parent: nil) }
        }
        if let labelled = value.member("label_values")?.arrayValue {
            MetaRecord.flatten(labelled, parent: nil, into: &fields)
        }
        self.fields = fields
    }

    /// A record read from an HTML page (`MetaHTMLBox`): its fields were found in the page's
    /// label/value cells, with times already read from their written form.
    init(_ value: JSONValue, fields: [MetaField]) {
        self.value = value
        self.fields = fields
    }

    var isObject: Bool { value.members != nil }

    /// A bare string record (`"topics_v2": ["Cosmetics", …]`).
    var string: String? {
        guard case .string(let s) = value else { return nil }
        return MetaText.clean(s)
    }

    func text(_ names: String...) -> String? { value.member(anyOf: names).flatMap(MetaText.of) }
    func member(_ names: String...) -> JSONValue? { value.member(anyOf: names) }
    var title: String? { text("title") }

    /// The record's moment: its own `timestamp`, else a time-labelled field, else the first
    /// field carrying a timestamp. Meta writes epoch seconds (UTC by definition: `exact`);
    /// `0` means "no time".
    var time: RecordTime? {
        if let own = MetaTime.of(member("timestamp", "creation_timestamp", "timestamp_ms")) { return own }
        if let labelled = fields.first(where: { MetaLabels.time.matches($0.label) && $0.time != nil }) { return labelled.time }
        return fields.first { $0.time != nil }?.time
    }

    /// The first non-empty value whose label plays `role`.
    func value(_ role: MetaLabelRole) -> String? {
        fields.first { role.matches($0.label) && $0.value != nil }?.value
    }

    /// The first non-empty value whose label plays `role` or whose parent entry does
    /// (`label_values` nest the owner's username inside an `Owner` dict).
    func value(_ role: MetaLabelRole, under parent: MetaLabelRole) -> String? {
        fields.first { role.matches($0.label) && parent.matches($0.parent) && $0.value != nil }?.value
    }

    func href(_ role: MetaLabelRole) -> String? {
        fields.first { role.matches($0.label) && ($0.href ?? $0.value) != nil }.flatMap { $0.href ?? $0.value }
    }

    /// The first non-empty value of any field: the structural fallback when a label is not
    /// one of the known translations.
    var firstValue: String? { fields.first { $0.value != nil }?.value }
    var firstHref: String? { fields.first { $0.href != nil }?.href }

    // MARK: - Reading the encodings

    private static func field(_ entry: JSONValue, label: String?, parent: String?) -> MetaField {
        MetaField(label: label, value: entry.member("value").flatMap(MetaText.of), href: entry.member("href").flatMap(MetaText.of),
                  time: MetaTime.of(entry.member("timestamp", "timestamp_value")), parent: parent)
    }

    /// `label_values` nest: `{"label": "Owner", "dict": [{"dict": [{"label": "Username", …}]}]}`
    /// and `{"label": "Events", "vec": [{"dict": […]}]}`. Flattened depth-first, each field
    /// remembering the nearest labelled ancestor.
    private static func flatten(_ items: [JSONValue], parent: String?, into fields: inout [MetaField]) {
        for item in items {
            guard item.members != nil else {
                if let text = MetaText.of(item) { fields.append(MetaField(label: nil, value: text, parent: parent)) }
                continue
            }
            let label = (item.member("label") ?? item.member("title")).flatMap(MetaText.of)
            if item.member("value") != nil || item.member("href") != nil || item.member("timestamp_value") != nil {
                fields.append(field(item, label: label, parent: parent))
            }
            if let nested = item.member("dict")?.arrayValue { flatten(nested, parent: label ?? parent, into: &fields) }
            if let nested = item.member("vec")?.arrayValue { flatten(nested, parent: label ?? parent, into: &fields) }
        }
    }
}

enum MetaText {
    /// A scalar as trimmed text; blank and `null` read as absent.
    static func of(_ value: JSONValue) -> String? {
        switch value {
        case .string(let s): return clean(s)
        case .number(let n): return n
        default: return nil
        }
    }

    static func clean(_ s: String) -> String? {
        let trimmed = s.trimmingCharacters(in: .whitespacesAndNewlines)
        return trimmed.isEmpty ? nil : trimmed
    }
}

enum MetaTime {
    /// Meta's epoch numbers (seconds; `timestamp_ms` in milliseconds) as `exact` UTC.
    /// `0`, negatives and anything else read as absent rather than 1970.
    static func of(_ value: JSONValue?) -> RecordTime? {
        switch value {
        case .number(let text)?, .string(let text)?: return TimeParsing.epoch(text)
        default: return nil
        }
    }
}
