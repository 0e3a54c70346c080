import AccountModel
import Foundation
import Readers

/// One problem in a mapping file, located by JSON Pointer so the author can find it.
public struct MappingDiagnostic: Sendable, Equatable, CustomStringConvertible {
    public enum Severity: String, Sendable { case error, warning }
    public var severity: Severity
    public var pointer: String
    public var message: String

    public var description: String { "\(severity.rawValue) at \(pointer.isEmpty ? "/" : pointer): \(message)" }
}

/// A mapping file that cannot be used.
public struct MappingError: Error, LocalizedError, Equatable {
    public var file: String
    public var diagnostics: [MappingDiagnostic]

    public var errorDescription: String? {
        let errors = diagnostics.filter { $0.severity == .error }
        let first = errors.first.map(\.description) ?? "invalid"
        let more = errors.count > 1 ? " (and \(errors.count - 1) more)" : ""
        return "\(file): the mapping is invalid: \(first)\(more); run `pda mapping check \(file)` for all problems"
    }
}

/// Reads a mapping file into a `Mapping`, collecting every problem instead of stopping at the
/// first: unknown keys (typos), words outside the vocabulary, unknown zones or encodings.
public enum MappingParser {
    public static let formatVersion = 1

    public static func load(path: String) throws -> Mapping {
        let url = URL(fileURLWithPath: path)
        guard let data = try? Data(contentsOf: url) else {
            if !FileManager.default.fileExists(atPath: path) { throw ImportError.missing(path: path) }
            throw ImportError.unreadable(path: path, reason: "cannot read the mapping")
        }
        let (mapping, diagnostics) = parse(data, file: url.lastPathComponent)
        guard let mapping else { throw MappingError(file: url.lastPathComponent, diagnostics: diagnostics) }
        return mapping
    }

    /// The mapping, or `nil` when any diagnostic is an error.
    public static func parse(_ data: Data, file: String) -> (Mapping?, [MappingDiagnostic]) {
        let context = Context()
        let json: JSONValue
        do { json = try JSONParser.parse(data) } catch {
            return (nil, [MappingDiagnostic(severity: .error, pointer: "", message: "not JSON: \(error.localizedDescription)")])
        }
        let mapping = context.mapping(json, file: file)
        let failed = context.diagnostics.contains { $0.severity == .error }
        return (failed ? nil : mapping, context.diagnostics)
    }

    final class Context {
        var diagnostics: [MappingDiagnostic] = []

        func error(_ pointer: String, _ message: String) { diagnostics.append(.init(severity: .error, pointer: pointer, message: message)) }
        func warning(_ pointer: String, _ message: String) { diagnostics.append(.init(severity: .warning, pointer: pointer, message: message)) }

        static let topKeys: Set<String> = ["$schema", "pda_mapping", "name", "title", "platform", "version", "format", "status",
                                           "evidence", "notes", "zone", "yen_sign", "recognize", "sources"]

        func mapping(_ json: JSONValue, file: String) -> Mapping? {
            guard let top = object(json, at: "", allowed: Self.topKeys) else { return nil }
            if let v = top["pda_mapping"], v.stringValue != String(MappingParser.formatVersion) {
                error("/pda_mapping", "this pda reads mapping format \(MappingParser.formatVersion)")
            }
            let name = string(top["name"], at: "/name", required: true) ?? ""
            if !name.isEmpty && !name.allSatisfy({ $0.isASCII && ($0.isLowercase || $0.isNumber || $0 == "-") }) {
                error("/name", "use lowercase letters, digits and - (it names the importer)")
            }
            let platformName = string(top["platform"], at: "/platform", required: true) ?? ""
            let platform = Platform(rawValue: platformName)
            if platform == nil && !platformName.isEmpty {
                error("/platform", "a platform id is a lowercase slug (a-z, 0-9, _, starting with a letter, at most 40 characters), such as \(Platform.allCases.prefix(4).map(\.rawValue).joined(separator: ", "))")
            }
            let statusName = string(top["status"], at: "/status") ?? "confirmed"
            let status = Mapping.Status(rawValue: statusName)
            if status == nil { error("/status", "use \"confirmed\" or \"example\"") }
            let evidence = strings(top["evidence"], at: "/evidence")
            if evidence.isEmpty { warning("/evidence", "say what the mapping is built from (a sample, a userscript, a policy page)") }
            let zone = timeZone(top["zone"], at: "/zone") ?? LocalTimes.chinaZone
            let sources = (top["sources"]?.arrayValue ?? []).enumerated().compactMap { k, s in source(s, at: "/sources/\(k)", zone: zone) }
            if top["sources"]?.arrayValue?.isEmpty ?? true { error("/sources", "at least one source is needed") }
            let recognize = self.recognize(top["recognize"], sources: sources)
            guard let platform, let status else { return nil }
            return Mapping(name: name, title: string(top["title"], at: "/title"), platform: platform,
                           version: string(top["version"], at: "/version") ?? "1",
                           format: string(top["format"], at: "/format") ?? name, status: status, evidence: evidence,
                           zone: zone, yenSign: string(top["yen_sign"], at: "/yen_sign") ?? "CNY",
                           recognize: recognize, sources: sources, file: file)
        }

        func recognize(_ json: JSONValue?, sources: [Mapping.Source]) -> Mapping.Recognize {
            let defaults = Mapping.Recognize(files: sources.flatMap(\.files), columns: [], keys: [], confidence: 0.8)
            guard let json else { return defaults }
            guard let r = object(json, at: "/recognize", allowed: ["files", "columns", "keys", "confidence"]) else { return defaults }
            var confidence = 0.8
            if let c = r["confidence"] {
                if let value = c.stringValue.flatMap(Double.init), value > 0, value <= 1 { confidence = value } else { error("/recognize/confidence", "a number above 0 and at most 1") }
            }
            let files = strings(r["files"], at: "/recognize/files")
            let keys = strings(r["keys"], at: "/recognize/keys")
            for (k, key) in keys.enumerated() where !key.hasPrefix("/") { error("/recognize/keys/\(k)", "a JSON Pointer starts with /") }
            return Mapping.Recognize(files: files.isEmpty ? defaults.files : files, columns: strings(r["columns"], at: "/recognize/columns"),
                                     keys: keys, confidence: confidence)
        }

        static let sourceKeys: Set<String> = ["name", "files", "format", "encoding", "delimiter", "sheet", "header_row", "find_header",
                                              "check_counts", "records", "produce"]

        func source(_ json: JSONValue, at path: String, zone: TimeZone) -> Mapping.Source? {
            guard let s = object(json, at: path, allowed: Self.sourceKeys) else { return nil }
            let files = strings(s["files"], at: path + "/files")
            if files.isEmpty { error(path + "/files", "name the files to read (globs such as \"*.csv\" or \"data/**/*.json\")") }
            let formatName = string(s["format"], at: path + "/format") ?? "auto"
            let format = Mapping.SourceFormat(rawValue: formatName)
            if format == nil { error(path + "/format", "use auto, csv, xlsx or json") }
            var encoding: TextEncoding?
            if let label = string(s["encoding"], at: path + "/encoding"), label.lowercased() != "auto" {
                encoding = TextEncoding(label: label)
                if encoding == nil { error(path + "/encoding", "unknown encoding \"\(label)\"; use auto, utf-8, utf-16le, utf-16be or gb18030") }
            }
            var delimiter: UInt8?
            if let d = string(s["delimiter"], at: path + "/delimiter") {
                let value = d == "\\t" || d.lowercased() == "tab" ? "\t" : d
                if value.utf8.count == 1, let byte = value.utf8.first { delimiter = byte } else { error(path + "/delimiter", "one ASCII character, or \"tab\"") }
            }
            var headerRow = 1
            if let h = s["header_row"] {
                if let value = h.stringValue.flatMap(Int.init), value >= 0 { headerRow = value } else { error(path + "/header_row", "a row number (1 = first row, 0 = no header)") }
            }
            let findHeader = s["find_header"].flatMap { headerSearch($0, at: path + "/find_header") }
            if findHeader != nil && s["header_row"] != nil { warning(path + "/header_row", "find_header is given: header_row is not used") }
            let countChecks = (s["check_counts"]?.arrayValue ?? []).enumerated().compactMap { k, c in countCheck(c, at: "\(path)/check_counts/\(k)") }
            if let c = s["check_counts"], c.arrayValue == nil { error(path + "/check_counts", "a list of {\"label\", \"pattern\", \"when\"}") }
            if !countChecks.isEmpty && findHeader == nil && headerRow <= 1 {
                warning(path + "/check_counts", "the counts are looked for above the header: use find_header or a header_row below the preamble")
            }
            let records = string(s["records"], at: path + "/records") ?? ""
            if !records.isEmpty && !records.hasPrefix("/") { error(path + "/records", "a JSON Pointer such as /data/notes (\"\" for the whole document)") }
            let rules = (s["produce"]?.arrayValue ?? []).enumerated().compactMap { k, r in rule(r, at: "\(path)/produce/\(k)") }
            if s["produce"]?.arrayValue?.isEmpty ?? true { error(path + "/produce", "say what each record becomes") }
            return Mapping.Source(name: string(s["name"], at: path + "/name") ?? files.first ?? "source", files: files,
                                  format: format ?? .auto, encoding: encoding, delimiter: delimiter,
                                  sheet: s["sheet"]?.stringValue, headerRow: headerRow, findHeader: findHeader,
                                  countChecks: countChecks, records: records, rules: rules)
        }

        static let headerSearchKeys: Set<String> = ["columns", "within"]

        func headerSearch(_ json: JSONValue, at path: String) -> Mapping.HeaderSearch? {
            guard let h = object(json, at: path, allowed: Self.headerSearchKeys) else { return nil }
            let columns = strings(h["columns"], at: path + "/columns")
            if columns.isEmpty { error(path + "/columns", "name the columns the header row holds (\"交易时间\", \"金额\" …)") }
            var within = 50
            if let w = h["within"] {
                if let value = w.stringValue.flatMap(Int.init), value >= 1, value <= 1000 { within = value } else {
                    error(path + "/within", "a number of rows from 1 to 1000")
                }
            }
            return columns.isEmpty ? nil : Mapping.HeaderSearch(columns: columns, within: within)
        }

        static let countCheckKeys: Set<String> = ["label", "pattern", "when"]

        func countCheck(_ json: JSONValue, at path: String) -> Mapping.CountCheck? {
            guard let c = object(json, at: path, allowed: Self.countCheckKeys) else { return nil }
            let label = string(c["label"], at: path + "/label") ?? "records"
            guard let source = string(c["pattern"], at: path + "/pattern", required: true) else { return nil }
            guard let pattern = regex(source, at: path + "/pattern") else { return nil }
            if pattern.regex.numberOfCaptureGroups < 1 { error(path + "/pattern", "capture the stated count with a group: 共(\\d+)笔记录") }
            let when = (c["when"]?.arrayValue ?? []).enumerated().compactMap { k, w in condition(w, at: "\(path)/when/\(k)") }
            return Mapping.CountCheck(label: label, pattern: pattern, when: when)
        }

        func regex(_ source: String, at path: String) -> Mapping.Pattern? {
            guard let pattern = Mapping.Pattern(source) else { error(path, "not a valid regular expression"); return nil }
            return pattern
        }

        static let ruleKeys: Set<String> = ["item", "activity", "inference", "identity", "fields", "detail", "skip_when", "when", "comment"]

        func rule(_ json: JSONValue, at path: String) -> Mapping.Rule? {
            guard let r = object(json, at: path, allowed: Self.ruleKeys) else { return nil }
            let targets = ["item", "activity", "inference", "identity"].filter { r[$0] != nil }
            guard targets.count == 1, let which = targets.first else {
                error(path, "give exactly one of item, activity, inference or identity")
                return nil
            }
            var target: Mapping.Rule.Target?
            var allowed: Set<String> = []
            switch which {
            case "item":
                allowed = Mapping.Rule.itemFields
                target = kindSpec(r["item"], at: path + "/item", words: ItemKind.allCases.map(\.rawValue)).map { .item($0) }
            case "activity":
                allowed = Mapping.Rule.activityFields
                target = kindSpec(r["activity"], at: path + "/activity", words: ActivityKind.allCases.map(\.rawValue)).map { .activity($0) }
            case "inference":
                allowed = Mapping.Rule.inferenceFields
                let word = string(r["inference"], at: path + "/inference") ?? ""
                if let kind = InferenceKind(rawValue: word) { target = .inference(kind) } else {
                    error(path + "/inference", "unknown inference kind \"\(word)\"; known: \(InferenceKind.allCases.map(\.rawValue).joined(separator: ", "))")
                }
            default:
                allowed = Mapping.Rule.identityFields
                if let field = string(r["identity"], at: path + "/identity"), !field.isEmpty { target = .identity(field) } else {
                    error(path + "/identity", "name the profile field (username, display_name, email …)")
                }
            }
            var fields: [String: Mapping.FieldSpec] = [:]
            if let members = object(r["fields"] ?? .object([]), at: path + "/fields", allowed: allowed)?.members {
                for member in members { if let spec = field(member.value, at: path + "/fields/" + member.key) { fields[member.key] = spec } }
            }
            if which == "inference" && fields["label"] == nil { error(path + "/fields", "an inference needs a label field") }
            if which == "identity" && fields["value"] == nil { error(path + "/fields", "an identity fact needs a value field") }
            var detail: [(String, Mapping.FieldSpec)] = []
            if let d = r["detail"] {
                if which != "activity" { warning(path + "/detail", "detail is kept for activities only; items keep their whole record") }
                for member in d.members ?? [] { if let spec = field(member.value, at: path + "/detail/" + member.key) { detail.append((member.key, spec)) } }
            }
            let conditions = (r["skip_when"]?.arrayValue ?? []).enumerated().compactMap { k, c in condition(c, at: "\(path)/skip_when/\(k)") }
            let when = (r["when"]?.arrayValue ?? []).enumerated().compactMap { k, c in condition(c, at: "\(path)/when/\(k)") }
            if let w = r["when"], w.arrayValue == nil { error(path + "/when", "a list of conditions, all of which must hold") }
            for (name, spec) in fields where spec.negate && name != "amount" { warning(path + "/fields/" + name, "negate applies to amount only") }
            guard let target else { return nil }
            return Mapping.Rule(target: target, fields: fields, detail: detail, skipWhen: conditions, when: when)
        }

        /// A kind is a word of the vocabulary, or a field whose values `map` translates into one.
        func kindSpec(_ json: JSONValue?, at path: String, words: [String]) -> Mapping.FieldSpec? {
            if let word = json?.stringValue {
                guard words.contains(word) else { error(path, "unknown kind \"\(word)\"; known: \(words.joined(separator: ", "))"); return nil }
                return .constant(word)
            }
            guard let json, let spec = field(json, at: path) else { error(path, "a kind, or {\"from\", \"map\", \"default\"}"); return nil }
            for (key, word) in spec.map ?? [:] where !words.contains(word) { error(path + "/map/" + key, "unknown kind \"\(word)\"") }
            if let word = spec.fallback, !words.contains(word) { error(path + "/default", "unknown kind \"\(word)\"") }
            if spec.map == nil && spec.constant == nil { error(path, "a kind read from a field needs a map to vocabulary words") }
            return spec
        }

        static let fieldKeys: Set<String> = ["from", "value", "template", "map", "default", "format", "zone", "extract", "negate"]

        func field(_ json: JSONValue, at path: String) -> Mapping.FieldSpec? {
            switch json {
            case .string(let name): return Mapping.FieldSpec(from: [name])
            case .array: return Mapping.FieldSpec(from: strings(json, at: path))
            default: break
            }
            guard let f = object(json, at: path, allowed: Self.fieldKeys) else { return nil }
            var spec = Mapping.FieldSpec(from: strings(f["from"], at: path + "/from"))
            spec.constant = f["value"]?.stringValue
            spec.template = string(f["template"], at: path + "/template")
            spec.fallback = f["default"]?.stringValue
            if let map = f["map"] {
                var table: [String: String] = [:]
                for member in map.members ?? [] {
                    if let word = member.value.stringValue { table[member.key] = word } else { error(path + "/map/" + member.key, "a string") }
                }
                spec.map = table
            }
            if let name = string(f["format"], at: path + "/format") {
                if let format = Mapping.TimeFormat(rawValue: name) { spec.timeFormat = format } else {
                    error(path + "/format", "use \(Mapping.TimeFormat.allCases.map(\.rawValue).joined(separator: ", "))")
                }
            }
            spec.zone = timeZone(f["zone"], at: path + "/zone")
            if let source = string(f["extract"], at: path + "/extract") { spec.extract = regex(source, at: path + "/extract") }
            if let n = f["negate"] {
                if case .bool(let flag) = n { spec.negate = flag } else { error(path + "/negate", "true or false") }
            }
            if spec.from.isEmpty && spec.constant == nil && spec.template == nil {
                error(path, "say where the value comes from: from, value or template")
            }
            return spec
        }

        func condition(_ json: JSONValue, at path: String) -> Mapping.Condition? {
            guard let c = object(json, at: path, allowed: ["field", "in", "empty", "matches"]) else { return nil }
            guard let fieldJSON = c["field"], let spec = field(fieldJSON, at: path + "/field") else {
                error(path + "/field", "name the field to test")
                return nil
            }
            let values = Set(strings(c["in"], at: path + "/in"))
            let empty = c["empty"] == .bool(true)
            let matches = string(c["matches"], at: path + "/matches").flatMap { regex($0, at: path + "/matches") }
            if values.isEmpty && !empty && matches == nil && c["matches"] == nil {
                error(path, "give \"in\": [values], \"matches\": \"regular expression\" or \"empty\": true")
            }
            return Mapping.Condition(field: spec, values: values, whenEmpty: empty, matches: matches)
        }

        // MARK: - Helpers

        func object(_ json: JSONValue?, at path: String, allowed: Set<String>) -> JSONValue? {
            guard let json, case .object(let members) = json else {
                error(path, "an object is expected here")
                return nil
            }
            for member in members where !allowed.contains(member.key) {
                error(path + "/" + member.key, "unknown key \"\(member.key)\"; allowed: \(allowed.sorted().joined(separator: ", "))")
            }
            return json
        }

        func string(_ json: JSONValue?, at path: String, required: Bool = false) -> String? {
            guard let json else {
                if required { error(path, "required") }
                return nil
            }
            guard case .string(let s) = json else { error(path, "a string is expected here"); return nil }
            return s
        }

        func strings(_ json: JSONValue?, at path: String) -> [String] {
            switch json {
            case nil: return []
            case .string(let s)?: return [s]
            case .array(let values)?:
                return values.enumerated().compactMap { k, v in
                    guard case .string(let s) = v else { error("\(path)/\(k)", "a string is expected here"); return nil }
                    return s
                }
            default:
                error(path, "a string or a list of strings is expected here")
                return []
            }
        }

        func timeZone(_ json: JSONValue?, at path: String) -> TimeZone? {
            guard let name = string(json, at: path) else { return nil }
            guard let zone = TimeZone(identifier: name) else {
                error(path, "unknown time zone \"\(name)\" (use an IANA name such as Asia/Shanghai)")
                return nil
            }
            return zone
        }
    }
}
