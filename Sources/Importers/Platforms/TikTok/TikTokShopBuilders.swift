import AccountModel
import Readers

/// TikTok Shop and Income+ records. The shop sections are `null` in most exports and their
/// populated key names vary (`product_name`, `ProductName`): every field is looked up under
/// the snake_case and the CamelCase spelling, which folding makes one name.
enum TikTokShopBuilders {
    /// An order (`Order History › OrderHistories`, a list or a map keyed by order id).
    static func order(_ r: TikTokRecord, _ place: TikTokPlace, _ state: TikTokImportState) throws {
        let price = r.text(Keys.total)
        let money = price.flatMap(TikTokValues.money)
        try state.activity(.purchase, at: r.time(Keys.orderTime), url: r.text(Keys.productLink),
                           text: r.text(Keys.product) ?? productNames(r),
                           amount: money?.value, currency: r.text(Keys.currency) ?? money?.currency,
                           detail: [("order_id", r.text(Keys.orderID) ?? place.key), ("shop", r.text(Keys.shop)),
                                    ("quantity", r.text(Keys.quantity)), ("status", r.text(Keys.status)),
                                    ("price", price)],
                           place: place)
    }

    /// `Product Browsing History`: product pages the owner looked at.
    static func productView(_ r: TikTokRecord, _ place: TikTokPlace, _ state: TikTokImportState) throws {
        try state.activity(.browse, at: r.time(Keys.browsingTime), url: r.text(Keys.productLink),
                           text: r.text(Keys.product), detail: [("shop", r.text(Keys.shop))], place: place)
    }

    /// `Shopping Cart List`.
    static func cartAdd(_ r: TikTokRecord, _ place: TikTokPlace, _ state: TikTokImportState) throws {
        try state.activity(.cartAdd, at: r.time(Keys.orderTime), url: r.text(Keys.productLink),
                           text: r.text(Keys.product),
                           detail: [("shop", r.text(Keys.shop)), ("quantity", r.text(Keys.quantity))], place: place)
    }

    /// Names of the products inside an order that lists them (`Products: [{ProductName}]`).
    private static func productNames(_ r: TikTokRecord) -> String? {
        guard let list = r.field(Keys.products)?.arrayValue else { return nil }
        let names = list.compactMap { TikTokRecord($0).text(Keys.product) ?? $0.stringValue }
        return names.isEmpty ? nil : names.joined(separator: " · ")
    }

    enum Keys {
        static let orderTime = ["orderdate", "ordertime", "createtime", "date", "paytime", "addtime"]
        static let browsingTime = ["browsingdate", "browsingtime", "date", "createtime"]
        static let product = ["productname", "product", "skuname", "itemname"]
        static let products = ["products", "productlist", "skulist", "items"]
        static let productLink = ["productlink", "link", "producturl"]
        static let total = ["totalprice", "totalamount", "paymentamount", "price", "amount"]
        static let currency = ["currency"]
        static let orderID = ["orderid"]
        static let shop = ["shopname", "shop", "sellername"]
        static let quantity = ["quantity", "skucount", "count"]
        static let status = ["orderstatus", "status"]
    }
}
