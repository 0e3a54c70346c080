import AccountModel
import Readers

/// Direct messages (in the archive only when the owner asked for them):
/// `{"dmConversation": {"conversationId", "messages": [{"messageCreate": {"id", "senderId",
/// "recipientId", "text", "createdAt", "mediaUrls"}}, {"participantsJoin": …}, …]}}`.
/// Only messages whose `senderId` is the owner's account id are the owner's content
/// (`message` items, addressed to the recipient's id, or to the conversation in a group).
/// Messages from others and conversation events are counted, never recorded. Without the
/// owner's id (no `account.js`, no manifest) no message can be attributed: all are counted.
enum XMessages {
    static func conversation(group: Bool) -> XBuild {
        { conversation, at, state in
            let conversationID = XValues.text(conversation, "conversationId")
            guard let messages = conversation["messages"]?.arrayValue else { return }
            let base = at.appending("messages")
            for (index, wrapper) in messages.enumerated() {
                guard let member = wrapper.members?.first, wrapper.members?.count == 1 else {
                    state.note(at.entry, "conversation entries of an unknown shape were not read")
                    continue
                }
                guard member.key == "messageCreate" else {
                    state.note(at.entry, "conversation events (joins, leaves, renames) are not messages")
                    continue
                }
                let message = member.value
                guard let owner = state.ownerID else {
                    state.note(at.entry, "messages whose sender cannot be told apart from the owner (no account id)")
                    continue
                }
                guard XValues.text(message, "senderId") == owner else {
                    state.note(at.entry, "messages written by other people are not the owner's content")
                    continue
                }
                let id = XValues.text(message, "id")
                let recipient = group ? nil : XValues.text(message, "recipientId") ?? otherParty(conversationID, owner: owner)
                try state.add(Item(platform: .x, kind: .message, nativeID: id,
                                   createdAt: XValues.text(message, "createdAt").flatMap(XTime.parse),
                                   text: XValues.text(message, "text"), counterpart: recipient ?? conversationID,
                                   raw: message, media: id.map(state.media.messageMedia) ?? [],
                                   locator: base.appending(index).appending(member.key)))
            }
        }
    }

    /// A one-to-one conversation id is `<id>-<id>`: the other party is the id that is not the owner's.
    static func otherParty(_ conversationID: String?, owner: String) -> String? {
        guard let parts = conversationID?.split(separator: "-"), parts.count == 2 else { return nil }
        return parts.first { $0 != owner }.map(String.init)
    }
}
