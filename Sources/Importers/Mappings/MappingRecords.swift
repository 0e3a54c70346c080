import AccountModel
import Foundation
import Readers

/// Turns one source record into the records a rule describes, counting what it could not read
/// so the import report can say so (without quoting any value).
struct MappingRecordBuilder {
    let mapping: Mapping
    let export: ExportReader
    let document: ExportDocument
    /// `field → count` of values present but unreadable (a time that is no time, an amount that is
    /// no amount), reported once per document.
    private(set) var unreadable: [String: Int] = [:]
    private(set) var skippedByCondition = 0
    private(set) var empty = 0

    init(mapping: Mapping, export: ExportReader, document: ExportDocument) {
        self.mapping = mapping
        self.export = export
        self.document = document
    }

    /// Whether the record meets every condition of a rule's `when` (a rule without one takes all).
    func selects(_ rule: Mapping.Rule, _ record: SourceRecord) -> Bool {
        rule.when.allSatisfy { matches($0, record) }
    }

    mutating func emit(_ record: SourceRecord, rule: Mapping.Rule, into sink: RecordSink) throws {
        guard selects(rule, record) else { return }
        if rule.skipWhen.contains(where: { matches($0, record) }) {
            skippedByCondition += 1
            return
        }
        // A row where none of the mapped fields has a value is a blank or a subtotal line.
        let mapped = rule.fields.values.filter { $0.constant == nil }
        if !mapped.isEmpty && !mapped.contains(where: { resolve($0, record) != nil }) {
            empty += 1
            return
        }
        switch rule.target {
        case .item(let kindSpec):
            guard let word = resolve(kindSpec, record), let kind = ItemKind(rawValue: word) else { return count("item kind") }
            try sink.add(Item(platform: mapping.platform, kind: kind, nativeID: text("native_id", rule, record),
                              url: text("url", rule, record), createdAt: time(rule, record), title: text("title", rule, record),
                              text: text("text", rule, record), counterpart: text("target", rule, record),
                              raw: record.raw, media: media(rule, record), locator: record.locator))
        case .activity(let kindSpec):
            guard let word = resolve(kindSpec, record), let kind = ActivityKind(rawValue: word) else { return count("activity kind") }
            let (amount, currency) = money(rule, record)
            var duration: Double?
            if let d = text("duration", rule, record) {
                duration = Double(d)
                if duration == nil { count("duration") }
            }
            try sink.add(Activity(platform: mapping.platform, kind: kind, occurredAt: time(rule, record), url: text("url", rule, record),
                                  text: text("text", rule, record), durationSeconds: duration, amount: amount, currency: currency,
                                  detail: detail(rule, record), locator: record.locator))
        case .inference(let kind):
            guard let label = text("label", rule, record) else { return }
            try sink.add(Inference(platform: mapping.platform, kind: kind, label: label, locator: record.locator))
        case .identity(let field):
            guard let value = text("value", rule, record) else { return }
            try sink.add(IdentityFact(platform: mapping.platform, field: field, value: value, locator: record.locator))
        }
    }

    // MARK: - Fields

    func resolve(_ spec: Mapping.FieldSpec, _ record: SourceRecord) -> String? {
        // The first non-empty of `from`, else the template, else the constant or default.
        var value = spec.from.lazy.compactMap { record.value($0) }.first
        if value == nil, let template = spec.template { value = fill(template, record) }
        if let pattern = spec.extract, let v = value { value = pattern.firstCapture(v).flatMap(SourceRecord.clean) }
        if let map = spec.map {
            if let v = value { value = map[v] ?? spec.fallback } else { value = spec.constant ?? spec.fallback }
            return value
        }
        return value ?? spec.constant ?? spec.fallback
    }

    private func fill(_ template: String, _ record: SourceRecord) -> String? {
        var out = "", name: String?
        for char in template {
            if char == "{" { name = "" } else if char == "}", let field = name {
                guard let value = record.value(field) else { return nil }
                out += value
                name = nil
            } else if name != nil { name?.append(char) } else { out.append(char) }
        }
        return out
    }

    private func text(_ field: String, _ rule: Mapping.Rule, _ record: SourceRecord) -> String? {
        rule.fields[field].flatMap { resolve($0, record) }
    }

    private mutating func time(_ rule: Mapping.Rule, _ record: SourceRecord) -> RecordTime? {
        guard let spec = rule.fields["time"], let text = resolve(spec, record) else { return nil }
        let parsed: RecordTime?
        switch spec.timeFormat {
        case .local:
            parsed = LocalTimes.parse(text, zone: spec.zone ?? mapping.zone) ?? TimeParsing.epoch(text)
        case .utc: parsed = TimeParsing.parse(text)
        case .epoch: parsed = TimeParsing.epoch(text)
        case .iso8601: parsed = TimeParsing.iso8601(text)
        }
        if parsed == nil { count("time") }
        return parsed
    }

    /// The amount (times the quantity when one is mapped) and its currency: a symbol in the
    /// amount wins over the mapping's currency field, which is only a default.
    private mutating func money(_ rule: Mapping.Rule, _ record: SourceRecord) -> (String?, String?) {
        guard let written = text("amount", rule, record) else { return (nil, nil) }
        guard let parsed = Amounts.parse(written, yenSign: mapping.yenSign) else {
            count("amount")
            return (nil, nil)
        }
        var value = parsed.value
        if rule.fields["amount"]?.negate == true {
            value = value.hasPrefix("-") ? String(value.dropFirst()) : (DecimalText.isZero(value) ? value : "-" + value)
        }
        if let quantityText = text("quantity", rule, record) {
            if let quantity = Amounts.parse(quantityText)?.value, let product = DecimalText.multiply(value, quantity) { value = product } else { count("quantity") }
        }
        return (value, parsed.currency ?? text("currency", rule, record).map { $0.uppercased() })
    }

    private func detail(_ rule: Mapping.Rule, _ record: SourceRecord) -> JSONValue? {
        var pairs: [(String, JSONValue)] = []
        if let id = text("native_id", rule, record) { pairs.append(("id", .string(id))) }
        if let target = text("target", rule, record) { pairs.append(("target", .string(target))) }
        if let quantity = text("quantity", rule, record) { pairs.append(("quantity", .string(quantity))) }
        for (name, spec) in rule.detail { if let value = resolve(spec, record) { pairs.append((name, .string(value))) } }
        return pairs.isEmpty ? nil : .obj(pairs)
    }

    /// Media named by path: relative to the document's folder, or from the export's root.
    private func media(_ rule: Mapping.Rule, _ record: SourceRecord) -> [MediaReference] {
        guard let list = text("media", rule, record) else { return [] }
        let folder = document.path.contains("/") ? String(document.path[...(document.path.lastIndex(of: "/") ?? document.path.startIndex)]) : ""
        return list.split(whereSeparator: { $0 == ";" || $0 == "|" || $0 == "\n" }).compactMap { part in
            let name = part.trimmingCharacters(in: .whitespaces)
            for candidate in [folder + name, name] {
                if let path = try? ExportReader.safePath(candidate, file: export.displayName), let entry = export.entry(at: path) {
                    return MediaReference(entry: entry.path)
                }
            }
            return nil
        }
    }

    func matches(_ condition: Mapping.Condition, _ record: SourceRecord) -> Bool {
        guard let value = resolve(condition.field, record) else { return condition.whenEmpty }
        return condition.values.contains(value) || condition.matches?.matches(value) == true
    }

    private mutating func count(_ field: String) { unreadable[field, default: 0] += 1 }
}

/// Exact decimal arithmetic on the normalized strings `Amounts` returns.
enum DecimalText {
    /// `29.90 × 2 = 59.80`; `nil` on overflow or malformed input.
    static func multiply(_ a: String, _ b: String) -> String? {
        guard let (x, xs) = scaled(a), let (y, ys) = scaled(b) else { return nil }
        let (product, overflow) = x.multipliedReportingOverflow(by: y)
        guard !overflow else { return nil }
        var scale = xs + ys
        var value = product
        // Keep the amount's own precision when the quantity's fraction adds only zeros.
        while scale > xs, value % 10 == 0 { value /= 10; scale -= 1 }
        return format(value, scale: scale)
    }

    static func scaled(_ text: String) -> (Int64, Int)? {
        let negative = text.hasPrefix("-")
        let body = negative ? text.dropFirst() : Substring(text)
        let parts = body.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count <= 2, let whole = parts.first, whole.allSatisfy(\.isNumber),
              parts.count == 1 || parts[1].allSatisfy(\.isNumber), let value = Int64(parts.joined()) else { return nil }
        return (negative ? -value : value, parts.count == 2 ? parts[1].count : 0)
    }

    static func isZero(_ text: String) -> Bool { text.allSatisfy { $0 == "0" || $0 == "." || $0 == "-" } }

    static func format(_ value: Int64, scale: Int) -> String {
        let negative = value < 0
        var digits = String(value.magnitude)
        guard scale > 0 else { return (negative ? "-" : "") + digits }
        if digits.count <= scale { digits = String(repeating: "0", count: scale - digits.count + 1) + digits }
        let split = digits.index(digits.endIndex, offsetBy: -scale)
        return (negative ? "-" : "") + digits[..<split] + "." + digits[split...]
    }
}
