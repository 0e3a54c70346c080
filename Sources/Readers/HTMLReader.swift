import CLibXML2
import Foundation

/// What one record of an HTML page may hold. A Takeout cell has about 20 nodes and a Meta box a
/// few hundred; a "record" beyond these bounds is a hostile or broken page, refused rather than
/// held in memory.
package struct HTMLRecordLimits: Sendable {
    package var maxNodes = 100_000
    package var maxTextBytes = 8 << 20
    package init() {}
}

extension ExportReader {
    /// Reads an HTML entry with libxml2's HTML push parser (SAX callbacks), fed from `stream` in
    /// chunks, and calls `body` with each *record*: an element whose start tag satisfies `isRecord`, with everything inside it, and its ordinal among the page's records
    /// (0-based). Only the record being read is held in memory, so a 40 MB watch history costs
    /// what one cell costs. Records nest no further: an element matching inside a record is part
    /// of it. libxml2 recovers from malformed HTML (unclosed tags, stray ends) the way browsers
    /// do; the page is read as UTF-8 (Google and Meta write UTF-8 and say so), and entities are
    /// decoded. A record beyond `limits` → `ImportError.tooLarge`.
    package func forEachHTMLRecord(_ entry: ExportEntry, limits: HTMLRecordLimits = HTMLRecordLimits(),
                                   isRecord: @escaping (HTMLStartTag) -> Bool,
                                   _ body: (HTMLElement, Int) throws -> Void) throws {
        let collector = HTMLCollector(isRecord: isRecord, limits: limits)
        var sax = HTMLCollector.handler()
        let context = Unmanaged.passUnretained(collector).toOpaque()
        guard let parser = htmlCreatePushParserCtxt(&sax, context, nil, 0, nil, XML_CHAR_ENCODING_UTF8) else {
            throw ImportError.unreadable(path: "\(file(of: entry))/\(entry.path)", reason: "the HTML parser could not start")
        }
        defer { htmlFreeParserCtxt(parser) }
        let options = HTML_PARSE_RECOVER.rawValue | HTML_PARSE_NONET.rawValue | HTML_PARSE_NOERROR.rawValue
            | HTML_PARSE_NOWARNING.rawValue | HTML_PARSE_IGNORE_ENC.rawValue
        htmlCtxtUseOptions(parser, Int32(bitPattern: options))
        var ordinal = 0
        func deliver() throws {
            if collector.overflow {
                throw ImportError.tooLarge(file: file(of: entry), entry: entry.path,
                                           reason: "an HTML record holds more than \(limits.maxNodes) elements or \(limits.maxTextBytes >> 20) MiB of text")
            }
            let records = collector.completed
            collector.completed.removeAll(keepingCapacity: true)
            for record in records {
                try body(record, ordinal)
                ordinal += 1
            }
        }
        try withExtendedLifetime(collector) {
            try stream(entry) { chunk in
                // Chunks of at most 1 MiB: the ZIP reader inflates 64 KiB, a folder read 1 MiB.
                chunk.withUnsafeBytes { bytes in
                    _ = htmlParseChunk(parser, bytes.baseAddress?.assumingMemoryBound(to: CChar.self), Int32(bytes.count), 0)
                }
                try deliver()
            }
            _ = htmlParseChunk(parser, nil, 0, 1)
            try deliver()
        }
    }
}

/// The SAX side: builds the record being read from libxml2's callbacks. Outside a record,
/// events cost a name comparison and nothing is kept.
final class HTMLCollector {
    let isRecord: (HTMLStartTag) -> Bool
    let limits: HTMLRecordLimits
    /// The open elements of the record being read, outermost first.
    var open: [HTMLElement] = []
    var completed: [HTMLElement] = []
    var nodes = 0
    var textBytes = 0
    var overflow = false
    /// Errors libxml2 recovered from (malformed markup); counted, never printed.
    var recoveredErrors = 0

    init(isRecord: @escaping (HTMLStartTag) -> Bool, limits: HTMLRecordLimits) {
        self.isRecord = isRecord
        self.limits = limits
    }

    static func from(_ context: UnsafeMutableRawPointer?) -> HTMLCollector? {
        context.map { Unmanaged<HTMLCollector>.fromOpaque($0).takeUnretainedValue() }
    }

    static func handler() -> htmlSAXHandler {
        var sax = htmlSAXHandler()
        // SAX2's magic makes libxml2 report errors through `serror` (counted) instead of
        // printing them to stderr; the HTML parser calls the SAX1 element callbacks either way.
        sax.initialized = 0xDEED_BEAF
        sax.startElement = { context, name, attributes in
            guard let collector = HTMLCollector.from(context), let name else { return }
            collector.start(String(cString: name), attributes)
        }
        sax.endElement = { context, _ in HTMLCollector.from(context)?.end() }
        sax.characters = { context, bytes, count in
            guard let collector = HTMLCollector.from(context), let bytes, count > 0 else { return }
            collector.characters(UnsafeBufferPointer(start: bytes, count: Int(count)))
        }
        sax.serror = { context, _ in HTMLCollector.from(context)?.recoveredErrors += 1 }
        return sax
    }

    func start(_ name: String, _ raw: UnsafeMutablePointer<UnsafePointer<xmlChar>?>?) {
        if overflow { return }
        if open.isEmpty {
            // Outside a record only the test runs: no attribute is decoded, nothing is kept.
            guard isRecord(HTMLStartTag(name: name, raw: raw)) else { return }
            nodes = 0
            textBytes = 0
        }
        var attributes: [String: String] = [:]
        if let raw {
            var index = 0
            while let key = raw[index] {
                let name = String(cString: key)
                if attributes[name] == nil { attributes[name] = raw[index + 1].map { String(cString: $0) } ?? "" }
                index += 2
            }
        }
        let element = HTMLElement(name: name, attributes: attributes)
        nodes += 1
        if nodes > limits.maxNodes { overflow = true }
        open.last?.children.append(.element(element))
        open.append(element)
    }

    func end() {
        guard let element = open.popLast() else { return }
        if open.isEmpty && !overflow { completed.append(element) }
    }

    func characters(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard let current = open.last else { return }
        textBytes += bytes.count
        if overflow || textBytes > limits.maxTextBytes { overflow = true; return }
        let text = String(decoding: bytes, as: UTF8.self)
        if case .text(let previous)? = current.children.last {
            current.children[current.children.count - 1] = .text(previous + text)
        } else {
            current.children.append(.text(text))
        }
    }
}

/// A start tag as the record test sees it: the name, and attributes looked up on demand.
package struct HTMLStartTag {
    package let name: String
    let raw: UnsafeMutablePointer<UnsafePointer<xmlChar>?>?

    package func attribute(_ wanted: String) -> String? {
        guard let raw else { return nil }
        var index = 0
        while let key = raw[index] {
            if strcmp(UnsafeRawPointer(key).assumingMemoryBound(to: CChar.self), wanted) == 0 {
                return raw[index + 1].map { String(cString: $0) } ?? ""
            }
            index += 2
        }
        return nil
    }

    package func hasClass(_ word: String) -> Bool {
        attribute("class")?.split(separator: " ").contains { $0 == word } ?? false
    }
}
