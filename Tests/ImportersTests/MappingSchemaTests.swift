import AccountModel
import Foundation
@testable import Importers
@testable import Readers
import XCTest

/// `schemas/mapping.schema.json` and the parser must describe the same language: a key the
/// parser accepts and the schema does not (or the reverse) fails here.
final class MappingSchemaTests: XCTestCase {
    static let root = MappingTaobaoTests.root

    func schema() throws -> JSONValue {
        try JSONParser.parse(Data(contentsOf: Self.root.appendingPathComponent("schemas/mapping.schema.json")))
    }

    func keys(_ object: JSONValue?) -> Set<String> { Set(object?["properties"]?.members?.map(\.key) ?? []) }

    func testSchemaAndParserAgree() throws {
        let schema = try schema()
        let defs = schema["$defs"]
        XCTAssertEqual(keys(schema), MappingParser.Context.topKeys)
        XCTAssertEqual(keys(defs?["source"]), MappingParser.Context.sourceKeys)
        XCTAssertEqual(keys(defs?["rule"]), MappingParser.Context.ruleKeys)
        XCTAssertEqual(keys(defs?["fieldObject"]), MappingParser.Context.fieldKeys)
        let fields = Mapping.Rule.itemFields.union(Mapping.Rule.activityFields).union(Mapping.Rule.inferenceFields).union(Mapping.Rule.identityFields)
        XCTAssertEqual(keys(defs?["rule"]?["properties"]?["fields"]), fields)
        let platform = schema["properties"]?["platform"]
        XCTAssertEqual(platform?["examples"]?.arrayValue?.compactMap(\.stringValue), Platform.allCases.map(\.rawValue))
        let pattern = try XCTUnwrap(platform?["pattern"]?.stringValue)
        for slug in ["pinduoduo", "wechat_pay", "a", "x9", String(repeating: "a", count: 40), "My Space", "9gag", "_x", "a-b", String(repeating: "a", count: 41), "", "ü"] {
            XCTAssertEqual(slug.range(of: pattern, options: .regularExpression) != nil, Platform(rawValue: slug) != nil, slug)
        }
        let itemKinds = defs?["rule"]?["properties"]?["item"]?["oneOf"]?.arrayValue?.first?["enum"]?.arrayValue?.compactMap(\.stringValue)
        XCTAssertEqual(Set(itemKinds ?? []), Set(ItemKind.allCases.map(\.rawValue)))
        let activityKinds = defs?["rule"]?["properties"]?["activity"]?["oneOf"]?.arrayValue?.first?["enum"]?.arrayValue?.compactMap(\.stringValue)
        XCTAssertEqual(Set(activityKinds ?? []), Set(ActivityKind.allCases.map(\.rawValue)))
        let formats = defs?["fieldObject"]?["properties"]?["format"]?["enum"]?.arrayValue?.compactMap(\.stringValue)
        XCTAssertEqual(formats, Mapping.TimeFormat.allCases.map(\.rawValue))
    }

    /// An independent validator agrees that every shipped mapping follows the schema.
    func testShippedMappingsValidateWithPythonJSONSchema() throws {
        let script = """
            import json, glob, sys, jsonschema
            schema = json.load(open(sys.argv[1] + '/schemas/mapping.schema.json'))
            jsonschema.Draft202012Validator.check_schema(schema)
            v = jsonschema.Draft202012Validator(schema)
            bad = [(f, e.message) for f in glob.glob(sys.argv[1] + '/mappings/**/*.json', recursive=True) for e in v.iter_errors(json.load(open(f)))]
            print(bad)
            sys.exit(1 if bad else 0)
            """
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", "import jsonschema"]
        process.standardError = FileHandle.nullDevice
        guard (try? process.run()) != nil else { throw XCTSkip("python3 is not available") }
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { throw XCTSkip("the jsonschema package is not installed") }
        let check = Process()
        let output = Pipe()
        check.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        check.arguments = ["python3", "-c", script, Self.root.path]
        check.standardOutput = output
        try check.run()
        check.waitUntilExit()
        let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        XCTAssertEqual(check.terminationStatus, 0, text)
    }
}
