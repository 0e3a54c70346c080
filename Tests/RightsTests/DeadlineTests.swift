@testable import Rights
import XCTest

/// Deadlines counted as the laws count them, on fixed days.
final class DeadlineTests: XCTestCase {
    func day(_ s: String) -> Day { Day(s)! }

    func testGDPROneCalendarMonthRollsAWeekendToMonday() {
        // 2026-02-15 is a Sunday: Reg. 1182/71 Art. 3(4) moves the end to the next working day.
        XCTAssertEqual(Deadline.of(.gdpr, received: day("2026-01-15"), extended: false).due, day("2026-02-16"))
        XCTAssertEqual(Deadline.of(.gdpr, received: day("2026-03-10"), extended: false).due, day("2026-04-10"))
    }

    func testGDPRMonthWithoutTheSameDateEndsOnItsLastDay() {
        XCTAssertEqual(Deadline.of(.gdpr, received: day("2024-01-31"), extended: false).due, day("2024-02-29"))
        // 2026-02-28 is a Saturday.
        XCTAssertEqual(Deadline.of(.ukGDPR, received: day("2026-01-31"), extended: false).due, day("2026-03-02"))
    }

    func testGDPRExtensionIsTwoFurtherMonths() {
        XCTAssertEqual(Deadline.of(.gdpr, received: day("2026-01-15"), extended: true).due, day("2026-04-15"))
    }

    func testCCPACountsCalendarDays() {
        XCTAssertEqual(Deadline.of(.ccpa, received: day("2026-01-15"), extended: false).due, day("2026-03-01"))
        XCTAssertEqual(Deadline.of(.ccpa, received: day("2026-01-15"), extended: true).due, day("2026-04-15"))
    }

    func testPIPLHasOnlyANonBindingBenchmarkAndNoExtension() {
        let d = Deadline.of(.pipl, received: day("2026-01-15"), extended: false)
        XCTAssertEqual(d.due, day("2026-02-14"))
        XCTAssertFalse(d.binding)
        XCTAssertTrue(d.rule.contains("GB/T 35273-2020 §8.7"))
        XCTAssertFalse(Deadline.canExtend(.pipl))
    }

    func testDayRejectsImpossibleDates() {
        XCTAssertNil(Day("2026-02-29"))
        XCTAssertNil(Day("2026-13-01"))
        XCTAssertNil(Day("26-01-01"))
        XCTAssertEqual(Day("2028-02-29")?.description, "2028-02-29")
    }
}
