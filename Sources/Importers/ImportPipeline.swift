import AccountModel
import AccountStore
import Foundation
import Readers

/// export file → ExportReader → Importer → records → AccountStore, one transaction per export.
public final class ImportPipeline {
    public let store: AccountStore
    public let folder: AccountFolder
    public let importers: [any Importer]
    /// Seconds to wait for another writer of the account before refusing (`StoreError.busy`).
    public var lockWait: TimeInterval = AccountLock.defaultWait
    /// What this pipeline's sweeps removed: staging folders of imports that were killed.
    public private(set) var swept = WorkDirectory.Sweep()

    public init(store: AccountStore, folder: AccountFolder, importers: [any Importer] = ImporterRegistry.builtIn) {
        self.store = store
        self.folder = folder
        self.importers = importers
    }

    /// An account damaged by an older pda (rows committed, then the media move failed) heals on
    /// re-import: the files its rows refer to and the store lacks are copied from the export again,
    /// each only if its bytes still have the recorded SHA-256. Returns how many were restored.
    private func restoreMissingMedia(of existing: SourceExportRecord, from export: ExportReader) throws -> Int {
        let missing = try store.mediaReferences(sourceExportID: existing.id)
            .filter { !FileManager.default.fileExists(atPath: folder.mediaFile(sha256: $0.sha256).path) }
        guard !missing.isEmpty else { return 0 }
        let stager = try MediaStager(export: export, folder: folder)
        do {
            var restored: Set<String> = []
            for reference in missing where !restored.contains(reference.sha256) {
                if try stager.ingest(MediaReference(entry: reference.entry))?.sha256 == reference.sha256 { restored.insert(reference.sha256) }
            }
            try stager.place(only: restored)
            stager.commit()
            return restored.count
        } catch {
            stager.discard()
            throw error
        }
    }

    /// The most confident importer (of `platform`, when given). Ties and no match are errors
    /// that tell the person what to do.
    public func choose(for export: ExportReader, platform: Platform?) throws -> (any Importer, Recognition) {
        let candidates = importers.filter { platform == nil || $0.platform == platform }
        if let platform, candidates.isEmpty {
            throw ImportError.noImporter(platform: platform.rawValue, available: Set(importers.map(\.platform.rawValue)).sorted())
        }
        let scored = candidates.map { ($0, $0.recognize(export)) }.filter { $0.1.confidence > 0 }
            .sorted { $0.1.confidence > $1.1.confidence }
        guard let best = scored.first else {
            let known = Set(importers.map(\.platform.rawValue)).sorted().joined(separator: ", ")
            var hint = platform.map { "It does not look like a \($0.rawValue) export." }
                ?? "Built-in importers: \(known). Check that this is the platform's \"download your data\" file (JSON format where offered), or pass --platform."
            let zips = NestedExports.innerZips(of: export)
            if !zips.isEmpty {
                hint += " It holds \(zips.count) zip file\(zips.count == 1 ? "" : "s") (\(zips.prefix(3).map { "\"\($0)\"" }.joined(separator: ", "))\(zips.count > 3 ? " …" : "")):"
                    + " the export is probably inside; unzip it and pass \(zips.count == 1 ? "that zip" : "those zips") to pda import."
            }
            throw ImportError.unrecognized(file: export.displayName, hint: hint)
        }
        let tied = scored.filter { $0.1.confidence == best.1.confidence && $0.0.name != best.0.name }
        if !tied.isEmpty {
            throw ImportError.ambiguous(file: export.displayName, candidates: ([best] + tied).map(\.0.name))
        }
        return best
    }

    /// Imports one export (several paths = the parts of one split export), holding the
    /// account's writer lock: one import at a time per account. `progress` hears the bytes of
    /// each document as it is read and the records so far.
    public func importExport(paths: [String], platform: Platform? = nil, now: Date = Date(),
                             progress: WorkProgress? = nil) throws -> ImportReport {
        try AccountLock.withLock(folder, purpose: "pda import", wait: lockWait) {
            let leftovers = MediaStager.sweep(folder: folder, store: store)
            swept.folders += leftovers.folders
            swept.bytes += leftovers.bytes
            return try importLocked(paths: paths, platform: platform, now: now, progress: progress)
        }
    }

    private func importLocked(paths: [String], platform: Platform?, now: Date, progress: WorkProgress?) throws -> ImportReport {
        let export = try ExportReader(paths: paths)
        export.progress = progress
        let (sha256, size) = try export.fingerprint()
        let (importer, recognition) = try choose(for: export, platform: platform)
        if let existing = try store.sourceExport(sha256: sha256) {
            var report = ImportReport(file: export.displayName, sha256: sha256, size: size, platform: existing.platform,
                                      importer: existing.importer, format: existing.format, status: .alreadyImported)
            report.warnings = []
            report.mediaFiles = try restoreMissingMedia(of: existing, from: export)
            return report
        }
        let description = ExportDescription(
            platform: importer.platform, fileName: export.displayName, sha256: sha256, size: size,
            format: recognition.format, importer: importer.name, importerVersion: importer.version,
            importedAt: Timestamp.iso(now))
        let stager = try MediaStager(export: export, folder: folder)
        do {
            let report = try store.importExport(description, media: stager) { sink in
                guard let progress else { return try importer.run(export, format: recognition.format, into: sink) }
                let counting = CountingSink(sink, progress: progress)
                defer { counting.flush() }
                try importer.run(export, format: recognition.format, into: counting)
            }
            stager.commit()
            return report
        } catch {
            stager.discard()
            throw error
        }
    }
}
