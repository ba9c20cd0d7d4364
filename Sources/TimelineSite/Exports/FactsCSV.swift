import TimelineCore

/// `facts.csv`: the fact set as a spreadsheet, one fact per row (RFC 4180).
struct FactsCSV {
    let site: Site

    static let header = ["id", "date", "statement", "metric", "value", "upper", "unit", "qualifier", "display", "sources", "citations"]

    var bytes: [UInt8] {
        var rows = [Self.header]
        for fact in site.content.facts {
            let citations = DataExport.citations(fact.citations)
            rows.append([
                fact.id, fact.date.text, fact.statement, fact.metric ?? "", fact.value.map(JSON.number) ?? "",
                fact.upperValue.map(JSON.number) ?? "", fact.unit ?? "", fact.qualifier ?? "", fact.displayValue ?? "",
                fact.citations.map(\.sourceID).joined(separator: ";"), citations.serialized(),
            ])
        }
        return Array(rows.map { $0.map(Self.field).joined(separator: ",") + "\r\n" }.joined().utf8)
    }

    /// A field quoted when it must be, defused when a spreadsheet would run it as a formula, and without the
    /// control characters no output holds.
    static func field(_ value: String) -> String {
        var value = ControlCharacters.removed(from: value)
        if let first = value.unicodeScalars.first, ["=", "+", "-", "@", "\t", "\r"].contains(first), Double(value) == nil {
            value = "'" + value
        }
        guard value.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else {
            return value
        }
        return "\"" + value.split(separator: "\"", omittingEmptySubsequences: false).joined(separator: "\"\"") + "\""
    }
}
