import Readers
/// Telling Instagram from Facebook by file names alone. Both are Meta "Download your
/// information" exports and share folders (`messages/inbox`, `ads_information`), so each
/// platform counts the markers only it writes; the platform with more markers claims the
/// export and the other answers 0. JSON and HTML exports are scored apart (`ext`): the files
/// are named alike in both formats.
struct MetaMarkers: Sendable {
    /// Path fragments (lowercased) that only this platform writes.
    var folders: [String]
    /// Path suffixes (lowercased) of JSON files only this platform writes.
    var files: [String]
    /// File-name prefixes (lowercased), for numbered files.
    var namePrefixes: [String] = []

    func score(_ export: ExportReader, ext: String = "json") -> Int {
        var score = 0
        var sawFolder = Set<String>()
        for entry in export.entries {
            let path = entry.lowercasedPath
            guard path.hasSuffix("." + ext) else { continue }
            for folder in folders where !sawFolder.contains(folder) && (path.hasPrefix(folder) || path.contains("/" + folder)) {
                sawFolder.insert(folder)
                score += 3
            }
            if files.contains(where: { file in
                let named = String(file.dropLast(".json".count)) + "." + ext
                return path == named || path.hasSuffix("/" + named)
            }) { score += 1 }
            let name = entry.name.lowercased()
            if namePrefixes.contains(where: name.hasPrefix) { score += 1 }
        }
        return score
    }

    /// Confidence for `mine` against `theirs`: zero unless this platform's markers win.
    /// The format a Meta export is in for `mine`: JSON when its JSON markers win, else HTML
    /// when its HTML markers do; `nil` when it is not this platform's.
    static func recognize(_ export: ExportReader, mine: MetaMarkers, theirs: MetaMarkers) -> (confidence: Double, html: Bool)? {
        let json = confidence(mine: mine.score(export), theirs: theirs.score(export))
        if json > 0 { return (json, false) }
        let html = confidence(mine: mine.score(export, ext: "html"), theirs: theirs.score(export, ext: "html"))
        return html > 0 ? (html, true) : nil
    }

    static func confidence(mine: Int, theirs: Int) -> Double {
        guard mine > theirs else { return 0 }
        return min(0.5 + 0.05 * Double(mine - theirs), 0.95)
    }

    static let instagram = MetaMarkers(
        folders: ["your_instagram_activity/", "instagram_ads_and_businesses/", "followers_and_following/",
                  "story_sticker_interactions/", "story_interactions/", "ads_and_content/"],
        files: ["content/posts_1.json", "media/posts_1.json", "content/stories.json", "media/stories.json",
                "likes/liked_posts.json", "likes/liked_comments.json", "saved/saved_posts.json",
                "comments/post_comments.json", "comments/post_comments_1.json", "comments/reels_comments.json",
                "account_information/personal_information.json", "personal_information/personal_information.json",
                "recent_searches/account_searches.json", "recent_searches/word_or_phrase_searches.json",
                "ads_and_topics/ads_viewed.json", "ads_and_topics/posts_viewed.json", "ads_and_topics/videos_watched.json",
                "instagram_profile_information.json", "your_topics/your_reels_topics.json"])

    static let facebook = MetaMarkers(
        folders: ["your_facebook_activity/", "your_activity_across_facebook/", "apps_and_websites_off_of_facebook/",
                  "friends_and_followers/", "comments_and_reactions/"],
        files: ["posts/your_posts_1.json", "profile_information/profile_information.json", "friends/your_friends.json",
                "friends_and_followers/friends.json", "pages/pages_you've_liked.json", "search/your_search_history.json",
                "your_off-facebook_activity.json", "your_activity_off_meta_technologies.json",
                "other_logged_information/ads_interests.json"],
        namePrefixes: ["your_posts__check_ins__photos_and_videos", "likes_and_reactions"])
}
