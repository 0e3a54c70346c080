import AccountModel
import Foundation
import ZIPFoundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A streaming ZIP writer that gives byte-identical output for identical input.
///
/// Why not `ZIPFoundation.Archive.addEntry`: it re-reads and rewrites the whole central directory
/// on every added entry, which is quadratic; an archive of 10,000 items has 30,000+ entries and
/// that cost alone runs to tens of gigabytes of I/O. This writer keeps the central directory in
/// memory (about 100 bytes per entry, independent of file sizes), streams entry data through a
/// 1 MiB buffer, and uses ZIPFoundation's zlib deflate for compression. Output carries nothing
/// that varies between runs: one fixed DOS time, fixed attributes, no extra timestamps.
/// ZIP64 records are written when an entry, an offset or the entry count needs them.
final class ZipWriter {
    enum Method: UInt16 { case store = 0, deflate = 8 }

    private struct Record {
        var name: [UInt8]
        var method: Method
        var crc: UInt32
        var compressed: UInt64
        var uncompressed: UInt64
        var offset: UInt64
        var zip64Sizes: Bool
    }

    let path: String
    private let fd: Int32
    private var buffer: [UInt8] = []
    private var written: UInt64 = 0  // bytes on disk; `written + buffer.count` is the logical offset
    private var records: [Record] = []
    /// Hears each entry written and the bytes of the zip (counts and sizes only).
    var progress: WorkProgress?
    private let dosTime: UInt16, dosDate: UInt16
    private let forceZip64: Bool
    private var finished = false
    private static let bufferLimit = 1 << 20
    /// An entry whose size is below this can never reach 4 GiB even if deflate expands it.
    private static let zip64Threshold: UInt64 = 0xF000_0000

    /// Creates `url`, which must not exist (mode 0600: the archive holds personal data).
    init(creating url: URL, modified: Date, forceZip64: Bool = false) throws {
        path = url.path
        fd = open(url.path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        guard fd >= 0 else { throw ArchiveError.cannotCreateOutput(path: url.path, reason: String(cString: strerror(errno))) }
        (dosTime, dosDate) = Self.dosDateTime(modified)
        self.forceZip64 = forceZip64
        buffer.reserveCapacity(Self.bufferLimit + 64 * 1024)
    }

    deinit { close(fd) }

    var entryCount: Int { records.count }

    /// Adds a small entry held in memory (JSON, text): compressed up front, no header patching.
    func add(path: String, data: Data, method: Method) throws {
        let crc = CRC32.checksum(data)
        let body: Data
        if method == .deflate {
            var out = Data()
            var position = 0
            _ = try Data.compress(size: Int64(data.count), bufferSize: 64 * 1024, provider: { _, size in
                defer { position += size }
                return data.subdata(in: (data.startIndex + position)..<(data.startIndex + position + size))
            }, consumer: { out.append($0) })
            body = out
        } else {
            body = data
        }
        var record = Record(name: Array(path.utf8), method: method, crc: crc, compressed: UInt64(body.count),
                            uncompressed: UInt64(data.count), offset: offset,
                            zip64Sizes: needsZip64(size: UInt64(data.count)))
        record.compressed = UInt64(body.count)
        try emit(localHeader(record))
        try emit(body)
        records.append(record)
        progress?.add(count: 1)
    }

    /// Streams an entry of exactly `size` bytes: `provider(n)` must return the next `n` bytes.
    /// The local header is written first and patched with CRC and sizes afterwards. A stored
    /// entry's CRC comes from `crc` when given (the caller computed it, on another core).
    func add(path: String, size: UInt64, method: Method, chunkSize: Int = 1 << 20, crc given: (() -> UInt32?)? = nil,
             provider: (Int) throws -> Data) throws {
        var record = Record(name: Array(path.utf8), method: method, crc: 0, compressed: 0, uncompressed: size,
                            offset: offset, zip64Sizes: needsZip64(size: size))
        try emit(localHeader(record))
        let dataStart = offset
        switch method {
        case .store:
            var crc = CRC32()
            var remaining = size
            while remaining > 0 {
                let chunk = try provider(Int(min(UInt64(chunkSize), remaining)))
                if given == nil { crc.update(chunk) }
                try emit(chunk)
                remaining -= UInt64(chunk.count)
            }
            record.crc = given?() ?? crc.value
        case .deflate:
            // ZIPFoundation's deflate computes the CRC of what it reads from the provider.
            record.crc = try Data.compress(size: Int64(size), bufferSize: chunkSize, provider: { _, n in try provider(n) },
                                           consumer: { try self.emit($0) })
        }
        record.compressed = offset - dataStart
        try patch(localHeader(record), at: record.offset)
        records.append(record)
        progress?.add(count: 1)
    }

    /// Writes the central directory and end records, then flushes and syncs the file.
    func finish() throws {
        guard !finished else { return }
        finished = true
        let cdStart = offset
        for record in records { try emit(centralHeader(record)) }
        let cdSize = offset - cdStart
        let needsZip64 = forceZip64 || records.count >= 0xFFFF || cdStart >= 0xFFFF_FFFF || cdSize >= 0xFFFF_FFFF
        if needsZip64 {
            let zip64End = offset
            var eocd64 = Bytes()
            eocd64.u32(0x0606_4B50); eocd64.u64(44); eocd64.u16(Self.madeBy); eocd64.u16(45)
            eocd64.u32(0); eocd64.u32(0)
            eocd64.u64(UInt64(records.count)); eocd64.u64(UInt64(records.count))
            eocd64.u64(cdSize); eocd64.u64(cdStart)
            var locator = Bytes()
            locator.u32(0x0706_4B50); locator.u32(0); locator.u64(zip64End); locator.u32(1)
            try emit(eocd64.bytes)
            try emit(locator.bytes)
        }
        var eocd = Bytes()
        let count = UInt16(min(records.count, 0xFFFF))
        eocd.u32(0x0605_4B50); eocd.u16(0); eocd.u16(0); eocd.u16(count); eocd.u16(count)
        eocd.u32(UInt32(min(cdSize, 0xFFFF_FFFF))); eocd.u32(UInt32(min(cdStart, 0xFFFF_FFFF))); eocd.u16(0)
        try emit(eocd.bytes)
        try flush()
        guard fsync(fd) == 0 else { throw ArchiveError.io(path: path, reason: String(cString: strerror(errno))) }
    }

    // MARK: - Records

    /// Forced ZIP64 (tests) skips zero values: ZIPFoundation 0.9.20 reads a ZIP64 size or offset
    /// of 0 as absent, and real archives never need ZIP64 for a zero.
    private func needsZip64(size: UInt64) -> Bool {
        size >= Self.zip64Threshold || (forceZip64 && size > 0)
    }

    /// UNIX, spec version 4.5.
    private static let madeBy: UInt16 = (3 << 8) | 45

    private func flags(_ record: Record) -> UInt16 {
        record.name.allSatisfy { $0 < 0x80 } ? 0 : 0x0800  // bit 11: the name is UTF-8
    }

    private func localHeader(_ r: Record) -> [UInt8] {
        var b = Bytes()
        b.u32(0x0403_4B50); b.u16(r.zip64Sizes ? 45 : 20); b.u16(flags(r)); b.u16(r.method.rawValue)
        b.u16(dosTime); b.u16(dosDate); b.u32(r.crc)
        b.u32(r.zip64Sizes ? 0xFFFF_FFFF : UInt32(r.compressed))
        b.u32(r.zip64Sizes ? 0xFFFF_FFFF : UInt32(r.uncompressed))
        b.u16(UInt16(r.name.count)); b.u16(r.zip64Sizes ? 20 : 0)
        b.bytes += r.name
        if r.zip64Sizes {
            b.u16(0x0001); b.u16(16); b.u64(r.uncompressed); b.u64(r.compressed)
        }
        return b.bytes
    }

    private func centralHeader(_ r: Record) -> [UInt8] {
        let bigOffset = r.offset >= 0xFFFF_FFFF || (forceZip64 && r.offset > 0)
        var extra = Bytes()
        if r.zip64Sizes { extra.u64(r.uncompressed); extra.u64(r.compressed) }
        if bigOffset { extra.u64(r.offset) }
        var b = Bytes()
        b.u32(0x0201_4B50); b.u16(Self.madeBy); b.u16(r.zip64Sizes || bigOffset ? 45 : 20); b.u16(flags(r))
        b.u16(r.method.rawValue); b.u16(dosTime); b.u16(dosDate); b.u32(r.crc)
        b.u32(r.zip64Sizes ? 0xFFFF_FFFF : UInt32(r.compressed))
        b.u32(r.zip64Sizes ? 0xFFFF_FFFF : UInt32(r.uncompressed))
        b.u16(UInt16(r.name.count)); b.u16(extra.bytes.isEmpty ? 0 : UInt16(4 + extra.bytes.count)); b.u16(0)
        b.u16(0); b.u16(0); b.u32(UInt32(0o100644) << 16)  // a regular file, rw-r--r--
        b.u32(bigOffset ? 0xFFFF_FFFF : UInt32(r.offset))
        b.bytes += r.name
        if !extra.bytes.isEmpty {
            b.u16(0x0001); b.u16(UInt16(extra.bytes.count)); b.bytes += extra.bytes
        }
        return b.bytes
    }

    /// MS-DOS date and time fields from the UTC calendar fields (ZIP has no zone; 2 s resolution).
    static func dosDateTime(_ date: Date) -> (time: UInt16, date: UInt16) {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC") ?? calendar.timeZone
        let c = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: date)
        let year = min(max((c.year ?? 1980) - 1980, 0), 127)
        let time = UInt16((c.hour ?? 0) << 11 | (c.minute ?? 0) << 5 | (c.second ?? 0) / 2)
        let day = UInt16(year << 9 | (c.month ?? 1) << 5 | (c.day ?? 1))
        return (time, day)
    }

    // MARK: - Output

    private var offset: UInt64 { written + UInt64(buffer.count) }

    private func emit<C: Collection>(_ bytes: C) throws where C.Element == UInt8 {
        buffer.append(contentsOf: bytes)
        if buffer.count >= Self.bufferLimit {
            progress?.add(bytes: buffer.count)
            try flush()
        }
    }

    private func flush() throws {
        try buffer.withUnsafeBytes { raw in
            guard let base = raw.baseAddress else { return }
            var done = 0
            while done < raw.count {
                let n = write(fd, base + done, raw.count - done)
                if n < 0 {
                    if errno == EINTR { continue }
                    throw ArchiveError.io(path: path, reason: String(cString: strerror(errno)))
                }
                done += n
            }
        }
        written += UInt64(buffer.count)
        buffer.removeAll(keepingCapacity: true)
    }

    /// Overwrites bytes at `position`, in the buffer when they have not reached the disk yet.
    private func patch(_ bytes: [UInt8], at position: UInt64) throws {
        if position >= written {
            let start = Int(position - written)
            buffer.replaceSubrange(start..<(start + bytes.count), with: bytes)
            return
        }
        try flush()
        let n = bytes.withUnsafeBytes { raw in raw.baseAddress.map { pwrite(fd, $0, raw.count, off_t(position)) } ?? 0 }
        guard n == bytes.count else { throw ArchiveError.io(path: path, reason: String(cString: strerror(errno))) }
    }
}

/// Little-endian field writer.
private struct Bytes {
    var bytes: [UInt8] = []
    mutating func u16(_ v: UInt16) { bytes += [UInt8(v & 0xFF), UInt8(v >> 8)] }
    mutating func u32(_ v: UInt32) { for i in 0..<4 { bytes.append(UInt8((v >> (8 * UInt32(i))) & 0xFF)) } }
    mutating func u64(_ v: UInt64) { for i in 0..<8 { bytes.append(UInt8((v >> (8 * UInt64(i))) & 0xFF)) } }
}
