import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// An exclusive `flock` on one file, the primitive under the account's writer lock and the
/// collective's run and worker locks. The kernel drops it when its process dies, even by
/// kill -9, which is how a later run tells the work of a dead run from that of a live one —
/// never by age. The descriptor is close-on-exec, so child processes do not inherit it.
public final class FileLock: @unchecked Sendable {
    public enum Wait: Sendable {
        /// Give up at once when another process holds it.
        case no
        /// Block until it is free.
        case forever
        /// Try until the time has passed.
        case seconds(TimeInterval)
    }

    public let path: String
    private var fd: Int32

    /// Takes the lock, or returns nil when another process holds it past `wait`. `note` (a pid,
    /// a command name) is written into the file for whoever is refused; never data.
    public init?(path: String, wait: Wait, note: String? = nil) throws {
        self.path = path
        fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o600)
        guard fd >= 0 else { throw StoreError.cannotOpen(path: path, reason: String(cString: strerror(errno))) }
        let deadline: Date? = if case .seconds(let s) = wait { Date().addingTimeInterval(max(0, s)) } else { nil }
        while true {
            let blocking: Bool = if case .forever = wait { true } else { false }
            if flock(fd, LOCK_EX | (blocking ? 0 : LOCK_NB)) == 0 { break }
            let error = errno
            guard error == EWOULDBLOCK || error == EINTR else {
                close(fd)
                throw StoreError.cannotOpen(path: path, reason: String(cString: strerror(error)))
            }
            if error == EINTR { continue }
            guard let deadline, Date() < deadline else {
                close(fd)
                return nil
            }
            usleep(50_000)
        }
        if let note {
            _ = ftruncate(fd, 0)
            _ = (note + "\n").withCString { pwrite(fd, $0, strlen($0), 0) }
        }
    }

    /// What the holder wrote into the lock file (for the message of one refused), if anything.
    public static func note(at path: String) -> String? {
        let text = (try? String(contentsOfFile: path, encoding: .utf8))?.trimmingCharacters(in: .whitespacesAndNewlines)
        return text.flatMap { $0.isEmpty ? nil : $0 }
    }

    /// Drops the lock (and clears the note); further calls do nothing.
    public func release() {
        guard fd >= 0 else { return }
        _ = ftruncate(fd, 0)
        flock(fd, LOCK_UN)
        close(fd)
        fd = -1
    }

    deinit { release() }
}
