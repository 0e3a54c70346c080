import Foundation
import GRDB
#if canImport(Glibc)
import Glibc
#endif

/// One run at a time per collective: `add`, `merge` and `withdraw` hold an exclusive `flock` on
/// `run.lock` while they run. The kernel drops a lock when its process dies, even by kill -9,
/// which is how a later run tells the work files of a dead run from those of a live one — never
/// by their age. The descriptor is close-on-exec, so worker processes do not inherit it.
public final class CollectiveRunLock: @unchecked Sendable {
    private var fd: Int32

    public init(folder: CollectiveFolder) throws {
        let path = folder.url.appendingPathComponent("run.lock").path
        fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o600)
        guard fd >= 0 else { throw CollectiveError.cannotCreate(path: path) }
        guard flock(fd, LOCK_EX | LOCK_NB) == 0 else {
            let pid = (try? String(contentsOfFile: path, encoding: .utf8)).flatMap { Int($0.trimmingCharacters(in: .whitespacesAndNewlines)) }
            close(fd)
            throw CollectiveError.busy(pid: pid)
        }
        // The owner's pid, for the message another run prints; the lock itself is the proof.
        _ = ftruncate(fd, 0)
        let text = "\(getpid())\n"
        _ = text.withCString { pwrite(fd, $0, strlen($0), 0) }
    }

    public func release() {
        guard fd >= 0 else { return }
        flock(fd, LOCK_UN)
        close(fd)
        fd = -1
    }

    deinit { release() }
}

/// A worker's hold on one member's account: taken (waiting) before it writes there, so an orphan
/// worker of a killed run and the worker of the next run never write one account together, and
/// so a sweep leaves the folder of a still-running worker alone.
public final class MemberLock: @unchecked Sendable {
    private var fd: Int32

    static func url(_ account: URL) -> URL { account.appendingPathComponent("worker.lock") }

    /// Waits for the lock (`wait`), or returns nil when someone holds it.
    init?(account: URL, wait: Bool) {
        fd = open(Self.url(account).path, O_RDWR | O_CREAT | O_CLOEXEC, 0o600)
        guard fd >= 0 else { return nil }
        var status: Int32
        repeat { status = flock(fd, LOCK_EX | (wait ? 0 : LOCK_NB)) } while status != 0 && errno == EINTR
        guard status == 0 else {
            close(fd)
            return nil
        }
    }

    public func release() {
        guard fd >= 0 else { return }
        flock(fd, LOCK_UN)
        close(fd)
        fd = -1
    }

    deinit { release() }
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
