import AccountModel
@testable import Rights
import XCTest

/// The shipped rights/ data: every platform pda imports has an entry, every field its source
/// and date, every authority referenced exists.
final class RightsDataTests: XCTestCase {
    func testEveryPlatformHasASourcedContact() throws {
        let data = try CraftedAccount.data()
        for platform in Platform.allCases {
            let contact = try data.contact(platform)
            XCTAssertNotNil(Law(rawValue: contact.defaultLaw), platform.rawValue)
            for field in [contact.controller, contact.address, contact.email, contact.webform, contact.authoritySource].compactMap({ $0 }) {
                XCTAssertFalse(field.source.isEmpty, platform.rawValue)
                XCTAssertNotNil(Day(field.date), "\(platform.rawValue): \(field.date) is not a date")
            }
            if contact.address == nil { XCTAssertFalse(contact.gaps.isEmpty, "\(platform.rawValue) lacks an address and does not say why") }
            for (law, id) in contact.authority {
                XCTAssertNotNil(Law(rawValue: law))
                XCTAssertNotNil(data.authorities[id], "\(platform.rawValue): authority \(id)")
            }
        }
    }

    func testAuthoritiesAndExpectationsAreWellFormed() throws {
        let data = try CraftedAccount.data()
        for authority in data.authorities.values {
            XCTAssertNotNil(Law(rawValue: authority.law))
            XCTAssertNotNil(Day(authority.name.date))
            XCTAssertTrue(authority.webform != nil || authority.email != nil || authority.address != nil, authority.id)
        }
        let checks: Set<String> = ["activity_duration", "activity_present", "inference_present", "not_in_exports"]
        for (platform, expected) in data.expectations {
            XCTAssertNotNil(Platform(rawValue: platform))
            for section in expected.sections {
                XCTAssertTrue(["items", "activity", "inferences"].contains(section.group))
                XCTAssertFalse(section.source.isEmpty)
                XCTAssertTrue(section.labelDE != nil && section.labelZH != nil, "\(platform): \(section.label) untranslated")
            }
            for field in expected.fields {
                XCTAssertTrue(checks.contains(field.check), "\(platform): \(field.check)")
                XCTAssertFalse(field.source.isEmpty)
                XCTAssertTrue(field.labelDE != nil && field.labelZH != nil, "\(platform): \(field.label) untranslated")
            }
        }
    }

    func testTheFolderIsFoundFromTheEnvironmentFirst() {
        XCTAssertEqual(RightsData.directory(environment: ["PDA_RIGHTS_DIR": "/somewhere"])?.path, "/somewhere")
        XCTAssertEqual(RightsData.directory(environment: [:])?.lastPathComponent, "rights")
    }

    func testMissingDataIsATypedError() {
        XCTAssertThrowsError(try RightsData.load(from: URL(fileURLWithPath: "/nonexistent"))) { error in
            guard case RightsError.missingData = error else { return XCTFail("\(error)") }
            XCTAssertEqual((error as? RightsError)?.exitCode, 66)
        }
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent(UUID().uuidString)
        defer { try? FileManager.default.removeItem(at: dir) }
        XCTAssertNoThrow(try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true))
        XCTAssertNoThrow(try Data("{\"platforms\": [".utf8).write(to: dir.appendingPathComponent("contacts.json")))
        XCTAssertThrowsError(try RightsData.load(from: dir)) { error in
            guard case RightsError.badData(let file, _) = error else { return XCTFail("\(error)") }
            XCTAssertTrue(file.hasSuffix("contacts.json"), "names the file")
            XCTAssertEqual((error as? RightsError)?.exitCode, 65)
        }
    }
}
