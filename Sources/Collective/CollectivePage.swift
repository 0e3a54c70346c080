import AccountModel
import LaborLedger
import Reports

/// The collective ledger as one self-contained page, with only k-anonymous figures.
public enum CollectivePage {
    public static func render(_ report: CollectiveReport) -> String {
        var body = "<header><h1>\(HTMLText.escape(report.name ?? "Collective")): the labor of our members</h1>"
        guard !report.suppressedAll else {
            let reason = report.privacy == nil ? "Fewer than k = \(report.k) members" : "The noisy member count is below k = \(report.k)"
            return HTMLReport.page(body + "<p>\(reason): nothing can be published from this report.</p></header>")
        }
        body += "<p>\(report.members) members. No figure here derives from fewer than \(report.k) members"
        if let privacy = report.privacy {
            body += "; every figure carries Laplace noise (differential privacy at member level, ε = \(privacy.epsilon) for this release, "
            body += "\(privacy.budget.spent) of the collective's \(privacy.budget.total) spent; months \(HTMLText.escape(privacy.months.first ?? ""))–\(HTMLText.escape(privacy.months.last ?? "")))."
        } else {
            body += "."
        }
        body += "</p></header><section class=cards>"
        for total in report.categories {
            body += "<div class=card style=\"border-color:\(HTML.categoryColors[total.key] ?? "#888")\"><b>\(total.count)</b><span>\(HTMLText.escape(total.key)) · \(total.members) members</span></div>"
        }
        if report.attentionMembers >= report.k {
            body += "<div class=card><b>\(Ledger.duration(report.attentionLow))–\(Ledger.duration(report.attentionHigh))</b><span>attention time</span></div>"
        }
        body += "</section>"
        var perMonth: [String: [String: Int]] = [:]
        for cell in report.cells { perMonth[cell.month, default: [:]][cell.category, default: 0] += cell.count }
        body += "<section><h2>Month by month</h2>\(Charts.stackedMonths(perMonth.keys.sorted().filter { $0 != "undated" }, perMonth, categories: ["content", "interaction", "attention", "commerce"]))</section>"
        body += "<section><h2>Platforms</h2>\(Charts.shares(report.platforms.map { ($0.key, $0.count) }))</section>"
        body += "<section><h2>Cells</h2>" + HTML.table(["platform", "month", "category", "count", "members"],
                                                       report.cells.map { [$0.platform, $0.month, $0.category, String($0.count), String($0.members)] })
        body += "<p class=muted>\(report.suppressedCells) cells suppressed (fewer than \(report.k) members).</p></section>"
        body += "<section><h2>What it was worth to the platforms</h2>"
        for v in report.valuation {
            body += "<div class=value><b>\(HTMLText.escape(v.label)): \(MoneyFormat.format(v.low)) – \(MoneyFormat.format(v.high)) \(HTMLText.escape(v.currency))</b><p>\(HTMLText.escape(v.formula))</p><p class=muted>Source: \(HTMLText.escape(v.source))</p></div>"
        }
        return HTMLReport.page(body + "</section>")
    }
}
