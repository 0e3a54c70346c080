import AccountModel
import AccountStore
import ArgumentParser

struct StatusCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "status", abstract: "Show the owner, the exports imported and what the account holds.")

    @OptionGroup var options: AccountOptions
    @Flag(name: .long, help: "Print JSON (shape: schemas/status.schema.json).")
    var json = false

    func run() throws {
        try Failure.guarding {
            var status = try options.openStore().status()
            status.disk = options.folder.diskUsage()
            if json { Output.json(status.json); return }
            print("Account: \(options.folder.url.path)")
            print("Owner:   \(status.owner?.name ?? "(no name)")  \(status.owner?.did ?? "")")
            if let disk = status.disk {
                print("Disk:    database \(ByteCount.describe(disk.databaseBytes)), media \(disk.mediaFiles) files \(ByteCount.describe(disk.mediaBytes))")
            }
            print("")
            if status.sources.isEmpty {
                print("No exports imported yet. Try: pda import ~/Downloads/your-export.zip")
                return
            }
            print("Exports:")
            Output.table(["platform", "file", "format", "imported", "sha256"],
                         status.sources.map { [$0.platform, $0.fileName, $0.format, $0.importedAt, String($0.sha256.prefix(16)) + "…"] })
            print("")
            var rows: [[String]] = []
            for platform in status.counts.keys.sorted() {
                for group in ["items", "activity", "inferences"] {
                    for (kind, n) in (status.counts[platform]?[group] ?? [:]).sorted(by: { $0.key < $1.key }) {
                        rows.append([platform, group, kind, String(n)])
                    }
                }
            }
            Output.table(["platform", "group", "kind", "count"], rows)
            if status.mediaFiles > 0 { print("\nMedia: \(status.mediaFiles) files, \(status.mediaBytes) bytes") }
        }
    }
}
