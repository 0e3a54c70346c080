import AccountModel
import Foundation
import Readers

/// One record of a Meta HTML page: a `div.uiBoxWhite` box. Meta's class names are generated
/// (`_a6-g`, `_2pim`), so the box is read by structure, with the few classes that have stayed
/// put since 2022 as hints:
///
///     2022–2023: <div class="pam _3-95 _2ph- _a6-g uiBoxWhite noborder">
///                  <div class="_3-95 _2pim _a6-h _a6-i">title</div>
///                  <div class="_3-95 _a6-p"><div><div><a href="…">value</a></div><div>Dec 28, 2020, 7:20 am</div></div></div>
///                  <div class="_3-94 _a6-o">time</div></div>
///     2024– :    … <div class="_3-95 _a6-p"><table>
///                  <tr><td colspan="2" class="_2pin _a6_q">Comment<div><div>text</div></div></td></tr>
///                  <tr><td class="_2pin _a6_q">Time</td><td class="_2pin _2piu _a6_r">Jan 05, 2024 10:15:30 pm</td></tr>
///                </table></div> …
///
/// A table row is a labelled field (label cell and value cell, or a label cell holding the value
/// in nested divs); without a table, each innermost div is an unlabelled field, as
/// `string_list_data` is in JSON. A value written as a time becomes the field's time. Labels stay
/// as written: the builders match them against `MetaLabels`, the same table the JSON importers
/// use. Media are the `img`/`video` sources and local links.
struct MetaHTMLBox {
    var title: String?
    var fields: [MetaField] = []
    var media: [String] = []
    var footerTime: RecordTime?

    /// Meta writes wall-clock times without a zone; they are read as UTC and marked
    /// `naive_local` (the zone is the one the download was requested in, which the export does
    /// not state).
    static func time(_ text: String?) -> RecordTime? {
        text.flatMap { WrittenTimes.parse($0, unzoned: .naiveLocal) }
    }

    init(_ box: HTMLElement, page: String) {
        let content = box.first { $0.hasClass("_a6-p") } ?? box
        let heading = box.first { $0.hasClass("_a6-h") || $0.name == "h2" }
        title = heading?.text.nilIfEmpty
        footerTime = Self.time(box.first { $0.hasClass("_a6-o") }?.text)
        let rows = content.all { $0.name == "tr" }
        if rows.isEmpty {
            for leaf in Self.leaves(content) where leaf !== heading { fields.append(Self.field(label: nil, value: leaf)) }
        } else {
            for row in rows {
                let cells = row.elements.filter { $0.name == "td" || $0.name == "th" }
                if cells.count >= 2 {
                    fields.append(Self.field(label: cells[0].text.nilIfEmpty, value: cells[1]))
                } else if let cell = cells.first {
                    // `<td>Label<div><div>value</div></div></td>`: the cell's own text is the label.
                    let own = cell.children.compactMap { if case .text(let t) = $0 { return t } else { return nil } }.joined()
                    if let nested = cell.elements.first(where: { $0.name != "br" }) {
                        fields.append(Self.field(label: HTMLElement.plain(own).nilIfEmpty, value: nested))
                    } else {
                        fields.append(Self.field(label: nil, value: cell))
                    }
                }
            }
        }
        fields = fields.filter { $0.value != nil || $0.href != nil || $0.time != nil }
        let sources = box.all { ["img", "video", "source"].contains($0.name) }.compactMap { $0.attributes["src"] }
            + box.all { $0.name == "a" }.compactMap { $0.attributes["href"] }.filter(Self.isLocalFile)
        var seen = Set<String>()
        media = sources.map { Self.exportPath($0, page: page) }.filter { seen.insert($0).inserted }
    }

    /// The innermost divs (and the content itself when it has none): where 2022 pages put values.
    static func leaves(_ element: HTMLElement) -> [HTMLElement] {
        let divs = element.elements.filter { $0.name == "div" }
        if divs.isEmpty { return element.text.isEmpty ? [] : [element] }
        return divs.flatMap(leaves)
    }

    static func field(label: String?, value cell: HTMLElement) -> MetaField {
        let text = cell.text.nilIfEmpty
        let link = cell.name == "a" ? cell : cell.first { $0.name == "a" }
        let href = link?.attributes["href"].flatMap { isLocalFile($0) ? nil : $0.nilIfEmpty }
        if let time = time(text) { return MetaField(label: label, value: nil, href: href, time: time, parent: nil) }
        return MetaField(label: label, value: text, href: href, time: nil, parent: nil)
    }

    static func isLocalFile(_ href: String) -> Bool {
        !href.contains("://") && !href.hasPrefix("mailto:") && !href.hasPrefix("#") && href.contains(".")
            && !href.lowercased().hasSuffix(".html")
    }

    /// A media source as an export path: Meta writes them from the export's root (`media/posts/…`)
    /// or relative to the page (`../../media/…`); the latter are resolved against the page.
    static func exportPath(_ source: String, page: String) -> String {
        guard source.hasPrefix("../") || source.hasPrefix("./") else { return source }
        var parts = page.split(separator: "/").dropLast().map(String.init)
        for part in source.split(separator: "/") {
            if part == ".." { if !parts.isEmpty { parts.removeLast() } } else if part != "." { parts.append(String(part)) }
        }
        return parts.joined(separator: "/")
    }

    /// The record as the builders read it: `title`, the fields as `label_values`, the media as
    /// Instagram's `media` list and Facebook's `attachments`, the time in UTC. Kept as the item's
    /// raw record.
    func record(shape: MetaHTMLShape) -> MetaRecord {
        var fields = self.fields
        var title = self.title
        switch shape {
        case .fields: break
        case .label(let label):
            // The page's one unlabelled text is what the JSON form labels `label`.
            if let index = fields.firstIndex(where: { $0.label == nil && $0.value != nil }) { fields[index].label = label }
        case .caption:
            if title == nil, let index = fields.firstIndex(where: { $0.label == nil && $0.value != nil }) {
                title = fields[index].value
                fields.remove(at: index)
            }
        }
        let time = footerTime ?? fields.first { MetaLabels.time.matches($0.label) && $0.time != nil }?.time ?? fields.first { $0.time != nil }?.time
        if let time, !fields.contains(where: { $0.time != nil }) {
            fields.append(MetaField(label: nil, value: nil, href: nil, time: time, parent: nil))
        }
        let labelValues: [JSONValue] = fields.map { field in
            .obj([("label", field.label.map(JSONValue.string) ?? .null), ("value", field.value.map(JSONValue.string) ?? .null),
                  ("href", field.href.map(JSONValue.string) ?? .null), ("time", field.time.map { .string($0.utc) } ?? .null)])
        }
        let uris = media.map { JSONValue.obj([("uri", .string($0))]) }
        let value = JSONValue.obj([
            ("title", title.map(JSONValue.string) ?? .null),
            ("label_values", .array(labelValues)),
            ("media", .array(uris)),
            ("attachments", .array(uris.isEmpty ? [] : [.obj([("data", .array(uris.map { .obj([("media", $0)]) }))])])),
        ])
        return MetaRecord(value, fields: fields)
    }
}

/// How a page's boxes become records the JSON builders read.
enum MetaHTMLShape: Sendable {
    /// Fields as found.
    case fields
    /// The first unlabelled text gets this label (`Comment`, `Message`): where JSON names a
    /// field the HTML page leaves bare.
    case label(String)
    /// Without a heading, the first unlabelled text is the caption (`title`).
    case caption
}

extension String {
    var nilIfEmpty: String? { isEmpty ? nil : self }
}
