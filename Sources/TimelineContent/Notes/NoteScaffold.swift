import TimelineCore

/// The starting text of a new note, for `timeline new`, and the one way the generator creates note files.
public enum NoteScaffold {
    /// Why a new note cannot be made from these values, or nil.
    public static func problem(id: String, title: String, date: String?, kind: NoteKind, topicKind: String?) -> String? {
        if title.trimmingWhitespace.isEmpty { return "the title cannot be empty" }
        if let problem = Identifier.problem(with: id) {
            let suggestion = Identifier.made(from: id)
            return "'\(id)' is not a valid id: \(problem)" + (suggestion.isEmpty ? "" : "; try '\(suggestion)'")
        }
        if kind == .entry {
            guard let date else { return "an entry needs --date, such as --date 2025-07-24 or --date 2024-06" }
            do {
                _ = try EDTFDate(parsing: date)
            } catch {
                let explained = EDTFDate.explanation(of: date, error: error)
                return "invalid date '\(date)': \(explained.message)" + (explained.fixIt.map { "; did you mean '\($0.replacement)'?" } ?? "")
            }
        }
        if kind == .topic, let topicKind, TopicKind(rawValue: topicKind) == nil {
            return "--kind is one of \(TopicKind.allCases.map(\.rawValue).joined(separator: ", "))"
        }
        return nil
    }

    /// The words a new note starts with, which a finished note no longer holds.
    public static let placeholders = ["Say what happened.", "Who or what this is.", "Write the page here.", guidance]

    static let guidance = "Cite a source for each claim with its id in brackets, as `[@source-id]`, and link to other notes with `[[note-id]]`."

    /// The text of a new note, ready to edit: a draft, which builds leave out until `draft: true` is removed.
    public static func text(kind: NoteKind, title: String, date: String?, topicKind: String?) -> String {
        var lines = ["---", "title: \(quoted(title))"]
        switch kind {
        case .entry:
            lines += ["date: \(date ?? "")", "# summary: One sentence for the timeline.", "topics: []", "sources: []"]
        case .topic:
            lines += ["kind: \(topicKind ?? "person")", "# summary: One sentence about it."]
        case .page:
            lines += ["# menu: 1"]
        }
        lines += ["draft: true", "---", ""]
        switch kind {
        case .entry: lines.append("Say what happened. " + guidance)
        case .topic: lines.append("Who or what this is. " + guidance)
        case .page: lines.append("Write the page here.")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// A YAML string in double quotes, which YAML reads back to the same scalars: every character YAML does
    /// not print, or takes for a line break, is escaped (`\x01`, `\r`, `\x7F`, `\N`, `\L`, `\uFEFF`, …).
    public static func quoted(_ text: String) -> String {
        var result = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "\n": result += "\\n"
            case "\t": result += "\\t"
            case "\r": result += "\\r"
            case "\0": result += "\\0"
            case "\u{85}": result += "\\N"
            case "\u{2028}": result += "\\L"
            case "\u{2029}": result += "\\P"
            default:
                if isPrintable(scalar) { result.unicodeScalars.append(scalar) } else { result += escaped(scalar) }
            }
        }
        return result + "\""
    }

    /// Whether YAML takes a character as it is inside quotes (YAML 1.1 §5.1, as libyaml reads it).
    static func isPrintable(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x20...0x7E, 0xA0...0xD7FF, 0xE000...0xFFFD: return scalar.value != 0xFEFF
        case 0x10000...0x10FFFF: return true
        default: return false
        }
    }

    /// A character as a YAML escape of two, four or eight hexadecimal digits.
    static func escaped(_ scalar: Unicode.Scalar) -> String {
        let (prefix, digits) = scalar.value <= 0xFF ? ("\\x", 2) : scalar.value <= 0xFFFF ? ("\\u", 4) : ("\\U", 8)
        let hex = String(scalar.value, radix: 16, uppercase: true)
        return prefix + String(repeating: "0", count: digits - hex.count) + hex
    }

    /// Why `text`, written for a note `id` of `kind` at `path`, would not be read back by the build with the
    /// title `title`, or nil when it would: the content reader's own message, or a plain one.
    public static func readBackProblem(_ text: String, kind: NoteKind, id: String, title: String, path: String) -> String? {
        let file = SourceText(path: path, bytes: Array(text.utf8))
        let reader = NoteReader(limits: Limits())
        let read: (title: String?, diagnostics: [Diagnostic])
        switch kind {
        case .entry:
            let reading = reader.read(file, id: id, previous: NoteReading<EntryFields>?.none)
            read = (reading.note?.title, reading.diagnostics)
        case .topic:
            let reading = reader.read(file, id: id, previous: NoteReading<TopicFields>?.none)
            read = (reading.note?.title, reading.diagnostics)
        case .page:
            let reading = reader.read(file, id: id, previous: NoteReading<PageFields>?.none)
            read = (reading.note?.title, reading.diagnostics)
        }
        if let error = read.diagnostics.first(where: { $0.severity == .error }) {
            return "the title cannot be written so that the build reads it back: \(error.message)"
        }
        if read.title != title { return "the title cannot be written so that the build reads it back as it was given" }
        return nil
    }

    /// The note that already has the id `id`, in any of the folders of entries, topics and pages, since they
    /// share ids; nil when none has.
    public static func existingNote(_ id: String, in content: String) -> String? {
        let files = LocalFileSystem()
        for kind in NoteKind.allCases {
            let path = content + "/" + kind.folder + "/" + id + ".md"
            if files.kind(of: path) != nil { return path }
        }
        return nil
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
