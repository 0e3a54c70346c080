import AccountModel
import Readers

/// Turns one record into account records through the context. Builders never throw for a
/// missing field: a record without what makes it a record is dropped and counted.
typealias MetaBuild = @Sendable (MetaRecord, Locator, MetaContext) throws -> Void

/// What a row does with the part of a document it names.
enum MetaHandling: Sendable {
    /// Each element of the list is one record (an object, or a bare string in `topics_v2`).
    /// An object in place of the list is one record (Meta writes a one-record file that way).
    case records(MetaBuild)
    /// The value is read whole: a profile map, an album document.
    case whole(MetaBuild)
    /// Known, deliberately not recorded; reported when it holds anything.
    case notRecorded(String)
}

/// One row of a platform's table, twitter-to-sqlite style: "this wrapper key (or this file,
/// when its document is a bare list), these records → this builder".
///
/// Meta's wrapper keys (`likes_media_likes`, `comments_v2`) outlive its folder reshuffles
/// (`likes/` → `your_instagram_activity/likes/`, `posts/` → `your_facebook_activity/posts/`),
/// so rows name keys and file names, never folders, and one row serves every generation.
struct MetaSection: Sendable {
    /// Folded wrapper keys holding the records inside an object document.
    var keys: [String] = []
    /// File stems (name without `.json` and without Meta's `_1` numbering) whose whole
    /// document is this section: a bare list, a one-record `label_values` object, or (for
    /// `.whole`) any document.
    var files: [String] = []
    var handling: MetaHandling

    static func key(_ key: String, _ handling: MetaHandling) -> MetaSection { keys([key], handling) }

    static func keys(_ keys: [String], _ handling: MetaHandling) -> MetaSection {
        MetaSection(keys: keys.map(JSONValue.foldKey), handling: handling)
    }

    static func file(_ file: String, keys: [String] = [], _ handling: MetaHandling) -> MetaSection {
        MetaSection(keys: keys.map(JSONValue.foldKey), files: [MetaTable.foldStem(file)], handling: handling)
    }
}

/// A platform's rows indexed for the walk.
struct MetaTable: Sendable {
    private(set) var byKey: [String: MetaSection] = [:]
    private(set) var byFile: [String: MetaSection] = [:]
    /// File stems not opened at all (message threads: thousands of files), reported as one
    /// count per folder.
    let ignoredFiles: [String: String]
    /// Files read after all others (albums after posts, so a photo already in a post is not
    /// recorded twice).
    let lateFiles: Set<String>

    init(_ sections: [MetaSection], ignoredFiles: [String: String] = [:], lateFiles: Set<String> = []) {
        for section in sections {
            for key in section.keys where byKey[key] == nil { byKey[key] = section }
            for file in section.files where byFile[file] == nil { byFile[file] = section }
        }
        self.ignoredFiles = Dictionary(uniqueKeysWithValues: ignoredFiles.map { (MetaTable.foldStem($0.key), $0.value) })
        self.lateFiles = Set(lateFiles.map(MetaTable.foldStem))
    }

    /// `liked_posts.json` (or `.html`) → `likedposts`; `posts_1.json` → `posts`; `album/3.json` → `album`;
    /// `message_12.json` → `message`.
    static func stem(ofPath path: String) -> String {
        let parts = path.split(separator: "/")
        var name = String(parts.last ?? "")
        if name.lowercased().hasSuffix(".json") || name.lowercased().hasSuffix(".html") { name.removeLast(5) }
        if !name.isEmpty, name.allSatisfy(\.isNumber), parts.count >= 2 { return foldStem(String(parts[parts.count - 2])) }
        if let underscore = name.lastIndex(of: "_"), name.index(after: underscore) < name.endIndex,
           name[name.index(after: underscore)...].allSatisfy(\.isNumber) {
            name = String(name[..<underscore])
        }
        return foldStem(name)
    }

    static func foldStem(_ stem: String) -> String { JSONValue.foldKey(stem) }
}
