import AccountModel
import Readers

/// A chat map (`ChatHistory`, `GroupChat`) held until the end of the document.
struct TikTokPendingChat {
    /// Points at the map itself; message locators add the chat key and the index.
    var locator: Locator
    var chats: JSONValue
    var isGroup: Bool
}

/// Direct messages. Only what the owner sent is the owner's content (`message` items); what
/// others sent is counted, never recorded. A message is the owner's when its `From` is the
/// owner's username (from the profile), or, in a one-to-one chat whose key names the other
/// party ("Chat History with X:"), when `From` is not X. When neither can be told, the
/// message is counted as undetermined and skipped: never guessed.
enum TikTokMessages {
    static func hold(_ r: TikTokRecord, _ place: TikTokPlace, _ state: TikTokImportState) throws {
        state.pendingChats.append(TikTokPendingChat(locator: place.locator, chats: r.value, isGroup: false))
    }

    static func holdGroup(_ r: TikTokRecord, _ place: TikTokPlace, _ state: TikTokImportState) throws {
        state.pendingChats.append(TikTokPendingChat(locator: place.locator, chats: r.value, isGroup: true))
    }

    /// Emits the owner's messages of every held chat map and reports the rest as counts.
    static func finish(_ state: TikTokImportState) throws {
        let owner = state.ownerUsername.map(normalized)
        for pending in state.pendingChats {
            var fromOthers = 0
            var undetermined = 0
            for chat in pending.chats.members ?? [] {
                guard let messages = chat.value.arrayValue else { continue }
                let partner = pending.isGroup ? nil : partnerName(inChatKey: chat.key)
                let chatLocator = pending.locator.appending(chat.key)
                for (index, value) in messages.enumerated() {
                    let message = TikTokRecord(value)
                    switch sender(of: message.text(TikTokKeys.from), owner: owner, partner: partner) {
                    case .owner:
                        try state.add(Item(platform: .tiktok, kind: .message, createdAt: message.time(TikTokKeys.date),
                                           text: message.text(TikTokKeys.content),
                                           counterpart: partner ?? chat.key, raw: value,
                                           locator: chatLocator.appending(index)))
                    case .other: fromOthers += 1
                    case .unknown: undetermined += 1
                    }
                }
            }
            let section = pending.locator.description
            if fromOthers > 0 {
                state.sink.skipped(section: section, reason: "\(fromOthers) messages written by other people are not the owner's content")
            }
            if undetermined > 0 {
                state.sink.skipped(section: section, reason: "\(undetermined) messages whose sender cannot be told apart from the owner (no username in the profile)")
            }
        }
        state.pendingChats.removeAll()
    }

    enum Sender { case owner, other, unknown }

    static func sender(of from: String?, owner: String?, partner: String?) -> Sender {
        guard let from = from.map(normalized), !from.isEmpty else { return .unknown }
        if let owner { return from == owner ? .owner : .other }
        if let partner { return from == normalized(partner) ? .other : .owner }
        return .unknown
    }

    /// "Chat History with alice_01:" → "alice_01"; `nil` when the key is not in that form.
    static func partnerName(inChatKey key: String) -> String? {
        let prefix = "chat history with "
        guard key.lowercased().hasPrefix(prefix) else { return nil }
        var name = key.dropFirst(prefix.count)
        while let last = name.last, last == ":" || last == " " { name = name.dropLast() }
        return name.isEmpty ? nil : String(name)
    }

    /// Usernames compare without case and without a leading `@`.
    private static func normalized(_ name: String) -> String {
        let trimmed = TikTokText.trimmedNonEmpty(name) ?? ""
        return (trimmed.hasPrefix("@") ? String(trimmed.dropFirst()) : trimmed).lowercased()
    }
}
