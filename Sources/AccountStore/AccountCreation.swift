import AccountModel
import Foundation

extension AccountStore {
    /// Opens the account in `folder`, creating the folder (0700) and database first when
    /// missing and recording its owner when none is recorded yet. One path for `pda init`,
    /// `pda import` on a new account, and the collective's member accounts, so every account
    /// starts the same way. Returns whether the owner was recorded now.
    public static func openOrCreate(_ folder: AccountFolder, ownerName: String?, ownerDID: String,
                                    now: Date = Date()) throws -> (store: AccountStore, created: Bool) {
        try folder.createDirectories()
        let store = try AccountStore(folder: folder)
        guard try store.owner() == nil else { return (store, false) }
        try store.setOwner(name: ownerName, did: ownerDID, createdAt: Timestamp.iso(now))
        return (store, true)
    }
}
