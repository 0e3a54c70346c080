import Foundation

/// The media type of a file by its extension, for the few kinds exports carry.
public enum MediaType {
    package static let byExtension: [String: String] = [
        "jpg": "image/jpeg", "jpeg": "image/jpeg", "png": "image/png", "gif": "image/gif", "webp": "image/webp",
        "heic": "image/heic", "mp4": "video/mp4", "mov": "video/quicktime", "webm": "video/webm",
        "mp3": "audio/mpeg", "m4a": "audio/mp4", "wav": "audio/wav", "aac": "audio/aac", "srt": "text/plain",
    ]

    public static func guess(_ fileName: String) -> String? {
        byExtension[(fileName.split(separator: ".").last.map(String.init) ?? "").lowercased()]
    }
}
