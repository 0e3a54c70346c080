import Foundation

/// Where things are in an archive (DESIGN.md, "The archive"). Three kinds of path appear:
/// - a *bag path*, relative to the bag's base directory: `data/items/tiktok/video-1/item.json`;
/// - a *crate path*, relative to the RO-Crate root (`data/`): `items/tiktok/video-1/item.json`;
/// - a *zip entry*, the bag path under the one top-level folder: `pda-archive-…/data/…`.
/// Resources are named in claims the way RO-Crate names files inside a bag (arcp, RFC draft
/// "The Archive and Package URI scheme"): `arcp://uuid,<External-Identifier uuid>/<bag path>`.
public struct ArchiveLayout: Sendable {
    public let uuid: String
    public let bagName: String

    public static let itemFile = "item.json"
    public static let claimFile = "authorship.vc.json"
    public static let bagDeclaration = "bagit.txt"
    public static let bagInfo = "bag-info.txt"
    public static let sealFile = "signatures/tagmanifest-sha512.vc.json"
    public static let sealedManifest = "tagmanifest-sha512.txt"
    public static let crateMetadata = "ro-crate-metadata.json"
    public static let indexPage = "index.html"
    public static let ownerFile = "owner.json"
    public static let ledgerFile = "ledger.json"
    public static let payloadManifests = ["manifest-sha256.txt", "manifest-sha512.txt"]
    public static let tagManifests = ["tagmanifest-sha256.txt", "tagmanifest-sha512.txt"]

    /// `created` is `YYYY-MM-DDTHH:MM:SSZ`; the bag is named after its date and UUID.
    public init(uuid: String, created: String) {
        self.uuid = uuid
        let day = created.prefix(10).replacingOccurrences(of: "-", with: "")
        bagName = "pda-archive-\(day)-\(uuid.prefix(8))"
    }

    /// Reading an archive: the UUID comes from its bag-info and the name from its folder.
    public init(uuid: String, bagName: String) {
        self.uuid = uuid
        self.bagName = bagName
    }

    public var arcpBase: String { "arcp://uuid,\(uuid)/" }
    public func arcp(_ bagPath: String) -> String { arcpBase + bagPath }
    public func zipEntry(_ bagPath: String) -> String { bagName + "/" + bagPath }

    public static func bagPath(crate cratePath: String) -> String { "data/" + cratePath }

    /// `items/<platform>/<name>/`, the crate path of an item's folder.
    public static func itemFolder(platform: String, name: String) -> String { "items/\(platform)/\(name)/" }

    /// `activity/<platform>.jsonl`
    public static func activityFile(platform: String) -> String { "activity/\(platform).jsonl" }
}
