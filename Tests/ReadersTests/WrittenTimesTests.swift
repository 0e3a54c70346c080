import AccountModel
@testable import Readers
import XCTest

/// Times as HTML exports write them, in each supported language; every case is one instant,
/// 2024-01-05 21:15:30 UTC, unless it says otherwise.
final class WrittenTimesTests: XCTestCase {
    func testLanguages() {
        let instant = RecordTime(utc: "2024-01-05T21:15:30Z", basis: .exact)
        let written = [
            "Jan 5, 2024, 10:15:30 PM CET",           // English (Takeout)
            "Jan 5, 2024, 10:15:30\u{202F}PM CET",    // English, CLDR 42+ narrow no-break space
            "05.01.2024, 22:15:30 MEZ",               // German, numeric
            "5. Jan. 2024, 22:15:30 MEZ",             // German, abbreviated month
            "5 jan 2024, 22:15:30 CET",               // Dutch
            "5 ene 2024, 22:15:30 CET",               // Spanish
            "5 janv. 2024, 22:15:30 UTC+1",           // French
            "5 gen 2024, 22:15:30 CET",               // Italian
            "5 de jan. de 2024, 18:15:30 BRT",        // Portuguese (Brazil)
            "2024年1月5日 22:15:30 GMT+01:00",         // Chinese
            "2024年1月5日 下午10:15:30 CET",            // Chinese, 12-hour
            "2024/01/06 06:15:30 JST",                // Japanese
            "2024年1月6日 午前6:15:30 JST",              // Japanese, 12-hour
            "5 December 2024, 22:15:30 CET".replacingOccurrences(of: "December", with: "Januar"), // German, full month
        ]
        for text in written {
            XCTAssertEqual(WrittenTimes.parse(text), instant, text)
        }
    }

    func testZones() {
        XCTAssertEqual(WrittenTimes.parse("Jul 4, 2021, 9:00:00 AM PDT")?.utc, "2021-07-04T16:00:00Z")
        XCTAssertEqual(WrittenTimes.parse("Jul 4, 2021, 9:00:00 AM GMT-3")?.utc, "2021-07-04T12:00:00Z")
        // Ambiguous abbreviations: read as the zone Google means in that script, marked assumed.
        XCTAssertEqual(WrittenTimes.parse("Jan 5, 2024, 10:00:00 PM CST"), RecordTime(utc: "2024-01-06T04:00:00Z", basis: .naiveLocal))
        XCTAssertEqual(WrittenTimes.parse("2024年1月5日 22:00:00 CST"), RecordTime(utc: "2024-01-05T14:00:00Z", basis: .naiveLocal))
        XCTAssertEqual(WrittenTimes.parse("Jan 5, 2024, 10:00:00 PM IST"), RecordTime(utc: "2024-01-05T16:30:00Z", basis: .naiveLocal))
        // No zone: the caller's basis, read as UTC (Takeouts before 2016; Meta pages).
        XCTAssertEqual(WrittenTimes.parse("Jun 23, 2015, 2:43:45 PM"), RecordTime(utc: "2015-06-23T14:43:45Z", basis: .naiveUTC))
        XCTAssertEqual(WrittenTimes.parse("Dec 28, 2020 7:20 am", unzoned: .naiveLocal), RecordTime(utc: "2020-12-28T07:20:00Z", basis: .naiveLocal))
        // An unknown zone is no time at all: a wrong time is worse than none.
        XCTAssertNil(WrittenTimes.parse("Jan 5, 2024, 10:15:30 PM XYZT"))
    }

    func testNonsenseIsNil() {
        for text in ["", "yesterday", "Jan 32, 2024, 10:00 PM UTC", "Foo 5, 2024, 10:00 PM UTC", "5 2024 10:00",
                     "Feb 30, 2024, 1:00 AM UTC", "Jan 5, 2024, 13:00 PM UTC", "Jan 5, 2024, 25:00 UTC", "12:30"] {
            XCTAssertNil(WrittenTimes.parse(text), text)
        }
    }
}
