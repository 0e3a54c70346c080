import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The account's writer lock: an exclusive `flock` on `<account>/writer.lock`, held by whatever
/// changes the account outside one short SQLite transaction (an import, creating the owner's key,
/// a schema migration). A second writer waits up to `wait` seconds, then is refused with
/// `StoreError.busy` (exit 75). Readers (status, listings, export) never take it: SQLite's WAL
/// gives them a consistent snapshot while a writer runs. The kernel drops the lock when its
/// process dies, so a killed import never leaves the account locked.
///
/// Re-entrant within a process: `flock` locks belong to an open file, so a second open in the
/// same process would wait for itself; nested acquisitions share one descriptor instead.
public final class AccountLock: @unchecked Sendable {
    public static let fileName = "writer.lock"
    /// How long a writer waits for another by default.
    public static let defaultWait: TimeInterval = 10

    private struct Held { var fd: Int32; var count: Int }
    private static let mutex = NSLock()
    nonisolated(unsafe) private static var held: [String: Held] = [:]

    private let path: String
    private var released = false

    private init(path: String) { self.path = path }

    deinit { release() }

    /// Takes the writer lock of `folder` (which must exist), waiting up to `wait` seconds.
    /// `purpose` ("pda import") is written into the lock file so a refused writer can say who holds it.
    public static func acquire(_ folder: AccountFolder, purpose: String, wait: TimeInterval = defaultWait) throws -> AccountLock {
        let path = folder.url.appendingPathComponent(fileName).path
        mutex.lock()
        if var entry = held[path] {
            entry.count += 1
            held[path] = entry
            mutex.unlock()
            return AccountLock(path: path)
        }
        mutex.unlock()
        let fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o600)
        guard fd >= 0 else { throw StoreError.cannotOpen(path: path, reason: String(cString: strerror(errno))) }
        let deadline = Date().addingTimeInterval(max(0, wait))
        while flock(fd, LOCK_EX | LOCK_NB) != 0 {
            guard errno == EWOULDBLOCK || errno == EINTR else {
                let reason = String(cString: strerror(errno))
                close(fd)
                throw StoreError.cannotOpen(path: path, reason: reason)
            }
            if Date() >= deadline {
                let holder = (try? String(contentsOfFile: path, encoding: .utf8))?.trimmingCharacters(in: .whitespacesAndNewlines)
                close(fd)
                throw StoreError.busy(path: folder.url.path, holder: holder.flatMap { $0.isEmpty ? nil : $0 }, waited: wait)
            }
            usleep(50_000)
        }
        // Who holds it, for the message of a writer that is refused (the pid and the command only).
        let note = "pid \(getpid()) (\(purpose))\n"
        _ = ftruncate(fd, 0)
        _ = note.withCString { pwrite(fd, $0, strlen($0), 0) }
        mutex.lock()
        held[path] = Held(fd: fd, count: 1)
        mutex.unlock()
        return AccountLock(path: path)
    }

    /// Releases this acquisition; the lock is dropped when the last one in the process is released.
    public func release() {
        AccountLock.mutex.lock()
        defer { AccountLock.mutex.unlock() }
        guard !released, var entry = AccountLock.held[path] else { return }
        released = true
        entry.count -= 1
        if entry.count > 0 {
            AccountLock.held[path] = entry
        } else {
            AccountLock.held[path] = nil
            _ = ftruncate(entry.fd, 0)
            close(entry.fd)
        }
    }

    /// Runs `body` holding the writer lock.
    public static func withLock<T>(_ folder: AccountFolder, purpose: String, wait: TimeInterval = defaultWait,
                                   _ body: () throws -> T) throws -> T {
        let lock = try acquire(folder, purpose: purpose, wait: wait)
        defer { lock.release() }
        return try body()
    }
}
