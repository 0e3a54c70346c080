import AccountModel
import Readers

/// The archive's media files by the id they belong to. X names them `<tweet id>-<file>` in
/// `tweet_media/` (2019–22) or `tweets_media/` (2022+), and `<message id>-<file>` in
/// `direct_messages_media/` and `direct_messages_group_media/` (community and Circle posts
/// have their own folders, named the same way). A video's file is named after
/// the video variant, not after `media_url`, so files are matched by id, not by name.
final class XMediaIndex {
    static let tweetFolders: Set<String> = ["tweet_media", "tweets_media", "community_tweet_media", "twitter_circle_tweet_media"]
    static let messageFolders: Set<String> = ["direct_messages_media", "direct_messages_group_media"]

    private var tweetFiles: [String: [ExportEntry]] = [:]
    private var messageFiles: [String: [ExportEntry]] = [:]
    private var used: Set<String> = []
    private let folders: [String: [ExportEntry]]

    init(_ files: XArchiveFiles) {
        folders = files.media
        for (folder, entries) in files.media {
            let isTweets = Self.tweetFolders.contains(folder)
            guard isTweets || Self.messageFolders.contains(folder) else { continue }
            for entry in entries {
                guard let id = Self.ownerID(ofFileNamed: entry.name) else { continue }
                if isTweets { tweetFiles[id, default: []].append(entry) } else { messageFiles[id, default: []].append(entry) }
            }
        }
    }

    /// The files of a tweet, as references to their exact entry paths, in name order.
    func tweetMedia(_ tweetID: String) -> [MediaReference] { take(tweetFiles[tweetID]) }

    func messageMedia(_ messageID: String) -> [MediaReference] { take(messageFiles[messageID]) }

    /// What no record claimed: one note per folder with a count.
    func reportUnused(to sink: RecordSink) {
        for (folder, entries) in folders.sorted(by: { $0.key < $1.key }) {
            let unused = entries.filter { !used.contains($0.path) }
            guard let first = unused.first else { continue }
            let path = first.path.split(separator: "/").dropLast().joined(separator: "/")
            let why = Self.tweetFolders.contains(folder) || Self.messageFolders.contains(folder)
                ? "no post or message of the owner refers to them" : "this media folder is not read"
            sink.skipped(section: path + "/", reason: "\(unused.count) media files not recorded: \(why)")
        }
    }

    private func take(_ entries: [ExportEntry]?) -> [MediaReference] {
        guard let entries else { return [] }
        return entries.sorted { $0.path < $1.path }.map { entry in
            used.insert(entry.path)
            return MediaReference(entry: entry.path)
        }
    }

    /// `1234567890123456789-AbCdEf.jpg` → `1234567890123456789`.
    static func ownerID(ofFileNamed name: String) -> String? {
        guard let dash = name.firstIndex(of: "-") else { return nil }
        let id = name[..<dash]
        return !id.isEmpty && id.allSatisfy({ $0.isASCII && $0.isNumber }) ? String(id) : nil
    }
}
