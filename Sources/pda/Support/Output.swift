import AccountModel
import AccountStore
import ArgumentParser
import Collective
import Foundation
import Importers
import LaborLedger
import Portability
import Readers
import Rights

enum Output {
    static func json(_ value: JSONValue) {
        FileHandle.standardOutput.write(JSONWriter.data(value, pretty: true))
    }

    /// Diagnostics go to stderr so stdout stays parseable.
    static func note(_ text: String) {
        FileHandle.standardError.write(Data((text + "\n").utf8))
    }

    /// Columns padded to the widest cell; long cells are cut with an ellipsis.
    static func table(_ header: [String], _ rows: [[String]], maxWidth: Int = 60) {
        let cut = rows.map { $0.map { cell -> String in
            let flat = cell.replacingOccurrences(of: "\n", with: " ")
            return flat.count > maxWidth ? String(flat.prefix(maxWidth - 1)) + "…" : flat
        } }
        var widths = header.map(\.count)
        for row in cut { for (i, cell) in row.enumerated() { widths[i] = max(widths[i], displayWidth(cell)) } }
        func line(_ cells: [String]) -> String {
            cells.enumerated().map { i, cell in
                i == cells.count - 1 ? cell : cell + String(repeating: " ", count: widths[i] - displayWidth(cell))
            }.joined(separator: "  ")
        }
        print(line(header))
        print(line(widths.map { String(repeating: "-", count: $0) }))
        for row in cut { print(line(row)) }
    }

    /// East Asian wide characters take two terminal columns.
    static func displayWidth(_ text: String) -> Int {
        text.unicodeScalars.reduce(0) { width, scalar in
            let v = scalar.value
            let wide = (0x1100...0x115F).contains(v) || (0x2E80...0xA4CF).contains(v) || (0xAC00...0xD7A3).contains(v)
                || (0xF900...0xFAFF).contains(v) || (0xFE30...0xFE4F).contains(v) || (0xFF00...0xFF60).contains(v)
                || (0xFFE0...0xFFE6).contains(v) || (0x1F300...0x1FAFF).contains(v) || (0x20000...0x3FFFD).contains(v)
            return width + (wide ? 2 : 1)
        }
    }
}

/// Turns library errors into a one-line message and the documented exit code.
enum Failure {
    static func guarding(_ body: () throws -> Void) throws {
        do {
            try body()
        } catch let error as ExitCode {
            throw error
        } catch let error as ValidationError {
            throw error
        } catch {
            Output.note("pda: error: \(message(error))")
            throw ExitCode(exitCode(error))
        }
    }

    static func message(_ error: Error) -> String {
        WorkFiles.parkIfInterrupted()
        return (error as? LocalizedError)?.errorDescription ?? String(describing: error)
    }

    static func exitCode(_ error: Error) -> Int32 {
        switch error {
        case let error as ImportError: return error.exitCode
        case let error as ArchiveError: return error.exitCode
        case StoreError.noAccount: return 66
        case StoreError.busy: return 75
        case is WorkFilesError: return 73
        case is StoreError: return 74
        case is OwnerKeyError: return 74
        case is CannotWrite: return 73
        case is DatasetteMissing: return 69
        case let error as CollectiveError: return error.exitCode
        case is LaborLedger.ValuationError: return 65
        case let error as RightsError: return error.exitCode
        case let error as CocoaError where error.code == .fileWriteNoPermission || error.code == .fileWriteUnknown: return 73
        default: return 1
        }
    }
}
