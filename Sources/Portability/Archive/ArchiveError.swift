import Foundation

/// Why an archive could not be written or read. Messages name the file or entry and never quote
/// the owner's content (error text ends up in logs and bug reports).
public enum ArchiveError: Error, LocalizedError, Equatable {
    /// The input of `pda verify` is not a zip or folder holding one BagIt bag.
    case notAnArchive(path: String, reason: String)
    case inputMissing(path: String)
    case cannotCreateOutput(path: String, reason: String)
    /// `pda export --out` names an existing file and `--force` was not given.
    case outputExists(path: String)
    case io(path: String, reason: String)
    case invalidOption(String)
    case noOwner
    /// A media row points at a file the account's store does not hold (or holds changed).
    case mediaMissing(path: String, entry: String)
    case mediaChanged(path: String, entry: String)

    public var errorDescription: String? {
        switch self {
        case .notAnArchive(let path, let reason): return "\(path): not a pda archive (\(reason))"
        case .inputMissing(let path): return "\(path): no such file or folder"
        case .cannotCreateOutput(let path, let reason): return "cannot create \(path): \(reason)"
        case .io(let path, let reason): return "\(path): \(reason)"
        case .outputExists(let path): return "\(path) already exists; choose another --out or pass --force to replace it"
        case .invalidOption(let reason): return reason
        case .noOwner: return "the account has no owner identity; run `pda init` first"
        case .mediaMissing(let path, let entry):
            return "media file \(path) for archive entry \(entry) is missing from the account's media store"
        case .mediaChanged(let path, let entry):
            return "media file \(path) for archive entry \(entry) does not match its recorded SHA-256 (changed or damaged)"
        }
    }

    /// sysexits(3), as DESIGN.md lists them.
    public var exitCode: Int32 {
        switch self {
        case .notAnArchive: return 65
        case .inputMissing: return 66
        case .cannotCreateOutput, .outputExists: return 73
        case .io, .mediaMissing, .mediaChanged: return 74
        case .invalidOption: return 64
        case .noOwner: return 66
        }
    }
}
