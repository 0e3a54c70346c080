import AccountModel

/// The report's section on data requests and what the exports leave out. The CLI computes it
/// (from the Rights module) and passes plain values: Reports does not depend on Rights.
public struct RequestsAndGaps: Sendable {
    public struct Request: Sendable {
        public var id: Int64
        public var platform: String
        public var law: String
        public var state: String
        public var sentOn: String?
        public var dueOn: String?
        public var daysOverdue: Int
        public init(id: Int64, platform: String, law: String, state: String, sentOn: String?, dueOn: String?, daysOverdue: Int) {
            self.id = id; self.platform = platform; self.law = law; self.state = state
            self.sentOn = sentOn; self.dueOn = dueOn; self.daysOverdue = daysOverdue
        }
    }

    public struct Gaps: Sendable {
        public var platform: String
        public var law: String
        /// What is missing, one line each, with where the expectation comes from.
        public var missing: [String]
        public init(platform: String, law: String, missing: [String]) {
            self.platform = platform; self.law = law; self.missing = missing
        }
    }

    public var today: String
    public var requests: [Request]
    public var gaps: [Gaps]

    public init(today: String, requests: [Request], gaps: [Gaps]) {
        self.today = today; self.requests = requests; self.gaps = gaps
    }

    var html: String {
        var body = "<section><h2>Your requests, and what the exports leave out</h2>"
        if requests.isEmpty {
            body += "<p class=muted>No data requests recorded. <code>pda request new PLATFORM</code> writes one.</p>"
        } else {
            let overdue = requests.filter { $0.state == "overdue" }.count
            body += "<p>\(requests.count) request(s); \(overdue) overdue as of \(HTMLText.escape(today)).</p>"
            body += HTML.table(["id", "platform", "law", "state", "sent", "due"], requests.map { r in
                [String(r.id), r.platform, r.law, r.state == "overdue" ? "overdue by \(r.daysOverdue) d" : r.state, r.sentOn ?? "", r.dueOn ?? ""]
            })
        }
        for g in gaps {
            body += "<h3>\(HTMLText.escape(g.platform)) (\(HTMLText.escape(g.law))): \(g.missing.count) gap(s)</h3><ul>"
                + g.missing.map { "<li>\(HTMLText.escape($0))</li>" }.joined() + "</ul>"
        }
        if !gaps.isEmpty { body += "<p class=muted><code>pda audit PLATFORM --letter</code> drafts the follow-up request listing these.</p>" }
        return body + "</section>"
    }
}
