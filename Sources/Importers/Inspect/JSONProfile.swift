import AccountModel
import Foundation
import Readers

/// The key paths of a JSON document with their value types and counts, gathered by a
/// streaming walk (no tree of the document is built). Keys that look like data and objects
/// that are values inside a map (ids, dates, user names keyed to similar records) collapse to
/// `*`; the fixed words a platform uses as section names ("Watch History") are kept.
struct JSONProfile {
    final class Node {
        var count = 0
        var types = LabelTally()
        var shapes = LabelTally()
        /// Elements seen in arrays at this path.
        var elements = 0
        var children: [String: Node] = [:]
        var childOrder: [String] = []

        func child(_ key: String) -> Node {
            if let node = children[key] { return node }
            let node = Node()
            children[key] = node
            childOrder.append(key)
            return node
        }

        func merge(_ other: Node) {
            count += other.count
            types.merge(other.types)
            shapes.merge(other.shapes)
            elements += other.elements
            for key in other.childOrder { if let c = other.children[key] { child(key).merge(c) } }
        }
    }

    /// Above this many distinct keys an object is a map: its keys are data, not structure.
    static let mapThreshold = 20
    static let maxDepth = 64

    let root = Node()

    mutating func walk(_ reader: inout JSONReader) throws {
        try visit(&reader, root, depth: 0)
        collapseMaps(root)
    }

    private func visit(_ reader: inout JSONReader, _ node: Node, depth: Int) throws {
        node.count += 1
        let kind = try reader.peekKind()
        switch kind {
        case .object:
            node.types.add("object")
            guard depth < Self.maxDepth else { try reader.skipValue(); return }
            try reader.forEachMember { key, inner in
                let label = SafeName.label(key) ?? "*"
                // Once an object is known to be a map, new keys go straight to `*` so memory stays bounded.
                let name = node.children.count >= Self.mapThreshold * 50 ? "*" : label
                try visit(&inner, node.child(name), depth: depth + 1)
            }
        case .array:
            node.types.add("array")
            guard depth < Self.maxDepth else { try reader.skipValue(); return }
            try reader.forEachElement { _, inner in
                node.elements += 1
                try visit(&inner, node.child("[]"), depth: depth + 1)
            }
        case .string:
            node.types.add("string")
            node.shapes.add(ValueShape.of(try reader.readString()))
        case .number:
            node.types.add("number")
            try reader.skipValue()
        case .bool:
            node.types.add("bool")
            try reader.skipValue()
        case .null:
            node.types.add("null")
            try reader.skipValue()
        }
    }

    private func collapseMaps(_ node: Node) {
        let keyed = node.childOrder.filter { $0 != "[]" && $0 != "*" }
        if keyed.count > Self.mapThreshold && Self.isUniform(keyed.compactMap { node.children[$0] }) {
            // A map: many keys, each holding the same kind of record (WatchLiveMap, by-id).
            collapse(node, keyed, into: "*")
        } else {
            // A phrase around a value ("Chat History with NAME:") keeps the phrase.
            for (prefix, keys) in Self.phraseGroups(keyed) { collapse(node, keys, into: prefix + "*") }
            // Many different sections (TikTok's "Your Activity"): keep the section names.
            let rest = node.childOrder.filter { $0 != "[]" && !$0.hasSuffix("*") }
            if rest.count > Self.mapThreshold { collapse(node, rest.filter { !Self.isSectionName($0) }, into: "*") }
        }
        for key in node.childOrder { if let c = node.children[key] { collapseMaps(c) } }
    }

    private func collapse(_ node: Node, _ keys: [String], into name: String) {
        guard !keys.isEmpty else { return }
        let merged = node.children[name] ?? Node()
        for key in keys { if let c = node.children[key] { merged.merge(c) } }
        let removed = Set(keys)
        for key in keys { node.children[key] = nil }
        let position = node.childOrder.firstIndex { removed.contains($0) } ?? node.childOrder.count
        node.childOrder.removeAll { removed.contains($0) || $0 == name }
        node.children[name] = merged
        node.childOrder.insert(name, at: min(position, node.childOrder.count))
    }

    /// Most children have the same shape (types and keys): the keys index records, they are data.
    static func isUniform(_ children: [Node]) -> Bool {
        var shapes: [String: Int] = [:]
        for child in children {
            let shape = child.types.counts.keys.sorted().joined(separator: ",") + "|" + child.childOrder.sorted().joined(separator: ",")
            shapes[shape, default: 0] += 1
        }
        return (shapes.values.max() ?? 0) * 5 >= children.count * 4
    }

    /// Fixed words of a platform: a phrase with spaces, or one capitalized word (`Following`,
    /// `VideoList`); no digits or underscores, which user names and ids carry.
    static func isSectionName(_ key: String) -> Bool {
        guard !key.contains(where: { $0.isNumber || $0 == "_" }) else { return false }
        if key.contains(" ") { return true }
        guard let first = key.first else { return false }
        if first.isUppercase { return true }
        // Chinese and Japanese section names ("观看历史"); two characters are more often a name.
        return !key.contains(where: \.isASCII) && key.count >= 3
    }

    /// Keys that share a phrase of two or more words and differ after it ("Chat History with
    /// alice:", "Chat History with bob:"), and any key of the form "… with VALUE".
    static func phraseGroups(_ keys: [String]) -> [(String, [String])] {
        var byPrefix: [String: [String]] = [:]
        for key in keys {
            let words = key.split(separator: " ", omittingEmptySubsequences: false)
            guard words.count >= 3 else { continue }
            if let with = key.range(of: " with ", options: .backwards) {
                byPrefix[String(key[..<with.upperBound]), default: []].append(key)
                continue
            }
            if !isSectionName(String(words[words.count - 1])) {
                byPrefix[words.dropLast().joined(separator: " ") + " ", default: []].append(key)
            }
        }
        return byPrefix.filter { $0.value.count >= 2 || $0.key.hasSuffix(" with ") }.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
    }

    // MARK: - Output

    /// `[(path, pointer, node)]` depth first; `path` is `$.data.notes[].title`, `pointer` the
    /// JSON Pointer a mapping's `records` uses (`/data/notes`, `*` for any key or index).
    func paths(limit: Int = 2000) -> [(path: String, pointer: String, node: Node)] {
        var out: [(String, String, Node)] = []
        func walk(_ node: Node, _ path: String, _ pointer: String) {
            guard out.count < limit else { return }
            out.append((path, pointer, node))
            for key in node.childOrder {
                guard let child = node.children[key] else { continue }
                if key == "[]" {
                    walk(child, path + "[]", pointer + "/*")
                } else {
                    let needsQuotes = key.contains(where: { ".[]\"' ".contains($0) })
                    let step = key == "*" ? ".*" : needsQuotes ? "[\"\(key)\"]" : "." + key
                    let token = key.replacingOccurrences(of: "~", with: "~0").replacingOccurrences(of: "/", with: "~1")
                    walk(child, path + step, pointer + "/" + token)
                }
            }
        }
        walk(root, "$", "")
        return out
    }

    /// Arrays whose elements are mostly objects: the record lists a mapping points at.
    func recordLists() -> [(pointer: String, records: Int)] {
        paths().compactMap { entry in
            guard let elements = entry.node.children["[]"], entry.node.elements > 0,
                  (elements.types.counts["object"] ?? 0) * 2 >= elements.count else { return nil }
            return (entry.pointer.isEmpty ? "" : entry.pointer, entry.node.elements)
        }
    }

    var json: JSONValue {
        .obj([
            ("record_lists", .array(recordLists().map { .obj([("pointer", .string($0.pointer)), ("records", .int($0.records))]) })),
            ("paths", .array(paths().map { entry in
                var pairs: [(String, JSONValue)] = [("path", .string(entry.path)), ("count", .int(entry.node.count)), ("types", entry.node.types.json)]
                if !entry.node.shapes.isEmpty { pairs.append(("string_shapes", entry.node.shapes.json)) }
                return .obj(pairs)
            })),
        ])
    }
}
