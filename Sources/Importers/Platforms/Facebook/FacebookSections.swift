import AccountModel
import Readers

/// The Facebook export as a table of "wrapper key or file → records". Facebook names its
/// lists with versioned keys (`comments_v2`, `following_v3`) that outlive the folder moves
/// between generations; the bare lists (posts, reactions) are found by file name.
enum FacebookSections {
    static let table = MetaTable(content + interactions + people + inferences + profile + notRecorded,
                                 ignoredFiles: ["message": "direct messages are not imported yet"],
                                 lateFiles: ["album", "your_uncategorized_photos", "your_videos"])

    typealias C = FacebookContentBuilders
    typealias A = FacebookActivityBuilders
    typealias M = MetaInferenceBuilders

    static let content: [MetaSection] = [
        .file("your_posts", .records(C.post)),
        .file("your_posts__check_ins__photos_and_videos", .records(C.post)),
        .file("posts_on_other_pages_and_profiles", keys: ["wall_posts_sent_to_other_v2"], .records(C.post)),
        .key("group_posts_v2", .records(C.post)),
        .file("comments", keys: ["comments_v2"], .records(C.comment)),
        .key("group_comments_v2", .records(C.comment)),
        // Read after the posts: photos already attached to a post are not recorded twice.
        .key("other_photos_v2", .records(C.photo)),
        .key("videos_v2", .records(C.video)),
        .file("album", .whole(C.album)),
    ]

    static let interactions: [MetaSection] = [
        // `reactions_v2` in posts_and_comments.json until 2021, then bare lists in
        // likes_and_reactions_1.json; `label_values` records in likes_and_reactions.json from 2025.
        .file("likes_and_reactions", keys: ["reactions_v2"], .records(A.reaction)),
        .key("stories_feedback_v2", .records(A.storyReaction)),
        .file("pages_you've_liked", keys: ["page_likes_v2"], .records(A.pageLike)),
        .key("pages_followed_v2", .records(A.pageFollow)),
        .file("your_search_history", keys: ["searches_v2"], .records(A.search)),
        .key("history_v2", .records(A.adInteraction)),
        // `your_off-facebook_activity.json` (2019–23), `your_activity_off_meta_technologies.json` (2023+).
        .file("your_activity_off_meta_technologies", keys: ["off_facebook_activity_v2"], .records(A.offPlatform)),
    ]

    static let people: [MetaSection] = [
        .file("your_friends", keys: ["friends_v2", "friends"], .records(A.friend)),
        .file("who_you've_followed", keys: ["following_v2", "following_v3", "following"], .records(A.following)),
        .file("people_who_followed_you", keys: ["followers_v2", "followers_v3", "followers"], .records(A.followedBy)),
    ]

    static let inferences: [MetaSection] = [
        .key("topics_v2", .records(M.adInterest)),
        .file("other_categories_used_to_reach_you", .records(M.adCategories)),
        .keys(["custom_audiences_all_types_v2", "custom_audiences_v2"], .records(M.advertiser)),
        .key("inferred_topics_v2", .records(M.topic)),
    ]

    static let profile: [MetaSection] = [
        .key("profile_v2", .whole(FacebookProfileBuilders.profile)),
    ]

    static let notRecorded: [MetaSection] = [
        .keys(["recently_viewed", "visited_things_v2"], .notRecorded("view history is not mapped yet")),
        .keys(["installed_apps_v2", "connected_apps_v2"], .notRecorded("apps connected to the account")),
        .keys(["sent_requests_v2", "received_requests_v2", "rejected_requests_v2", "deleted_friends_v2"],
              .notRecorded("friend requests and removals")),
        .keys(["recommended_pages_v2", "pages_unfollowed_v2"], .notRecorded("pages recommended or unfollowed")),
        .key("lead_gen_info_v2", .notRecorded("answers given in advertisers' forms")),
        .key("language_and_locale_v2", .notRecorded("settings")),
        .key("profile_updates_v2", .notRecorded("profile change history")),
        .key("notifications_v2", .notRecorded("notifications received")),
        .keys(["your_events_v2", "event_responses_v2", "events_invited_v2", "groups_joined_v2"],
              .notRecorded("events and groups: no vocabulary word for them yet")),
        .keys(["account_activity_v2", "ip_address_activity_v2", "used_ip_address_v2"], .notRecorded("security log")),
    ]
}
