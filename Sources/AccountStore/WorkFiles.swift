import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A hidden working folder owned by one running process (an export's partial zip, an import's
/// staged media). The process holds an exclusive `flock` on the folder itself for as long as it
/// runs, so the kernel releases it when the process dies, whichever way. That is how a later run
/// tells a dead run's leftovers from a live run's files: by the lock, never by age.
public final class WorkDirectory: @unchecked Sendable {
    public let url: URL
    private var descriptor: Int32
    private let token: WorkFiles.Token?

    /// Creates `<parent>/<prefix><UUID>` (0700), locked and registered for removal on SIGINT or
    /// SIGTERM. `onInterrupt` replaces the plain removal when the owner needs more (see
    /// `WorkFiles.register`).
    public init(in parent: URL, prefix: String, onInterrupt: (@Sendable (URL) -> Void)? = nil) throws {
        // A sweeper may lock and remove the folder between mkdir and our flock: then the folder
        // we hold is no longer the one at the path, and we take a new name.
        for _ in 0..<8 {
            let candidate = parent.appendingPathComponent(prefix + UUID().uuidString)
            guard mkdir(candidate.path, 0o700) == 0 else {
                if errno == EEXIST { continue }
                throw WorkFilesError.cannotCreate(path: candidate.path, reason: String(cString: strerror(errno)))
            }
            let fd = open(candidate.path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
            guard fd >= 0 else { throw WorkFilesError.cannotCreate(path: candidate.path, reason: String(cString: strerror(errno))) }
            guard flock(fd, LOCK_EX) == 0, WorkDirectory.isSame(fd, candidate.path) else { close(fd); continue }
            url = candidate
            descriptor = fd
            let remove: @Sendable (URL) -> Void = onInterrupt ?? { WorkDirectory.removeWhileInUse($0) }
            token = WorkFiles.register { remove(candidate) }
            return
        }
        throw WorkFilesError.cannotCreate(path: parent.path, reason: "another process removed each new working folder")
    }

    deinit { remove() }

    /// Removes the folder and releases its lock (idempotent).
    public func remove() {
        guard descriptor >= 0 else { return }
        if let token { WorkFiles.unregister(token) }
        try? FileManager.default.removeItem(at: url)
        close(descriptor)
        descriptor = -1
    }

    /// Releases the lock but keeps the folder, as a killed owner would: a later sweep settles and
    /// removes it.
    public func abandon() {
        guard descriptor >= 0 else { return }
        if let token { WorkFiles.unregister(token) }
        close(descriptor)
        descriptor = -1
    }

    /// Removes a folder that another thread may still be writing into: renamed first, so that
    /// thread's next file cannot land in it (its path no longer exists) and the removal cannot
    /// fail on a folder that keeps filling. The new name keeps the prefix, so should the removal
    /// still fail, a later sweep finds it.
    public static func removeWhileInUse(_ url: URL) {
        let doomed = url.deletingLastPathComponent().appendingPathComponent(url.lastPathComponent + "-removing")
        let target = rename(url.path, doomed.path) == 0 ? doomed : url
        for _ in 0..<3 where FileManager.default.fileExists(atPath: target.path) {
            try? FileManager.default.removeItem(at: target)
        }
    }

    static func isSame(_ fd: Int32, _ path: String) -> Bool {
        var held = stat(), named = stat()
        return fstat(fd, &held) == 0 && stat(path, &named) == 0 && held.st_ino == named.st_ino && held.st_dev == named.st_dev
    }

    /// What a sweep removed.
    public struct Sweep: Sendable, Equatable {
        public var folders = 0
        public var bytes: UInt64 = 0
        public init() {}
    }

    /// Removes the `<prefix>*` folders in `parent` whose owner is gone (their lock is free).
    /// `settle` runs on each such folder, still locked, before it is removed: an import uses it
    /// to decide about media it had already placed. Folders of running processes are left alone.
    public static func sweep(in parent: URL, prefix: String, settle: ((URL) -> Void)? = nil) -> Sweep {
        var result = Sweep()
        let names = (try? FileManager.default.contentsOfDirectory(atPath: parent.path)) ?? []
        for name in names.sorted() where name.hasPrefix(prefix) {
            let folder = parent.appendingPathComponent(name)
            let fd = open(folder.path, O_RDONLY | O_DIRECTORY | O_CLOEXEC | O_NOFOLLOW)
            guard fd >= 0 else { continue }
            defer { close(fd) }
            guard flock(fd, LOCK_EX | LOCK_NB) == 0, isSame(fd, folder.path) else { continue }
            settle?(folder)
            let bytes = size(of: folder)
            if (try? FileManager.default.removeItem(at: folder)) != nil {
                result.folders += 1
                result.bytes += bytes
            }
        }
        return result
    }

    /// Bytes that removing `folder` frees: its regular files that have no other link (an
    /// import's staged media may also be linked into the media store).
    public static func size(of folder: URL) -> UInt64 {
        var total: UInt64 = 0
        let walker = FileManager.default.enumerator(atPath: folder.path)
        while let relative = walker?.nextObject() as? String {
            var info = stat()
            guard lstat(folder.appendingPathComponent(relative).path, &info) == 0,
                  (info.st_mode & S_IFMT) == S_IFREG, info.st_nlink == 1 else { continue }
            total += UInt64(info.st_size)
        }
        return total
    }
}

public enum WorkFilesError: Error, LocalizedError, Equatable {
    case cannotCreate(path: String, reason: String)

    public var errorDescription: String? {
        switch self {
        case .cannotCreate(let path, let reason): return "cannot create a working folder in \(path): \(reason)"
        }
    }
}

/// The process's registry of what its runs created and must remove if interrupted: work folders
/// register themselves, and `installSignalHandlers` makes SIGINT and SIGTERM run every registered
/// removal, print why the run stopped, and exit 130 or 143 (128 + the signal, the shell's
/// convention). Collective mode and any other long-running command use the same registry.
public enum WorkFiles {
    public struct Token: Hashable, Sendable { let id: Int }

    private final class Registry: @unchecked Sendable {
        let lock = NSLock()
        var next = 0
        var cleanups: [Int: @Sendable () -> Void] = [:]
        var sources: [DispatchSourceSignal] = []
        var interrupted = false
    }

    /// Called before reporting a failure: when a signal's cleanup is under way, the failure is
    /// most likely its consequence (a file vanished), and the handler is about to exit with the
    /// signal's code and message, so this thread waits for that instead of exiting first.
    public static func parkIfInterrupted() {
        registry.lock.lock()
        let interrupted = registry.interrupted
        registry.lock.unlock()
        if interrupted { while true { sleep(60) } }
    }

    private static let registry = Registry()

    public static func register(_ cleanup: @escaping @Sendable () -> Void) -> Token {
        registry.lock.lock()
        defer { registry.lock.unlock() }
        registry.next += 1
        registry.cleanups[registry.next] = cleanup
        return Token(id: registry.next)
    }

    public static func unregister(_ token: Token) {
        registry.lock.lock()
        defer { registry.lock.unlock() }
        registry.cleanups[token.id] = nil
    }

    /// Runs and forgets every registered removal; returns how many there were.
    @discardableResult
    public static func cleanUp() -> Int {
        registry.lock.lock()
        registry.interrupted = true
        let cleanups = registry.cleanups.values
        registry.cleanups.removeAll()
        registry.lock.unlock()
        for cleanup in cleanups { cleanup() }
        return cleanups.count
    }

    /// SIGINT and SIGTERM stop the run: registered work files are removed, `message(signal name,
    /// removed count)` is written to stderr, and the process exits 128 + the signal number.
    /// The database needs nothing: an open transaction is rolled back by SQLite on the next open.
    public static func installSignalHandlers(message: @escaping @Sendable (String, Int) -> String) {
        registry.lock.lock()
        defer { registry.lock.unlock() }
        guard registry.sources.isEmpty else { return }
        for (signalNumber, name) in [(SIGINT, "SIGINT"), (SIGTERM, "SIGTERM")] {
            _ = signal(signalNumber, SIG_IGN) // delivered to the dispatch source instead of killing the process
            let source = DispatchSource.makeSignalSource(signal: signalNumber, queue: .global(qos: .userInitiated))
            source.setEventHandler {
                let removed = cleanUp()
                FileHandle.standardError.write(Data((message(name, removed) + "\n").utf8))
                // _exit: atexit handlers and other threads' destructors must not run against
                // files just removed or a half-written database handle.
                _exit(128 + signalNumber)
            }
            source.resume()
            registry.sources.append(source)
        }
    }
}
