import AccountModel
import AccountStore
import ArgumentParser
import Foundation
import Reports

struct BrowseCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "browse",
        abstract: "Explore your account in Datasette, in your browser: tables, facets, search, the ledger by month.",
        discussion: """
            Starts Datasette (https://datasette.io) on 127.0.0.1 with the account opened read-only and \
            immutable, and with descriptions, facets on platform, kind and month, full-text search, and \
            canned queries for the ledger and the inferences. Datasette is a separate program: if it is \
            not installed, pda says how to install it. Restart browse after an import to see new records.
            """)

    @OptionGroup var options: AccountOptions
    @Option(name: .long, help: "The port to listen on (127.0.0.1 only).")
    var port: Int = 8001
    @Option(name: .long, help: ArgumentHelp("Only write the Datasette metadata to this file and exit.", valueName: "FILE.json"))
    var writeMetadata: String?

    func validate() throws {
        guard (1...65535).contains(port) else { throw ValidationError("--port must be between 1 and 65535") }
    }

    func run() throws {
        try Failure.guarding {
            let store = try options.openStore()
            let database = options.folder.databaseURL
            let name = database.deletingPathExtension().lastPathComponent
            let metadata = Data(JSONWriter.string(DatasetteMetadata.json(database: name), pretty: true).utf8)
            if let writeMetadata {
                let url = URL(fileURLWithPath: writeMetadata)
                do { try metadata.write(to: url, options: .atomic) } catch { throw CannotWrite(path: url.path) }
                print("Wrote \(url.path). Use it with: datasette serve -i \(database.path) --metadata \(url.path)")
                return
            }
            guard let datasette = Self.findDatasette() else { throw DatasetteMissing(database: database.path) }
            // Immutable mode ignores the WAL: fold it into the file first.
            try store.checkpoint()
            let work = FileManager.default.temporaryDirectory.appendingPathComponent("pda-browse-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: work, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
            defer { try? FileManager.default.removeItem(at: work) }
            let metadataURL = work.appendingPathComponent("metadata.json")
            try metadata.write(to: metadataURL)

            let process = Process()
            process.executableURL = datasette
            process.arguments = ["serve", "-i", database.path, "--metadata", metadataURL.path,
                                 "--host", "127.0.0.1", "--port", String(port), "--setting", "sql_time_limit_ms", "5000"]
            Output.note("Browse your account at http://127.0.0.1:\(port)/\(name) (read-only). Press Ctrl-C to stop.")
            do { try process.run() } catch { throw DatasetteMissing(database: database.path) }
            // Ctrl-C reaches Datasette too (same process group); pda waits for it to finish.
            signal(SIGINT, SIG_IGN)
            process.waitUntilExit()
            if process.terminationReason == .exit && process.terminationStatus != 0 {
                throw DatasetteFailed(status: process.terminationStatus)
            }
        }
    }

    /// `$PDA_DATASETTE`, else `datasette` on the PATH.
    static func findDatasette() -> URL? {
        let environment = ProcessInfo.processInfo.environment
        if let explicit = environment["PDA_DATASETTE"], !explicit.isEmpty {
            return FileManager.default.isExecutableFile(atPath: explicit) ? URL(fileURLWithPath: explicit) : nil
        }
        for folder in (environment["PATH"] ?? "").split(separator: ":") {
            let candidate = URL(fileURLWithPath: String(folder)).appendingPathComponent("datasette")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
        }
        return nil
    }
}

/// Exit 69 (EX_UNAVAILABLE): the program pda needs is not installed.
struct DatasetteMissing: Error, LocalizedError {
    var database: String
    var errorDescription: String? {
        """
        Datasette is not installed. Install it with `python3 -m pip install --user datasette` \
        (or `pipx install datasette`), then run `pda browse` again. Without pda: \
        datasette serve -i \(database) (pda browse --write-metadata FILE adds the descriptions).
        """
    }
}

struct DatasetteFailed: Error, LocalizedError {
    var status: Int32
    var errorDescription: String? { "datasette stopped with status \(status) (is the port already in use? try --port)" }
}
