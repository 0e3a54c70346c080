import AccountStore
import Foundation
import XCTest
#if canImport(Glibc)
import Glibc
#endif

/// The writer lock and locked work folders (issues 14 and 17). Another process holding a lock is
/// played by a second open file: `flock` locks belong to the open file, not to the process.
final class WorkFilesTests: XCTestCase {
    var tmp: URL!

    override func setUpWithError() throws {
        tmp = FileManager.default.temporaryDirectory.appendingPathComponent("pda-work-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: tmp, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws { try? FileManager.default.removeItem(at: tmp) }

    /// Locks `path` through a descriptor of its own, as another process would.
    func holdLock(_ path: String, flags: Int32 = O_RDONLY) throws -> Int32 {
        let fd = flags == O_RDONLY ? open(path, O_RDONLY) : open(path, flags | O_CREAT, 0o600)
        XCTAssertGreaterThanOrEqual(fd, 0)
        XCTAssertEqual(flock(fd, LOCK_EX | LOCK_NB), 0)
        return fd
    }

    func testASecondWriterWaitsThenIsRefusedNamingTheHolder() throws {
        let folder = AccountFolder(url: tmp)
        let other = try holdLock(tmp.appendingPathComponent(AccountLock.fileName).path, flags: O_RDWR)
        defer { close(other) }
        _ = "pid 4242 (pda import)\n".withCString { write(other, $0, strlen($0)) }
        let started = Date()
        XCTAssertThrowsError(try AccountLock.acquire(folder, purpose: "test", wait: 0.3)) { error in
            guard case StoreError.busy(let path, let holder, _) = error else { return XCTFail("\(error)") }
            XCTAssertEqual(path, folder.url.path)
            XCTAssertEqual(holder, "pid 4242 (pda import)")
            XCTAssertTrue(error.localizedDescription.contains("--wait"))
        }
        XCTAssertGreaterThanOrEqual(Date().timeIntervalSince(started), 0.3)
    }

    func testAWriterGoesAheadOnceTheOtherReleases() throws {
        let folder = AccountFolder(url: tmp)
        let other = try holdLock(tmp.appendingPathComponent(AccountLock.fileName).path, flags: O_RDWR)
        DispatchQueue.global().asyncAfter(deadline: .now() + 0.2) { close(other) }
        let lock = try AccountLock.acquire(folder, purpose: "test", wait: 10)
        lock.release()
    }

    func testNestedAcquisitionsShareOneLockAndReleaseIt() throws {
        let folder = AccountFolder(url: tmp)
        let outer = try AccountLock.acquire(folder, purpose: "outer", wait: 0)
        let inner = try AccountLock.acquire(folder, purpose: "inner", wait: 0)
        inner.release()
        let probe = open(tmp.appendingPathComponent(AccountLock.fileName).path, O_RDONLY)
        defer { close(probe) }
        XCTAssertNotEqual(flock(probe, LOCK_EX | LOCK_NB), 0, "still held by the outer acquisition")
        outer.release()
        XCTAssertEqual(flock(probe, LOCK_EX | LOCK_NB), 0)
    }

    func testASweepRemovesOnlyFoldersWhoseOwnerIsGone() throws {
        let live = try WorkDirectory(in: tmp, prefix: ".pda-export-")
        let dead = tmp.appendingPathComponent(".pda-export-dead")
        try FileManager.default.createDirectory(at: dead, withIntermediateDirectories: false)
        try Data(count: 1000).write(to: dead.appendingPathComponent("archive.zip.partial"))
        let unrelated = tmp.appendingPathComponent("keep.zip")
        try Data(count: 10).write(to: unrelated)
        // A folder locked by another open file (another process) is live too.
        let other = tmp.appendingPathComponent(".pda-export-other")
        try FileManager.default.createDirectory(at: other, withIntermediateDirectories: false)
        let fd = try holdLock(other.path)

        var settled: [String] = []
        let sweep = WorkDirectory.sweep(in: tmp, prefix: ".pda-export-") { settled.append($0.lastPathComponent) }
        XCTAssertEqual(sweep.folders, 1)
        XCTAssertEqual(sweep.bytes, 1000)
        XCTAssertEqual(settled, [".pda-export-dead"])
        XCTAssertFalse(FileManager.default.fileExists(atPath: dead.path))
        XCTAssertTrue(FileManager.default.fileExists(atPath: live.url.path))
        XCTAssertTrue(FileManager.default.fileExists(atPath: other.path))
        XCTAssertTrue(FileManager.default.fileExists(atPath: unrelated.path))

        close(fd)
        live.abandon() // the owner stopped without removing it, like a killed process
        XCTAssertEqual(WorkDirectory.sweep(in: tmp, prefix: ".pda-export-").folders, 2)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: tmp.path), ["keep.zip"])
    }

    func testARegisteredFolderIsRemovedByTheInterruptCleanup() throws {
        let work = try WorkDirectory(in: tmp, prefix: "import-")
        try Data(count: 10).write(to: work.url.appendingPathComponent("incoming"))
        XCTAssertGreaterThanOrEqual(WorkFiles.cleanUp(), 1)
        XCTAssertFalse(FileManager.default.fileExists(atPath: work.url.path))
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: tmp.path), [])
    }
}
