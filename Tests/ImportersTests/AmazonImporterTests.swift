import AccountModel
import AccountStore
import Foundation
@testable import Importers
@testable import Readers
import XCTest

/// `fixtures/amazon/<generation>`, each zipped at test time and read as a folder.
final class AmazonImporterTests: XCTestCase {
    var temporary: URL!

    override func setUpWithError() throws { temporary = try FixtureSupport.temporaryFolder("amazon") }
    override func tearDownWithError() throws { try? FileManager.default.removeItem(at: temporary) }

    func importFixture(_ generation: String, format: String, counts: [String: Int],
                       file: StaticString = #filePath, line: UInt = #line, _ check: (RecordCollector) throws -> Void) throws {
        for path in try FixtureSupport.zipAndFolder(FixtureSupport.fixture("amazon", generation), in: temporary) {
            let export = try ExportReader(path: path)
            let recognition = AmazonImporter().recognize(export)
            XCTAssertEqual(recognition, Recognition(confidence: 0.95, format: format), path, file: file, line: line)
            let sink = RecordCollector()
            try AmazonImporter().run(export, format: recognition.format, into: sink)
            XCTAssertEqual(sink.countsByKind, counts, path, file: file, line: line)
            try check(sink)
        }
    }

    func testRequestMyDataLegacy() throws {
        try importFixture("request-my-data-legacy", format: AmazonFormat.legacy, counts: [
            "purchase": 4, "cart_add": 1, "search": 2, "watch": 2, "review": 2,
            "advertiser": 2, "ad_interest": 2, "ad_click": 1,
        ]) { sink in
            let purchases = sink.activities(.purchase)
            // 1,219.49 has a thousands separator; the next two lines share a shipment subtotal
            // of 44.77 and cost 29.63 and 24.99; the last has no total: (10.00 + 2.00) × 2.
            XCTAssertEqual(purchases.map(\.amount), ["1219.49", "29.63", "24.99", "24.00"])
            XCTAssertEqual(purchases.map(\.currency), ["USD", "EUR", "EUR", "USD"])
            XCTAssertEqual(purchases.map(\.locator.description), (2...5).map { "Retail.OrderHistory.1/Retail.OrderHistory.1.csv:\($0)" })
            XCTAssertEqual(purchases[0].occurredAt, RecordTime(utc: "2023-01-15T10:20:30Z", basis: .exact))
            XCTAssertEqual(purchases[0].text, "Laptop stand, aluminium, 15\" – silver")
            XCTAssertEqual(purchases[0].url, "https://www.amazon.com/dp/B0FIXTURE1")
            XCTAssertEqual(purchases[1].detail?["order_id"], .string("408-0000002-0000002"))
            XCTAssertEqual(purchases[3].detail?["quantity"], .string("2"))
            XCTAssertEqual(sink.skips(endingWith: "Retail.OrderHistory.1.csv"), ["1 row not recorded: a cancelled order line is not a purchase"])

            let cart = try XCTUnwrap(sink.activities(.cartAdd).first)
            XCTAssertEqual(cart.text, "B0FIXTURE6")
            XCTAssertEqual(cart.occurredAt, RecordTime(utc: "2020-03-29T17:13:28Z", basis: .exact))

            let searches = sink.activities(.search)
            XCTAssertEqual(searches.map(\.text), ["my hero", "the office!"])
            XCTAssertEqual(searches[0].occurredAt, RecordTime(utc: "2020-02-27T15:52:06Z", basis: .exact))
            XCTAssertNil(searches[1].detail, "`Not Available` is no department")

            let watches = sink.activities(.watch)
            XCTAssertEqual(watches.map(\.text), ["A Fixture Audiobook (Unabridged)", "Opera, Art and Donuts-The Grand Tour - Season 1"])
            XCTAssertEqual(watches[0].occurredAt, RecordTime(utc: "2018-01-22T00:00:00Z", basis: .dateOnly))
            XCTAssertEqual(watches[0].durationSeconds, 11277)
            XCTAssertEqual(watches[0].detail?["medium"], .string("audiobook"))
            XCTAssertEqual(watches[1].occurredAt, RecordTime(utc: "2016-12-14T19:00:00Z", basis: .naiveUTC))

            let reviews = sink.items(.review)
            XCTAssertEqual(reviews.map(\.text), ["Holds my laptop at eye level. Recommended.", "Arrived quickly.\nWell packed."])
            XCTAssertEqual(reviews[0].nativeID, "R1FIXTURE0001")
            XCTAssertEqual(reviews[0].title, "Sturdy")
            XCTAssertEqual(reviews[0].createdAt, RecordTime(utc: "2023-02-01T09:15:00Z", basis: .exact))
            XCTAssertEqual(reviews[0].raw["Star Rating"], .string("5"))
            XCTAssertEqual(reviews[1].createdAt, RecordTime(utc: "2016-05-01T05:05:00Z", basis: .naiveUTC))
            XCTAssertEqual(reviews[1].counterpart, "403-0000005-0000005")
            XCTAssertEqual(reviews[1].locator.description, "Retail.Seller-Feedback.1/Retail.Seller-Feedback.csv:2")

            XCTAssertEqual(sink.inferences(.advertiser).map(\.label), ["Example Outfitters", "Fixture Bank, Inc."])
            XCTAssertEqual(sink.inferences(.advertiser).first?.locator.description, "Advertising.1/Advertising.AdvertiserAudiences.csv:3")
            XCTAssertEqual(Set(sink.inferences(.adInterest).map(\.label)), ["In-Market:Books & Magazines", "Demographics:Age 25-34"])
            XCTAssertEqual(sink.activities(.adClick).map(\.text), ["Example Outfitters"])

            let skipped = Set(sink.skips.map(\.section))
            XCTAssertTrue(skipped.isSuperset(of: ["README.md", "Advertising.1/Advertising.OptOut.csv",
                                                  "Digital.PrimeVideo.ViewCounts.1/Digital.PrimeVideo.ViewCounts.1.csv"]), "\(skipped)")
        }
    }

    func testRequestYourData2024() throws {
        try importFixture("request-your-data-2024", format: AmazonFormat.current, counts: ["purchase": 3]) { sink in
            let purchases = sink.activities(.purchase)
            // Both lines carry the shipment's subtotal (176.47); each is its own Total Amount.
            XCTAssertEqual(purchases.map(\.amount), ["54.06", "59.91", "3960"])
            XCTAssertEqual(purchases.map(\.currency), ["USD", "USD", "JPY"])
            XCTAssertEqual(purchases[0].occurredAt, RecordTime(utc: "2024-03-30T21:04:32Z", basis: .exact))
            XCTAssertEqual(purchases[2].url, "https://www.amazon.co.jp/dp/B0CURRENT3")
            XCTAssertEqual(purchases[2].text, "ノート")
            XCTAssertEqual(purchases[2].detail?["quantity"], .string("3"))
            XCTAssertEqual(purchases[1].locator.description, "Your Orders/Your Amazon Orders/Order History.csv:3")
            XCTAssertEqual(Set(sink.skips.map(\.section)), ["README.md", "Your Orders/Your Amazon Orders/Refund Details.csv"])
        }
    }

    /// The case, in both headers: a two-item shipment whose subtotal is repeated on each
    /// line is not summed twice, and a line without a total falls back to its unit price.
    func testShipmentSubtotalIsNotTheLineAmount() throws {
        let legacy = """
            "Order ID","Order Date","Currency","Unit Price","Unit Price Tax","Total Owed","Shipment Item Subtotal","Quantity","Product Name"
            "1","01/02/2024 03:04:05 UTC","EUR","10.00","0","10.00","25.00","1","A"
            "1","01/02/2024 03:04:05 UTC","EUR","7.50","0","Not Available","25.00","2","B"
            """
        let current = """
            ASIN,Currency,Order Date,Order ID,Original Quantity,Product Name,Shipment Item Subtotal,Total Amount,Unit Price,Unit Price Tax
            X1,USD,2024-01-02T03:04:05Z,2,1,A,"1,025.00","1,000.00","1,000.00",0
            X2,USD,2024-01-02T03:04:05Z,2,1,B,"1,025.00",25.00,25.00,0
            """
        for (name, text, expected) in [("Retail.OrderHistory.1.csv", legacy, ["10.00", "15.00"]),
                                       ("Order History.csv", current, ["1000.00", "25.00"])] {
            try text.write(to: temporary.appendingPathComponent(name), atomically: true, encoding: .utf8)
            let sink = RecordCollector()
            try AmazonImporter().run(try ExportReader(path: temporary.appendingPathComponent(name).path), format: "", into: sink)
            let amounts = sink.activities(.purchase).map(\.amount)
            XCTAssertEqual(amounts, expected, name)
        }
    }

    /// One order shipped the same item (same order, ASIN, price, date) in two shipments: two
    /// purchases, both counted as money. A line Amazon wrote twice byte for byte is one. A
    /// newer export listing the same lines adds nothing.
    func testTwoShipmentsOfTheSameItemAreTwoPurchases() throws {
        let header = "ASIN,Carrier Name & Tracking Number,Currency,Order Date,Order ID,Original Quantity,Product Name,Ship Date,Total Amount,Unit Price"
        let first = "B0SAME,UPS(1Z0001),USD,2024-05-01T10:00:00Z,114-1,1,Filter cartridge,2024-05-02T08:00:00Z,19.99,19.99"
        let second = "B0SAME,UPS(1Z0002),USD,2024-05-01T10:00:00Z,114-1,1,Filter cartridge,2024-05-09T08:00:00Z,19.99,19.99"
        let other = "B0OTHER,UPS(1Z0003),USD,2024-05-03T10:00:00Z,114-2,1,Pump,2024-05-04T08:00:00Z,5.00,5.00"
        let folder = AccountFolder(url: temporary.appendingPathComponent("account"))
        try folder.createDirectories()
        let store = try AccountStore(folder: folder)
        let pipeline = ImportPipeline(store: store, folder: folder, importers: [AmazonImporter()])
        func importRows(_ rows: [String], as name: String) throws -> ImportReport {
            let export = temporary.appendingPathComponent(name)
            try FileManager.default.createDirectory(at: export, withIntermediateDirectories: true)
            try ([header] + rows).joined(separator: "\n").write(to: export.appendingPathComponent("Order History.csv"), atomically: true, encoding: .utf8)
            return try pipeline.importExport(paths: [export.path])
        }
        let report = try importRows([first, second, first, other], as: "Your Orders")
        XCTAssertEqual(report.records["activity"]?["purchase"]?.new, 3)
        XCTAssertEqual(report.records["activity"]?["purchase"]?.present, 1, "the line written twice is one purchase")
        let amounts = try store.moneyRows(RecordFilter(), kinds: ["purchase"]).map(\.amount).sorted()
        XCTAssertEqual(amounts, ["19.99", "19.99", "5.00"])
        // A later export with the same lines and one new one: only the new line is added.
        let later = try importRows([first, second, other, "B0NEW,UPS(1Z0004),USD,2024-06-01T10:00:00Z,114-3,1,Hose,2024-06-02T08:00:00Z,3.00,3.00"],
                                   as: "Your Orders later")
        XCTAssertEqual(later.records["activity"]?["purchase"]?.new, 1)
        XCTAssertEqual(later.records["activity"]?["purchase"]?.present, 3)
    }

    func testTimes() {
        XCTAssertEqual(AmazonTimes.parse("11/20/2021 18:53:16 UTC"), RecordTime(utc: "2021-11-20T18:53:16Z", basis: .exact))
        XCTAssertEqual(AmazonTimes.parse("01/23/2021 22:08"), RecordTime(utc: "2021-01-23T22:08:00Z", basis: .naiveUTC))
        XCTAssertEqual(AmazonTimes.parse("22-JAN-2018"), RecordTime(utc: "2018-01-22T00:00:00Z", basis: .dateOnly))
        XCTAssertEqual(AmazonTimes.parse("2021-09-27"), RecordTime(utc: "2021-09-27T00:00:00Z", basis: .dateOnly))
        XCTAssertEqual(AmazonTimes.parse("2021-11-11T22:29:11Z"), RecordTime(utc: "2021-11-11T22:29:11Z", basis: .exact))
        XCTAssertEqual(AmazonTimes.gmt("2020-02-27 15:52:06"), RecordTime(utc: "2020-02-27T15:52:06Z", basis: .exact))
        XCTAssertNil(AmazonTimes.parse("13/01/2021 10:00"), "day first is not guessed")
        XCTAssertNil(AmazonTimes.parse("Not Available"))
    }

    func testMoney() {
        XCTAssertEqual(AmazonMoney.multiply("12.00", by: "2"), "24.00")
        XCTAssertEqual(AmazonMoney.multiply("0.1", by: "3"), "0.3")
        XCTAssertEqual(AmazonMoney.add("24.29", "5.34"), "29.63")
        XCTAssertEqual(AmazonMoney.parse("¥1,200")?.currency, "JPY")
        XCTAssertNil(AmazonMoney.parse("Not Available"))
    }

    func testOtherPlatformsAreNotAmazon() throws {
        for (platform, generation) in [("youtube", "takeout-en-2023"), ("youtube", "takeout-nl-html-only"),
                                       ("reddit", "gdpr-2024"), ("tiktok", "json-2024")] {
            let export = try ExportReader(path: FixtureSupport.fixture(platform, generation).path)
            XCTAssertEqual(AmazonImporter().recognize(export), .no, "\(platform)/\(generation)")
        }
    }

    func testRegistered() {
        FixtureSupport.assertRegisteredWithFixtures("amazon", platform: .amazon)
    }
}
