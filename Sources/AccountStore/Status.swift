import AccountModel
import GRDB

/// What `pda status` shows: the owner, the exports imported, and counts per platform and kind.
public struct AccountStatus: Sendable {
    public var owner: AccountStore.Owner?
    public var sources: [SourceExportRecord]
    /// platform → group (`items`, `activity`, `inferences`) → kind → count.
    public var counts: [String: [String: [String: Int]]]
    public var mediaFiles: Int
    public var mediaBytes: Int64
    /// Sizes on disk, when the account is a folder (see `AccountFolder.diskUsage`).
    public var disk: AccountDiskUsage?

    public var json: JSONValue {
        let owner: JSONValue = self.owner.map {
            .obj([("name", $0.name.map(JSONValue.string) ?? .null), ("did", .string($0.did))])
        } ?? .null
        let sources = self.sources.map { s -> JSONValue in
            .obj([("platform", .string(s.platform)), ("fileName", .string(s.fileName)), ("sha256", .string(s.sha256)),
                  ("size", .number(String(s.size))), ("format", .string(s.format)), ("importer", .string(s.importer)),
                  ("importedAt", .string(s.importedAt))])
        }
        let counts = self.counts.keys.sorted().map { platform -> (String, JSONValue) in
            let groups = ["items", "activity", "inferences"].map { group -> (String, JSONValue) in
                let kinds = self.counts[platform]?[group] ?? [:]
                return (group, .obj(kinds.keys.sorted().map { ($0, .int(kinds[$0]!)) }))
            }
            return (platform, .obj(groups))
        }
        var members: [(String, JSONValue)] = [
            ("owner", owner), ("sources", .array(sources)), ("counts", .obj(counts)),
            ("media", .obj([("files", .int(mediaFiles)), ("bytes", .number(String(mediaBytes)))])),
        ]
        if let disk { members.append(("disk", disk.json)) }
        return .obj(members)
    }
}

extension AccountStore {
    public func status() throws -> AccountStatus {
        let owner = try self.owner()
        return try writer.read { db in
            let sources = try Row.fetchAll(db, sql: "SELECT * FROM source_export ORDER BY imported_at, id").map(SourceExportRecord.init)
            var counts: [String: [String: [String: Int]]] = [:]
            for (group, table) in [("items", "item"), ("activity", "activity"), ("inferences", "inference")] {
                for row in try Row.fetchAll(db, sql: "SELECT platform, kind, COUNT(*) AS n FROM \(table) GROUP BY platform, kind") {
                    counts[row["platform"], default: [:]][group, default: [:]][row["kind"]] = row["n"]
                }
            }
            let media = try Row.fetchOne(db, sql: "SELECT COUNT(*) AS n, COALESCE(SUM(size), 0) AS bytes FROM media")
            return AccountStatus(owner: owner, sources: sources, counts: counts,
                                 mediaFiles: media?["n"] ?? 0, mediaBytes: media?["bytes"] ?? 0)
        }
    }
}
