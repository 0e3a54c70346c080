import AccountStore
@testable import Reports
import XCTest

/// `pda report` shows the requests and audit gaps the CLI computed and passed in as values.
final class ReportRequestsTests: XCTestCase {
    func testTheReportHasTheRequestsSectionOnlyWhenGivenOne() throws {
        let store = try AccountStore()
        let plain = try HTMLReport.render(store: store, generatedAt: "2026-02-17T00:00:00Z")
        XCTAssertFalse(plain.contains("Your requests"))
        let section = RequestsAndGaps(today: "2026-02-17", requests: [
            .init(id: 1, platform: "tiktok", law: "gdpr", state: "overdue", sentOn: "2026-01-15", dueOn: "2026-02-16", daysOverdue: 1),
            .init(id: 2, platform: "douyin", law: "pipl", state: "draft", sentOn: nil, dueOn: nil, daysOverdue: 0),
        ], gaps: [.init(platform: "tiktok", law: "gdpr", missing: ["likes <earlier_export>"])])
        let html = try HTMLReport.render(store: store, generatedAt: "2026-02-17T00:00:00Z", requests: section)
        XCTAssertTrue(html.contains("2 request(s); 1 overdue as of 2026-02-17"))
        XCTAssertTrue(html.contains("<td>overdue by 1 d</td>"))
        XCTAssertTrue(html.contains("tiktok (gdpr): 1 gap(s)"))
        XCTAssertTrue(html.contains("likes &lt;earlier_export&gt;"), "gap text is escaped")
    }
}
