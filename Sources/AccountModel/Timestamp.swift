import Foundation

/// The one way pda writes a moment: UTC ISO-8601 to the second, `2025-05-01T23:16:38Z`.
public enum Timestamp {
    public static func iso(_ date: Date) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime]
        formatter.timeZone = TimeZone(identifier: "UTC")
        return formatter.string(from: date)
    }
}
