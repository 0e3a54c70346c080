import AccountModel
import AccountStore
import Crypto
import Foundation
import Importers
import Readers

/// What one job (one member's exports) produced; travels from a worker process to the parent
/// as JSON on stdout.
public struct WorkResult: Codable, Sendable {
    public struct FileResult: Codable, Sendable, Equatable {
        public var path: String
        public var fileName: String
        public var sha256: String
        public var ok: Bool
        public var reason: String?

        public init(path: String, fileName: String, sha256: String, ok: Bool, reason: String?) {
            self.path = path
            self.fileName = fileName
            self.sha256 = sha256
            self.ok = ok
            self.reason = reason
        }
    }

    public var files: [FileResult]
    public var ledger: MemberLedger?
    /// The worker process's peak resident memory, for the summary.
    public var peakRSSBytes: Int?

    public init(files: [FileResult], ledger: MemberLedger?, peakRSSBytes: Int? = nil) {
        self.files = files
        self.ledger = ledger
        self.peakRSSBytes = peakRSSBytes
    }

    /// This process's peak resident set size (Linux reports KiB).
    public static func currentPeakRSS() -> Int {
        var usage = rusage()
        #if os(Linux)
        getrusage(RUSAGE_SELF.rawValue, &usage)
        #else
        getrusage(RUSAGE_SELF, &usage)
        #endif
        return Int(usage.ru_maxrss) * 1024
    }
}

/// Imports one member's exports into their own account inside the collective, then computes
/// their ledger. Runs in a worker process so a crash or a memory spike stays in one job.
public enum CollectiveWorker {
    public static func run(folder: CollectiveFolder, pseudonym: String, paths: [String], organisationDID: String) -> WorkResult {
        var files: [WorkResult.FileResult] = []
        let store: AccountStore
        let memberLock: MemberLock
        do {
            let account = folder.memberAccount(pseudonym)
            try account.createDirectories()
            guard let lock = MemberLock(account: account.url, wait: true) else { throw CollectiveError.cannotCreate(path: "worker.lock") }
            memberLock = lock
            // The organisation holds these accounts; the member is known only by pseudonym.
            store = try AccountStore.openOrCreate(account, ownerName: pseudonym, ownerDID: organisationDID).store
        } catch {
            let reason = "cannot open the member's account: \(error.localizedDescription)"
            return WorkResult(files: paths.map { .init(path: $0, fileName: URL(fileURLWithPath: $0).lastPathComponent, sha256: (try? sha256(of: $0)) ?? "", ok: false, reason: reason) }, ledger: nil)
        }
        // Members' exports include Chinese platforms' copies: shipped mappings count as importers.
        let pipeline = ImportPipeline(store: store, folder: folder.memberAccount(pseudonym),
                                      importers: ImporterRegistry.withInstalledMappings().importers)
        var anyImported = false
        for path in paths {
            let name = URL(fileURLWithPath: path).lastPathComponent
            do {
                // The import already hashed the file (its identity in the account): reuse it.
                let report = try pipeline.importExport(paths: [path])
                files.append(.init(path: path, fileName: name, sha256: report.sha256, ok: true, reason: nil))
                anyImported = true
            } catch {
                files.append(.init(path: path, fileName: name, sha256: (try? sha256(of: path)) ?? "", ok: false,
                                   reason: (error as? LocalizedError)?.errorDescription ?? "\(error)"))
            }
        }
        let ledger = anyImported ? try? MemberLedger.from(store) : nil
        memberLock.release()
        return WorkResult(files: files, ledger: ledger)
    }

    /// SHA-256 of a file, streamed (the identity of an export for resuming and sharding).
    public static func sha256(of path: String) throws -> String {
        try FileHash.sha256(of: path).hex
    }
}
