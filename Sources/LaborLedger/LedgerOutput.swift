import AccountModel
import AccountStore
import Foundation

extension Ledger {
    /// The `pda ledger --json` document (schemas/ledger.schema.json).
    public func json(valuation: (results: [Valuation], missing: [String])? = nil, by dimensions: [String]? = nil) -> JSONValue {
        var pairs: [(String, JSONValue)] = [
            ("totals", .obj(LaborCategory.allCases.map { ($0.rawValue, .int(totals[$0] ?? 0)) })),
            ("attentionSeconds", .obj([
                ("low", .number(Self.seconds(attention.lowSeconds))), ("high", .number(Self.seconds(attention.highSeconds))),
                ("exact", .number(Self.seconds(attention.exactSeconds))), ("sessions", .int(attention.sessions)),
                ("method", .string(estimator.method)),
                ("parameters", .obj([("gapSeconds", .number(String(estimator.gapSeconds))), ("tailSeconds", .number(String(estimator.tailSeconds)))])),
            ])),
            ("content", .obj([("characters", .int(content.characters)), ("mediaFiles", .int(content.mediaFiles)),
                              ("mediaBytes", .number(String(content.mediaBytes))),
                              ("videoSeconds", content.videoSeconds.map { .number(Self.seconds($0)) } ?? .null)])),
            ("commerce", .array(money.map { m in
                .obj([("platform", .string(m.platform)), ("kind", .string(m.kind)), ("currency", .string(m.currency)),
                      ("amount", .string(MoneyFormat.format(m.amount))), ("count", .int(m.count)), ("refunds", .int(m.refunds))])
            })),
            ("rows", .array(rows.map { r in
                .obj([("platform", .string(r.platform)), ("month", .string(r.month)), ("category", .string(r.category)),
                      ("kind", .string(r.kind)), ("count", .int(r.count))])
            })),
            ("attentionByMonth", .array(attentionByMonth.keys.sorted().map { key in
                let a = attentionByMonth[key]!
                let parts = key.split(separator: "|")
                return .obj([("platform", .string(String(parts[0]))), ("month", .string(String(parts[1]))),
                             ("low", .number(Self.seconds(a.lowSeconds))), ("high", .number(Self.seconds(a.highSeconds))),
                             ("exact", .number(Self.seconds(a.exactSeconds)))])
            })),
            ("notLabor", .obj(notLabor.keys.sorted().map { ($0, .int(notLabor[$0]!)) })),
            ("inferences", .array(inferences.map(\.json))),
        ]
        if let dimensions {
            pairs.append(("grouped", .obj([
                ("by", .array(dimensions.map(JSONValue.string))),
                ("rows", .array(grouped(by: dimensions).map { g in
                    .obj(zip(dimensions, g.key).map { ($0, .string($1)) } + [("count", .int(g.count))])
                })),
            ])))
        }
        if let valuation {
            pairs.append(("valuation", .obj([
                ("results", .array(valuation.results.map(\.json))),
                ("missing", .array(valuation.missing.map(JSONValue.string))),
            ])))
        }
        return .obj(pairs)
    }

    /// CSV of the rows, grouped by the chosen dimensions (all four when none).
    public func csv(by dimensions: [String]) -> String {
        var out = dimensions.joined(separator: ",") + ",count\n"
        for g in grouped(by: dimensions) {
            out += g.key.map(Self.csvField).joined(separator: ",") + ",\(g.count)\n"
        }
        return out
    }

    static func csvField(_ s: String) -> String {
        s.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" }) ? "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : s
    }

    static func seconds(_ value: Double) -> String {
        value == value.rounded() ? String(Int64(value)) : String(format: "%.1f", value)
    }

    /// `3 h 25 min`
    public static func duration(_ seconds: Double) -> String {
        let minutes = Int((seconds / 60).rounded())
        if minutes < 60 { return "\(minutes) min" }
        return "\(minutes / 60) h \(minutes % 60) min"
    }
}
