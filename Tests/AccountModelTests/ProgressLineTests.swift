import AccountModel
import Foundation
import XCTest

final class ProgressLineTests: XCTestCase {
    let halfway = WorkProgress.Snapshot(task: "importing", stage: "user_data_tiktok.json", bytesDone: 50 << 20,
                                        bytesTotal: 100 << 20, count: 512_000, unit: "records", elapsed: 40)

    func testBarShowsShareSizesCountAndEstimate() {
        XCTAssertEqual(ProgressLine.bar(halfway, width: 10),
                       "importing user_data_tiktok.json · [#####-----] 50% · 50.0 MiB of 100.0 MiB · 512,000 records · 0:40 left")
        var done = halfway
        done.bytesDone = 100 << 20
        done.finished = true
        done.elapsed = 3725
        XCTAssertEqual(ProgressLine.bar(done, width: 4), "importing user_data_tiktok.json · [####] 100% · 100.0 MiB of 100.0 MiB · 512,000 records · done in 1:02:05")
        done.stopped = true
        XCTAssertTrue(ProgressLine.bar(done, width: 4).hasSuffix("stopped after 1:02:05"))
    }

    func testPlainLineForLogs() {
        XCTAssertEqual(ProgressLine.plain(halfway),
                       "pda: importing: user_data_tiktok.json 50.0 MiB of 100.0 MiB (50%), 512000 records, 40 s, about 40 s left")
        let files = WorkProgress.Snapshot(task: "exporting", bytesDone: 2048, count: 3, unit: "files", elapsed: 0.2, finished: true)
        XCTAssertEqual(ProgressLine.plain(files), "pda: exporting: 3 files, 0 s, done")
    }

    func testNoEstimateBeforeThereIsAPace() {
        var early = halfway
        early.elapsed = 0.5
        XCTAssertNil(early.secondsLeft)
        early.elapsed = 10
        early.bytesDone = 0
        XCTAssertNil(early.secondsLeft)
        early.bytesTotal = nil
        early.bytesDone = 5
        XCTAssertNil(early.secondsLeft)
        XCTAssertEqual(halfway.secondsLeft, 40)
    }

    func testPlainLinesComeEveryFewSecondsAndAtTheEnd() {
        var s = halfway
        s.elapsed = 3
        XCTAssertFalse(ProgressLine.plainIsDue(s, lastPrinted: nil, every: 5))
        s.elapsed = 5
        XCTAssertTrue(ProgressLine.plainIsDue(s, lastPrinted: nil, every: 5))
        s.elapsed = 9
        XCTAssertFalse(ProgressLine.plainIsDue(s, lastPrinted: 5, every: 5))
        s.finished = true
        XCTAssertTrue(ProgressLine.plainIsDue(s, lastPrinted: 9, every: 5))
    }

    func testMeterShowsAtMostEveryIntervalAndAlwaysTheEnd() {
        final class Shown: @unchecked Sendable {
            var snapshots: [WorkProgress.Snapshot] = []
        }
        let shown = Shown()
        let meter = WorkProgress(task: "verifying", unit: "files", interval: 3600) { shown.snapshots.append($0) }
        meter.begin(nil, bytes: 1000)
        for _ in 0..<10 { meter.add(bytes: 100); meter.add(count: 1) }
        XCTAssertEqual(shown.snapshots.count, 1)
        meter.finish()
        XCTAssertEqual(shown.snapshots.count, 2)
        XCTAssertEqual(shown.snapshots.last?.bytesDone, 1000)
        XCTAssertEqual(shown.snapshots.last?.count, 10)
        XCTAssertEqual(shown.snapshots.last?.finished, true)
        XCTAssertEqual(shown.snapshots.last?.stopped, false)
    }
}
