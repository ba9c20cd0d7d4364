import TimelineCore

/// Reads a note's translation, `FOLDER/ID.LANG.md`: front matter with only what it translates (`title`,
/// `summary`) and when it was made (`translated`), then the body in that language, which may be empty.
struct TranslationReader: Sendable {
    let limits: Limits

    func read(_ file: SourceText, kind: NoteKind, id: String, language: String, log: DiagnosticLog) -> NoteTranslation? {
        guard let (parts, document, node) = FrontMatter.read(file, depthLimit: limits.yamlDepth, log: log), let node,
              let fields = FieldReader(node, in: document, subject: "the \(language) translation of '\(id)'", log: log) else { return nil }
        for key in fields.keys where !["title", "summary", "translated"].contains(key) {
            log.error(
                .unknownField,
                "a translation gives only 'title', 'summary' and 'translated'; '\(key)' comes from the original, \(kind.folder)/\(id).md",
                at: fields.location(of: key))
        }
        guard let title = fields.string("title", required: true) else { return nil }
        let summary = fields.string("summary")
        let translated = fields.date("translated")
        let range = parts.body
        let isEmpty = file.bytes[range].allSatisfy { $0 == 0x20 || $0 == 0x0A || $0 == 0x09 }
        var hasher = StableHasher()
        hasher.combine(contents: file.bytes)
        let body = isEmpty ? nil : MarkdownBody(file: file, range: range, firstLine: parts.bodyFirstLine, fileHash: hasher.value)
        return NoteTranslation(
            kind: kind, id: id, language: language, title: title, summary: summary, translated: translated, body: body, location: .file(file.path))
    }
}
