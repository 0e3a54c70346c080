import AccountModel
import Foundation
import Readers

/// Comments and live chat messages as Takeouts before 2022 wrote them: one `<li>` per message,
/// a line naming the video and the time, then the text after a `<br>`:
///
///     <li>Commented on <a href="https://www.youtube.com/watch?v=VID&amp;lc=CID">…</a> on
///       2020-05-06 19:32:44 UTC<br>the comment's text</li>
///
/// A comment's id is the link's `lc` parameter: the same id as `Comment ID` in the CSV form, so
/// the two forms give one record. Times are written in UTC (`exact`). Locator: `entry#li=N`.
enum YouTubeCommentsHTML {
    static func read(_ entry: ExportEntry, kind: ItemKind, context: YouTubeContext) throws {
        try context.export.forEachHTMLRecord(entry, isRecord: { $0.name == "li" }) { li, ordinal in
            var lines = li.lines
            guard !lines.isEmpty else { return context.dropped.drop(entry, "an empty list entry") }
            let head = lines.removeFirst()
            let text = lines.map(\.text).joined(separator: "\n")
            let links = head.links.map(\.href)
            let commentID = links.lazy.compactMap { parameter("lc", in: $0) }.first
            let video = links.lazy.compactMap { parameter("v", in: $0) }.first
            let time = utcTime(in: head.text)
            guard !text.isEmpty || video != nil else { return context.dropped.drop(entry, "no text and no video") }
            let url = video.map { YouTubeNames.videoURL($0) + (kind == .comment ? commentID.map { "&lc=\($0)" } ?? "" : "") }
            let raw = JSONValue.obj([("text", .string(text)), ("links", .array(links.map(JSONValue.string))),
                                     ("time", time.map { .string($0.utc) } ?? .null)])
            try context.sink.add(Item(
                platform: .youtube, kind: kind, nativeID: kind == .comment ? commentID : nil, url: url,
                createdAt: time, text: text.isEmpty ? nil : text, counterpart: video, raw: raw,
                locator: Locator(entry: entry.path, pointer: "li=\(ordinal)")))
        }
    }

    /// A query parameter of a URL, percent-decoded.
    static func parameter(_ name: String, in url: String) -> String? {
        URLComponents(string: url)?.queryItems?.first { $0.name == name }?.value.flatMap { $0.isEmpty ? nil : $0 }
    }

    /// The first `YYYY-MM-DD HH:MM:SS` (or ISO `…T…Z`) in the line, with the ` UTC` after it.
    static func utcTime(in line: String) -> RecordTime? {
        let chars = Array(line)
        guard chars.count >= 19 else { return nil }
        for start in 0...(chars.count - 19) {
            let candidate = chars[start..<start + 19]
            let shape = candidate.enumerated().allSatisfy { offset, char in
                switch offset {
                case 4, 7: return char == "-"
                case 10: return char == " " || char == "T"
                case 13, 16: return char == ":"
                default: return char.isASCII && char.isNumber
                }
            }
            guard shape else { continue }
            let rest = String(chars[(start + 19)...])
            let zone = rest.hasPrefix(" UTC") ? " UTC" : rest.hasPrefix("Z") ? "Z" : ""
            return TimeParsing.naiveUTC(String(candidate) + zone)
        }
        return nil
    }
}
