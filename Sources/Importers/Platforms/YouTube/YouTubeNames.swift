import Foundation
import Readers

/// Takeout translates folder names, file names and the words in activity titles into the
/// account's language. The names below were checked against public parsers of real Takeouts
/// (English, German, Dutch); the title words are stripped when known and kept otherwise, and the
/// search query is taken from the result URL whenever there is one, so an unknown language loses
/// nothing but a prefix.
enum YouTubeNames {
    /// `YouTube and YouTube Music/history/watch-history.json`, `YouTube und YouTube Music/Verlauf/
    /// Wiedergabeverlauf.json`, `YouTube en YouTube Music/geschiedenis/kijkgeschiedenis.json`.
    static let watchHistory = ["watch-history", "wiedergabeverlauf", "kijkgeschiedenis"]
    /// `search-history`, `Suchverlauf`, `zoekgeschiedenis`.
    static let searchHistory = ["search-history", "suchverlauf", "zoekgeschiedenis"]

    /// Pages of Takeouts before 2022 (English names only are known from public parsers).
    static let commentPages = ["my-comments"]
    static let liveChatPages = ["my-live-chat-messages"]

    /// `My Activity/YouTube/MyActivity.html` (`Meine Aktivitäten/YouTube/MeineAktivitäten.html`
    /// …): an HTML page right inside a `YouTube` folder whose parent is not YouTube's own folder.
    static func isMyActivityPage(_ entry: ExportEntry) -> Bool {
        let folders = entry.lowercasedPath.split(separator: "/").dropLast()
        guard entry.name.lowercased().hasSuffix(".html"), folders.last == "youtube" else { return false }
        return !folders.dropLast().contains { $0.hasPrefix("youtube") }
    }

    /// `comments/comments.csv`, `Kommentare/Kommentare.csv`, `reacties/reacties.csv`.
    static let commentFiles = ["comments", "kommentare", "reacties"]
    static let liveChatFiles = ["live chats", "livechats", "live-chats", "live chat"]
    /// `subscriptions/subscriptions.csv`, `Abos/Abos.csv`, `abonnementen/abonnementen.csv`.
    static let subscriptionFiles = ["subscriptions", "abos", "abonnementen"]
    static let playlistFolders = ["playlists", "afspeellijsten"]
    static let videoExtensions: Set<String> = ["mp4", "mov", "webm", "mkv", "avi", "m4v", "3gp", "flv", "wmv", "mpg", "mpeg"]

    /// Words before or after the video title in a watch entry's `title`.
    static let watchPrefixes = ["Watched ", "Angesehen: ", "Bekeken: ", "Viewed "]
    static let watchSuffixes = [" angesehen", " bekeken"]
    /// Words around the query in a search entry's `title`.
    static let searchPrefixes = ["Searched for ", "Gesucht nach: ", "Gesucht nach ", "Gezocht naar: ", "Gezocht naar "]
    static let searchSuffixes = [" gesucht"]

    /// The file name without extension and without Takeout's `(1)` part counter, lowercased.
    static func stem(_ name: String) -> String {
        var stem = name.lowercased()
        if let dot = stem.lastIndex(of: ".") { stem = String(stem[..<dot]) }
        if stem.hasSuffix(")"), let open = stem.lastIndex(of: "("),
           stem[stem.index(after: open)..<stem.index(before: stem.endIndex)].allSatisfy(\.isNumber) {
            stem = String(stem[..<open]).trimmingCharacters(in: .whitespaces)
        }
        return stem
    }

    static func isHistory(_ entry: ExportEntry, _ names: [String], ext: String) -> Bool {
        entry.name.lowercased().hasSuffix("." + ext) && names.contains(stem(entry.name))
    }

    /// Whether the entry sits in Takeout's YouTube folder (`YouTube and YouTube Music`, `YouTube
    /// und …`, `YouTube en …`, or plain `YouTube` before 2020).
    static func isYouTube(_ entry: ExportEntry) -> Bool {
        entry.lowercasedPath.split(separator: "/").dropLast().contains { $0.hasPrefix("youtube") }
    }

    /// The title without the words around it; `nil` when what is left is a URL (a removed video).
    static func strip(_ title: String?, prefixes: [String], suffixes: [String]) -> String? {
        guard var text = title?.trimmingCharacters(in: .whitespacesAndNewlines), !text.isEmpty else { return nil }
        if let prefix = prefixes.first(where: { text.hasPrefix($0) }) { text.removeFirst(prefix.count) }
        else if let suffix = suffixes.first(where: { text.hasSuffix($0) }) { text.removeLast(suffix.count) }
        text = text.trimmingCharacters(in: .whitespaces)
        if text.isEmpty || text.hasPrefix("http://") || text.hasPrefix("https://") { return nil }
        return text
    }

    /// `search_query` of a results URL, decoded (`+` is a space).
    static func searchQuery(inURL url: String?) -> String? {
        guard let url, let question = url.firstIndex(of: "?") else { return nil }
        let query = url[url.index(after: question)...].split(separator: "#").first ?? ""
        for pair in query.split(separator: "&") where pair.hasPrefix("search_query=") {
            let raw = pair.dropFirst("search_query=".count).replacingOccurrences(of: "+", with: " ")
            let decoded = raw.removingPercentEncoding ?? raw
            return decoded.isEmpty ? nil : decoded
        }
        return nil
    }

    static func videoURL(_ id: String) -> String { "https://www.youtube.com/watch?v=\(id)" }
}
