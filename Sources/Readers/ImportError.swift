import Foundation

/// Why an export was refused. Every message names the file (and the entry inside it) so a
/// person can find the problem, and none quotes the export's content: error text is shared.
public enum ImportError: Error, LocalizedError, Equatable {
    case missing(path: String)
    case unreadable(path: String, reason: String)
    case corruptArchive(file: String, reason: String)
    case unsafeEntry(file: String, entry: String, reason: String)
    case tooLarge(file: String, entry: String, reason: String)
    case tooManyEntries(file: String, count: Int, limit: Int)
    case malformed(file: String, entry: String, reason: String)
    case empty(file: String)
    case unrecognized(file: String, hint: String)
    case ambiguous(file: String, candidates: [String])
    /// `--platform` names a platform no importer or installed mapping reads.
    case noImporter(platform: String, available: [String])

    public var errorDescription: String? {
        switch self {
        case .missing(let path): return "\(path): no such file or folder"
        case .unreadable(let path, let reason): return "\(path): cannot be read (\(reason))"
        case .corruptArchive(let file, let reason): return "\(file): not a readable zip archive (\(reason)); it may be truncated — download it again"
        case .unsafeEntry(let file, let entry, let reason): return "\(file): refused entry \"\(entry)\": \(reason)"
        case .tooLarge(let file, let entry, let reason): return "\(file): refused entry \"\(entry)\": \(reason)"
        case .tooManyEntries(let file, let count, let limit): return "\(file): \(count) entries, more than the limit of \(limit)"
        case .malformed(let file, let entry, let reason): return "\(file): entry \"\(entry)\" is malformed: \(reason)"
        case .empty(let file): return "\(file): the export is empty"
        case .unrecognized(let file, let hint): return "\(file): no importer recognizes this export. \(hint)"
        case .ambiguous(let file, let candidates): return "\(file): several importers recognize this export equally (\(candidates.joined(separator: ", "))); choose one with --platform"
        case .noImporter(let platform, let available):
            return "no importer or installed mapping reads \(platform) exports; available: \(available.joined(separator: ", ")) (see `pda mapping list`)"
        }
    }

    /// sysexits(3) codes, as documented in the README.
    public var exitCode: Int32 {
        switch self {
        case .missing: return 66
        case .unreadable: return 74
        case .noImporter: return 64
        default: return 65
        }
    }
}

import AccountModel
