import AccountModel
import Readers

/// `data/manifest.js` (`window.__THAR_CONFIG`): the owner (`userInfo`) and, under `dataTypes`,
/// every file of the archive with its data type. It is the archive's own file list: files it
/// names are read as the type it gives, files it names that are missing are reported.
struct XManifest {
    struct Listed {
        /// Folded data type (`directMessagesGroup` → `directmessagesgroup`).
        var type: String
        /// As written: `data/tweets-part1.js`.
        var fileName: String
        var pointer: String
    }

    var accountID: String?
    var userName: String?
    var displayName: String?
    var files: [Listed] = []

    static func read(_ export: ExportReader, _ entry: ExportEntry) throws -> XManifest {
        let value = try XScript.read(export, entry) { try $0.readValue() }
        var manifest = XManifest()
        let user = value["userInfo"]
        manifest.accountID = user.flatMap { XValues.text($0, "accountId") }
        manifest.userName = user.flatMap { XValues.text($0, "userName") }
        manifest.displayName = user.flatMap { XValues.text($0, "displayName") }
        for dataType in value["dataTypes"]?.members ?? [] {
            for (index, file) in (dataType.value["files"]?.arrayValue ?? []).enumerated() {
                guard let name = XValues.text(file, "fileName") else { continue }
                manifest.files.append(Listed(type: JSONValue.foldKey(dataType.key), fileName: name,
                                             pointer: "/dataTypes/\(dataType.key)/files/\(index)"))
            }
        }
        return manifest
    }

    /// The export's entry for a listed file name, wherever the archive's root folder is.
    static func entry(for fileName: String, in export: ExportReader) -> ExportEntry? {
        let path = fileName.hasPrefix("/") ? String(fileName.dropFirst()) : fileName
        return export.entries(endingWith: path).first
    }
}
