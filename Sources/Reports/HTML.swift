import AccountModel

/// Minimal HTML building for the reports; text goes through `HTMLText.escape`.
package enum HTML {
    package static func table(_ header: [String], _ rows: [[String]]) -> String {
        "<table><thead><tr>" + header.map { "<th>\(HTMLText.escape($0))</th>" }.joined() + "</tr></thead><tbody>"
            + rows.map { "<tr>" + $0.map { "<td>\(HTMLText.escape($0))</td>" }.joined() + "</tr>" }.joined() + "</tbody></table>"
    }

    package static let categoryColors = ["content": "#d1495b", "interaction": "#edae49", "attention": "#00798c", "commerce": "#30638e"]
}
