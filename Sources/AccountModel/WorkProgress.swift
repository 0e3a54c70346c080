import Foundation

/// How far a long command (import, export, verify, collective add) has come, for the person
/// watching. The library feeds it from whatever thread does the work; the CLI draws it. It holds
/// counts, sizes and export structure (entry paths of documents), never a value from the data.
public final class WorkProgress: @unchecked Sendable {
    public struct Snapshot: Sendable, Equatable {
        /// What is being done: `importing`, `exporting`, `verifying`, `collective add`.
        public var task: String
        /// The part in hand: a document of the export (`user_data_tiktok.json`), a step name.
        public var stage: String?
        /// Bytes of the current stage read so far, and its size when known (for the estimate).
        public var bytesDone: UInt64 = 0
        public var bytesTotal: UInt64?
        /// Units done in the whole task (records, files, exports) and what they are.
        public var count = 0
        public var unit: String
        public var elapsed: Double = 0
        public var finished = false
        /// Finished by an error: the display ends without saying "done".
        public var stopped = false

        public init(task: String, stage: String? = nil, bytesDone: UInt64 = 0, bytesTotal: UInt64? = nil,
                    count: Int = 0, unit: String, elapsed: Double = 0, finished: Bool = false, stopped: Bool = false) {
            self.task = task
            self.stage = stage
            self.bytesDone = bytesDone
            self.bytesTotal = bytesTotal
            self.count = count
            self.unit = unit
            self.elapsed = elapsed
            self.finished = finished
            self.stopped = stopped
        }

        /// Seconds left at the pace so far, once there is a pace to go by.
        public var secondsLeft: Double? {
            guard let total = bytesTotal, total > 0, bytesDone > 0, elapsed >= 1, bytesDone <= total else { return nil }
            return elapsed * Double(total - bytesDone) / Double(bytesDone)
        }
    }

    private let lock = NSLock()
    private var state: Snapshot
    private let started: Double
    private let interval: Double
    private var lastShown = -Double.infinity
    private let show: @Sendable (Snapshot) -> Void

    /// `show` is called at most every `interval` seconds while work goes on, and once at the end.
    public init(task: String, unit: String, interval: Double = 0.1, show: @escaping @Sendable (Snapshot) -> Void) {
        state = Snapshot(task: task, unit: unit)
        started = ProcessInfo.processInfo.systemUptime
        self.interval = interval
        self.show = show
    }

    /// A new stage: its bytes start at zero.
    public func begin(_ stage: String?, bytes total: UInt64? = nil) {
        update { $0.stage = stage; $0.bytesDone = 0; $0.bytesTotal = total }
    }

    public func add(bytes: Int) {
        update { $0.bytesDone += UInt64(max(0, bytes)) }
    }

    public func add(count: Int = 1) {
        update { $0.count += count }
    }

    /// Shows the final state, whatever the interval; `completed: false` when an error ended it.
    public func finish(completed: Bool = true) {
        update(force: true) { $0.finished = true; $0.stopped = !completed }
    }

    public var snapshot: Snapshot {
        lock.lock()
        defer { lock.unlock() }
        return state
    }

    private func update(force: Bool = false, _ change: (inout Snapshot) -> Void) {
        lock.lock()
        defer { lock.unlock() }
        change(&state)
        let now = ProcessInfo.processInfo.systemUptime
        guard force || now - lastShown >= interval else { return }
        lastShown = now
        state.elapsed = now - started
        // Under the lock: lines never interleave, and the renderer sees snapshots in order.
        show(state)
    }
}

/// The text of a progress display: a bar redrawn in place on a terminal, plain lines in logs.
public enum ProgressLine {
    /// `importing user_data_tiktok.json [#######-------] 52% 48.1/92.6 MiB · 512,000 records · 0:41 left`
    public static func bar(_ s: WorkProgress.Snapshot, width: Int = 24) -> String {
        var parts = [s.task + (s.stage.map { " " + $0 } ?? "")]
        if let total = s.bytesTotal, total > 0 {
            let fraction = min(1, Double(s.bytesDone) / Double(total))
            let filled = Int((fraction * Double(width)).rounded(.down))
            parts.append("[" + String(repeating: "#", count: filled) + String(repeating: "-", count: width - filled) + "]"
                         + " \(Int((fraction * 100).rounded(.down)))%")
            parts.append("\(ByteCount.describe(s.bytesDone)) of \(ByteCount.describe(total))")
        } else if s.bytesDone > 0 {
            parts.append(ByteCount.describe(s.bytesDone))
        }
        parts.append("\(grouped(s.count)) \(s.unit)")
        if s.finished {
            parts.append(s.stopped ? "stopped after \(clock(s.elapsed))" : "done in \(clock(s.elapsed))")
        } else if let left = s.secondsLeft {
            parts.append("\(clock(left)) left")
        }
        return parts.joined(separator: " · ")
    }

    /// `pda: importing: user_data_tiktok.json 48.1 MiB of 92.6 MiB (52%), 512000 records, 41 s, about 38 s left`
    public static func plain(_ s: WorkProgress.Snapshot) -> String {
        var parts: [String] = []
        if let stage = s.stage {
            var bytes = stage
            if let total = s.bytesTotal, total > 0 {
                let percent = Int((min(1, Double(s.bytesDone) / Double(total)) * 100).rounded(.down))
                bytes += " \(ByteCount.describe(s.bytesDone)) of \(ByteCount.describe(total)) (\(percent)%)"
            } else if s.bytesDone > 0 {
                bytes += " \(ByteCount.describe(s.bytesDone))"
            }
            parts.append(bytes)
        }
        parts.append("\(s.count) \(s.unit)")
        parts.append("\(Int(s.elapsed.rounded())) s")
        if s.finished {
            parts.append(s.stopped ? "stopped" : "done")
        } else if let left = s.secondsLeft {
            parts.append("about \(Int(left.rounded())) s left")
        }
        return "pda: \(s.task): " + parts.joined(separator: ", ")
    }

    /// Plain lines are for logs: one every `every` seconds is plenty, and the last one always.
    public static func plainIsDue(_ s: WorkProgress.Snapshot, lastPrinted: Double?, every: Double) -> Bool {
        s.finished || s.elapsed - (lastPrinted ?? 0) >= every
    }

    static func clock(_ seconds: Double) -> String {
        let total = Int(seconds.rounded())
        let (h, m, sec) = (total / 3600, total / 60 % 60, total % 60)
        let mmss = (m < 10 && h > 0 ? "0" : "") + "\(m):" + (sec < 10 ? "0" : "") + "\(sec)"
        return h > 0 ? "\(h):\(mmss)" : mmss
    }

    static func grouped(_ n: Int) -> String {
        let digits = String(n)
        var out = ""
        for (i, c) in digits.enumerated() {
            if i > 0 && (digits.count - i) % 3 == 0 { out.append(",") }
            out.append(c)
        }
        return out
    }
}
