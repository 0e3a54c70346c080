import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The text encodings Chinese "personal information copies" and other exports arrive in.
/// Everything is converted to UTF-8 bytes before parsing, so the CSV, JSON and XML readers only
/// ever see UTF-8.
public enum TextEncoding: String, Sendable, CaseIterable {
    case utf8 = "utf-8"
    case utf16LittleEndian = "utf-16le"
    case utf16BigEndian = "utf-16be"
    /// GB18030 is a superset of GBK and GB2312: one decoder serves all three.
    case gb18030

    /// The encoding a mapping file names (`utf-8`, `UTF8`, `gbk`, `GB2312`, `utf-16` …);
    /// `nil` for `auto` and for names pda does not know.
    public init?(label: String) {
        switch label.lowercased().replacingOccurrences(of: "_", with: "-") {
        case "utf-8", "utf8", "utf-8-sig", "utf-8-bom": self = .utf8
        case "utf-16le", "utf-16", "utf16", "utf16le", "ucs-2": self = .utf16LittleEndian
        case "utf-16be", "utf16be": self = .utf16BigEndian
        case "gb18030", "gbk", "gb2312", "cp936", "euc-cn": self = .gb18030
        default: return nil
        }
    }

    /// What `detect` found: the encoding, and how many leading bytes are a byte-order mark.
    public struct Detection: Sendable, Equatable {
        public var encoding: TextEncoding
        public var bomLength: Int
        public var hasBOM: Bool { bomLength > 0 }
    }

    /// BOM first; then UTF-16 without BOM (NUL bytes at alternating positions); then valid UTF-8;
    /// then GB18030. `nil` for bytes that are none of these (binary, or another legacy encoding).
    public static func detect(_ data: Data) -> Detection? {
        data.withUnsafeBytes { raw in
            let bytes = raw.bindMemory(to: UInt8.self)
            if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { return Detection(encoding: .utf8, bomLength: 3) }
            if bytes.starts(with: [0xFF, 0xFE]) { return Detection(encoding: .utf16LittleEndian, bomLength: 2) }
            if bytes.starts(with: [0xFE, 0xFF]) { return Detection(encoding: .utf16BigEndian, bomLength: 2) }
            if let utf16 = bomlessUTF16(bytes) { return Detection(encoding: utf16, bomLength: 0) }
            if isUTF8(bytes) { return Detection(encoding: .utf8, bomLength: 0) }
            if (try? GB18030.toUTF8(bytes, validateOnly: true)) != nil { return Detection(encoding: .gb18030, bomLength: 0) }
            return nil
        }
    }

    /// The text as UTF-8 bytes without a BOM. `encoding` `nil` means detect it.
    public static func utf8Data(_ data: Data, encoding: TextEncoding? = nil) throws -> (data: Data, encoding: TextEncoding) {
        let detected = detect(data)
        guard let encoding = encoding ?? detected?.encoding else { throw TextEncodingError.unknownEncoding }
        // A BOM is only dropped when it belongs to the encoding in use.
        let bom = detected?.encoding == encoding ? detected?.bomLength ?? 0 : 0
        let body = data.dropFirst(bom)
        switch encoding {
        case .utf8:
            guard body.withUnsafeBytes({ isUTF8($0.bindMemory(to: UInt8.self)) }) else { throw TextEncodingError.invalid(.utf8, offset: nil) }
            return (Data(body), .utf8)
        case .utf16LittleEndian, .utf16BigEndian:
            return (try utf16ToUTF8(body, bigEndian: encoding == .utf16BigEndian), encoding)
        case .gb18030:
            return (try body.withUnsafeBytes { try GB18030.toUTF8($0.bindMemory(to: UInt8.self), validateOnly: false) }, .gb18030)
        }
    }

    /// Convenience for small texts (headers, cells): decoded, BOM dropped.
    public static func string(_ data: Data, encoding: TextEncoding? = nil) throws -> String {
        String(decoding: try utf8Data(data, encoding: encoding).data, as: UTF8.self)
    }

    // MARK: - Checks

    package static func isUTF8(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        // ASCII is the common case and needs no decoder.
        var firstNonASCII = 0
        while firstNonASCII < bytes.count, bytes[firstNonASCII] < 0x80 { firstNonASCII += 1 }
        if firstNonASCII == bytes.count { return true }
        let rest = UnsafeBufferPointer(rebasing: bytes[firstNonASCII...])
        let failed = transcode(rest.makeIterator(), from: UTF8.self, to: UTF8.self, stoppingOnError: true) { _ in }
        return !failed
    }

    /// UTF-16 written without a BOM shows NUL in every other byte for Latin text; Chinese-only
    /// text does not, which is why exports that matter carry a BOM.
    package static func bomlessUTF16(_ bytes: UnsafeBufferPointer<UInt8>) -> TextEncoding? {
        let sample = min(bytes.count, 4096) & ~1
        guard sample >= 4 else { return nil }
        var evenZeros = 0, oddZeros = 0
        for i in stride(from: 0, to: sample, by: 2) {
            if bytes[i] == 0 { evenZeros += 1 }
            if bytes[i + 1] == 0 { oddZeros += 1 }
        }
        let pairs = sample / 2
        if oddZeros * 10 >= pairs * 4 && evenZeros * 10 < pairs { return .utf16LittleEndian }
        if evenZeros * 10 >= pairs * 4 && oddZeros * 10 < pairs { return .utf16BigEndian }
        return nil
    }

    package static func utf16ToUTF8(_ body: Data, bigEndian: Bool) throws -> Data {
        guard body.count % 2 == 0 else { throw TextEncodingError.invalid(bigEndian ? .utf16BigEndian : .utf16LittleEndian, offset: body.count - 1) }
        var out = Data()
        out.reserveCapacity(body.count)
        let failed = body.withUnsafeBytes { raw -> Bool in
            let bytes = raw.bindMemory(to: UInt8.self)
            let units = stride(from: 0, to: bytes.count, by: 2).lazy.map { i -> UInt16 in
                bigEndian ? UInt16(bytes[i]) << 8 | UInt16(bytes[i + 1]) : UInt16(bytes[i + 1]) << 8 | UInt16(bytes[i])
            }
            return transcode(units.makeIterator(), from: UTF16.self, to: UTF8.self, stoppingOnError: true) { out.append($0) }
        }
        if failed { throw TextEncodingError.invalid(bigEndian ? .utf16BigEndian : .utf16LittleEndian, offset: nil) }
        return out
    }
}

/// Why bytes could not be read as text. Never quotes the bytes: they are the person's data.
public enum TextEncodingError: Error, LocalizedError, Equatable {
    case unknownEncoding
    case invalid(TextEncoding, offset: Int?)
    case converterUnavailable(String)

    public var errorDescription: String? {
        switch self {
        case .unknownEncoding: return "the text is neither UTF-8, UTF-16 nor GB18030 (set the encoding explicitly)"
        case .invalid(let encoding, let offset):
            return "invalid \(encoding.rawValue) text" + (offset.map { " at byte \($0)" } ?? "")
        case .converterUnavailable(let name): return "this system cannot convert \(name) text (iconv lacks it)"
        }
    }
}

/// GB18030 → UTF-8 through iconv: Foundation on Linux has no GB18030 codec.
package enum GB18030 {
    package static func toUTF8(_ bytes: UnsafeBufferPointer<UInt8>, validateOnly: Bool) throws -> Data {
        #if canImport(Glibc)
        guard let converter = iconv_open("UTF-8", "GB18030"), converter != UnsafeMutableRawPointer(bitPattern: -1) else {
            throw TextEncodingError.converterUnavailable("GB18030")
        }
        defer { iconv_close(converter) }
        var out = Data()
        if !validateOnly { out.reserveCapacity(bytes.count * 3 / 2) }
        guard let base = bytes.baseAddress, !bytes.isEmpty else { return out }
        // iconv takes `char **` but never writes through the input pointer.
        var input = UnsafeMutablePointer<CChar>(OpaquePointer(base))
        var inputLeft = bytes.count
        var chunk = [CChar](repeating: 0, count: 1 << 16)
        try chunk.withUnsafeMutableBufferPointer { buffer in
            guard let chunkBase = buffer.baseAddress else { return }
            while inputLeft > 0 {
                var output: UnsafeMutablePointer<CChar>? = chunkBase
                var outputLeft = buffer.count
                var inputPointer: UnsafeMutablePointer<CChar>? = input
                let result = iconv(converter, &inputPointer, &inputLeft, &output, &outputLeft)
                let failure = result == -1 ? errno : 0
                if let inputPointer { input = inputPointer }
                if !validateOnly {
                    out.append(UnsafeBufferPointer(start: UnsafeRawPointer(chunkBase).assumingMemoryBound(to: UInt8.self), count: buffer.count - outputLeft))
                }
                if result == -1 && failure != E2BIG {
                    throw TextEncodingError.invalid(.gb18030, offset: bytes.count - inputLeft)
                }
            }
        }
        return out
        #else
        // Darwin: Foundation knows GB18030 (kCFStringEncodingGB_18030_2000).
        let gb18030 = String.Encoding(rawValue: 0x8000_0632)
        guard let text = String(data: Data(buffer: bytes), encoding: gb18030) else { throw TextEncodingError.invalid(.gb18030, offset: nil) }
        return Data(text.utf8)
        #endif
    }
}

extension ExportReader {
    /// An entry's text as UTF-8 bytes (BOM dropped), detecting the encoding unless given.
    /// Undecodable text is `ImportError.malformed` naming the file and entry.
    public func utf8Data(of entry: ExportEntry, encoding: TextEncoding? = nil) throws -> (data: Data, encoding: TextEncoding) {
        let raw = try data(of: entry)
        do { return try TextEncoding.utf8Data(raw, encoding: encoding) } catch let error as TextEncodingError {
            throw malformed(entry, error.localizedDescription)
        }
    }
}
