import AccountModel
import Readers

/// One page kind of a Meta HTML export: what its boxes are and how they are shaped for the
/// builder (the same builders the JSON importer uses, so both forms map the same sections).
struct MetaHTMLPage: Sendable {
    var handling: MetaHandling
    var shape: MetaHTMLShape = .fields

    static func records(_ build: @escaping MetaBuild, _ shape: MetaHTMLShape = .fields) -> MetaHTMLPage {
        MetaHTMLPage(handling: .records(build), shape: shape)
    }

    static func notRecorded(_ why: String) -> MetaHTMLPage { MetaHTMLPage(handling: .notRecorded(why)) }
}

/// A platform's HTML pages by file stem (Meta keeps English file names in every language;
/// `posts_1.html` → `posts`, as `MetaTable.stem`).
struct MetaHTMLTable: Sendable {
    let pages: [String: MetaHTMLPage]
    /// Stems not opened (message threads), reported as one count per folder.
    let ignored: [String: String]

    init(_ pages: [String: MetaHTMLPage], ignored: [String: String]) {
        var folded: [String: MetaHTMLPage] = [:]
        for (stem, page) in pages { folded[MetaTable.foldStem(stem)] = page }
        self.pages = folded
        self.ignored = Dictionary(uniqueKeysWithValues: ignored.map { (MetaTable.foldStem($0.key), $0.value) })
    }

    /// Pages that only lead to other pages: nothing to read, nothing to report.
    static let navigation: Set<String> = ["start_here", "index", "your_information", "your_instagram_activity", "your_facebook_activity"]
        .reduce(into: Set<String>()) { $0.insert(MetaTable.foldStem($1)) }
}

/// Reads every HTML page of a Meta export against a platform's page table, one box
/// (`div.uiBoxWhite`) at a time through the HTML reader. A page the table does not know is
/// reported by entry as a section pda cannot read from HTML, with what to request instead.
struct MetaHTMLWalker {
    let table: MetaHTMLTable
    let context: MetaContext
    let export: ExportReader

    static let requestJSON = "a section pda reads only from JSON: request the download again with Format set to JSON to have it imported"

    func run() throws {
        var others: [ExportEntry] = []
        var ignored: [String: [String: Int]] = [:]
        for entry in export.entries {
            let name = entry.name.lowercased()
            if name == "no-data.txt" { continue }
            guard name.hasSuffix(".html") else { others.append(entry); continue }
            let stem = MetaTable.stem(ofPath: entry.path)
            if let reason = table.ignored[stem] {
                ignored[MetaMediaIndex.group(entry.path), default: [:]][reason, default: 0] += 1
            } else if let page = table.pages[stem] {
                try read(entry, page)
            } else if !MetaHTMLTable.navigation.contains(stem) {
                context.sink.skipped(section: entry.path, reason: Self.requestJSON)
            }
        }
        for (group, reasons) in ignored.sorted(by: { $0.key < $1.key }) {
            for (reason, count) in reasons.sorted(by: { $0.key < $1.key }) {
                context.sink.skipped(section: group, reason: "\(count) files not read: \(reason)")
            }
        }
        context.finish(otherFiles: others)
    }

    /// Each box is one record, located as `page#box=N`.
    private func read(_ entry: ExportEntry, _ page: MetaHTMLPage) throws {
        var boxes = 0, withContent = 0
        try export.forEachHTMLRecord(entry, isRecord: { $0.name == "div" && $0.hasClass("uiBoxWhite") }) { element, ordinal in
            boxes += 1
            let box = MetaHTMLBox(element, page: entry.path)
            guard box.title != nil || !box.fields.isEmpty || !box.media.isEmpty else { return }
            withContent += 1
            let locator = Locator(entry: entry.path, pointer: "box=\(ordinal)")
            switch page.handling {
            case .records(let build), .whole(let build): try build(box.record(shape: page.shape), locator, context)
            case .notRecorded: break
            }
        }
        if case .notRecorded(let why) = page.handling, withContent > 0 {
            context.sink.skipped(section: entry.path, reason: "not recorded: \(why)")
        } else if boxes == 0 {
            context.sink.skipped(section: entry.path, reason: "no records found in this page's layout; " + Self.requestJSON)
        }
    }
}
