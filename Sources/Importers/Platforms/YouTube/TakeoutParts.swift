import Foundation
import Readers

/// Google Takeout splits a large export into `takeout-20250102T030405Z-001.zip`, `-002.zip` …
/// (the size is chosen when requesting: 1, 2, 4, 10 or 50 GB). The parts are one export: they
/// must be opened together (`ExportReader(paths:)`), or each part would be a partial import with
/// its own provenance. The command line groups the paths it is given with `group(_:)`.
public enum TakeoutParts {
    /// Paths grouped into exports, in the order of their first appearance: sibling files named
    /// `<stem>-NNN.zip` (same folder, same stem) form one group, sorted by part number; any
    /// other path is an export of its own.
    public static func group(_ paths: [String]) -> [[String]] {
        var groups: [[String]] = []
        var groupOfStem: [String: Int] = [:]
        for path in paths {
            guard let part = parse(path) else {
                groups.append([path])
                continue
            }
            if let index = groupOfStem[part.key] {
                groups[index].append(path)
            } else {
                groupOfStem[part.key] = groups.count
                groups.append([path])
            }
        }
        return groups.map { group in group.sorted { (parse($0)?.number ?? 0) < (parse($1)?.number ?? 0) } }
    }

    /// The paths of parts missing between `-001` and the highest part given (a part not
    /// downloaded): a Takeout imported without one of its parts would silently lack what that
    /// part holds. Parts after the highest one given cannot be known to exist.
    public static func missingParts(_ group: [String]) -> [String] {
        let parts = group.compactMap(parse)
        guard let key = parts.first?.key, let highest = parts.map(\.number).max() else { return [] }
        let present = Set(parts.map(\.number))
        return (1...highest).filter { !present.contains($0) }.map { number in
            key + "-" + String(repeating: "0", count: max(0, 3 - String(number).count)) + String(number) + ".zip"
        }
    }

    /// `…/takeout-20250102T030405Z-002.zip` → key `…/takeout-20250102T030405Z`, number 2.
    static func parse(_ path: String) -> (key: String, number: Int)? {
        let url = URL(fileURLWithPath: path)
        let name = url.lastPathComponent
        guard name.lowercased().hasSuffix(".zip") else { return nil }
        let stem = name.dropLast(4)
        guard let dash = stem.lastIndex(of: "-") else { return nil }
        let digits = stem[stem.index(after: dash)...]
        guard digits.count == 3, digits.allSatisfy(\.isASCII), let number = Int(digits), number > 0 else { return nil }
        let folder = url.deletingLastPathComponent().standardizedFileURL.path
        return (folder + "/" + stem[..<dash], number)
    }
}
