import AccountModel

/// A drafted letter: plain text to paste into a web form or e-mail, and a printable HTML page.
public struct Letter: Sendable {
    public enum Block: Sendable, Equatable {
        case paragraph(String)
        case list([String])
    }

    public var language: Language
    /// Addressee block, one line each (name, address lines).
    public var to: [String]
    /// How to send it (web form, e-mail), one line each.
    public var via: [String]
    public var date: Day
    public var subject: String
    public var blocks: [Block]
    /// Notes for the sender, not part of the letter (missing address, placeholders to fill).
    public var notes: [String]

    public var text: String {
        var lines = to
        lines.append("")
        lines.append(date.description)
        lines.append("")
        lines.append(subject)
        lines.append("")
        for block in blocks {
            switch block {
            case .paragraph(let p): lines.append(p)
            case .list(let items): lines.append(contentsOf: items.map { "- " + $0 })
            }
            lines.append("")
        }
        return lines.joined(separator: "\n")
    }

    public var html: String {
        let e = HTMLText.escape
        var body = "<address>" + to.map(e).joined(separator: "<br>") + "</address>"
        if !via.isEmpty { body += "<p class=via>" + via.map(e).joined(separator: "<br>") + "</p>" }
        body += "<p class=date>\(e(date.description))</p><h1>\(e(subject))</h1>"
        for block in blocks {
            switch block {
            case .paragraph(let p): body += "<p>\(e(p))</p>"
            case .list(let items): body += "<ol>" + items.map { "<li>\(e($0))</li>" }.joined() + "</ol>"
            }
        }
        return """
            <!doctype html>
            <html lang=\(language.rawValue)><head><meta charset=utf-8><meta name=viewport content="width=device-width,initial-scale=1">
            <meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
            <title>\(e(subject))</title>
            <style>body{font:12pt/1.5 Georgia,"Noto Serif","Noto Serif CJK SC",serif;max-width:40em;margin:2em auto;padding:0 1em;color:#000}
            address{font-style:normal;margin-bottom:2em}.via{color:#555;font-size:.9em}.date{text-align:right}h1{font-size:1.1em}
            @media print{.via{display:none}body{margin:0}}</style></head>
            <body>\(body)</body></html>

            """
    }
}
