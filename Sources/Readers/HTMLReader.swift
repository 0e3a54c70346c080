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
    /// chunks, and calls `body` with each *record*: an element whose start tag satisfies
    /// `isRecord`, with everything inside it, and its ordinal among the page's records (0-based).
    /// Only the records of one chunk are held in memory, so a 40 MB watch history costs what a
    /// few hundred cells cost. Records nest no further: an element matching inside a record is
    /// part of it. libxml2 recovers from malformed HTML (unclosed tags, stray ends) the way
    /// browsers do; the page is read as UTF-8 (Google and Meta write UTF-8 and say so), and
    /// entities are decoded. A record beyond `limits` → `ImportError.tooLarge`.
    package func forEachHTMLRecord(_ entry: ExportEntry, limits: HTMLRecordLimits = HTMLRecordLimits(),
                                   isRecord: @escaping (HTMLStartTag) -> Bool,
                                   _ body: (HTMLElement, Int) throws -> Void) throws {
        guard let parser = HTMLPushParser(isRecord: isRecord, limits: limits) else {
            throw ImportError.unreadable(path: "\(file(of: entry))/\(entry.path)", reason: "the HTML parser could not start")
        }
        var ordinal = 0
        func deliver(_ records: [HTMLElement]) throws {
            if parser.overflow {
                throw ImportError.tooLarge(file: file(of: entry), entry: entry.path,
                                           reason: "an HTML record holds more than \(limits.maxNodes) elements or \(limits.maxTextBytes >> 20) MiB of text")
            }
            for record in records {
                try body(record, ordinal)
                ordinal += 1
            }
        }
        try stream(entry) { chunk in try deliver(parser.feed(chunk)) }
        try deliver(parser.finish())
    }
}

/// libxml2's HTML push parser with the record collector attached.
///
/// libxml2 2.9 (Debian 12) stops making progress for good when a chunk ends inside a start tag:
/// its resumed search for the tag's `>` loses track of quotes, and nothing is parsed until the
/// final chunk, so the whole page would pile up in memory. Chunks are therefore cut after their
/// last `>` and the rest is carried into the next one; with that, the parser's own buffer stays
/// at a few MiB on a 40 MB page.
package final class HTMLPushParser {
    private let collector: HTMLCollector
    private let context: htmlParserCtxtPtr
    private var carry: [UInt8] = []
    /// A stretch without `>` longer than this is fed as it is (hostile input: no tag can be that
    /// long in an export), so the carry never grows without bound.
    private let maxCarry = 4 << 20

    package var overflow: Bool { collector.overflow }

    package init?(isRecord: @escaping (HTMLStartTag) -> Bool, limits: HTMLRecordLimits = HTMLRecordLimits()) {
        collector = HTMLCollector(isRecord: isRecord, limits: limits)
        var sax = HTMLCollector.handler()
        let user = Unmanaged.passUnretained(collector).toOpaque()
        guard let context = htmlCreatePushParserCtxt(&sax, user, nil, 0, nil, XML_CHAR_ENCODING_UTF8) else { return nil }
        self.context = context
        // libxml2's reports quote the page and nothing from an export may reach the terminal:
        // the handler has no error callbacks, and NOERROR/NOWARNING turn the reports off too.
        let options = HTML_PARSE_RECOVER.rawValue | HTML_PARSE_NONET.rawValue | HTML_PARSE_NOERROR.rawValue
            | HTML_PARSE_NOWARNING.rawValue | HTML_PARSE_IGNORE_ENC.rawValue
        htmlCtxtUseOptions(context, Int32(bitPattern: options))
    }

    deinit { htmlFreeParserCtxt(context) }

    /// Parses the bytes up to the last `>` seen so far; returns the records completed.
    package func feed(_ data: Data) -> [HTMLElement] {
        carry.append(contentsOf: data)
        guard let last = carry.lastIndex(of: UInt8(ascii: ">")) else {
            if carry.count > maxCarry { push(carry[...], terminate: false); carry.removeAll() }
            return take()
        }
        push(carry[...last], terminate: false)
        carry.removeSubrange(...last)
        return take()
    }

    /// Parses what is left and ends the document; returns the records completed.
    package func finish() -> [HTMLElement] {
        push(carry[...], terminate: true)
        carry.removeAll()
        return take()
    }

    private func push(_ bytes: ArraySlice<UInt8>, terminate: Bool) {
        bytes.withUnsafeBytes { raw in
            _ = htmlParseChunk(context, raw.baseAddress?.assumingMemoryBound(to: CChar.self), Int32(raw.count), terminate ? 1 : 0)
        }
    }

    private func take() -> [HTMLElement] {
        let records = collector.completed
        collector.completed.removeAll(keepingCapacity: true)
        return records
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

    init(isRecord: @escaping (HTMLStartTag) -> Bool, limits: HTMLRecordLimits) {
        self.isRecord = isRecord
        self.limits = limits
    }

    static func from(_ context: UnsafeMutableRawPointer?) -> HTMLCollector? {
        context.map { Unmanaged<HTMLCollector>.fromOpaque($0).takeUnretainedValue() }
    }

    static func handler() -> htmlSAXHandler {
        var sax = htmlSAXHandler()
        sax.startElement = { context, name, attributes in
            guard let collector = HTMLCollector.from(context), let name else { return }
            collector.start(String(cString: name), attributes)
        }
        sax.endElement = { context, _ in HTMLCollector.from(context)?.end() }
        sax.characters = { context, bytes, count in
            guard let collector = HTMLCollector.from(context), let bytes, count > 0 else { return }
            collector.characters(UnsafeBufferPointer(start: bytes, count: Int(count)))
        }
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
        guard let raw else { return false }
        var index = 0
        while let key = raw[index] {
            if strcmp(UnsafeRawPointer(key).assumingMemoryBound(to: CChar.self), "class") == 0, let value = raw[index + 1] {
                var word = word
                return word.withUTF8 { w in HTMLClassList.contains(UnsafeBufferPointer(start: value, count: strlen(UnsafeRawPointer(value).assumingMemoryBound(to: CChar.self))), w) }
            }
            index += 2
        }
        return false
    }
}
