import AccountModel
import Foundation
import Readers

/// The generations of TikTok's export, recorded with each import as its format.
public enum TikTokFormat {
    /// `user_data.json`: `Activity › Video Browsing History`, `Video › Videos`, `Direct Messages`.
    public static let json2022 = "tiktok-json-2022"
    /// `user_data_tiktok.json`: `Your Activity › Watch History`, `Post › Posts`, `TikTok Shop`.
    public static let json2024 = "tiktok-json-2024"
    /// Late 2025–26: `Likes and Favorites`, `Profile And Settings`, ads inside `Your Activity`.
    public static let json2025 = "tiktok-json-2025"
    /// A zip of `.txt` files of `Date: …` / `Link: …` blocks.
    public static let txt = "tiktok-txt"

    /// The generation told by the document's top-level keys (folded), or `nil` when they are
    /// not TikTok's. Newest markers first: later generations keep some older names.
    static func detect(topLevelKeys keys: Set<String>, fileName: String) -> String? {
        func any(_ names: [String]) -> Bool { names.contains { keys.contains(JSONValue.foldKey($0)) } }
        if any(["Likes and Favorites", "Profile And Settings"]) { return json2025 }
        if any(["Your Activity", "Post", "TikTok Shop", "Direct Message", "Income+ Wallet"]) { return json2024 }
        if any(["Activity", "Video", "Direct Messages", "Tiktok Shopping"]) { return json2022 }
        if any(["Comment", "Tiktok Live", "Ads and data", "App Settings", "Profile", "Location Review"]) {
            return fileName.lowercased() == "user_data.json" ? json2022 : json2024
        }
        return nil
    }
}

/// Cheap recognition: entry names, and the top-level keys found in the first MiB of the JSON
/// document (the document itself can be hundreds of MiB).
enum TikTokRecognizer {
    static let jsonNames = ["user_data_tiktok.json", "user_data.json"]
    static let peekBytes = 1 << 20

    static func recognize(_ export: ExportReader) -> Recognition {
        if let document = export.entries(named: jsonNames).first {
            let keys = topLevelKeys(export, document)
            let ownName = document.name.lowercased() == "user_data_tiktok.json"
            if let format = TikTokFormat.detect(topLevelKeys: keys, fileName: document.name) {
                return Recognition(confidence: ownName ? 1.0 : 0.9, format: format)
            }
            // `user_data_tiktok.json` is TikTok's own name: a document that cannot be read (a
            // corrupt zip) or has an unknown layout is still TikTok's, and the import then says
            // what is wrong with it. `user_data.json` alone is too generic to claim.
            return ownName ? Recognition(confidence: 0.6, format: TikTokFormat.json2024) : .no
        }
        let names = Set(export.entries.map { $0.name.lowercased() })
        let known = names.filter { TikTokTextExport.builders[$0] != nil || TikTokTextExport.otherKnownNames.contains($0) }
        switch known.count {
        case 0: return .no
        case 1: return Recognition(confidence: 0.3, format: TikTokFormat.txt)
        case 2: return Recognition(confidence: 0.6, format: TikTokFormat.txt)
        default: return Recognition(confidence: 0.9, format: TikTokFormat.txt)
        }
    }

    /// Folded top-level keys of the document, from as much of it as the first MiB holds.
    static func topLevelKeys(_ export: ExportReader, _ entry: ExportEntry) -> Set<String> {
        let prefix = export.prefix(of: entry, maxBytes: peekBytes)
        var keys = Set<String>()
        prefix.withUnsafeBytes { raw in
            var reader = JSONReader(raw)
            // The walk ends with a syntax error where the prefix is cut: the keys before it count.
            try? reader.forEachMember { key, child in
                keys.insert(JSONValue.foldKey(key))
                try child.skipValue()
            }
        }
        return keys
    }
}
