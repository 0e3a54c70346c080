import AccountModel
import Readers

/// The Instagram export as a table of "wrapper key or file → records". A row lists every
/// spelling Meta used across generations; a new generation is new spellings here.
enum InstagramSections {
    static let table = MetaTable(content + interactions + people + views + inferences + profile + notRecorded,
                                 ignoredFiles: ["message": "direct messages are not imported yet",
                                                "reported_conversations": "direct messages are not imported yet"])

    typealias C = InstagramContentBuilders
    typealias A = InstagramActivityBuilders
    typealias P = InstagramProfileBuilders
    typealias M = MetaInferenceBuilders

    static let content: [MetaSection] = [
        // 2022–2025: a bare list in `posts_1.json`, `posts_2.json` … (content/ or media/).
        .file("posts", .records(C.post)),
        .key("ig_stories", .records(C.story)),
        .key("ig_reels_media", .records(C.reel)),
        .key("ig_igtv_media", .records(C.reel)),
        .key("ig_archived_post_media", .records(C.post)),
        .key("ig_other_media", .records(C.post)),
        .file("post_comments", keys: ["comments_media_comments"], .records(C.comment)),
        .file("reels_comments", keys: ["comments_reels_comments"], .records(C.comment)),
        .key("comments_story_comments", .records(C.comment)),
    ]

    static let interactions: [MetaSection] = [
        // `likes_media_likes` until 2025; a bare `label_values` list from 2026.
        .file("liked_posts", keys: ["likes_media_likes"], .records(A.like("post"))),
        .file("liked_comments", keys: ["likes_comment_likes"], .records(A.like("comment"))),
        .file("story_likes", keys: ["story_activities_story_likes"], .records(A.like("story"))),
        .file("saved_posts", keys: ["saved_saved_media"], .records(A.saved)),
        .key("story_activities_polls", .records(A.vote("poll"))),
        .key("story_activities_quizzes", .records(A.vote("quiz"))),
        .key("story_activities_emoji_sliders", .records(A.vote("emoji_slider"))),
    ]

    static let people: [MetaSection] = [
        // Wrapped (`relationships_followers`) until 2023, then a bare `followers_1.json`.
        .file("followers", keys: ["relationships_followers"], .records(A.followedBy)),
        .file("following", keys: ["relationships_following"], .records(A.follow("account"))),
        .key("relationships_following_hashtags", .records(A.follow("hashtag"))),
    ]

    static let views: [MetaSection] = [
        .key("impressions_history_posts_seen", .records(A.viewed(.browse))),
        .key("impressions_history_videos_watched", .records(A.viewed(.watch))),
        .key("impressions_history_ads_seen", .records(A.viewed(.adView))),
        .key("impressions_history_ads_clicked", .records(A.adClick)),
        .key("searches_user", .records(A.search("account"))),
        .key("searches_keyword", .records(A.search("keyword"))),
        .key("searches_hashtag", .records(A.search("hashtag"))),
        .key("searches_location", .records(A.search("place"))),
        .key("account_history_login_history", .records(A.login)),
    ]

    static let inferences: [MetaSection] = [
        .key("inferred_data_ig_interest", .records(M.adInterest)),
        .file("other_categories_used_to_reach_you", .records(M.adCategories)),
        .key("ig_custom_audiences_all_types", .records(M.advertiser)),
        .key("topics_your_topics", .records(M.topic)),
        .key("topics_your_reels_topics", .records(M.topic)),
        // Meta's guess at the reels moods the owner likes: an inference about them, kept as a topic.
        .key("topics_your_reels_emotions", .records(M.topic)),
    ]

    static let profile: [MetaSection] = [
        .key("profile_user", .records(P.identity)),
        .key("inferred_data_primary_location", .records(P.identity)),
        .key("ig_autofill_data", .whole(P.autofill)),
    ]

    static let notRecorded: [MetaSection] = [
        .key("impressions_history_chaining_seen", .notRecorded("suggested accounts shown, not chosen")),
        .key("impressions_history_recs_hidden_authors", .notRecorded("accounts marked as not interesting")),
        .key("impressions_history_posts_not_interested", .notRecorded("posts marked as not interesting")),
        .keys(["impressions_history_music_heard_in_stories", "impressions_history_music_recently_used_in_stories"],
              .notRecorded("music heard or used: no vocabulary word for it yet")),
        .key("contacts_contact_info", .notRecorded("the owner's address book holds other people's data")),
        .key("monetization_eligibility", .notRecorded("account status")),
        .keys(["relationships_blocked_users", "relationships_close_friends", "relationships_restricted_users",
               "relationships_follow_requests_sent", "relationships_follow_requests_received",
               "relationships_permanent_follow_requests", "relationships_dismissed_suggested_users",
               "relationships_hide_stories_from", "relationships_feed_favorites", "relationships_unfollowed_users"],
              .notRecorded("relationship settings and requests")),
        .key("saved_saved_collections", .notRecorded("collection names; the saved posts are read from saved_posts")),
        .key("ig_recently_deleted_media", .notRecorded("content the owner deleted")),
        .key("ig_profile_picture", .notRecorded("profile pictures")),
        .key("account_history_logout_history", .notRecorded("logouts")),
        .keys(["story_activities_countdowns", "story_activities_questions", "story_activities_emoji_quick_reactions"],
              .notRecorded("no vocabulary word for it yet")),
    ]
}
