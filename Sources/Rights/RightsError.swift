import Foundation

/// Everything `pda request` and `pda audit` refuse, with the documented exit code.
public enum RightsError: Error, LocalizedError, Equatable {
    case noData
    case missingData(file: String)
    case badData(file: String, reason: String)
    case noContact(platform: String)
    case noAuthority(platform: String, law: String)
    case unknownRequest(id: Int64)
    case notSent(id: Int64)
    case alreadyAnswered(id: Int64)
    case cannotExtend(law: String)
    case unsupportedLanguage(String)
    case dateBeforeSent(id: Int64)
    case notOverdue(id: Int64, due: String)
    case noExport(platform: String)

    public var errorDescription: String? {
        switch self {
        case .noData: return "pda's rights data (contacts, authorities) was not found: set PDA_RIGHTS_DIR to the repository's rights/ folder, or reinstall with `make install`"
        case .missingData(let file): return "\(file) is missing: pda's rights data is incomplete (set PDA_RIGHTS_DIR to the repository's rights/ folder)"
        case .badData(let file, let reason): return "\(file) is not valid rights data: \(reason)"
        case .noContact(let platform): return "no privacy contact is known for \(platform) (see rights/contacts.json)"
        case .noAuthority(let platform, let law): return "no authority is known for a \(law) complaint about \(platform) (see rights/contacts.json)"
        case .unknownRequest(let id): return "there is no request \(id) in this account (see `pda request list`)"
        case .notSent(let id): return "request \(id) has not been sent yet: record it with `pda request sent \(id)`"
        case .alreadyAnswered(let id): return "request \(id) is already answered"
        case .cannotExtend(let law): return "\(law) knows no extension of the deadline"
        case .unsupportedLanguage(let l): return "letters are written in en, de and zh, not \(l)"
        case .dateBeforeSent(let id): return "that date is before request \(id) was sent"
        case .notOverdue(let id, let due): return "request \(id) is not overdue: its deadline is \(due); a complaint can follow once it has passed"
        case .noExport(let platform): return "no export of \(platform) is imported: import one with `pda import`, then audit it"
        }
    }

    /// 64 usage, 65 bad data file, 66 missing input.
    public var exitCode: Int32 {
        switch self {
        case .noData, .missingData: return 66
        case .badData: return 65
        case .unknownRequest, .noExport: return 66
        case .noContact, .noAuthority, .notSent, .alreadyAnswered, .cannotExtend, .unsupportedLanguage, .dateBeforeSent, .notOverdue: return 64
        }
    }
}
