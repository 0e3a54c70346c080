import AccountModel
import Foundation

/// Inline SVG charts: no script, no network, readable at phone width (they scale by viewBox).
package enum Charts {
    /// Bars per month, stacked by category.
    package static func stackedMonths(_ months: [String], _ series: [String: [String: Int]], categories: [String]) -> String {
        guard !months.isEmpty else { return "<p class=muted>No dated records.</p>" }
        let width = 640.0, height = 220.0, left = 40.0, bottom = 30.0
        let totals = months.map { m in categories.reduce(0) { $0 + (series[m]?[$1] ?? 0) } }
        let maxTotal = Double(max(totals.max() ?? 1, 1))
        let slot = (width - left) / Double(months.count)
        var svg = "<svg viewBox=\"0 0 \(Int(width)) \(Int(height))\" role=img aria-label=\"records per month by category\">"
        svg += "<text x=0 y=12 class=axis>\(Int(maxTotal))</text><text x=0 y=\(Int(height - bottom)) class=axis>0</text>"
        for (i, month) in months.enumerated() {
            var y = height - bottom
            for category in categories {
                let n = series[month]?[category] ?? 0
                guard n > 0 else { continue }
                let h = Double(n) / maxTotal * (height - bottom - 16)
                y -= h
                svg += "<rect x=\(fmt(left + Double(i) * slot + 1)) y=\(fmt(y)) width=\(fmt(max(slot - 2, 1))) height=\(fmt(h)) fill=\"\(HTML.categoryColors[category] ?? "#888")\"><title>\(month) \(category): \(n)</title></rect>"
            }
            // At phone width about eight labels fit; label every n-th month beyond that.
            if i % max((months.count + 7) / 8, 1) == 0 {
                svg += "<text x=\(fmt(left + Double(i) * slot + slot / 2)) y=\(Int(height - 10)) class=axis text-anchor=middle>\(HTMLText.escape(String(month.suffix(5))))</text>"
            }
        }
        return svg + "</svg>" + legend(categories)
    }

    package static func legend(_ categories: [String]) -> String {
        "<p class=legend>" + categories.map { "<span><i style=\"background:\(HTML.categoryColors[$0] ?? "#888")\"></i>\($0)</span>" }.joined() + "</p>"
    }

    /// Horizontal bars with shares of the total.
    package static func shares(_ values: [(String, Int)]) -> String {
        let total = max(values.reduce(0) { $0 + $1.1 }, 1)
        return "<div class=shares>" + values.map { name, n in
            let pct = Double(n) * 100 / Double(total)
            return "<div class=share><span>\(HTMLText.escape(name))</span><b style=\"width:\(fmt(max(pct, 0.5)))%\"></b><em>\(String(format: "%.1f", pct)) % · \(n)</em></div>"
        }.joined() + "</div>"
    }

    /// Weekday (rows) × hour of day (columns), darker = more records.
    package static func heatmap(_ grid: [[Int]]) -> String {
        let maxValue = Double(max(grid.flatMap { $0 }.max() ?? 1, 1))
        let days = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]
        let cell = 24.0, left = 34.0
        var svg = "<svg viewBox=\"0 0 \(Int(left + cell * 24)) \(Int(cell * 7 + 18))\" role=img aria-label=\"activity by weekday and hour (UTC)\">"
        for (d, row) in grid.enumerated() {
            svg += "<text x=0 y=\(fmt(Double(d) * cell + 16)) class=axis>\(days[d])</text>"
            for (h, n) in row.enumerated() {
                let alpha = n == 0 ? 0.04 : 0.15 + 0.85 * Double(n) / maxValue
                svg += "<rect x=\(fmt(left + Double(h) * cell)) y=\(fmt(Double(d) * cell)) width=\(Int(cell - 2)) height=\(Int(cell - 2)) fill=\"#00798c\" fill-opacity=\"\(fmt(alpha))\"><title>\(days[d]) \(h):00 UTC: \(n)</title></rect>"
            }
        }
        for h in stride(from: 0, to: 24, by: 3) {
            svg += "<text x=\(fmt(left + Double(h) * cell)) y=\(Int(cell * 7 + 14)) class=axis>\(h)h</text>"
        }
        return svg + "</svg>"
    }

    /// Low–high range bar for attention per month.
    package static func ranges(_ rows: [(String, Double, Double)]) -> String {
        guard !rows.isEmpty else { return "<p class=muted>No attention records.</p>" }
        let maxHigh = max(rows.map(\.2).max() ?? 1, 1)
        let width = 640.0, rowHeight = 18.0, left = 110.0
        var svg = "<svg viewBox=\"0 0 \(Int(width)) \(Int(Double(rows.count) * rowHeight + 4))\" role=img aria-label=\"attention hours per month, low to high\">"
        for (i, (label, low, high)) in rows.enumerated() {
            let y = Double(i) * rowHeight
            let scale = (width - left - 90) / maxHigh
            svg += "<text x=0 y=\(fmt(y + 13)) class=axis>\(HTMLText.escape(label))</text>"
            svg += "<rect x=\(fmt(left)) y=\(fmt(y + 3)) width=\(fmt(max(high * scale, 1))) height=12 fill=\"#00798c\" fill-opacity=0.3><title>high \(fmt(high)) h</title></rect>"
            svg += "<rect x=\(fmt(left)) y=\(fmt(y + 3)) width=\(fmt(max(low * scale, 0))) height=12 fill=\"#00798c\"><title>low \(fmt(low)) h</title></rect>"
            svg += "<text x=\(fmt(left + high * scale + 6)) y=\(fmt(y + 13)) class=axis>\(fmt(low))–\(fmt(high)) h</text>"
        }
        return svg + "</svg>"
    }

    package static func fmt(_ value: Double) -> String {
        value == value.rounded() ? String(Int(value)) : String(format: "%.1f", value)
    }
}
