import AccountStore
import Foundation
import XCTest

final class DiskUsageTests: XCTestCase {
    func testCountsDatabaseWithItsLogsAndStoredMediaButNotStaging() throws {
        let folder = AccountFolder(url: FileManager.default.temporaryDirectory.appendingPathComponent("disk-\(UUID().uuidString)"))
        defer { try? FileManager.default.removeItem(at: folder.url) }
        try folder.createDirectories()
        func write(_ url: URL, _ count: Int) throws {
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(repeating: 7, count: count).write(to: url)
        }
        XCTAssertEqual(folder.diskUsage(), AccountDiskUsage(databaseBytes: 0, mediaFiles: 0, mediaBytes: 0))
        try write(folder.databaseURL, 4096)
        try write(URL(fileURLWithPath: folder.databaseURL.path + "-wal"), 100)
        try write(URL(fileURLWithPath: folder.databaseURL.path + "-shm"), 10)
        try write(folder.mediaFile(sha256: String(repeating: "ab", count: 32)), 300)
        try write(folder.mediaFile(sha256: String(repeating: "cd", count: 32)), 50)
        try write(folder.stagingURL.appendingPathComponent("in-progress"), 999)
        let usage = folder.diskUsage()
        XCTAssertEqual(usage, AccountDiskUsage(databaseBytes: 4206, mediaFiles: 2, mediaBytes: 350))
        XCTAssertEqual(usage.json["totalBytes"], .number("4556"))
    }
}
