import Foundation
import ZIPFoundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The entries of a zip, read from its central directory with `pread`, for `pda verify`.
///
/// Why not `ZIPFoundation.Archive`: it reads through a 16 KiB stdio buffer and seeks for every
/// header, so listing and reading 20,000 small entries copies over a gigabyte, which made it most
/// of the verifier's time. Here every header is one exact `pread`, stored entries (the media,
/// nearly all the bytes) are hashed from memory maps, and deflated ones are inflated with
/// ZIPFoundation's zlib binding. Every offset and length is bounds-checked: the archive is input.
struct ZipIndex: Sendable {
    struct Entry: Sendable {
        let name: String
        let deflated: Bool
        let compressedSize: UInt64
        let size: UInt64
        let dataOffset: UInt64
        let isDirectory: Bool
        let isSymlink: Bool
    }

    enum Failure: Error {
        case malformed, unsupported, tooManyEntries
        /// Entries whose bytes overlap: the same compressed bytes counted many times over.
        case overlapping
    }

    let entries: [Entry]

    init(path: String, maxEntries: Int = .max) throws {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw Failure.malformed }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else { throw Failure.malformed }
        let fileSize = UInt64(info.st_size)
        func read(_ offset: UInt64, _ count: Int) throws -> [UInt8] {
            guard count >= 0, offset <= fileSize, UInt64(count) <= fileSize - offset else { throw Failure.malformed }
            var bytes = [UInt8](repeating: 0, count: count)
            let n = bytes.withUnsafeMutableBytes { pread(fd, $0.baseAddress, count, off_t(offset)) }
            guard n == count else { throw Failure.malformed }
            return bytes
        }
        // End of central directory: the last signature within the final 64 KiB + 22 bytes.
        let tailSize = Int(min(fileSize, 65_557))
        let tailStart = fileSize - UInt64(tailSize)
        let tail = try read(tailStart, tailSize)
        guard tail.count >= 22,
              let eocd = stride(from: tail.count - 22, through: 0, by: -1).first(where: { Self.u32(tail, $0) == 0x0605_4B50 }) else {
            throw Failure.malformed
        }
        var count = UInt64(Self.u16(tail, eocd + 10))
        var cdOffset = UInt64(Self.u32(tail, eocd + 16))
        if count == 0xFFFF || cdOffset == 0xFFFF_FFFF {
            guard tailStart + UInt64(eocd) >= 20 else { throw Failure.malformed }
            let locator = try read(tailStart + UInt64(eocd) - 20, 20)
            guard Self.u32(locator, 0) == 0x0706_4B50 else { throw Failure.malformed }
            let record = try read(Self.u64(locator, 8), 56)
            guard Self.u32(record, 0) == 0x0606_4B50 else { throw Failure.malformed }
            count = Self.u64(record, 32)
            cdOffset = Self.u64(record, 48)
        }
        // Each central record is at least 46 bytes: a count the file cannot hold is a lie.
        guard count <= fileSize / 46 else { throw Failure.malformed }
        guard count <= UInt64(maxEntries) else { throw Failure.tooManyEntries }
        var entries: [Entry] = []
        // Entries that do not overlap fit in the file together: a larger sum means central
        // records pointing at the same bytes, which would be hashed or inflated again and again.
        var claimed: UInt64 = 0
        entries.reserveCapacity(Int(count))
        var at = cdOffset
        for _ in 0..<count {
            let head = try read(at, 46)
            guard Self.u32(head, 0) == 0x0201_4B50 else { throw Failure.malformed }
            let nameLength = Int(Self.u16(head, 28)), extraLength = Int(Self.u16(head, 30)), commentLength = Int(Self.u16(head, 32))
            let rest = try read(at + 46, nameLength + extraLength)
            var compressed = UInt64(Self.u32(head, 20)), size = UInt64(Self.u32(head, 24)), local = UInt64(Self.u32(head, 42))
            try Self.applyZip64(rest, from: nameLength, size: &size, compressed: &compressed, local: &local)
            let method = Self.u16(head, 10)
            guard Self.u16(head, 8) & 0x0001 == 0, method == 0 || method == 8 else { throw Failure.unsupported }
            guard method == 8 || compressed == size else { throw Failure.malformed }
            let header = try read(local, 30)
            guard Self.u32(header, 0) == 0x0403_4B50 else { throw Failure.malformed }
            let dataOffset = local + 30 + UInt64(Self.u16(header, 26)) + UInt64(Self.u16(header, 28))
            guard dataOffset <= fileSize, compressed <= fileSize - dataOffset else { throw Failure.malformed }
            claimed += (dataOffset - local) + compressed
            guard claimed <= fileSize else { throw Failure.overlapping }
            let name = String(decoding: rest[0..<nameLength], as: UTF8.self)
            // Unix file type in the high bits of the external attributes, when made on Unix.
            let unixMode = Self.u16(head, 4) >> 8 == 3 ? (Self.u32(head, 38) >> 16) & 0o170000 : 0
            entries.append(Entry(name: name, deflated: method == 8, compressedSize: compressed, size: size,
                                 dataOffset: dataOffset, isDirectory: name.hasSuffix("/") || unixMode == 0o040000,
                                 isSymlink: unixMode == 0o120000))
            at += 46 + UInt64(nameLength + extraLength + commentLength)
        }
        self.entries = entries
    }

    /// ZIP64 extra field (id 1): the values whose 32-bit field is all ones, in this order.
    private static func applyZip64(_ rest: [UInt8], from start: Int, size: inout UInt64, compressed: inout UInt64,
                                   local: inout UInt64) throws {
        var e = start
        while e + 4 <= rest.count {
            let id = u16(rest, e), length = Int(u16(rest, e + 2))
            if id == 0x0001 {
                var f = e + 4
                for field in 0..<3 {
                    guard [size, compressed, local][field] == 0xFFFF_FFFF else { continue }
                    guard f + 8 <= min(e + 4 + length, rest.count) else { throw Failure.malformed }
                    switch field {
                    case 0: size = u64(rest, f)
                    case 1: compressed = u64(rest, f)
                    default: local = u64(rest, f)
                    }
                    f += 8
                }
            }
            e += 4 + length
        }
    }

    private static func u16(_ b: [UInt8], _ i: Int) -> UInt16 { UInt16(b[i]) | UInt16(b[i + 1]) << 8 }
    private static func u32(_ b: [UInt8], _ i: Int) -> UInt32 { UInt32(u16(b, i)) | UInt32(u16(b, i + 2)) << 16 }
    private static func u64(_ b: [UInt8], _ i: Int) -> UInt64 { UInt64(u32(b, i)) | UInt64(u32(b, i + 4)) << 32 }
}

/// Reads entries' bytes: stored ones from memory maps of a few megabytes at a time (resident
/// memory stays small whatever the entry's size), deflated ones inflated in 1 MiB chunks.
final class ZipEntryReader {
    static let window: UInt64 = 16 << 20
    private let fd: Int32
    private let path: String

    init(path: String, maxEntries: Int = .max) throws {
        self.path = path
        fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw ArchiveError.io(path: path, reason: String(cString: strerror(errno))) }
    }

    deinit { close(fd) }

    func stream(_ entry: ZipIndex.Entry, _ body: (UnsafeRawBufferPointer) throws -> Void) throws {
        if entry.deflated { try inflate(entry, body) } else { try map(entry, body) }
    }

    private func map(_ entry: ZipIndex.Entry, _ body: (UnsafeRawBufferPointer) throws -> Void) throws {
        let page = UInt64(sysconf(Int32(_SC_PAGESIZE)))
        var position = entry.dataOffset
        let end = entry.dataOffset + entry.size
        while position < end {
            let mapStart = position - position % page
            let mapEnd = min(end, position + Self.window)
            let length = Int(mapEnd - mapStart)
            guard let base = mmap(nil, length, PROT_READ, MAP_PRIVATE, fd, off_t(mapStart)), base != MAP_FAILED else {
                throw ArchiveError.io(path: entry.name, reason: "cannot be mapped into memory (\(String(cString: strerror(errno))))")
            }
            defer { munmap(base, length) }
            try body(UnsafeRawBufferPointer(start: base + Int(position - mapStart), count: Int(mapEnd - position)))
            position = mapEnd
        }
    }

    /// Inflates at most the declared size: a zip bomb is cut off, not followed.
    ///
    /// ZIPFoundation's inflater hands zlib a full buffer whatever the provider returned, so every
    /// chunk is exactly the size asked for, zero-padded past the entry's end (zlib stops at the end
    /// of a valid stream; a corrupt one fails on the zeros), and the number of chunks is bounded.
    private func inflate(_ entry: ZipIndex.Entry, _ body: (UnsafeRawBufferPointer) throws -> Void) throws {
        var produced: UInt64 = 0
        var calls: UInt64 = 0
        let fd = self.fd
        let bufferSize = Int(min(max(entry.compressedSize + 64, 4096), 1 << 20))
        let maxCalls = entry.compressedSize / UInt64(bufferSize) + 3
        do {
            _ = try Data.decompress(size: Int64(entry.compressedSize), bufferSize: bufferSize, skipCRC32: true, provider: { position, size in
                calls += 1
                guard calls <= maxCalls else { throw ArchiveError.io(path: entry.name, reason: "does not end where its size says") }
                var chunk = Data(count: size)
                let start = UInt64(max(position, 0))
                let available = start < entry.compressedSize ? Int(min(UInt64(size), entry.compressedSize - start)) : 0
                if available > 0 {
                    let n = chunk.withUnsafeMutableBytes { pread(fd, $0.baseAddress, available, off_t(entry.dataOffset + start)) }
                    guard n == available else { throw ArchiveError.io(path: entry.name, reason: "ends early") }
                }
                return chunk
            }, consumer: { data in
                produced += UInt64(data.count)
                guard produced <= entry.size else { throw ArchiveError.io(path: entry.name, reason: "inflates past its declared size") }
                try data.withUnsafeBytes(body)
            })
        } catch let error as ArchiveError {
            throw error
        } catch {
            throw ArchiveError.io(path: entry.name, reason: "cannot be inflated (corrupt entry)")
        }
        guard produced == entry.size else { throw ArchiveError.io(path: entry.name, reason: "is shorter than its declared size") }
    }
}
