/// How diagnostics are printed: for people (`path:line:column: severity: message [id]`), as JSON lines for
/// editors and scripts, or as GitHub Actions workflow commands, which annotate the lines of a pull request.
public enum DiagnosticFormat: String, Sendable, CaseIterable {
    case text, json, github

    /// One diagnostic in this format: for `json`, one object on one line.
    public func format(_ diagnostic: Diagnostic) -> String {
        switch self {
        case .text: return diagnostic.description
        case .json: return Self.json(diagnostic).serialized()
        case .github: return Self.github(diagnostic)
        }
    }

    /// `{"file", "line", "column", "severity", "id", "message", "notes": [{"message", "file", "line", "column"}],
    /// "fixit": {"kind", "replacement"}}`; a place that names a whole file has no line or column.
    static func json(_ diagnostic: Diagnostic) -> JSON {
        func place(_ location: SourceLocation) -> [(String, JSON)] {
            [("file", .string(location.path))] + (location.line > 0 ? [("line", .integer(location.line)), ("column", .integer(location.column))] : [])
        }
        var members = place(diagnostic.location)
        members += [
            ("severity", .string(diagnostic.severity.rawValue)), ("id", .string(diagnostic.id.rawValue)), ("message", .string(diagnostic.fullMessage)),
            ("notes", .array(diagnostic.notes.map { note in .object([("message", .string(note.message))] + (note.location.map(place) ?? [])) })),
        ]
        if let fixIt = diagnostic.fixIt {
            members.append(("fixit", .object([("kind", .string(fixIt.kind.rawValue)), ("replacement", .string(fixIt.replacement))])))
        }
        return .object(members)
    }

    /// `::error file=…,line=…,col=…,title=…::message`, with the characters GitHub reads escaped: `%`, line
    /// breaks, and in the properties `:` and `,`.
    static func github(_ diagnostic: Diagnostic) -> String {
        func escape(_ text: String, property: Bool) -> String {
            var out = ""
            for scalar in text.unicodeScalars {
                switch scalar {
                case "%": out += "%25"
                case "\r": out += "%0D"
                case "\n": out += "%0A"
                case ":" where property: out += "%3A"
                case "," where property: out += "%2C"
                default: out.unicodeScalars.append(scalar)
                }
            }
            return out
        }
        func escapeData(_ text: String) -> String { escape(text, property: false) }
        func escapeProperty(_ text: String) -> String { escape(text, property: true) }
        var properties = ["file=" + escapeProperty(diagnostic.location.path)]
        if diagnostic.location.line > 0 {
            properties += ["line=\(diagnostic.location.line)", "col=\(diagnostic.location.column)"]
        }
        properties.append("title=" + escapeProperty(diagnostic.id.rawValue))
        var message = diagnostic.fullMessage
        for note in diagnostic.notes { message += "\n" + (note.location.map { "\($0.description): " } ?? "") + "note: " + note.message }
        return "::\(diagnostic.severity == .error ? "error" : "warning") \(properties.joined(separator: ","))::\(escapeData(message))"
    }
}
