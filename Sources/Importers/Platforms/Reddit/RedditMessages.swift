import AccountModel
import Readers

/// Private messages (`messages.csv`, `messages_archive.csv`) and chats (`chat_history.csv`).
/// Only what the owner sent is an item: a received message is someone else's content. The
/// owner is `statistics.csv › account name`; without it, the one name that takes part in every
/// message (as sender or recipient) is the owner — which needs messages with at least two other
/// people, since in a conversation between two either could be the owner. Without either,
/// nothing is recorded and the report says why.
enum RedditMessages {
    static func run(_ entries: [ExportEntry], export: ExportReader, context: RedditContext) throws {
        guard !entries.isEmpty else { return }
        guard let owner = try context.ownerName ?? inferOwner(entries, export: export) else {
            for entry in entries {
                context.sink.skipped(section: entry.path, reason: "not read: the owner's username is unknown (no statistics.csv), so sent and received messages cannot be told apart")
            }
            return
        }
        let ownerKey = owner.lowercased()
        for entry in entries {
            let chat = RedditFiles.stem(of: entry) == "chat_history"
            try export.forEachCSVRecord(entry) { r in
                let sender = chat ? r.text("username") : r.text("from")
                guard sender?.lowercased() == ownerKey else {
                    return context.dropped.drop(entry, "received, not sent by the owner")
                }
                try context.sink.add(chat ? chatMessage(r) : message(r))
            }
        }
    }

    static func message(_ r: CSVRecord) -> Item {
        Item(platform: .reddit, kind: .message, nativeID: r.text("id"), url: r.text("permalink"),
             createdAt: RedditBuilders.time(r), title: r.text("subject"), text: r.text("body"),
             counterpart: r.text("to"), raw: r.raw, locator: r.locator)
    }

    static func chatMessage(_ r: CSVRecord) -> Item {
        Item(platform: .reddit, kind: .message, nativeID: r.text("message_id", "id"), url: r.text("channel_url"),
             createdAt: RedditBuilders.time(r), text: r.text("message", "body"),
             counterpart: r.text("channel_name", "subreddit"), raw: r.raw, locator: r.locator)
    }

    /// The single name present in every message, as sender or recipient; `nil` when none or
    /// several are (then guessing would attribute someone else's words to the owner).
    static func inferOwner(_ entries: [ExportEntry], export: ExportReader) throws -> String? {
        var common: Set<String>?
        for entry in entries where RedditFiles.stem(of: entry) != "chat_history" {
            try export.forEachCSVRecord(entry) { r in
                let names = Set([r.text("from"), r.text("to")].compactMap { $0?.lowercased() })
                common = common.map { $0.intersection(names) } ?? names
            }
        }
        guard let names = common, names.count == 1 else { return nil }
        return names.first
    }
}
