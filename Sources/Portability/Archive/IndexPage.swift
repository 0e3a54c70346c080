import AccountModel
import Foundation

/// `data/index.html`: what a person sees when they open the archive, offline, in any browser.
/// One self-contained page: inline CSS, no script, no request to the network; every link is
/// relative to the page so it works from the unzipped folder. Written as items stream by.
final class IndexPage {
    struct Media {
        var file: String
        var mediaType: String?
    }

    let spool: Spool
    private var platform: String?

    init(in directory: URL, title: String, ownerName: String?, ownerDID: String, created: String) throws {
        spool = try Spool(in: directory, name: ArchiveLayout.indexPage)
        try spool.append("""
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <meta http-equiv="Content-Security-Policy" content="script-src 'none'; connect-src 'none'; object-src 'none'">
            <title>\(HTMLText.escape(title))</title>
            <style>
            body { font: 15px/1.5 system-ui, sans-serif; max-width: 60rem; margin: 2rem auto; padding: 0 1rem; color: #222; }
            header { border-bottom: 1px solid #ccc; margin-bottom: 1rem; }
            code { font-size: 0.85em; word-break: break-all; }
            article { border-bottom: 1px solid #eee; padding: 0.6rem 0; }
            .meta { color: #666; font-size: 0.85em; }
            .text { white-space: pre-wrap; margin: 0.3rem 0; }
            img, video { max-width: 16rem; max-height: 12rem; display: block; margin: 0.3rem 0; }
            </style>
            </head>
            <body>
            <header>
            <h1>\(HTMLText.escape(title))</h1>
            <p>Owner: \(HTMLText.escape(ownerName ?? "—")) · <code>\(HTMLText.escape(ownerDID))</code></p>
            <p class="meta">Exported \(HTMLText.escape(created)). Each item folder holds the item (<code>item.json</code>), its media
            and <code>authorship.vc.json</code>, a claim of authorship signed with the owner's key. Check the whole archive
            with <code>pda verify</code> or any BagIt and Verifiable Credentials tool (see <code>ro-crate-metadata.json</code>).</p>
            </header>
            <main>

            """)
    }

    /// Items arrive grouped by platform; a heading starts each group.
    func add(platform: String, kind: String, date: String?, title: String?, text: String?, url: String?,
             folder: String, media: [Media]) throws {
        var html = ""
        if platform != self.platform {
            html += "<h2 id=\"\(HTMLText.escape(platform))\">\(HTMLText.escape(platform))</h2>\n"
            self.platform = platform
        }
        html += "<article>\n<div class=\"meta\">\(HTMLText.escape(kind)) · \(HTMLText.escape(date ?? "date unknown"))"
        if let url, url.hasPrefix("https://") || url.hasPrefix("http://") {
            html += " · <a href=\"\(HTMLText.escape(url))\" rel=\"noreferrer\">original</a>"
        }
        html += " · <a href=\"\(HTMLText.escape(folder))item.json\">item.json</a>"
        html += " · <a href=\"\(HTMLText.escape(folder))\(ArchiveLayout.claimFile)\">claim</a></div>\n"
        if let title, !title.isEmpty { html += "<h3>\(HTMLText.escape(title))</h3>\n" }
        if let text, !text.isEmpty { html += "<p class=\"text\">\(HTMLText.escape(text))</p>\n" }
        for m in media {
            let href = HTMLText.escape(folder + m.file)
            switch m.mediaType?.split(separator: "/").first {
            case "image": html += "<a href=\"\(href)\"><img src=\"\(href)\" alt=\"\(HTMLText.escape(m.file))\" loading=\"lazy\"></a>\n"
            case "video": html += "<video src=\"\(href)\" controls preload=\"none\"></video>\n"
            default: html += "<a href=\"\(href)\">\(HTMLText.escape(m.file))</a>\n"
            }
        }
        html += "</article>\n"
        try spool.append(html)
    }

    func finish(itemCount: Int, activityFiles: [String]) throws -> FileDigests {
        var html = "</main>\n<footer class=\"meta\">\n<p>\(itemCount) item\(itemCount == 1 ? "" : "s").</p>\n"
        if !activityFiles.isEmpty {
            html += "<p>Activity (one JSON record per line): "
                + activityFiles.map { "<a href=\"\(HTMLText.escape($0))\">\(HTMLText.escape($0))</a>" }.joined(separator: ", ") + "</p>\n"
        }
        html += "</footer>\n</body>\n</html>\n"
        try spool.append(html)
        return try spool.finish()
    }
}
