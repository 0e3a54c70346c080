import AccountModel
import ArgumentParser

/// `--platform P` everywhere: any platform id (a lowercase slug, so accounts built with mappings
/// for other platforms can be filtered too); help and completion list the known ones.
extension Platform: ExpressibleByArgument {
    public init?(argument: String) {
        self.init(rawValue: argument.lowercased())
    }

    public static var allValueStrings: [String] { allCases.map(\.rawValue) }

    public static var defaultCompletionKind: CompletionKind { .list(allValueStrings) }
}
