import AccountStore
@testable import Collective
import Foundation
import XCTest
import ZIPFoundation

/// Shared set-up of the collective tests: a temporary folder, collectives, small exports.
class CollectiveTestCase: XCTestCase {
    var tmp: URL!

    override func setUpWithError() throws {
        tmp = FileManager.default.temporaryDirectory.appendingPathComponent("pda-collective-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: tmp, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws { try? FileManager.default.removeItem(at: tmp) }

    func makeCollective(_ name: String = "c", k: Int = 5, epsilonBudget: Double = 1.0) throws -> CollectiveStore {
        try CollectiveStore.create(CollectiveFolder(url: tmp.appendingPathComponent(name)), name: "Test Union", k: k,
                                   epsilonBudget: epsilonBudget, now: "2025-01-01T00:00:00Z")
    }

    /// A small TikTok export: `watches` watch entries in March 2024 and one comment.
    func export(_ member: String, watches: Int, comment: String = "hello") throws -> String {
        let list = (0..<watches).map { i in
            #"{"Date": "2024-03-0\#(1 + i % 9) 10:\#(String(format: "%02d", i % 60)):00", "Link": "https://www.tiktokv.com/share/video/\#(7_300_000_000_000_000_000 + i)/"}"#
        }.joined(separator: ",")
        let json = #"{"Activity": {"Video Browsing History": {"VideoList": [\#(list)]}}, "Comment": {"Comments": {"CommentsList": [{"Date": "2024-03-01 11:00:00", "Comment": "\#(comment)"}]}}}"#
        let url = tmp.appendingPathComponent("\(member).zip")
        let archive = try Archive(url: url, accessMode: .create)
        let data = Data(json.utf8)
        try archive.addEntry(with: "TikTok_\(member)/user_data_tiktok.json", type: .file, uncompressedSize: Int64(data.count),
                             compressionMethod: .deflate) { (position: Int64, size: Int) -> Data in
            data.subdata(in: Int(position)..<Int(position) + size)
        }
        return url.path
    }

    func runner(_ store: CollectiveStore, jobs: Int = 2) throws -> CollectiveRunner {
        let folder = store.folder
        let did = try store.info().organisationDID
        return CollectiveRunner(store: store, jobs: jobs) { job in
            CollectiveWorker.run(folder: folder, pseudonym: job.pseudonym, paths: job.paths, organisationDID: did)
        }
    }

    func add(_ store: CollectiveStore, _ inputs: [MemberInput], shard: Shard? = nil) throws -> RunSummary {
        let runner = try runner(store)
        let (jobs, start) = try runner.plan(inputs, shard: shard)
        return try runner.run(jobs, summary: start)
    }

    /// Files under `root` containing any of `needles` (bytes, so SQLite pages count too).
    func grep(_ root: URL, _ needles: [String]) throws -> [String] {
        var hits: [String] = []
        let enumerator = FileManager.default.enumerator(at: root, includingPropertiesForKeys: [.isRegularFileKey])
        while let url = enumerator?.nextObject() as? URL {
            if url.path.contains(needles[0]) || needles.contains(where: { url.lastPathComponent.contains($0) }) { hits.append(url.path) }
            guard (try url.resourceValues(forKeys: [.isRegularFileKey])).isRegularFile == true else { continue }
            let data = try Data(contentsOf: url)
            for needle in needles where data.range(of: Data(needle.utf8)) != nil { hits.append("\(url.lastPathComponent): \(needle)") }
        }
        return hits
    }
}
