import AccountModel
import Readers

/// `profile_v2` → identity facts. Scalars with an identity meaning are mapped; the lists
/// (education, work, places lived, pages, family) are reported as skipped, by key.
enum FacebookProfileBuilders {
    static func profile(_ r: MetaRecord, _ at: Locator, _ context: MetaContext) throws {
        let p = r.value
        func fact(_ field: String, _ value: String?, _ path: String...) throws {
            try context.identity(field, value, locator: path.reduce(at) { $0.appending($1) })
        }
        try fact("display_name", p.member("name")?.text("full_name"), "name", "full_name")
        try fact("first_name", p.member("name")?.text("first_name"), "name", "first_name")
        try fact("middle_name", p.member("name")?.text("middle_name"), "name", "middle_name")
        try fact("last_name", p.member("name")?.text("last_name"), "name", "last_name")
        try fact("username", p.text("username"), "username")
        for (index, email) in (p.member("emails")?.member("emails")?.arrayValue ?? []).enumerated() {
            try fact("email", MetaText.of(email), "emails", "emails", String(index))
        }
        for (index, phone) in (p.member("phone_numbers")?.arrayValue ?? []).enumerated() {
            try fact("phone", phone.text("phone_number") ?? MetaText.of(phone), "phone_numbers", String(index))
        }
        if let birthday = p.member("birthday") {
            let date = MetaValues.date(year: int(birthday.member("year")), month: int(birthday.member("month")),
                                       day: int(birthday.member("day")))
            try fact("birth_date", date, "birthday")
        }
        try fact("gender", p.member("gender")?.text("gender_option", "custom_genders"), "gender")
        try fact("city", p.member("current_city")?.text("name"), "current_city", "name")
        try fact("hometown", p.member("hometown")?.text("name"), "hometown", "name")
        try fact("relationship_status", p.member("relationship")?.text("status"), "relationship", "status")
        try fact("political_view", p.member("political_view")?.text("name"), "political_view", "name")
        try fact("religious_view", p.member("religious_view")?.text("name"), "religious_view", "name")
        for (index, site) in (p.member("websites")?.arrayValue ?? []).enumerated() {
            try fact("website", site.text("address"), "websites", String(index), "address")
        }
        try fact("profile_url", p.text("profile_uri"), "profile_uri")
        try fact("registered_at", MetaTime.of(p.member("registration_timestamp"))?.utc, "registration_timestamp")
        for member in p.members ?? [] where !mapped.contains(JSONValue.foldKey(member.key)) && MetaWalker.hasContent(member.value) {
            context.sink.skipped(section: at.appending(member.key).description, reason: "not recorded: no identity field for it yet")
        }
    }

    /// Folded keys read above.
    static let mapped: Set<String> = Set(["name", "username", "emails", "phone_numbers", "birthday", "gender", "current_city",
                                          "hometown", "relationship", "political_view", "religious_view", "websites",
                                          "profile_uri", "registration_timestamp"].map(JSONValue.foldKey))

    private static func int(_ value: JSONValue?) -> Int? { value?.stringValue.flatMap { Int($0) } }
}
