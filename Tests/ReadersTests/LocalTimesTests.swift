import AccountModel
import Foundation
@testable import Readers
import XCTest

final class LocalTimesTests: XCTestCase {
    let shanghai = LocalTimes.chinaZone

    func check(_ text: String, _ utc: String?, _ basis: TimeBasis = .naiveLocal, zone: TimeZone? = nil,
               file: StaticString = #filePath, line: UInt = #line) {
        let time = LocalTimes.parse(text, zone: zone ?? shanghai)
        XCTAssertEqual(time?.utc, utc, text, file: file, line: line)
        if utc != nil { XCTAssertEqual(time?.basis, basis, text, file: file, line: line) }
    }

    func testChineseForms() {
        check("2024-03-05 14:03:11", "2024-03-05T06:03:11Z")
        check("2024/3/5 14:03", "2024-03-05T06:03:00Z")
        check("2024年3月5日 14:03", "2024-03-05T06:03:00Z")
        check("2024年3月5日14时03分11秒", "2024-03-05T06:03:11Z")
        check("2024.03.05 00:30", "2024-03-04T16:30:00Z")
        check("2024/3/5 下午2:03", "2024-03-05T06:03:00Z")
        check("2024/3/5 上午12:03", "2024-03-04T16:03:00Z")
        check("2024-03-05T14:03:11.250", "2024-03-05T06:03:11Z")
    }

    func testZonedAndDateOnly() {
        check("2024-03-05T14:03:11+08:00", "2024-03-05T06:03:11Z", .exact)
        check("2024-03-05 14:03:11Z", "2024-03-05T14:03:11Z", .exact)
        check("2024年3月5日", "2024-03-05T00:00:00Z", .dateOnly)
        check("2024/3/5", "2024-03-05T00:00:00Z", .dateOnly)
    }

    func testRefusals() {
        for text in ["", "2024-13-01 10:00", "2024-02-30", "2024/3/5 25:00", "2024/3/5 14:61", "yesterday", "3/5/2024 14:03", "2024/3/5 14:03 extra"] {
            XCTAssertNil(LocalTimes.parse(text, zone: shanghai), text)
        }
    }

    func testDaylightSavingZones() throws {
        let newYork = try XCTUnwrap(TimeZone(identifier: "America/New_York"))
        check("2024-01-15 12:00", "2024-01-15T17:00:00Z", zone: newYork)
        check("2024-07-01 12:00", "2024-07-01T16:00:00Z", zone: newYork)
        check("2024-03-10 01:30", "2024-03-10T06:30:00Z", zone: newYork)   // just before spring forward
        check("2024-03-10 03:30", "2024-03-10T07:30:00Z", zone: newYork)   // just after
        check("2024-03-10 02:30", "2024-03-10T07:30:00Z", zone: newYork)   // in the gap: read as EST
        check("2024-11-03 01:30", "2024-11-03T05:30:00Z", zone: newYork)   // ambiguous: first occurrence
        let berlin = try XCTUnwrap(TimeZone(identifier: "Europe/Berlin"))
        check("2024-03-31 03:30", "2024-03-31T01:30:00Z", zone: berlin)
        check("2024-10-27 12:00", "2024-10-27T11:00:00Z", zone: berlin)
        // China observed DST 1986–1991.
        check("1988-07-01 12:00", "1988-07-01T03:00:00Z")
    }
}
