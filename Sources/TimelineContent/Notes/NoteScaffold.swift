import TimelineCore

/// The starting text of a new note, for `timeline new`, and the one way the generator creates note files.
public enum NoteScaffold {
    /// Why a new note cannot be made from these values, or nil.
    public static func problem(id: String, date: String?, kind: NoteKind, topicKind: String?) -> String? {
        if let problem = Identifier.problem(with: id) {
            let suggestion = Identifier.made(from: id)
            return "'\(id)' is not a valid id: \(problem)" + (suggestion.isEmpty ? "" : "; try '\(suggestion)'")
        }
        if kind == .entry {
            guard let date else { return "an entry needs --date, such as --date 2025-07-24 or --date 2024-06" }
            do {
                _ = try EDTFDate(parsing: date)
            } catch {
                return "invalid date '\(date)': \(error.message)"
            }
        }
        if kind == .topic, let topicKind, TopicKind(rawValue: topicKind) == nil {
            return "--kind is one of \(TopicKind.allCases.map(\.rawValue).joined(separator: ", "))"
        }
        return nil
    }

    /// The text of a new note, ready to edit.
    public static func text(kind: NoteKind, title: String, date: String?, topicKind: String?) -> String {
        var lines = ["---", "title: \(quoted(title))"]
        let guidance = "Cite a source for each claim with its id in brackets, as `[@source-id]`, and link to other notes with `[[note-id]]`."
        switch kind {
        case .entry:
            lines += [
                "date: \(date ?? "")", "# summary: One sentence for the timeline.", "topics: []", "sources: []", "---", "",
                "Say what happened. " + guidance,
            ]
        case .topic:
            lines += ["kind: \(topicKind ?? "person")", "# summary: One sentence about it.", "---", "", "Who or what this is. " + guidance]
        case .page:
            lines += ["---", "", "Write the page here."]
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// A YAML string in double quotes.
    public static func quoted(_ text: String) -> String {
        var result = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "\n": result += "\\n"
            case "\t": result += "\\t"
            default:
                if scalar.value < 0x20 { result += "\\x" + String(scalar.value, radix: 16) } else { result.unicodeScalars.append(scalar) }
            }
        }
        return result + "\""
    }

    /// Writes a new note file at `path` (relative to the content folder), creating its folder; a note that
    /// exists is never replaced.
    public static func create(_ path: String, text: String, in content: String) throws(FileSystemError) {
        let files = LocalFileSystem()
        let full = content + "/" + path
        if let slash = full.lastIndex(of: "/") { try files.createFolder(String(full[..<slash])) }
        do {
            try files.writeFile(full, Array(text.utf8), mode: .exclusive)
        } catch {
            throw FileSystemError(path: full, reason: error.kind == .exists ? "a note with this id already exists" : error.reason, kind: error.kind)
        }
    }
}
