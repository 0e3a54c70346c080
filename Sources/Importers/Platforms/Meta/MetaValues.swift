import Readers
/// Small readings of Meta values shared by both platforms.
enum MetaValues {
    /// The account name in a profile link: `https://www.instagram.com/name`,
    /// `https://www.instagram.com/_u/name/` (the app deep link Meta writes since 2025).
    static func username(fromProfileURL link: String) -> String? {
        guard let schemeEnd = link.range(of: "://") else { return nil }
        var parts = link[schemeEnd.upperBound...].split(separator: "/").dropFirst()
        if parts.first == "_u" || parts.first == "_n" { parts = parts.dropFirst() }
        guard parts.count == 1, let name = parts.first?.split(separator: "?").first, !name.isEmpty else { return nil }
        return String(name)
    }

    /// `YYYY-MM-DD` from Facebook's `{"year", "month", "day"}`; a year alone when that is all.
    static func date(year: Int?, month: Int?, day: Int?) -> String? {
        guard let year, year > 0 else { return nil }
        guard let month, let day, (1...12).contains(month), (1...31).contains(day) else { return String(year) }
        return "\(year)-\(month < 10 ? "0" : "")\(month)-\(day < 10 ? "0" : "")\(day)"
    }
}
