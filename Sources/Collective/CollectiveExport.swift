import AccountStore
import Foundation
import LaborLedger
import Portability

extension CollectiveStore {
    /// A member's archive, for members who consented to it: the DESIGN.md archive whose claims
    /// are the organisation's `ProvenanceAttestation`s (it found these items in the member's
    /// export with that hash), since it cannot sign as the author.
    public func exportArchive(memberID: String, options: ArchiveOptions, to output: URL, overwrite: Bool = false) throws -> ArchiveSummary {
        let pseudonym = try pseudonym(of: memberID)
        guard let consent = try consent(of: pseudonym) else { throw CollectiveError.noSuchMember }
        guard consent == "archive" else { throw CollectiveError.noArchiveConsent }
        let account = folder.memberAccount(pseudonym)
        guard account.exists else { throw CollectiveError.noSuchMember }
        var options = options
        options.attestation = true
        let key = try OwnerKey.load(from: folder.organisationKeyFolder)
        let store = try AccountStore(folder: account)
        let ledger = try Ledger.compute(store, filter: options.scope).json()
        return try ArchiveWriter.write(store: store, folder: account, key: key, options: options, ledger: ledger, to: output, overwrite: overwrite)
    }
}
