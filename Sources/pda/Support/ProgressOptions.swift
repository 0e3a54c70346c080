import AccountModel
import ArgumentParser
import Foundation

/// `--quiet`, and the progress display of long commands on stderr: a bar redrawn in place on a
/// terminal, a plain line every few seconds (and one at the end) when stderr is a log or a pipe.
struct ProgressOptions: ParsableArguments {
    @Flag(name: .long, help: "Print no progress on stderr.")
    var quiet = false

    /// Runs `body` with a meter (nil with `--quiet`) and ends the display before returning,
    /// so that what the command prints next starts on a line of its own.
    func run<T>(_ task: String, unit: String, _ body: (WorkProgress?) throws -> T) throws -> T {
        let progress = meter(task, unit: unit)
        do {
            let result = try body(progress)
            progress?.finish()
            return result
        } catch {
            progress?.finish(completed: false)
            throw error
        }
    }

    /// Nil with `--quiet`: the library then does no progress work at all.
    func meter(_ task: String, unit: String) -> WorkProgress? {
        guard !quiet else { return nil }
        let display = ProgressDisplay(terminal: isatty(2) == 1)
        return WorkProgress(task: task, unit: unit, interval: display.terminal ? 0.1 : 1) { display.show($0) }
    }
}

/// Called under the meter's lock, so one snapshot at a time.
private final class ProgressDisplay: @unchecked Sendable {
    /// Seconds between plain lines: a log needs a pulse, not a stream.
    static let plainEvery = 5.0
    let terminal: Bool
    private var lastPlain: Double?

    init(terminal: Bool) { self.terminal = terminal }

    func show(_ snapshot: WorkProgress.Snapshot) {
        if terminal {
            // `\r` and erase-to-end-of-line redraw the bar in place; the last one keeps its line.
            write("\r" + ProgressLine.bar(snapshot) + "\u{1B}[K" + (snapshot.finished ? "\n" : ""))
        } else if ProgressLine.plainIsDue(snapshot, lastPrinted: lastPlain, every: Self.plainEvery) {
            lastPlain = snapshot.elapsed
            write(ProgressLine.plain(snapshot) + "\n")
        }
    }

    private func write(_ text: String) { FileHandle.standardError.write(Data(text.utf8)) }
}
