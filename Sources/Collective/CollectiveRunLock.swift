import AccountStore
import Foundation
import GRDB
#if canImport(Glibc)
import Glibc
#endif

/// One run at a time per collective: `add`, `merge` and `withdraw` hold an exclusive lock on
/// `run.lock` while they run (see `FileLock`: a dead run's lock is gone, which is how a later
/// run tells its work files from those of a live one). The holder's pid is written for the
/// message another run prints.
public final class CollectiveRunLock: @unchecked Sendable {
    private let lock: FileLock

    public init(folder: CollectiveFolder) throws {
        let path = folder.url.appendingPathComponent("run.lock").path
        let taken: FileLock?
        do { taken = try FileLock(path: path, wait: .no, note: String(getpid())) } catch { throw CollectiveError.cannotCreate(path: path) }
        guard let taken else { throw CollectiveError.busy(pid: FileLock.note(at: path).flatMap { Int($0) }) }
        lock = taken
    }

    public func release() { lock.release() }
}

/// A worker's hold on one member's account: taken (waiting) before it writes there, so an orphan
/// worker of a killed run and the worker of the next run never write one account together, and
/// so a sweep leaves the folder of a still-running worker alone.
public final class MemberLock: @unchecked Sendable {
    private let lock: FileLock

    static func url(_ account: URL) -> URL { account.appendingPathComponent("worker.lock") }

    /// Waits for the lock (`wait`), or returns nil when someone holds it.
    init?(account: URL, wait: Bool) {
        guard let taken = try? FileLock(path: Self.url(account).path, wait: wait ? .forever : .no) else { return nil }
        lock = taken
    }

    public func release() { lock.release() }
}

extension CollectiveStore {
    /// Starts a run that writes members: takes the run lock, then removes what dead runs left.
    public func beginRun() throws -> CollectiveRunLock {
        let lock = try CollectiveRunLock(folder: folder)
        try removeAbandonedWork()
        return lock
    }

    /// A run's work files are the member folders it created and had not recorded yet (a member
    /// is recorded only when their job ends) and `.merge-*` copies. Called with the run lock
    /// held, so they belong to runs that are no longer running; a folder whose worker still
    /// holds its member lock (an orphan finishing) is left for the next run. Returns how many
    /// were removed.
    @discardableResult
    public func removeAbandonedWork() throws -> Int {
        let fm = FileManager.default
        guard let names = try? fm.contentsOfDirectory(atPath: folder.membersURL.path) else { return 0 }
        let recorded = try writer.read { db in Set(try String.fetchAll(db, sql: "SELECT pseudonym FROM member")) }
        var removed = 0
        for name in names.sorted() where !recorded.contains(name) {
            let url = folder.membersURL.appendingPathComponent(name)
            if name.hasPrefix(".merge-") {
                try fm.removeItem(at: url)
                removed += 1
                continue
            }
            guard Self.looksLikePseudonym(name), let lock = MemberLock(account: url, wait: false) else { continue }
            defer { lock.release() }
            try fm.removeItem(at: url)
            removed += 1
        }
        return removed
    }

    static func looksLikePseudonym(_ name: String) -> Bool {
        name.hasPrefix("m-") && name.count == 26 && name.dropFirst(2).allSatisfy { $0.isHexDigit && !$0.isUppercase }
    }
}

/// A worker of `collective add` ends itself when its parent dies (kill -9 included), so it never
/// outlives the run that started it by more than a poll interval.
public enum ParentWatchdog {
    public static func start(parent: Int32) {
        let thread = Thread {
            while true {
                if getppid() != parent { _exit(137) }
                usleep(100_000)
            }
        }
        thread.start()
    }
}
