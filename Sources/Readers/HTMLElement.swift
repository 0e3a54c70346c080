import Foundation

/// One element of an HTML page with what it holds, as the HTML reader hands it over: a record of
/// an export page (a Takeout `outer-cell`, a Meta `uiBoxWhite` box), never the whole page.
/// Entities are decoded by libxml2; names are lowercase.
package final class HTMLElement {
    package enum Child {
        case element(HTMLElement)
        case text(String)
    }

    package let name: String
    package let attributes: [String: String]
    package var children: [Child] = []

    package init(name: String, attributes: [String: String]) {
        self.name = name
        self.attributes = attributes
    }

    /// Whether the `class` attribute lists `word`. Byte-level: importers ask this of every
    /// element of every record.
    package func hasClass(_ word: String) -> Bool {
        guard var list = attributes["class"] else { return false }
        var word = word
        return list.withUTF8 { l in word.withUTF8 { w in HTMLClassList.contains(l, w) } }
    }

    package var elements: [HTMLElement] {
        children.compactMap { if case .element(let element) = $0 { return element } else { return nil } }
    }

    /// The first element below this one (depth first) that satisfies `test`.
    package func first(where test: (HTMLElement) -> Bool) -> HTMLElement? {
        for child in elements {
            if test(child) { return child }
            if let found = child.first(where: test) { return found }
        }
        return nil
    }

    /// Every element below this one (depth first) that satisfies `test`, not looking inside a match.
    package func all(where test: (HTMLElement) -> Bool) -> [HTMLElement] {
        var found: [HTMLElement] = []
        for child in elements {
            if test(child) { found.append(child) } else { found += child.all(where: test) }
        }
        return found
    }

    /// The text inside, `<br>` as a line break, with no-break and em spaces made plain spaces
    /// (Takeout writes `Watched&nbsp;`, `&emsp;YouTube`), trimmed.
    package var text: String {
        var out = ""
        appendText(to: &out)
        return HTMLElement.plain(out)
    }

    private func appendText(to out: inout String) {
        for child in children {
            switch child {
            case .text(let text): out += text
            case .element(let element):
                if element.name == "br" { out += "\n" } else { element.appendText(to: &out) }
            }
        }
    }

    /// The children split into lines at each `<br>`: each line's text (trimmed) and the links in it.
    package var lines: [HTMLLine] {
        var lines: [HTMLLine] = []
        var current = HTMLLine()
        for child in children {
            switch child {
            case .text(let text): current.text += text
            case .element(let element) where element.name == "br":
                lines.append(current.finished)
                current = HTMLLine()
            case .element(let element):
                current.text += element.text
                if element.name == "a", let href = element.attributes["href"] { current.links.append((href, element.text)) }
                current.links += element.all { $0.name == "a" }.compactMap { a in a.attributes["href"].map { ($0, a.text) } }
            }
        }
        lines.append(current.finished)
        return lines.filter { !$0.text.isEmpty || !$0.links.isEmpty }
    }

    package static func plain(_ text: String) -> String {
        let all = text.unicodeScalars
        guard let first = all.firstIndex(where: { !isSpace($0) }), let last = all.lastIndex(where: { !isSpace($0) }) else { return "" }
        var scalars = String.UnicodeScalarView()
        for scalar in all[first...last] {
            switch scalar.value {
            case 0xA0, 0x2002, 0x2003, 0x2009, 0x202F: scalars.append(" ")
            default: scalars.append(scalar)
            }
        }
        return String(scalars)
    }

    /// Whitespace as HTML exports use it, no-break and em spaces included: `plain` trims it at
    /// both ends and makes inner no-break, em, thin and narrow spaces plain spaces (runs and line
    /// breaks are kept: a title must read as its JSON form does).
    static func isSpace(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x20, 0x09, 0x0A, 0x0B, 0x0C, 0x0D, 0x85, 0xA0, 0x2000...0x200A, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000: return true
        default: return false
        }
    }
}

/// One `<br>`-separated line of an element: its text and its links (`href`, link text).
package struct HTMLLine {
    package var text = ""
    package var links: [(href: String, text: String)] = []

    var finished: HTMLLine { HTMLLine(text: HTMLElement.plain(text), links: links) }
}

/// A `class` attribute's words, compared as bytes.
enum HTMLClassList {
    static func contains(_ list: UnsafeBufferPointer<UInt8>, _ word: UnsafeBufferPointer<UInt8>) -> Bool {
        guard !word.isEmpty else { return false }
        var start = 0
        while start < list.count {
            while start < list.count, isSeparator(list[start]) { start += 1 }
            var end = start
            while end < list.count, !isSeparator(list[end]) { end += 1 }
            if end - start == word.count, (0..<word.count).allSatisfy({ list[start + $0] == word[$0] }) { return true }
            start = end
        }
        return false
    }

    static func isSeparator(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0C || byte == 0x0D }
}
