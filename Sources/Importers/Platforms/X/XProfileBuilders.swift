import AccountModel
import Readers

/// `account.js` and `profile.js` (→ identity facts) and `personalization.js` (→ what X
/// inferred about the owner).
enum XProfileBuilders {
    /// `{"account": {"username", "accountId", "accountDisplayName", "email", "createdAt", …}}`.
    /// Every scalar becomes a fact; the owner's id and username are kept for the other files.
    static func account(_ r: JSONValue, _ at: Locator, _ state: XImportState) throws {
        if let id = XValues.text(r, "accountId") { state.ownerID = id }
        if let username = XValues.text(r, "username") { state.ownerUsername = username }
        for member in r.members ?? [] {
            guard var value = XValues.text(r, member.key) else { continue }
            // `createdAt` is ISO-8601 UTC with milliseconds; stored like every other time.
            if member.key == "createdAt", let time = XTime.parse(value) { value = time.utc }
            try state.identity(accountFields[member.key] ?? snakeCase(member.key), value, locator: at.appending(member.key))
        }
    }

    static let accountFields: [String: String] = [
        "username": "username", "accountDisplayName": "display_name", "accountId": "account_id",
        "email": "email", "phoneNumber": "phone", "createdAt": "created_at", "createdVia": "created_via",
    ]

    /// `{"profile": {"description": {"bio", "website", "location"}, "avatarMediaUrl", "headerMediaUrl"}}`.
    static func profile(_ r: JSONValue, _ at: Locator, _ state: XImportState) throws {
        if let description = r["description"] {
            for key in ["bio", "website", "location"] {
                if let value = XValues.text(description, key) {
                    try state.identity(key, value, locator: at.appending("description").appending(key))
                }
            }
        }
        for (key, field) in [("avatarMediaUrl", "avatar_url"), ("headerMediaUrl", "header_url")] {
            if let value = XValues.text(r, key) { try state.identity(field, value, locator: at.appending(key)) }
        }
    }

    /// `{"p13nData": {"interests": {"interests": [{"name", "isDisabled"}], "partnerInterests",
    /// "audienceAndAdvertisers": {"advertisers", "lookalikeAdvertisers"}, "shows"}, …}}`.
    /// X's own interests and the shows it matched are `inferred_topic` (kept when the owner
    /// disabled one: X still holds it); interests from X's ad partners are `ad_interest`;
    /// advertisers whose audiences hold the owner are `advertiser`.
    static func personalization(_ r: JSONValue, _ at: Locator, _ state: XImportState) throws {
        let lists: [([String], InferenceKind)] = [
            (["interests", "interests"], .inferredTopic), (["interests", "shows"], .inferredTopic),
            (["interests", "partnerInterests"], .adInterest),
            (["interests", "audienceAndAdvertisers", "advertisers"], .advertiser),
            (["interests", "audienceAndAdvertisers", "lookalikeAdvertisers"], .advertiser),
        ]
        for (path, kind) in lists {
            let base = path.reduce(at) { $0.appending($1) }
            for (index, element) in (XValues.at(r, path)?.arrayValue ?? []).enumerated() {
                let label = element.members != nil ? XValues.text(element, "name") : element.stringValue.flatMap(XValues.trimmedNonEmpty)
                // Advertisers are written as handles (`@acme`); ads name them the same way without `@`.
                if let label { try state.once(kind, kind == .advertiser ? XValues.handle(label) : label, locator: base.appending(index)) }
            }
        }
        for key in ["demographics", "locationHistory", "inferredAgeInfo"] where hasContent(r[key]) {
            state.sink.skipped(section: at.appending(key).description,
                               reason: "not recorded: inferred demographics and locations have no vocabulary word yet")
        }
    }

    static func hasContent(_ value: JSONValue?) -> Bool {
        switch value {
        case .none, .null?: return false
        case .string(let s)?: return XValues.trimmedNonEmpty(s) != nil
        case .number?, .bool?: return true
        case .array(let elements)?: return elements.contains { hasContent($0) }
        case .object(let members)?: return members.contains { hasContent($0.value) }
        }
    }

    /// `accountDisplayName` → `account_display_name`.
    static func snakeCase(_ key: String) -> String {
        var out = ""
        for scalar in key.unicodeScalars {
            if scalar.properties.isUppercase && !out.isEmpty { out.append("_") }
            out.append(contentsOf: String(scalar).lowercased())
        }
        return out
    }
}
