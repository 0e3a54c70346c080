import AccountModel
import Readers

/// Instagram's HTML export (Meta's default format), 2022 layout through the current one: the
/// pages have the JSON files' names (`likes/liked_posts.html`, `followers_1.html`) and their
/// boxes go to the builders of the JSON table (`InstagramSections`), so both forms map the
/// same sections.
enum InstagramHTMLPages {
    typealias C = InstagramContentBuilders
    typealias A = InstagramActivityBuilders
    typealias P = InstagramProfileBuilders
    typealias M = MetaInferenceBuilders

    static let table = MetaHTMLTable([
        // Content
        "posts": .records(C.post, .caption), "archived_posts": .records(C.post, .caption),
        "stories": .records(C.story, .caption), "reels": .records(C.reel, .caption), "igtv_videos": .records(C.reel, .caption),
        "post_comments": .records(C.comment, .label("Comment")), "reels_comments": .records(C.comment, .label("Comment")),
        // Interactions
        "liked_posts": .records(A.like("post")), "liked_comments": .records(A.like("comment")),
        "story_likes": .records(A.like("story")), "saved_posts": .records(A.saved),
        "polls": .records(A.vote("poll")), "quizzes": .records(A.vote("quiz")), "emoji_sliders": .records(A.vote("emoji_slider")),
        // People
        "followers": .records(A.followedBy), "following": .records(A.follow("account")),
        "following_hashtags": .records(A.follow("hashtag")),
        // Views, searches, logins
        "posts_viewed": .records(A.viewed(.browse)), "videos_watched": .records(A.viewed(.watch)),
        "ads_viewed": .records(A.viewed(.adView)), "ads_clicked": .records(A.adClick),
        "account_searches": .records(A.search("account")), "word_or_phrase_searches": .records(A.search("keyword")),
        "keyword_searches": .records(A.search("keyword")), "tag_searches": .records(A.search("hashtag")),
        "location_searches": .records(A.search("place")), "login_activity": .records(A.login),
        // Ads and topics
        "ads_interests": .records(M.adInterest), "other_categories_used_to_reach_you": .records(MetaHTMLBuilders.everyValue(.adInterest)),
        "advertisers_using_your_activity_or_information": .records(M.advertiser),
        "your_topics": .records(M.topic), "your_reels_topics": .records(M.topic),
        // Profile
        "personal_information": .records(P.identity), "account_based_in": .records(P.identity),
        // Known, not recorded (as in JSON)
        "suggested_profiles_viewed": .notRecorded("suggested accounts shown, not chosen"),
        "recently_deleted_content": .notRecorded("content the owner deleted"),
        "profile_photos": .notRecorded("profile pictures"),
        "logout_activity": .notRecorded("logouts"),
        "blocked_accounts": .notRecorded("relationship settings and requests"),
        "close_friends": .notRecorded("relationship settings and requests"),
        "restricted_accounts": .notRecorded("relationship settings and requests"),
        "pending_follow_requests": .notRecorded("relationship settings and requests"),
        "recently_unfollowed_accounts": .notRecorded("relationship settings and requests"),
        "synced_contacts": .notRecorded("the owner's address book holds other people's data"),
    ], ignored: ["message": "direct messages are not imported yet"])
}
