import AccountModel
import Readers

/// X's (Twitter's) "Download an archive of your data": a zip of `data/*.js` files, each a
/// `window.YTD.<type>.partN = [ … ]` assignment, listed by `data/manifest.js`. Both layouts are
/// read the same way: `tweet.js` (2019–22) and `tweets.js` split into `tweets-partN.js` (2022+),
/// and the 2020 files without a `data/` folder or manifest.
///
/// Times: tweets' `created_at` carries `+0000` (`exact`); accounts' and messages' ISO
/// `createdAt` ends in `Z` (`exact`); ads' `impressionTime` has no zone and is UTC
/// (`naive_utc`). Likes and follows carry no time at all: stored without one, never guessed.
public struct XImporter: Importer {
    public let name = "x"
    public let platform = Platform.x
    public let version = "1"

    public init() {}

    public func recognize(_ export: ExportReader) -> Recognition {
        XRecognizer.recognize(export)
    }

    public func run(_ export: ExportReader, format: String, into sink: RecordSink) throws {
        let files = XArchiveFiles(export)
        let state = XImportState(sink: sink, media: XMediaIndex(files))
        var dataFiles = files.dataFiles
        if let manifest = files.manifest {
            let listed = try XManifest.read(export, manifest)
            state.ownerID = listed.accountID
            state.ownerUsername = listed.userName
            dataFiles = apply(listed, to: dataFiles, export: export, manifest: manifest, sink: sink)
        }
        dataFiles.sort { a, b in
            (XSections.readingOrder(a.type), a.type, a.part, a.entry.path) < (XSections.readingOrder(b.type), b.type, b.part, b.entry.path)
        }
        let reader = XDataReader(export: export, state: state)
        for file in dataFiles { try reader.read(file) }
        state.reportNotes()
        state.media.reportUnused(to: sink)
        report(files, to: sink)
    }

    /// The manifest's data type wins over the one read from a file's name; listed files that
    /// are missing are reported.
    private func apply(_ manifest: XManifest, to files: [XDataFile], export: ExportReader,
                       manifest entry: ExportEntry, sink: RecordSink) -> [XDataFile] {
        var types: [String: String] = [:]
        for listed in manifest.files {
            guard let found = XManifest.entry(for: listed.fileName, in: export) else {
                sink.skipped(section: "\(entry.path)#\(listed.pointer)", reason: "listed in the manifest but missing from the export")
                continue
            }
            types[found.path] = listed.type
        }
        return files.map { file in
            var file = file
            if let type = types[file.entry.path] { file.type = type }
            return file
        }
    }

    /// Entries that are not data: the offline viewer in one line, anything else by name.
    private func report(_ files: XArchiveFiles, to sink: RecordSink) {
        if !files.viewer.isEmpty {
            // `Your archive.html`, `data/README.txt` by name, the hundreds of `assets/` files by folder.
            var tops: [String] = []
            for entry in files.viewer {
                let parts = entry.path.split(separator: "/")
                let top = parts.firstIndex { $0.lowercased() == "assets" }
                    .map { parts[...$0].joined(separator: "/") + "/" } ?? entry.path
                if !tops.contains(top) { tops.append(top) }
            }
            sink.skipped(section: tops.joined(separator: ", "),
                         reason: "\(files.viewer.count) files of the archive's offline viewer and README, not data")
        }
        for entry in files.other {
            sink.skipped(section: entry.path, reason: "unknown file, not read")
        }
    }
}
