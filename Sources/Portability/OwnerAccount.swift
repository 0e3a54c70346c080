import AccountStore
import Foundation

/// A person's own account: the folder, its database, and the Ed25519 key whose did:key is the
/// owner's identity in every claim.
public enum OwnerAccount {
    /// Opens the account, creating it and its key first when there is none. `created` is true
    /// when this call made the account.
    public static func openOrCreate(_ folder: AccountFolder, name: String?) throws -> (store: AccountStore, created: Bool) {
        let hadKey = FileManager.default.fileExists(atPath: OwnerKey.file(in: folder).path)
        if folder.exists && hadKey { return (try AccountStore(folder: folder), false) }
        try folder.createDirectories()
        // Two commands creating one account at once must not make two keys (the second would
        // replace the first's key file after its DID was recorded as the owner).
        return try AccountLock.withLock(folder, purpose: "pda init") {
            let (key, created) = try OwnerKey.loadOrCreate(in: folder)
            let (store, _) = try AccountStore.openOrCreate(folder, ownerName: name, ownerDID: key.didKey.did)
            return (store, created)
        }
    }
}
