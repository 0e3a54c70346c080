import AccountModel
import Foundation
import XCTest

final class TimestampTests: XCTestCase {
    /// The hand-written formatter and parser agree with Foundation's ISO 8601 formatter over
    /// four centuries of seconds, leap days included.
    func testAgreesWithFoundationAndRoundTrips() throws {
        let reference = ISO8601DateFormatter()
        reference.formatOptions = [.withInternetDateTime]
        reference.timeZone = TimeZone(identifier: "UTC")
        var generator = SystemRandomNumberGenerator()
        let samples = [Int64(0), -1, 951_782_400, 4_107_542_399, -2_208_988_800]
            + (0..<2000).map { _ in Int64.random(in: -5_000_000_000...7_000_000_000, using: &generator) }
        for seconds in samples {
            let date = Date(timeIntervalSince1970: TimeInterval(seconds))
            let text = Timestamp.iso(date)
            XCTAssertEqual(text, reference.string(from: date), "for \(seconds)")
            XCTAssertEqual(Timestamp.epochSeconds(text), seconds)
        }
    }

    func testCanonicalFormOnly() {
        XCTAssertTrue(Timestamp.isCanonical("2024-02-29T23:59:59Z"))
        for text in ["2023-02-29T00:00:00Z", "2025-04-31T00:00:00Z", "2025-05-01T24:00:00Z", "2025-05-01T23:60:00Z",
                     "2025-05-01T23:16:38", "2025-05-01T23:16:38.5Z", "2025-05-01T23:16:38+00:00", "2025-05-01 23:16:38Z",
                     "0000-01-01T00:00:00Z", "2025-13-01T00:00:00Z", "２０２５-05-01T23:16:38Z", ""] {
            XCTAssertFalse(Timestamp.isCanonical(text), text)
        }
        XCTAssertEqual(Timestamp.midnightIfDate("2025-05-01"), "2025-05-01T00:00:00Z")
        XCTAssertEqual(Timestamp.midnightIfDate("2025-05-01T01:00:00Z"), "2025-05-01T01:00:00Z")
    }

    func testDateTimeStampAllowsFractionsAndOffsets() {
        for text in ["2025-05-01T23:16:38Z", "2025-05-01T23:16:38.123Z", "2025-05-01T23:16:38+02:00"] {
            XCTAssertTrue(Timestamp.isDateTimeStamp(text), text)
        }
        for text in ["2025-05-01T23:16:38", "2025-05-01T23:16:38.Z", "2025-05-01T23:16:38+0200", "2025-05-01"] {
            XCTAssertFalse(Timestamp.isDateTimeStamp(text), text)
        }
    }

    func testHexRoundTrip() {
        let bytes: [UInt8] = [0x00, 0x0f, 0xa5, 0xff]
        XCTAssertEqual(Hex.string(bytes), "000fa5ff")
        XCTAssertEqual(Hex.bytes("000FA5ff"), bytes)
        XCTAssertNil(Hex.bytes("abc"))
        XCTAssertNil(Hex.bytes("zz"))
    }
}
