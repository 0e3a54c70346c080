import AccountModel
import Foundation
import Readers

/// The generations of X's (Twitter's) "Download an archive of your data", recorded with each
/// import as its format.
public enum XFormat {
    /// 2019 – late 2022: `data/tweet.js` (`window.YTD.tweet.part0`), media in `data/tweet_media/`.
    /// The 2020 files without a `data/` folder and without a manifest are this generation too.
    public static let archive2019 = "x-archive-2019"
    /// Late 2022 on: `data/tweets.js` (+ `tweets-part1.js` …), media in `data/tweets_media/`.
    public static let archive2022 = "x-archive-2022"

    /// The generation told by the file list: the tweets file's name, else the media folder's.
    /// An archive with neither (a profile-only sample) is taken as the older generation.
    static func detect(_ files: XArchiveFiles) -> String {
        if files.hasType("tweets") { return archive2022 }
        if files.hasType("tweet") { return archive2019 }
        if files.mediaFolders.contains("tweets_media") { return archive2022 }
        return archive2019
    }
}

/// Cheap recognition: the file names, and the first bytes of one small file (the manifest, or
/// the smallest `.js` whose name X uses), which must start with X's `window.…` assignment.
enum XRecognizer {
    static let peekBytes = 256

    static func recognize(_ export: ExportReader) -> Recognition {
        let files = XArchiveFiles(export)
        if let manifest = files.manifest, XScript.startsLikeArchive(export.prefix(of: manifest, maxBytes: peekBytes), manifest: true) {
            return Recognition(confidence: 1.0, format: XFormat.detect(files))
        }
        let known = files.dataFiles.filter { XSections.isKnown($0.type) }
        guard let smallest = known.min(by: { $0.entry.size < $1.entry.size }),
              XScript.startsLikeArchive(export.prefix(of: smallest.entry, maxBytes: peekBytes), manifest: false) else { return .no }
        // Several files X names, in X's wrapper: an archive, or a few files of one.
        return Recognition(confidence: known.count >= 2 ? 0.9 : 0.7, format: XFormat.detect(files))
    }
}
