import AccountModel
import AccountStore
import Crypto
import Foundation
import LaborLedger
@testable import Portability

/// A small account on disk: six items (one with two media files, two whose ids differ only by
/// case, one with an unsafe id, one without id, one message) and two activity records.
struct TestAccount {
    let folder: AccountFolder
    let store: AccountStore
    let key: OwnerKey
    var did: String { key.didKey.did }

    static let exportSHA256 = String(repeating: "ab", count: 32)
    /// Distinct byte patterns, so a test can find a media file's bytes inside the zip.
    static let clip = Data((0..<5000).map { UInt8(truncatingIfNeeded: $0 &* 7 &+ 3) })
    static let cover = Data((0..<3000).map { UInt8(truncatingIfNeeded: $0 &* 13 &+ 1) })

    init(in root: URL) throws {
        folder = AccountFolder(url: root.appendingPathComponent("account"))
        try folder.createDirectories()
        store = try AccountStore(folder: folder)
        key = try OwnerKey.loadOrCreate(in: folder).key
        try store.setOwner(name: "Ada", did: key.didKey.did, createdAt: "2025-01-01T00:00:00Z")
        let export = ExportDescription(platform: .tiktok, fileName: "user_data_tiktok.zip", sha256: Self.exportSHA256, size: 123_456,
                                       format: "json-2024", importer: "tiktok", importerVersion: "1",
                                       importedAt: "2025-02-01T09:00:00Z")
        let media = TestMedia(folder: folder, files: ["video/clip.mp4": Self.clip, "video/cover.jpg": Self.cover])
        _ = try store.importExport(export, media: media) { sink in
            let locator = Locator(entry: "user_data_tiktok.json", pointer: "/Video/Videos/VideoList/0")
            try sink.add(Item(platform: .tiktok, kind: .video, nativeID: "7312345678901234567",
                              url: "https://www.tiktok.com/@ada/video/7312345678901234567",
                              createdAt: RecordTime(utc: "2024-03-01T10:00:00Z", basis: .naiveUTC), text: "my first video 直播",
                              raw: .obj([("Date", .string("2024-03-01 10:00:00")), ("Likes", .number("12"))]),
                              media: [MediaReference(entry: "video/clip.mp4"), MediaReference(entry: "video/cover.jpg")],
                              locator: locator))
            for (n, id) in ["AbC", "abc", "a/b%c\n"].enumerated() {
                try sink.add(Item(platform: .tiktok, kind: .comment, nativeID: id,
                                  createdAt: RecordTime(utc: "2024-03-0\(n + 2)T08:00:00Z", basis: .naiveUTC), text: "comment \(n)",
                                  raw: .obj([("comment", .string("comment \(n)"))]), locator: locator.appending(n)))
            }
            try sink.add(Item(platform: .tiktok, kind: .post, createdAt: RecordTime(utc: "2024-02-01T08:00:00Z", basis: .exact),
                              title: "A post without an id", text: "<b>hello</b> & goodbye",
                              raw: .obj([("text", .string("hello"))]), locator: locator))
            try sink.add(Item(platform: .tiktok, kind: .message, nativeID: "m1", createdAt: RecordTime(utc: "2024-04-01T08:00:00Z", basis: .exact),
                              text: "hi there", counterpart: "a friend", raw: .obj([("Content", .string("hi there"))]), locator: locator))
            for n in 0..<2 {
                try sink.add(Activity(platform: .tiktok, kind: .watch, occurredAt: RecordTime(utc: "2024-03-0\(n + 1)T07:00:00Z", basis: .naiveUTC),
                                      url: "https://www.tiktok.com/v/\(n)", locator: Locator(entry: "user_data_tiktok.json", pointer: "/w/\(n)")))
            }
        }
    }

    func export(to url: URL, created: String, activity: Bool = false, messages: Bool = false, kinds: [String] = [],
                forceZip64: Bool = false) throws -> URL {
        var options = ArchiveOptions(created: created, softwareVersion: "0.0-test")
        options.withActivity = activity
        options.withMessages = messages
        options.kinds = kinds
        options.forceZip64 = forceZip64
        let ledger = try Ledger.compute(store, filter: options.scope).json()
        _ = try ArchiveWriter.write(store: store, folder: folder, key: key, options: options, ledger: ledger, to: url)
        return url
    }

    static func sha256(_ data: Data) -> String { Hex.string(SHA256.hash(data: data)) }
}

/// Copies media into the account's content-addressed store, as the import pipeline does.
final class TestMedia: MediaIngest {
    let folder: AccountFolder
    let files: [String: Data]

    init(folder: AccountFolder, files: [String: Data]) {
        self.folder = folder
        self.files = files
    }

    func ingest(_ reference: MediaReference) throws -> IngestedMedia? {
        guard let data = files[reference.entry] else { return nil }
        let sha256 = TestAccount.sha256(data)
        let target = folder.mediaFile(sha256: sha256)
        try FileManager.default.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
        try data.write(to: target)
        let name = reference.entry.split(separator: "/").last.map(String.init) ?? reference.entry
        return IngestedMedia(sha256: sha256, size: UInt64(data.count), mediaType: name.hasSuffix(".mp4") ? "video/mp4" : "image/jpeg",
                             fileName: name)
    }
}

/// What a careful tamperer does after editing a bag: recompute every manifest and the Payload-Oxum,
/// so that BagIt alone sees nothing wrong.
enum Tamper {
    static func regenerateManifests(_ bag: URL) throws {
        let fm = FileManager.default
        var payload: [String] = []
        let walker = fm.enumerator(at: bag.appendingPathComponent("data"), includingPropertiesForKeys: [.isRegularFileKey])
        while let url = walker?.nextObject() as? URL {
            guard (try url.resourceValues(forKeys: [.isRegularFileKey])).isRegularFile == true else { continue }
            payload.append(String(url.standardizedFileURL.path.dropFirst(bag.standardizedFileURL.path.count + 1)))
        }
        payload.sort()
        var bytes = 0
        for path in payload { bytes += try Data(contentsOf: bag.appendingPathComponent(path)).count }
        let info = bag.appendingPathComponent("bag-info.txt")
        let lines = try String(contentsOf: info, encoding: .utf8).split(separator: "\n").map { line in
            line.hasPrefix("Payload-Oxum:") ? "Payload-Oxum: \(bytes).\(payload.count)" : String(line)
        }
        try (lines.joined(separator: "\n") + "\n").write(to: info, atomically: true, encoding: .utf8)
        try write(bag, "manifest", payload)
        try write(bag, "tagmanifest", ["bagit.txt", "bag-info.txt", "manifest-sha256.txt", "manifest-sha512.txt"])
    }

    private static func write(_ bag: URL, _ prefix: String, _ paths: [String]) throws {
        var sha256 = "", sha512 = ""
        for path in paths {
            let data = try Data(contentsOf: bag.appendingPathComponent(path))
            sha256 += Hex.string(SHA256.hash(data: data)) + "  " + path + "\n"
            sha512 += Hex.string(SHA512.hash(data: data)) + "  " + path + "\n"
        }
        try sha256.write(to: bag.appendingPathComponent("\(prefix)-sha256.txt"), atomically: true, encoding: .utf8)
        try sha512.write(to: bag.appendingPathComponent("\(prefix)-sha512.txt"), atomically: true, encoding: .utf8)
    }
}
