import AccountModel
import Foundation

extension ExportReader {
    /// Reads a JSON entry and hands a pull reader to `body`; syntax errors become
    /// `ImportError.malformed` naming the file and entry.
    public func withJSON<T>(_ entry: ExportEntry, options: JSONOptions = JSONOptions(),
                            _ body: (inout JSONReader) throws -> T) throws -> T {
        let data = try data(of: entry)
        do {
            return try data.withUnsafeBytes { raw in
                var reader = JSONReader(raw, options: options)
                let result = try body(&reader)
                try reader.expectEnd()
                return result
            }
        } catch let error as JSONSyntaxError {
            throw ImportError.malformed(file: file(of: entry), entry: entry.path, reason: error.localizedDescription)
        }
    }

    /// A whole JSON entry as a value: only for small documents (profiles, manifests).
    public func json(_ entry: ExportEntry, options: JSONOptions = JSONOptions()) throws -> JSONValue {
        try withJSON(entry, options: options) { try $0.readValue() }
    }

    /// A text entry decoded from UTF-8 (a BOM is dropped; UTF-16 with a BOM is accepted).
    public func text(_ entry: ExportEntry) throws -> String {
        let data = try data(of: entry)
        guard let text = TextDecoding.decode(data) else {
            throw ImportError.malformed(file: file(of: entry), entry: entry.path, reason: "not valid UTF-8 text")
        }
        return text
    }

    /// At most the first `maxBytes` of an entry, for cheap recognition: reading stops as soon as
    /// they are in, and an unreadable entry yields what could be read (recognition must not throw).
    public func prefix(of entry: ExportEntry, maxBytes: Int) -> Data {
        struct Enough: Error {}
        var prefix = Data()
        do {
            try stream(entry) { chunk in
                prefix.append(chunk)
                if prefix.count >= maxBytes { throw Enough() }
            }
        } catch {
            // Stopping early is the point.
        }
        return prefix.prefix(maxBytes)
    }

    /// The error to throw when an entry's content makes no sense to its importer.
    public func malformed(_ entry: ExportEntry, _ reason: String) -> ImportError {
        .malformed(file: file(of: entry), entry: entry.path, reason: reason)
    }
}

public enum TextDecoding {
    /// UTF-8 (with or without BOM) or BOM-marked UTF-16; `nil` when the bytes are none of these.
    public static func decode(_ data: Data) -> String? {
        let bytes = [UInt8](data)
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { return String(validating: bytes.dropFirst(3), as: UTF8.self) }
        if bytes.starts(with: [0xFF, 0xFE]) { return String(data: data.dropFirst(2), encoding: .utf16LittleEndian) }
        if bytes.starts(with: [0xFE, 0xFF]) { return String(data: data.dropFirst(2), encoding: .utf16BigEndian) }
        return String(validating: bytes, as: UTF8.self)
    }
}
