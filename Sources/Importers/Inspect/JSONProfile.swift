import AccountModel
import Foundation
import Readers

/// The key paths of a JSON document with their value types and counts, gathered by a
/// streaming walk (no tree of the document is built). Keys that look like data and objects
/// with many distinct keys (maps keyed by id or date) collapse to `*`.
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
        let keyed = node.childOrder.filter { $0 != "[]" }
        if keyed.count > Self.mapThreshold {
            let merged = Node()
            for key in keyed { if let c = node.children[key] { merged.merge(c) } }
            for key in keyed { node.children[key] = nil }
            node.childOrder.removeAll { $0 != "[]" }
            node.children["*"] = merged
            node.childOrder.append("*")
        }
        for key in node.childOrder { if let c = node.children[key] { collapseMaps(c) } }
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
