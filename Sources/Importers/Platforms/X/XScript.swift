import AccountModel
import Foundation
import Readers

/// X writes its archive as JavaScript for its offline viewer: each `data/*.js` file is one
/// assignment, `window.YTD.<type>.partN = [ … ]` (the manifest: `window.__THAR_CONFIG = { … }`),
/// sometimes with a trailing `;`. Everything after the first `=` is JSON. A file that is plain
/// JSON already (converted by a tool) is read as it is.
enum XScript {
    static let archivePrefix = Array("window.YTD.".utf8)
    static let manifestPrefix = Array("window.__THAR_CONFIG".utf8)

    /// True when the bytes begin with X's assignment (after an optional BOM and spaces).
    static func startsLikeArchive(_ data: Data, manifest: Bool) -> Bool {
        let bytes = Array(data.prefix(XRecognizer.peekBytes))
        let start = firstContent(bytes)
        let wanted = manifest ? manifestPrefix : archivePrefix
        return bytes.count - start >= wanted.count && Array(bytes[start..<(start + wanted.count)]) == wanted
    }

    /// Reads the JSON of an X file with the pull reader. Syntax errors name the file and entry
    /// with a byte offset into the entry, never its content.
    static func read<T>(_ export: ExportReader, _ entry: ExportEntry, _ body: (inout JSONReader) throws -> T) throws -> T {
        let data = try export.data(of: entry)
        return try data.withUnsafeBytes { raw -> T in
            guard let range = jsonRange(raw) else {
                throw export.malformed(entry, "not an X archive file: no `window.… =` assignment and no JSON")
            }
            var reader = JSONReader(UnsafeRawBufferPointer(rebasing: raw[range]))
            do {
                let result = try body(&reader)
                try reader.expectEnd()
                return result
            } catch let error as JSONSyntaxError {
                throw export.malformed(entry, "invalid JSON at byte \(range.lowerBound + error.offset): \(error.reason)")
            }
        }
    }

    /// The same, streamed as the entry inflates (`tweets.js` of a heavy user runs to hundreds of
    /// MB): the assignment is skipped in the stream and a trailing `;` accepted. Offsets in
    /// errors are bytes into the entry, as with `read`.
    static func stream<T>(_ export: ExportReader, _ entry: ExportEntry, _ body: (inout JSONStreamReader) throws -> T) throws -> T {
        try export.withJSONStream(entry) { reader -> T in
            let notX = export.malformed(entry, "not an X archive file: no `window.… =` assignment and no JSON")
            switch try reader.peekNonSpaceByte() {
            case UInt8(ascii: "w"):
                // `window.YTD.tweets.part0 = `: the name holds no `=` and no line break.
                guard try reader.skip(through: UInt8(ascii: "="), stoppingAt: UInt8(ascii: "\n")) else { throw notX }
            case UInt8(ascii: "["), UInt8(ascii: "{"):
                break
            default:
                throw notX
            }
            let result = try body(&reader)
            if try reader.peekNonSpaceByte() == UInt8(ascii: ";") { try reader.skipByte() }
            return result
        }
    }

    /// Where the JSON sits: after the assignment's `=`, up to a trailing `;` and spaces.
    static func jsonRange(_ raw: UnsafeRawBufferPointer) -> Range<Int>? {
        var start = firstContent(raw)
        guard start < raw.count else { return nil }
        let first = raw[start]
        if first == UInt8(ascii: "w") {
            // `window.YTD.tweets.part0 = ` or `window.__THAR_CONFIG = `: the name holds no `=`.
            var k = start
            while k < raw.count, raw[k] != UInt8(ascii: "="), raw[k] != UInt8(ascii: "\n") { k += 1 }
            guard k < raw.count, raw[k] == UInt8(ascii: "=") else { return nil }
            start = k + 1
        } else if first != UInt8(ascii: "[") && first != UInt8(ascii: "{") {
            return nil
        }
        var end = raw.count
        while end > start, isSpace(raw[end - 1]) { end -= 1 }
        if end > start, raw[end - 1] == UInt8(ascii: ";") { end -= 1 }
        return start..<end
    }

    /// The index after a UTF-8 byte order mark and leading whitespace.
    private static func firstContent<C: RandomAccessCollection>(_ bytes: C) -> Int where C.Element == UInt8, C.Index == Int {
        var k = bytes.startIndex
        if bytes.count >= 3, bytes[k] == 0xEF, bytes[k + 1] == 0xBB, bytes[k + 2] == 0xBF { k += 3 }
        while k < bytes.endIndex, isSpace(bytes[k]) { k += 1 }
        return k
    }

    private static func isSpace(_ b: UInt8) -> Bool { b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D }
}
