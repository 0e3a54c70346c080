import Crypto
import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// SHA-2 from the system's OpenSSL `libcrypto`, loaded at run time, with swift-crypto as the
/// fallback wherever it is missing.
///
/// Why: export and verify hash every byte with SHA-256, SHA-512 and SHA-384, so digest speed is
/// their speed. On the machines this project runs on (AMD EPYC), swift-crypto's vendored BoringSSL
/// computes SHA-512 at about 220 MB/s and OpenSSL 3 at about 850 MB/s (measured in the same run),
/// and `python -m bagit`, which `pda verify` is measured against, uses OpenSSL. Loading the library
/// with `dlopen` needs no headers or build setting; a self-test against known digests guards the
/// binding, and `PDA_PORTABLE_CRYPTO=1` turns it off.
final class SystemSHA2: @unchecked Sendable {
    enum Algorithm: Int { case sha256, sha384, sha512 }

    private typealias NewContext = @convention(c) () -> OpaquePointer?
    private typealias FreeContext = @convention(c) (OpaquePointer?) -> Void
    private typealias MessageDigest = @convention(c) () -> OpaquePointer?
    private typealias DigestInit = @convention(c) (OpaquePointer?, OpaquePointer?, OpaquePointer?) -> Int32
    private typealias DigestUpdate = @convention(c) (OpaquePointer?, UnsafeRawPointer?, Int) -> Int32
    private typealias DigestFinal = @convention(c) (OpaquePointer?, UnsafeMutablePointer<UInt8>?, UnsafeMutablePointer<UInt32>?) -> Int32

    private let newContext: NewContext
    private let freeContext: FreeContext
    private let digestInit: DigestInit
    private let digestUpdate: DigestUpdate
    private let digestFinal: DigestFinal
    private let digests: [OpaquePointer]

    /// `nil` when there is no usable libcrypto: callers use swift-crypto.
    static let shared: SystemSHA2? = load()

    private init?(handle: UnsafeMutableRawPointer) {
        func symbol<T>(_ name: String, _: T.Type) -> T? {
            dlsym(handle, name).map { unsafeBitCast($0, to: T.self) }
        }
        guard let newContext = symbol("EVP_MD_CTX_new", NewContext.self),
              let freeContext = symbol("EVP_MD_CTX_free", FreeContext.self),
              let digestInit = symbol("EVP_DigestInit_ex", DigestInit.self),
              let digestUpdate = symbol("EVP_DigestUpdate", DigestUpdate.self),
              let digestFinal = symbol("EVP_DigestFinal_ex", DigestFinal.self),
              let sha256 = symbol("EVP_sha256", MessageDigest.self)?(),
              let sha384 = symbol("EVP_sha384", MessageDigest.self)?(),
              let sha512 = symbol("EVP_sha512", MessageDigest.self)?() else { return nil }
        self.newContext = newContext
        self.freeContext = freeContext
        self.digestInit = digestInit
        self.digestUpdate = digestUpdate
        self.digestFinal = digestFinal
        digests = [sha256, sha384, sha512]
    }

    private static func load() -> SystemSHA2? {
        if let off = ProcessInfo.processInfo.environment["PDA_PORTABLE_CRYPTO"], !off.isEmpty, off != "0" { return nil }
        for name in ["libcrypto.so.3", "libcrypto.so.1.1", "libcrypto.so"] {
            guard let handle = dlopen(name, RTLD_NOW | RTLD_LOCAL), let library = SystemSHA2(handle: handle) else { continue }
            if library.selfTestPasses() { return library }
        }
        return nil
    }

    /// The library must agree with swift-crypto before it is trusted with an archive.
    private func selfTestPasses() -> Bool {
        let sample = Data("pda self-test: abc".utf8)
        let expected: [(Algorithm, [UInt8])] = [
            (.sha256, Array(SHA256.hash(data: sample))), (.sha384, Array(SHA384.hash(data: sample))),
            (.sha512, Array(SHA512.hash(data: sample))),
        ]
        return expected.allSatisfy { algorithm, digest in
            guard let context = Context(self, algorithm) else { return false }
            sample.withUnsafeBytes { context.update($0) }
            return context.finalize() == digest
        }
    }

    /// One running digest.
    final class Context {
        private let library: SystemSHA2
        private let context: OpaquePointer

        init?(_ library: SystemSHA2, _ algorithm: Algorithm) {
            guard let context = library.newContext() else { return nil }
            guard library.digestInit(context, library.digests[algorithm.rawValue], nil) == 1 else {
                library.freeContext(context)
                return nil
            }
            self.library = library
            self.context = context
        }

        deinit { library.freeContext(context) }

        func update(_ bytes: UnsafeRawBufferPointer) {
            guard let base = bytes.baseAddress, bytes.count > 0 else { return }
            _ = library.digestUpdate(context, base, bytes.count)
        }

        func finalize() -> [UInt8] {
            var out = [UInt8](repeating: 0, count: 64)
            var length: UInt32 = 0
            _ = library.digestFinal(context, &out, &length)
            return Array(out.prefix(Int(length)))
        }
    }
}
