import AccountStore

/// Attention time where the export does not record it: consecutive events no more than `gap`
/// apart form a session; the person was there at least from its first to its last event
/// (low), and at most that plus `tail` after the last event, when nothing marks leaving (high).
public struct SessionEstimate: Sendable, Equatable {
    public var gapSeconds: Int64 = 30 * 60
    public var tailSeconds: Int64 = 5 * 60

    public init(gapSeconds: Int64 = 30 * 60, tailSeconds: Int64 = 5 * 60) {
        self.gapSeconds = gapSeconds
        self.tailSeconds = tailSeconds
    }

    public struct Result: Sendable, Equatable {
        public var sessions = 0
        public var events = 0
        public var lowSeconds: Int64 = 0
        public var highSeconds: Int64 = 0
        /// Session start time for each session, with its low and high seconds (for per-month rows).
        public var perSession: [(start: Int64, low: Int64, high: Int64)] = []

        public static func == (a: Result, b: Result) -> Bool {
            a.sessions == b.sessions && a.events == b.events && a.lowSeconds == b.lowSeconds && a.highSeconds == b.highSeconds
        }
    }

    /// `times` must be sorted ascending (one platform's events).
    public func estimate(_ times: [Int64]) -> Result {
        var result = Result()
        guard var start = times.first else { return result }
        var last = start
        func close() {
            let span = last - start
            result.sessions += 1
            result.lowSeconds += span
            result.highSeconds += span + tailSeconds
            result.perSession.append((start, span, span + tailSeconds))
        }
        for time in times.dropFirst() {
            if time - last > gapSeconds {
                close()
                start = time
            }
            last = time
        }
        close()
        result.events = times.count
        return result
    }

    public var method: String {
        "exact where the export records a duration; otherwise sessions of consecutive events at most \(gapSeconds / 60) min apart, "
            + "low = first to last event of each session, high = low + \(tailSeconds / 60) min after each session's last event"
    }
}
