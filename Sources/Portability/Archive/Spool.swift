import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A file built up piece by piece (the RO-Crate metadata, the index page, manifests, activity
/// JSONL), hashed as it is written. These grow with the number of items or activity rows, so they
/// go to a temporary file instead of memory, and are copied into the zip once complete.
final class Spool {
    let url: URL
    private let handle: FileHandle
    private var buffer: [UInt8] = []
    private var hasher = MultiHasher()
    private(set) var digests: FileDigests?

    init(in directory: URL, name: String) throws {
        url = directory.appendingPathComponent(name)
        guard FileManager.default.createFile(atPath: url.path, contents: nil, attributes: [.posixPermissions: 0o600]),
              let handle = FileHandle(forWritingAtPath: url.path) else {
            throw ArchiveError.cannotCreateOutput(path: url.path, reason: "cannot create a temporary file")
        }
        self.handle = handle
        buffer.reserveCapacity(1 << 20)
    }

    deinit { try? handle.close() }

    func append(_ text: String) throws {
        buffer.append(contentsOf: text.utf8)
        if buffer.count >= 1 << 20 { try flush() }
    }

    func append(_ data: Data) throws {
        buffer.append(contentsOf: data)
        if buffer.count >= 1 << 20 { try flush() }
    }

    /// Flushes and returns the digests of everything appended.
    @discardableResult
    func finish() throws -> FileDigests {
        if let digests { return digests }
        try flush()
        try handle.close()
        let result = hasher.finalize()
        digests = result
        return result
    }

    private func flush() throws {
        guard !buffer.isEmpty else { return }
        buffer.withUnsafeBytes { hasher.update($0) }
        do {
            try handle.write(contentsOf: buffer)
        } catch {
            throw ArchiveError.io(path: url.path, reason: "cannot write a temporary file (\(error.localizedDescription))")
        }
        buffer.removeAll(keepingCapacity: true)
    }
}

/// Reads a file in exact-size chunks for `ZipWriter`, which needs exactly the bytes it asks for.
final class ChunkReader {
    let path: String
    private let fd: Int32

    init(path: String) throws {
        self.path = path
        fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw ArchiveError.io(path: path, reason: String(cString: strerror(errno))) }
    }

    deinit { close(fd) }

    var size: UInt64 {
        var info = stat()
        return fstat(fd, &info) == 0 ? UInt64(info.st_size) : 0
    }

    /// Up to `count` bytes; empty at the end of the file.
    func read(upTo count: Int) throws -> Data {
        var data = Data(count: count)
        let got = try data.withUnsafeMutableBytes { try read(into: $0) }
        data.count = got
        return data
    }

    /// Fills `buffer` as far as the file allows; returns the byte count, 0 at the end.
    func read(into buffer: UnsafeMutableRawBufferPointer) throws -> Int {
        guard let base = buffer.baseAddress else { return 0 }
        var done = 0
        while done < buffer.count {
            let n = systemRead(fd, base + done, buffer.count - done)
            if n < 0 && errno == EINTR { continue }
            if n < 0 { throw ArchiveError.io(path: path, reason: String(cString: strerror(errno))) }
            if n == 0 { break }
            done += n
        }
        return done
    }

    /// Exactly `count` bytes; a file that ends early has changed under us.
    func read(exactly count: Int) throws -> Data {
        let data = try read(upTo: count)
        guard data.count == count else { throw ArchiveError.io(path: path, reason: "the file ended early (it changed while being read)") }
        return data
    }
}

private func systemRead(_ fd: Int32, _ buffer: UnsafeMutableRawPointer, _ count: Int) -> Int {
    #if canImport(Glibc)
    return Glibc.read(fd, buffer, count)
    #else
    return Darwin.read(fd, buffer, count)
    #endif
}
