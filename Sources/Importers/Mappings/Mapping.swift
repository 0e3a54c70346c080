import AccountModel
import Foundation
import Readers

/// A declarative importer: which files of an export to read, how to read them, and how each
/// record becomes an item, activity, inference or identity fact. Written as JSON
/// (`schemas/mapping.schema.json`), parsed and checked by `MappingParser`, run by
/// `MappingImporter`. A mapping never runs code: it can only name fields and constants.
public struct Mapping: Sendable {
    public enum Status: String, Sendable {
        /// Built from a real layout (fixture and evidence in the file).
        case confirmed
        /// Built from public descriptions only: adapt it to the copy you received.
        case example
    }

    public struct Recognize: Sendable {
        /// At least one entry must match one of these globs.
        public var files: [String]
        /// Header cells that must all appear in one of a matching table's first rows.
        public var columns: [String]
        /// JSON Pointers (`*` for any key or index) that must all exist in a matching JSON file.
        public var keys: [String]
        public var confidence: Double
    }

    public enum SourceFormat: String, Sendable, CaseIterable { case auto, csv, xlsx, json }

    public struct Source: Sendable {
        public var name: String
        public var files: [String]
        public var format: SourceFormat
        /// `nil`: detect (BOM, UTF-8, UTF-16, GB18030).
        public var encoding: TextEncoding?
        public var delimiter: UInt8?
        /// XLSX sheet by name or 1-based position; `nil` = the first sheet.
        public var sheet: String?
        /// 1-based record holding the column names (title rows above it are skipped); 0 = none.
        public var headerRow: Int
        /// When set, the header is the first row holding all these columns (within the first
        /// rows), wherever a preamble of varying length puts it; `headerRow` is then unused.
        public var findHeader: HeaderSearch?
        /// Counts the document states about itself (`共66笔记录`), compared with the records read.
        public var countChecks: [CountCheck] = []
        /// JSON Pointer to the array of records; `*` iterates every key or index.
        public var records: String
        public var rules: [Rule]
    }

    public struct HeaderSearch: Sendable {
        public var columns: [String]
        /// How many rows from the top are searched; a bill's preamble is at most a few dozen.
        public var within: Int
    }

    /// `pattern` finds a number (its first capture group) in the rows above the header; it is
    /// compared with the records read that meet `when` (all records when empty). A difference
    /// is a warning by count: the bill was cut, edited, or read with the wrong header.
    public struct CountCheck: Sendable {
        public var label: String
        public var pattern: Pattern
        public var when: [Condition]
    }

    /// A compiled regular expression (ICU syntax), checked when the mapping is parsed.
    public struct Pattern: @unchecked Sendable {
        public let source: String
        let regex: NSRegularExpression

        public init?(_ source: String) {
            guard let regex = try? NSRegularExpression(pattern: source) else { return nil }
            self.source = source
            self.regex = regex
        }

        func matches(_ text: String) -> Bool {
            regex.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) != nil
        }

        /// The first capture group of the first match (the whole match when there is no group).
        func firstCapture(_ text: String) -> String? {
            guard let match = regex.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) else { return nil }
            let group = match.numberOfRanges > 1 ? match.range(at: 1) : match.range
            guard group.location != NSNotFound, let range = Range(group, in: text) else { return nil }
            return String(text[range])
        }
    }

    public struct Rule: Sendable {
        public enum Target: Sendable {
            case item(FieldSpec)
            case activity(FieldSpec)
            case inference(InferenceKind)
            case identity(String)
        }

        public var target: Target
        public var fields: [String: FieldSpec]
        /// Extra values kept with an activity (`detail`), in the mapping's order.
        public var detail: [(String, FieldSpec)]
        public var skipWhen: [Condition]
        /// Only records meeting every one of these become this rule's record (a bill's 支出 rows
        /// are purchases; its 收入 and 不计收支 rows are not).
        public var when: [Condition] = []
    }

    /// Where a value comes from: the first non-empty of `from` (column names, JSON keys or
    /// JSON Pointers), or a constant, optionally put into a template and translated by a table.
    public struct FieldSpec: Sendable {
        public var from: [String] = []
        public var constant: String?
        /// `https://www.xiaohongshu.com/explore/{笔记ID}`: `{name}` is replaced by that field.
        public var template: String?
        public var map: [String: String]?
        public var fallback: String?
        public var timeFormat: TimeFormat = .local
        public var zone: TimeZone?
        /// Keeps the first capture group of this pattern in the value (`99.00(已全额退款)` → `99.00`).
        public var extract: Pattern?
        /// Amounts: the value's sign is flipped (a refund written as a positive income).
        public var negate = false

        public static func constant(_ value: String) -> FieldSpec { FieldSpec(constant: value) }

        /// Names the spec reads (for `mapping check`'s column report).
        var referencedNames: [String] {
            from + (template.map(Self.placeholders) ?? [])
        }

        static func placeholders(_ template: String) -> [String] {
            var names: [String] = [], current: String?
            for char in template {
                if char == "{" { current = "" } else if char == "}" { if let c = current { names.append(c) }; current = nil } else { current?.append(char) }
            }
            return names
        }
    }

    public struct Condition: Sendable {
        public var field: FieldSpec
        public var values: Set<String>
        public var whenEmpty: Bool
        /// The value matches this regular expression (`-退款$`).
        public var matches: Pattern?
    }

    public enum TimeFormat: String, Sendable, CaseIterable {
        /// Wall-clock time in the mapping's zone (`2024-03-05 14:03`, `2024/3/5 14:03`,
        /// `2024年3月5日 14:03`) → `naive_local`; zoned text → `exact`; a date → `date_only`;
        /// 9–14 digits → epoch seconds or milliseconds (`exact`).
        case local
        /// UTC written without a zone → `naive_utc`.
        case utc
        case epoch
        /// ISO 8601 with a zone or offset only → `exact`.
        case iso8601
    }

    public var name: String
    public var title: String?
    public var platform: Platform
    public var version: String
    public var format: String
    public var status: Status
    public var evidence: [String]
    public var zone: TimeZone
    /// What `¥` means in amounts (CNY unless the mapping says JPY).
    public var yenSign: String
    public var recognize: Recognize
    public var sources: [Source]
    /// The file it was loaded from, for messages.
    public var file: String
}

extension Mapping.Rule {
    /// The fields each kind of record accepts.
    static let itemFields: Set<String> = ["native_id", "time", "title", "text", "url", "target", "media"]
    static let activityFields: Set<String> = ["native_id", "time", "text", "url", "target", "amount", "quantity", "currency", "duration"]
    static let inferenceFields: Set<String> = ["label"]
    static let identityFields: Set<String> = ["value"]
}
