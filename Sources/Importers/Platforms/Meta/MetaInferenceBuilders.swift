import AccountModel
import Readers

/// Inferences both platforms write the same way.
enum MetaInferenceBuilders {
    /// An advertiser holding the owner in a custom audience: `{"advertiser_name", …}`
    /// (`*_custom_audiences_all_types*`) or a bare name (`custom_audiences_v2`).
    static func advertiser(_ r: MetaRecord, _ at: Locator, _ context: MetaContext) throws {
        try context.inference(.advertiser, r.text("advertiser_name") ?? r.string ?? r.value(MetaLabels.name) ?? r.firstValue,
                              locator: at)
    }

    /// A topic Meta inferred: a bare string (`inferred_topics_v2`) or a record with a
    /// localized `Name` (`topics_your_topics`).
    static func topic(_ r: MetaRecord, _ at: Locator, _ context: MetaContext) throws {
        try context.inference(.inferredTopic, r.string ?? r.value(MetaLabels.name) ?? r.firstValue, locator: at)
    }

    /// An ad interest: a bare string (`topics_v2`) or a record with a localized `Interest`.
    static func adInterest(_ r: MetaRecord, _ at: Locator, _ context: MetaContext) throws {
        try context.inference(.adInterest, r.string ?? r.value(MetaLabels.interest) ?? r.firstValue, locator: at)
    }

    /// 2024+ `other_categories_used_to_reach_you`: one `label_values` record whose list
    /// entries (`vec`) are the categories advertisers may reach the owner by.
    static func adCategories(_ r: MetaRecord, _ at: Locator, _ context: MetaContext) throws {
        let categories = r.fields.filter { $0.parent != nil && $0.label == nil }.compactMap(\.value)
        for category in categories {
            try context.inference(.adInterest, category, locator: at.appending("label_values"))
        }
    }
}
