import AccountModel
import Readers

/// Facebook's HTML export (Meta's default format), 2022 layout through the current one: pages
/// named like the JSON files (`your_posts_1.html`, `comments.html`), read by the builders of
/// the JSON table (`FacebookSections`). Post and comment texts stand unlabelled in HTML; they
/// get the label the JSON form gives them.
enum FacebookHTMLPages {
    typealias C = FacebookContentBuilders
    typealias A = FacebookActivityBuilders
    typealias M = MetaInferenceBuilders

    static let table = MetaHTMLTable([
        // Content
        "your_posts": .records(C.post, .label("Message")),
        "your_posts__check_ins__photos_and_videos": .records(C.post, .label("Message")),
        "posts_on_other_pages_and_profiles": .records(C.post, .label("Message")),
        "group_posts_and_comments": .records(C.post, .label("Message")),
        "comments": .records(C.comment, .label("Comment")),
        "your_comments_in_groups": .records(C.comment, .label("Comment")),
        // Interactions
        "likes_and_reactions": .records(A.reaction), "pages_you've_liked": .records(A.pageLike),
        "pages_you_follow": .records(A.pageFollow), "your_search_history": .records(A.search),
        "advertisers_you've_interacted_with": .records(A.adInteraction, .label("Event")),
        "your_activity_off_meta_technologies": .records(MetaHTMLBuilders.offPlatform),
        "your_off-facebook_activity": .records(MetaHTMLBuilders.offPlatform),
        // People
        "your_friends": .records(A.friend), "friends": .records(A.friend),
        "who_you've_followed": .records(A.following), "people_who_followed_you": .records(A.followedBy),
        // Ads and topics
        "ads_interests": .records(M.adInterest), "other_categories_used_to_reach_you": .records(MetaHTMLBuilders.everyValue(.adInterest)),
        "advertisers_using_your_activity_or_information": .records(M.advertiser),
        "your_topics": .records(M.topic),
        // Profile: labelled values, as Instagram's
        "profile_information": .records(InstagramProfileBuilders.identity),
        // Known, not recorded (as in JSON)
        "recently_viewed": .notRecorded("view history is not mapped yet"),
        "recently_visited": .notRecorded("view history is not mapped yet"),
        "apps_and_websites": .notRecorded("apps connected to the account"),
        "sent_friend_requests": .notRecorded("friend requests and removals"),
        "received_friend_requests": .notRecorded("friend requests and removals"),
        "rejected_friend_requests": .notRecorded("friend requests and removals"),
        "removed_friends": .notRecorded("friend requests and removals"),
        "notifications": .notRecorded("notifications received"),
        "your_event_responses": .notRecorded("events and groups: no vocabulary word for them yet"),
        "your_group_membership_activity": .notRecorded("events and groups: no vocabulary word for them yet"),
        "account_activity": .notRecorded("security log"),
    ], ignored: ["message": "direct messages are not imported yet"])
}
