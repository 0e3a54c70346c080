import AccountModel
import Readers

/// Purchases: retail order lines (both generations), digital items and Audible billings.
enum AmazonOrders {
    /// One line of `Retail.OrderHistory.N.csv` (legacy: `Total Owed`, `Quantity`,
    /// `11/20/2021 18:53:16 UTC`) or `Order History.csv` (2024+: `Total Amount`,
    /// `Original Quantity`, ISO times). `Shipment Item Subtotal` is the subtotal of the whole
    /// shipment, repeated on each of its lines: it is never the line's amount.
    static func orderLine(_ r: CSVRecord, _ c: AmazonContext) throws {
        if r.text("Order Status")?.lowercased() == "cancelled" {
            return c.dropped.drop(r.entry, "a cancelled order line is not a purchase")
        }
        let quantity = r.text("Quantity", "Original Quantity")
        let asin = r.text("ASIN")
        let total = lineTotal(r, quantity: quantity)
        try c.sink.add(Activity(
            platform: .amazon, kind: .purchase, occurredAt: AmazonTimes.parse(r.text("Order Date")),
            url: AmazonMoney.productURL(website: r.text("Website"), asin: asin), text: r.text("Product Name"),
            amount: total?.value, currency: r.text("Currency") ?? total?.currency,
            detail: .details([("order_id", r.text("Order ID")), ("asin", asin), ("quantity", quantity),
                              ("order_status", r.text("Order Status"))]),
            locator: r.locator))
    }

    /// The line's own total (tax, shipping and discounts included); without it, (unit price +
    /// unit tax) × quantity.
    static func lineTotal(_ r: CSVRecord, quantity: String?) -> Amount? {
        if let total = AmazonMoney.parse(r.text("Total Owed", "Total Amount")) { return total }
        guard let unit = AmazonMoney.parse(r.text("Unit Price")) else { return nil }
        let tax = AmazonMoney.parse(r.text("Unit Price Tax"))?.value ?? "0"
        guard let perUnit = AmazonMoney.add(unit.value, tax),
              let value = AmazonMoney.multiply(perUnit, by: quantity ?? "1") else { return nil }
        return Amount(value: value, currency: unit.currency)
    }

    /// `Digital-Ordering.N/Digital Items.csv`: e-books, videos, Prime fees. `OurPrice` is per unit.
    static func digitalItem(_ r: CSVRecord, _ c: AmazonContext) throws {
        let price = AmazonMoney.parse(r.text("OurPrice"))
        let quantity = r.text("QuantityOrdered", "OriginalQuantity")
        let amount = price.flatMap { AmazonMoney.multiply($0.value, by: quantity ?? "1") }
        try c.sink.add(Activity(
            platform: .amazon, kind: .purchase, occurredAt: AmazonTimes.parse(r.text("OrderDate")),
            text: r.text("Title"), amount: amount,
            currency: r.text("OurPriceCurrencyCode", "BaseCurrencyCode") ?? price?.currency,
            detail: .details([("order_id", r.text("OrderId")), ("asin", r.text("ASIN")), ("quantity", quantity),
                              ("digital", "true")]),
            locator: r.locator))
    }

    /// `Audible.MembershipBillings.csv`: one charge per billing period (a free trial is `0.00`).
    static func audibleBilling(_ r: CSVRecord, _ c: AmazonContext) throws {
        let total = AmazonMoney.parse(r.text("TotalAmount"))
        try c.sink.add(Activity(
            platform: .amazon, kind: .purchase,
            occurredAt: AmazonTimes.parse(r.text("TaxCreateDate", "BillingPeriodStartDate")),
            text: r.text("Plan", "OfferName"), amount: total?.value, currency: r.text("Currency") ?? total?.currency,
            detail: .details([("service", "audible"), ("type", r.text("Type")), ("offer", r.text("OfferName")),
                              ("status", r.text("Status"))]),
            locator: r.locator))
    }
}
