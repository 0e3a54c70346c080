/// Byte counts for people: `0 B`, `812 KiB`, `1.4 GiB` (binary units, one decimal above MiB).
public enum ByteCount {
    public static func describe<T: BinaryInteger>(_ bytes: T) -> String {
        let value = Double(bytes)
        let units = ["B", "KiB", "MiB", "GiB", "TiB"]
        var scaled = value
        var unit = 0
        while scaled >= 1024 && unit < units.count - 1 {
            scaled /= 1024
            unit += 1
        }
        if unit < 2 { return "\(Int(scaled.rounded())) \(units[unit])" }
        return "\(Double(Int((scaled * 10).rounded())) / 10) \(units[unit])"
    }
}
