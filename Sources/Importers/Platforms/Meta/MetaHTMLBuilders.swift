import AccountModel
import Readers

/// Builders for HTML pages whose records are laid out unlike any JSON record, so the JSON
/// builder cannot read them through `MetaRecord`'s fallbacks.
enum MetaHTMLBuilders {
    /// A page that is one list of names (`other_categories_used_to_reach_you`): every
    /// unlabelled value is one inference.
    static func everyValue(_ kind: InferenceKind) -> MetaBuild {
        { r, at, context in
            for (index, field) in r.fields.enumerated() where field.value != nil && field.label == nil {
                try context.inference(kind, field.value, locator: at.appending(index))
            }
        }
    }

    /// Off-platform activity: a box per business (its heading) listing events, each a value
    /// (the event's name) followed by its time, or a time alone.
    static func offPlatform(_ r: MetaRecord, _ at: Locator, _ context: MetaContext) throws {
        var event: String?
        var found = false
        for (index, field) in r.fields.enumerated() {
            if let time = field.time {
                found = true
                try context.activity(.offPlatform, at: time, text: r.title, detail: [("event", event)], locator: at.appending(index))
                event = nil
            } else if let value = field.value, !MetaLabels.events.matches(value) {
                event = value
            }
        }
        if !found { context.drop(at, reason: "held no events") }
    }
}
