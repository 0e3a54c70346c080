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

    /// The `class` attribute's words.
    package var classes: [Substring] { (attributes["class"] ?? "").split(separator: " ") }

    package func hasClass(_ word: String) -> Bool { classes.contains { $0 == word } }

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
        let spaces: Set<UInt32> = [0xA0, 0x2002, 0x2003, 0x2009, 0x202F]
        guard text.unicodeScalars.contains(where: { spaces.contains($0.value) }) else {
            return text.trimmingCharacters(in: .whitespacesAndNewlines)
        }
        var scalars = String.UnicodeScalarView()
        for scalar in text.unicodeScalars { scalars.append(spaces.contains(scalar.value) ? " " : scalar) }
        return String(scalars).trimmingCharacters(in: .whitespacesAndNewlines)
    }
}

/// One `<br>`-separated line of an element: its text and its links (`href`, link text).
package struct HTMLLine {
    package var text = ""
    package var links: [(href: String, text: String)] = []

    var finished: HTMLLine { HTMLLine(text: HTMLElement.plain(text), links: links) }
}
