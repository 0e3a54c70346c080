import AccountStore

/// Ctrl-C (SIGINT) and SIGTERM for the commands that create work files: the library's
/// `WorkFiles` registry removes what the run created, this says what happened, and the process
/// exits 130 (SIGINT) or 143 (SIGTERM).
enum Interrupts {
    static func install(_ outcome: String) {
        WorkFiles.installSignalHandlers { signal, removed in
            let files = removed == 1 ? "1 work folder" : "\(removed) work folders"
            return "pda: stopped by \(signal): \(outcome); removed \(files) of this run"
        }
    }
}
