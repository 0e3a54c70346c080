import AccountModel
import Foundation
import Readers

/// One `data/*.js` file: its data type (folded, `direct-messages-group.js` → `directmessagesgroup`,
/// the manifest's `directMessagesGroup` folds the same) and its part (`tweets-part2.js` → 2).
struct XDataFile {
    var entry: ExportEntry
    var type: String
    var part: Int
}

/// The export's entries sorted by what they are in an X archive, from their names alone: the
/// manifest, data files, media folders (`tweets_media/`, `direct_messages_media/` …), the offline
/// viewer (`assets/`, `Your archive.html`, `README.txt`) and anything else. Archives are found
/// at any depth, because people re-zip the folder they extracted.
struct XArchiveFiles {
    var manifest: ExportEntry?
    var dataFiles: [XDataFile] = []
    /// Media folder name (lowercased) → its files.
    var media: [String: [ExportEntry]] = [:]
    var viewer: [ExportEntry] = []
    var other: [ExportEntry] = []

    var mediaFolders: Set<String> { Set(media.keys) }

    init(_ export: ExportReader) {
        for entry in export.entries {
            let components = entry.lowercasedPath.split(separator: "/")
            let name = components.last.map(String.init) ?? ""
            let folder = components.count >= 2 ? String(components[components.count - 2]) : ""
            if folder.hasSuffix("_media") {
                media[folder, default: []].append(entry)
            } else if components.contains("assets") || name.hasSuffix(".html") || name == "readme.txt" {
                viewer.append(entry)
            } else if name == "manifest.js" && manifest == nil {
                manifest = entry
            } else if let (type, part) = Self.typeAndPart(fileName: name) {
                dataFiles.append(XDataFile(entry: entry, type: type, part: part))
            } else {
                other.append(entry)
            }
        }
    }

    func hasType(_ type: String) -> Bool { dataFiles.contains { $0.type == type } }

    /// `tweets.js` → (`tweets`, 0), `tweets-part1.js` → (`tweets`, 1), `follower.part0.js` →
    /// (`follower`, 0); `nil` for a name that is not a `.js` file.
    static func typeAndPart(fileName: String) -> (String, Int)? {
        guard fileName.hasSuffix(".js"), fileName.count > 3 else { return nil }
        var base = Substring(fileName.dropLast(3))
        var part = 0
        if let marker = base.range(of: "part", options: .backwards), marker.lowerBound > base.startIndex {
            let separator = base[base.index(before: marker.lowerBound)]
            let digits = base[marker.upperBound...]
            if separator == "-" || separator == "." || separator == "_", !digits.isEmpty,
               digits.allSatisfy({ $0.isASCII && $0.isNumber }), let number = Int(digits) {
                part = number
                base = base[..<base.index(before: marker.lowerBound)]
            }
        }
        let type = JSONValue.foldKey(String(base))
        return type.isEmpty ? nil : (type, part)
    }
}
