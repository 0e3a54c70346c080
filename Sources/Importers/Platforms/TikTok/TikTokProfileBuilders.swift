import AccountModel
import Readers

/// The profile (→ identity facts) and what TikTok inferred for ads (→ inferences). These
/// sections are single objects or strings, read whole.
enum TikTokProfileBuilders {
    /// Every scalar of `ProfileMap` or `Autofill` becomes a fact; known keys get the account's
    /// field names, others their snake_case key. TikTok's placeholders (`N/A`, `None`) are
    /// empty, not values.
    static func identity(_ r: TikTokRecord, _ place: TikTokPlace, _ state: TikTokImportState) throws {
        guard let members = r.value.members else { return }
        for member in members {
            guard let text = scalarText(member.value), !TikTokText.isPlaceholder(text) else { continue }
            let field = fieldNames[JSONValue.foldKey(member.key)] ?? TikTokValues.snakeCase(member.key)
            try state.identity(field, text, place: TikTokPlace(locator: place.locator.appending(member.key)))
        }
    }

    /// `AdInterestCategories`: a string joined with `|` or `,`, or a list.
    static func adInterests(_ r: TikTokRecord, _ place: TikTokPlace, _ state: TikTokImportState) throws {
        try labels(r.value, .adInterest, place, state)
    }

    /// `AdvertiserList`: advertisers that uploaded an audience holding the owner.
    static func advertisers(_ r: TikTokRecord, _ place: TikTokPlace, _ state: TikTokImportState) throws {
        try labels(r.value, .advertiser, place, state)
    }

    private static func labels(_ value: JSONValue, _ kind: InferenceKind, _ place: TikTokPlace,
                               _ state: TikTokImportState) throws {
        let isList = value.arrayValue != nil
        for (index, label) in TikTokValues.labels(value).enumerated() {
            let locator = isList ? place.locator.appending(index) : place.locator
            try state.inference(kind, label, place: TikTokPlace(locator: locator))
        }
    }

    private static func scalarText(_ value: JSONValue) -> String? {
        switch value {
        case .string(let s): return TikTokText.trimmedNonEmpty(s)
        case .number(let n): return n
        case .bool(let b): return b ? "true" : "false"
        default: return nil
        }
    }

    /// Folded export key → identity field name.
    static let fieldNames: [String: String] = [
        "username": "username", "displayname": "display_name", "nickname": "display_name",
        "biodescription": "bio", "birthdate": "birth_date", "emailaddress": "email", "email": "email",
        "telephonenumber": "phone", "phonenumber": "phone", "accountregion": "region",
        "profilephoto": "profile_photo", "profilevideo": "profile_video",
        "firstname": "first_name", "lastname": "last_name", "zipcode": "postal_code", "unit": "address_unit",
    ]
}
