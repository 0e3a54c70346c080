import AccountModel
import Readers

/// The profile (→ identity facts) and what Instagram inferred about the owner (→ inferences).
enum InstagramProfileBuilders {
    /// `profile_user` and `inferred_data_primary_location`: one fact per labelled value,
    /// the localized label mapped to the account's field name (`Nome utente` → `username`).
    static func identity(_ r: MetaRecord, _ at: Locator, _ context: MetaContext) throws {
        for field in r.fields {
            guard let value = field.value, let label = field.label else { continue }
            try context.identity(MetaLabels.identityField(for: label), value,
                                 locator: at.appending("string_map_data").appending(label))
        }
    }

    /// `ig_autofill_data`: what the browser autofill holds; empty strings are the norm.
    static func autofill(_ r: MetaRecord, _ at: Locator, _ context: MetaContext) throws {
        for member in r.value.members ?? [] {
            guard let value = MetaText.of(member.value) else { continue }
            let field = autofillFields[member.key.lowercased()] ?? MetaLabels.snakeCase(member.key)
            try context.identity(field, value, locator: at.appending(member.key))
        }
    }

    static let autofillFields: [String: String] = [
        "email": "email", "tel": "phone", "given_name": "first_name", "family_name": "last_name",
        "street_address": "street_address", "postal_code": "postal_code", "country": "country", "country_name": "country_name",
    ]
}
