import AccountModel
import Foundation
import Readers

/// Resolves the `uri` Meta writes next to a post (`media/posts/202111/x.jpg`,
/// `your_facebook_activity/posts/media/Album/x.jpg`) to an entry of the export, and keeps
/// account of which files were used and which were named but absent.
///
/// URIs are relative to the export's root, but people re-zip the folder they extracted, so
/// the root may sit one or more folders down: every ancestor folder of the document naming
/// the file is tried, outermost first. Only exact entry paths match, so a `..` in a URI can
/// never reach outside the export.
final class MetaMediaIndex {
    private let paths: Set<String>
    private var used: Set<String> = []
    private var missing: [String: Int] = [:]

    init(_ export: ExportReader) { paths = Set(export.entries.map(\.path)) }

    func resolve(_ uri: String?, from document: String) -> MediaReference? {
        guard var uri = uri?.trimmingCharacters(in: .whitespaces), !uri.isEmpty, !uri.contains("://") else { return nil }
        while uri.hasPrefix("/") { uri.removeFirst() }
        var prefix = ""
        let folders = document.split(separator: "/").dropLast()
        for folder in [Substring("")] + folders {
            if !folder.isEmpty { prefix += folder + "/" }
            let candidate = prefix + uri
            if paths.contains(candidate) {
                used.insert(candidate)
                return MediaReference(entry: candidate)
            }
        }
        missing[document, default: 0] += 1
        return nil
    }

    func report(to sink: RecordSink, otherFiles: [ExportEntry]) {
        for (document, count) in missing.sorted(by: { $0.key < $1.key }) {
            sink.skipped(section: document, reason: "\(count) media files it names are not in the export")
        }
        var unused: [String: Int] = [:]
        for entry in otherFiles where !used.contains(entry.path) {
            unused[Self.group(entry.path), default: 0] += 1
        }
        for (group, count) in unused.sorted(by: { $0.key < $1.key }) {
            sink.skipped(section: group, reason: "\(count) files not used by any record")
        }
    }

    /// Files are reported by their first two folders (`media/stories`, `messages/inbox`):
    /// one line per kind of file rather than one per photo, and no conversation's name.
    static func group(_ path: String) -> String {
        let parts = path.split(separator: "/").dropLast()
        return parts.isEmpty ? "(export root)" : parts.prefix(2).joined(separator: "/")
    }
}

/// What a single media file makes of an Instagram post.
enum MetaMediaKind {
    static let videoExtensions: Set<String> = ["mp4", "mov", "m4v", "webm", "avi", "3gp"]

    static func isVideo(_ uri: String?) -> Bool {
        guard let uri, let dot = uri.lastIndex(of: ".") else { return false }
        return videoExtensions.contains(uri[uri.index(after: dot)...].lowercased())
    }
}
