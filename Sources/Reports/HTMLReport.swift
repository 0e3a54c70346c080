import AccountModel
import AccountStore
import Foundation
import LaborLedger

/// `pda report`: one self-contained HTML file (inline CSS and SVG, no script, no network) that
/// shows a person what they gave each platform and what the platform inferred about them.
public enum HTMLReport {
    public static func render(store: AccountStore, filter: RecordFilter = RecordFilter(), models: ValuationModels = .defaults(),
                              generatedAt: String, requests: RequestsAndGaps? = nil) throws -> String {
        let ledger = try Ledger.compute(store, filter: filter)
        let valuation = try ledger.value(with: models, store: store, filter: filter)
        let status = try store.status()
        let grid = try store.hourWeekdayCounts(filter)
        var recent = filter
        recent.limit = 40
        let items = try store.items(recent)

        let categories = LaborCategory.allCases.map(\.rawValue)
        var perMonth: [String: [String: Int]] = [:]
        var perPlatform: [String: Int] = [:]
        for row in ledger.rows {
            if row.month != "undated" { perMonth[row.month, default: [:]][row.category, default: 0] += row.count }
            perPlatform[row.platform, default: 0] += row.count
        }
        var attentionMonths: [String: (Double, Double)] = [:]
        for (key, a) in ledger.attentionByMonth {
            let month = String(key.split(separator: "|")[1])
            attentionMonths[month, default: (0, 0)].0 += a.lowSeconds / 3600
            attentionMonths[month, default: (0, 0)].1 += a.highSeconds / 3600
        }

        var body = "<header><h1>Your digital labor</h1><p>\(HTMLText.escape(status.owner?.name ?? "Account")) · <code>\(HTMLText.escape(status.owner?.did ?? ""))</code><br>Generated \(HTMLText.escape(generatedAt)) by pda from \(status.sources.count) export(s).</p></header>"
        body += "<section class=cards>"
        for category in categories {
            body += "<div class=card style=\"border-color:\(HTML.categoryColors[category]!)\"><b>\(ledger.totals[LaborCategory(rawValue: category)!] ?? 0)</b><span>\(category)</span></div>"
        }
        body += "<div class=card><b>\(Ledger.duration(ledger.attention.lowSeconds))–\(Ledger.duration(ledger.attention.highSeconds))</b><span>attention time</span></div>"
        for m in ledger.money {
            let platform = Platform(rawValue: m.platform)?.label ?? m.platform
            let refunds = m.refunds > 0 ? ", net of \(m.refunds) refund(s)" : ""
            body += "<div class=card><b>\(MoneyFormat.format(m.amount)) \(HTMLText.escape(m.currency))</b><span>\(m.count) \(HTMLText.escape(m.kind)) on \(HTMLText.escape(platform))\(refunds)</span></div>"
        }
        body += "</section>"
        body += "<section><h2>Month by month</h2>\(Charts.stackedMonths(perMonth.keys.sorted(), perMonth, categories: categories))</section>"
        body += "<section><h2>Where your labor went</h2>\(Charts.shares(perPlatform.sorted { $0.value > $1.value }.map { ($0.key, $0.value) }))</section>"
        body += "<section><h2>When you were active</h2><p class=muted>Weekday × hour of day, UTC.</p>\(Charts.heatmap(grid))</section>"
        body += "<section><h2>Attention time</h2><p>\(Ledger.duration(ledger.attention.lowSeconds)) to \(Ledger.duration(ledger.attention.highSeconds)); \(Ledger.duration(ledger.attention.exactSeconds)) recorded exactly by the platforms.</p><p class=muted>Method: \(HTMLText.escape(ledger.estimator.method)).</p>\(Charts.ranges(attentionMonths.keys.sorted().map { ($0, attentionMonths[$0]!.0, attentionMonths[$0]!.1) }))</section>"
        body += "<section><h2>What you wrote and posted</h2><p>\(ledger.content.characters) characters, \(ledger.content.mediaFiles) media files. The latest:</p><ol class=timeline>"
        for item in items {
            body += "<li><time>\(HTMLText.escape(item.createdAt ?? "undated"))</time> <span class=tag>\(HTMLText.escape(item.platform)) \(HTMLText.escape(item.kind))</span> \(HTMLText.escape(String((item.text ?? item.title ?? item.url ?? "").prefix(200))))</li>"
        }
        body += "</ol></section>"
        body += "<section><h2>What the platforms inferred about you</h2>"
        body += ledger.inferences.isEmpty ? "<p class=muted>No inferences in these exports.</p>"
            : HTML.table(["platform", "kind", "label"], ledger.inferences.map { [$0.platform, $0.kind, $0.label] })
        body += "</section><section><h2>What it was worth to them</h2><p class=muted>Estimates under explicit assumptions, shown as ranges. Edit the models with <code>pda ledger --write-value-model</code>.</p>"
        for v in valuation.results {
            body += "<div class=value><b>\(HTMLText.escape(v.label)): \(MoneyFormat.format(v.low)) – \(MoneyFormat.format(v.high)) \(HTMLText.escape(v.currency))</b><p>Formula: \(HTMLText.escape(v.formula))</p><ul>"
                + v.inputs.map { "<li>\(HTMLText.escape($0.0)): \(HTMLText.escape($0.1))</li>" }.joined() + "</ul><p class=muted>Source: \(HTMLText.escape(v.source))</p></div>"
        }
        for message in valuation.missing { body += "<p class=muted>\(HTMLText.escape(message))</p>" }
        body += "</section>"
        if let requests { body += requests.html }
        body += "<section><h2>Sources</h2>"
        body += HTML.table(["platform", "file", "format", "imported", "SHA-256"], status.sources.map { [$0.platform, $0.fileName, $0.format, $0.importedAt, $0.sha256] })
        body += "</section>"
        return page(body)
    }

    package static func page(_ body: String) -> String {
        """
        <!doctype html>
        <html lang=en><head><meta charset=utf-8><meta name=viewport content="width=device-width,initial-scale=1">
        <meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
        <title>Your digital labor — pda</title>
        <style>
        body{font:16px/1.45 system-ui,-apple-system,"Segoe UI",sans-serif;margin:0 auto;max-width:760px;padding:16px;color:#222;background:#fafafa}
        h1{margin:.2em 0}h2{margin-top:1.6em;border-bottom:1px solid #ddd}code{font-size:.8em;word-break:break-all}
        .cards{display:grid;grid-template-columns:repeat(auto-fit,minmax(140px,1fr));gap:10px}
        .card{background:#fff;border-left:5px solid #888;padding:10px;border-radius:6px;box-shadow:0 1px 2px #0002}
        .card b{display:block;font-size:1.3em}.card span{color:#555}
        svg{width:100%;height:auto;background:#fff;border-radius:6px}.axis{font-size:11px;fill:#555}
        .legend span{margin-right:12px;font-size:.9em}.legend i{display:inline-block;width:10px;height:10px;margin-right:4px}
        .share{display:grid;grid-template-columns:90px 1fr 110px;align-items:center;gap:8px;margin:4px 0}
        .share b{background:#30638e;height:14px;border-radius:3px}.share em{font-size:.85em;color:#555}
        .timeline{padding-left:1.2em}.timeline li{margin:.3em 0;word-break:break-word}time{color:#555;font-size:.85em}
        .tag{background:#eee;border-radius:4px;padding:0 4px;font-size:.8em}
        table{border-collapse:collapse;width:100%;font-size:.85em;display:block;overflow-x:auto}td,th{border-bottom:1px solid #ddd;padding:4px;text-align:left;word-break:break-all}
        .value{background:#fff;padding:8px 12px;border-radius:6px;margin:8px 0}.muted{color:#666;font-size:.9em}
        </style></head><body>
        \(body)
        </body></html>

        """
    }
}
