import AccountModel
import Foundation
import Readers

/// The TXT variant of the export: a zip of `.txt` files (`Activity/Browsing History.txt` …)
/// made of blank-line-separated blocks of `Key: value` lines:
///
///     Date: 2023-01-15 10:20:30
///     Link: https://www.tiktokv.com/share/video/7190000000000000001/
///
/// Each block becomes a JSON object with the same keys (`Search Term` folds to `searchterm`,
/// like the JSON export's `SearchTerm`), so the JSON builders read it unchanged.
enum TikTokTextExport {
    struct File: Sendable {
        var names: [String]
        var build: TikTokBuild
    }

    /// File name (any folder, any case) → builder.
    static let files: [File] = [
        File(names: ["Browsing History.txt", "Video Browsing History.txt", "Watch History.txt"], build: TikTokActivityBuilders.watch),
        File(names: ["Like List.txt", "Likes.txt"], build: TikTokActivityBuilders.like),
        File(names: ["Favorite Videos.txt"], build: TikTokActivityBuilders.favorite("video")),
        File(names: ["Favorite Sounds.txt"], build: TikTokActivityBuilders.favorite("sound")),
        File(names: ["Favorite Effects.txt"], build: TikTokActivityBuilders.favorite("effect")),
        File(names: ["Favorite HashTags.txt"], build: TikTokActivityBuilders.favorite("hashtag")),
        File(names: ["Searches.txt", "Search History.txt"], build: TikTokActivityBuilders.search),
        File(names: ["Share History.txt"], build: TikTokActivityBuilders.share),
        File(names: ["Comments.txt"], build: TikTokContentBuilders.comment),
        File(names: ["Following.txt", "Following List.txt"], build: TikTokActivityBuilders.follow),
        File(names: ["Follower.txt", "Follower List.txt"], build: TikTokActivityBuilders.followedBy),
        File(names: ["Login History.txt"], build: TikTokActivityBuilders.login),
    ]

    static let builders: [String: TikTokBuild] = {
        var byName: [String: TikTokBuild] = [:]
        for file in files { for name in file.names { byName[name.lowercased()] = file.build } }
        return byName
    }()

    /// Files of the TXT export that pda does not read, known so that `recognize` can count them.
    static let otherKnownNames: Set<String> = Set([
        "Transaction History.txt", "Most Recent Location Data.txt", "Purchases.txt", "Hashtag.txt",
        "Location Reviews.txt", "Status.txt", "Watch Live settings.txt", "Go Live settings.txt",
        "Go Live History.txt", "Watch Live History.txt", "Profile Info.txt", "Autofill.txt", "Post.txt",
        "Block List.txt", "Settings.txt", "Order History.txt", "Product Browsing History.txt",
        "Shopping Cart List.txt", "Direct Messages.txt", "Off TikTok Activity.txt", "Ad Interests.txt",
    ].map { $0.lowercased() })

    /// Keys that start a field; any other line continues the previous value (a comment
    /// written over several lines).
    static let fieldKeys: Set<String> = [
        "date", "link", "videolink", "searchterm", "sharedcontent", "method", "comment", "hashtaglink",
        "effectlink", "soundlink", "username", "title", "ip", "devicemodel", "devicesystem", "networktype",
        "carrier", "photo", "url", "sticker", "originalposturl", "originalpostlink", "video",
    ]

    static func run(_ export: ExportReader, into state: TikTokImportState) throws {
        var chatFiles: [String: Int] = [:]
        for entry in export.entries {
            guard let build = builders[entry.name.lowercased()] else {
                // A chat file is named after the other person: count it under its folder.
                if entry.name.lowercased().hasPrefix("chat history with") {
                    chatFiles[String(entry.path.dropLast(entry.name.count)), default: 0] += 1
                } else {
                    state.sink.skipped(section: entry.path, reason: "not read: no mapping for this file")
                }
                continue
            }
            let text = try export.text(entry)
            try forEachBlock(in: text) { line, record in
                try build(TikTokRecord(record), TikTokPlace(locator: Locator(entry: entry.path, line: line)), state)
            }
        }
        for (folder, count) in chatFiles.sorted(by: { $0.key < $1.key }) {
            state.sink.skipped(section: folder.isEmpty ? "(top folder)" : folder, reason: "\(count) chat files not read")
        }
        state.reportDropped()
    }

    /// Calls `body` with each block as an object and the line number (1-based) it starts on.
    static func forEachBlock(in text: String, _ body: (Int, JSONValue) throws -> Void) throws {
        var members: [JSONValue.Member] = []
        var startLine = 0
        func flush() throws {
            if !members.isEmpty { try body(startLine, .object(members)) }
            members.removeAll(keepingCapacity: true)
        }
        var lineNumber = 0
        var start = text.startIndex
        // Line by line without splitting the whole file up front (a watch history is large).
        // `isNewline` takes "\r\n" as one character.
        while start < text.endIndex {
            let end = text[start...].firstIndex(where: \.isNewline) ?? text.endIndex
            let line = text[start..<end]
            start = end < text.endIndex ? text.index(after: end) : end
            lineNumber += 1
            guard let trimmed = TikTokText.trimmedNonEmpty(String(line)) else { try flush(); continue }
            if let (key, value) = field(trimmed) {
                let folded = JSONValue.foldKey(key)
                if members.contains(where: { JSONValue.foldKey($0.key) == folded }) { try flush() }
                if members.isEmpty { startLine = lineNumber }
                members.append(JSONValue.Member(key, .string(value)))
            } else if let last = members.indices.last, case .string(let previous) = members[last].value {
                members[last].value = .string(previous + "\n" + trimmed)
            }
        }
        try flush()
    }

    /// `Key: value` (or TikTok's `HashTag Link:: value`) when the key is a known field name.
    static func field(_ line: String) -> (String, String)? {
        guard let colon = line.firstIndex(of: ":") else { return nil }
        let key = String(line[..<colon])
        guard key.count <= 40, fieldKeys.contains(JSONValue.foldKey(key)) else { return nil }
        var rest = line[line.index(after: colon)...]
        if rest.first == ":" { rest = rest.dropFirst() }
        return (key, rest.trimmingCharacters(in: .whitespaces))
    }
}
