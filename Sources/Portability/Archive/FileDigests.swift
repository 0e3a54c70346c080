import AccountModel
import Crypto
import Dispatch
import Foundation

/// What the archive records about one file: SHA-256 and SHA-512 for the BagIt manifests, and
/// SHA-384 for the `digestSRI` of the claims.
public struct FileDigests: Sendable, Equatable {
    public var size: UInt64
    public var sha256: String
    public var sha512: String
    public var sha384: [UInt8]

    /// Subresource Integrity form, as VC 2.0 `digestSRI` uses it.
    public var sri: String { "sha384-" + Data(sha384).base64EncodedString() }
}

/// The three digests in one pass over a stream. Chunks of a megabyte or more are hashed on two
/// threads (SHA-512 on one, SHA-256 and SHA-384 on the other): the digests, not the disk, bound
/// the speed of export and verify, and the machine has two cores. Copies share their state.
struct MultiHasher {
    private let box: Box
    private(set) var size: UInt64 = 0
    /// Off where the caller already keeps both cores busy (the verifier hashes two files at once).
    private let parallel: Bool

    private final class Box: @unchecked Sendable {
        let sha256 = RunningDigest(.sha256), sha512 = RunningDigest(.sha512)
        /// SHA-384 costs as much as SHA-512; the verifier skips it for files no claim can name.
        let sha384: RunningDigest?
        /// The zip's CRC-32, computed here when asked so that it runs beside the SHA-2s.
        var crc: CRC32?
        init(sha384: Bool, crc: Bool) {
            self.sha384 = sha384 ? RunningDigest(.sha384) : nil
            self.crc = crc ? CRC32() : nil
        }
    }

    /// A chunk's memory, made sendable for the duration of one `concurrentPerform`.
    private struct Chunk: @unchecked Sendable { let bytes: UnsafeRawBufferPointer }

    /// Below this, handing a chunk to another thread costs more than it saves.
    private static let parallelThreshold = 128 << 10

    init(parallel: Bool = true, sha384: Bool = true, crc: Bool = false) {
        self.parallel = parallel
        box = Box(sha384: sha384, crc: crc)
    }

    /// The CRC-32 of what went through, when made with `crc: true`.
    var crc: UInt32? { box.crc?.value }

    mutating func update(_ data: Data) {
        data.withUnsafeBytes { update($0) }
    }

    mutating func update(_ bytes: UnsafeRawBufferPointer) {
        size += UInt64(bytes.count)
        let box = self.box
        if !parallel || box.sha384 == nil || bytes.count < Self.parallelThreshold {
            box.sha256.update(bytes)
            box.sha512.update(bytes)
            box.sha384?.update(bytes)
            box.crc?.update(bytes)
            return
        }
        let chunk = Chunk(bytes: bytes)
        DispatchQueue.concurrentPerform(iterations: 2) { part in
            if part == 0 {
                box.sha512.update(chunk.bytes)
                box.crc?.update(chunk.bytes)
            } else {
                box.sha256.update(chunk.bytes)
                box.sha384?.update(chunk.bytes)
            }
        }
    }

    func finalize() -> FileDigests {
        FileDigests(size: size, sha256: Hex.string(box.sha256.finalize()), sha512: Hex.string(box.sha512.finalize()),
                    sha384: box.sha384?.finalize() ?? [])
    }

    static func digests(of data: Data) -> FileDigests {
        var hasher = MultiHasher()
        hasher.update(data)
        return hasher.finalize()
    }
}

/// One running SHA-2 digest: the system's OpenSSL when loaded (see `SystemSHA2`), else swift-crypto.
final class RunningDigest: @unchecked Sendable {
    private enum State {
        case system(SystemSHA2.Context)
        case sha256(SHA256), sha384(SHA384), sha512(SHA512)
    }

    private var state: State

    init(_ algorithm: SystemSHA2.Algorithm) {
        if let library = SystemSHA2.shared, let context = SystemSHA2.Context(library, algorithm) {
            state = .system(context)
            return
        }
        switch algorithm {
        case .sha256: state = .sha256(SHA256())
        case .sha384: state = .sha384(SHA384())
        case .sha512: state = .sha512(SHA512())
        }
    }

    func update(_ bytes: UnsafeRawBufferPointer) {
        switch state {
        case .system(let context): context.update(bytes)
        case .sha256(var h): h.update(bufferPointer: bytes); state = .sha256(h)
        case .sha384(var h): h.update(bufferPointer: bytes); state = .sha384(h)
        case .sha512(var h): h.update(bufferPointer: bytes); state = .sha512(h)
        }
    }

    func finalize() -> [UInt8] {
        switch state {
        case .system(let context): return context.finalize()
        case .sha256(let h): return Array(h.finalize())
        case .sha384(let h): return Array(h.finalize())
        case .sha512(let h): return Array(h.finalize())
        }
    }
}
