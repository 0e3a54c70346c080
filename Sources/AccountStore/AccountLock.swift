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

    private struct Held { var lock: FileLock; var count: Int }
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
        // Who holds it, for the message of a writer that is refused (the pid and the command only).
        guard let lock = try FileLock(path: path, wait: .seconds(wait), note: "pid \(getpid()) (\(purpose))") else {
            throw StoreError.busy(path: folder.url.path, holder: FileLock.note(at: path), waited: wait)
        }
        mutex.lock()
        held[path] = Held(lock: lock, count: 1)
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
            entry.lock.release()
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
