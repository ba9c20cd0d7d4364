import TimelineCore
#if canImport(Glibc)
import Glibc
#endif

/// Reads one note file: its front matter, the fields every note has, and those of its kind.
struct NoteReader: Sendable {
    let limits: Limits

    /// Reads a note, or takes the reading a previous build made of the same bytes.
    func read<Fields: ReadableNoteFields>(_ file: SourceText, id: String, previous: NoteReading<Fields>?) -> NoteReading<Fields> {
        var hasher = StableHasher()
        hasher.combine(contents: file.bytes)
        let hash = hasher.value
        // A reading is taken only for the same bytes, and only when its body lies within them.
        if var reading = previous, reading.fileHash == hash, reading.path == file.path,
           (reading.note?.body ?? reading.unreadBody).map({ $0.range.upperBound <= file.bytes.count }) ?? true {
            reading.note?.body.file = file
            reading.unreadBody?.file = file
            return reading
        }
        let log = DiagnosticLog()
        let (note, body): (Note<Fields>?, MarkdownBody?) = read(file, id: id, fileHash: hash, log: log)
        return NoteReading(path: file.path, fileHash: hash, note: note, unreadBody: note == nil ? body : nil, diagnostics: log.diagnostics)
    }

    /// The note, or nil after reporting why it cannot be used, and its body, which is nil only when the file
    /// cannot be split into front matter and body or holds too many references to check.
    private func read<Fields: ReadableNoteFields>(_ file: SourceText, id: String, fileHash: UInt64, log: DiagnosticLog) -> (Note<Fields>?, MarkdownBody?) {
        let (frontMatter, body) = parts(file, fileHash: fileHash, log: log)
        guard let body, let (document, node) = frontMatter,
              let fields = FieldReader(node, in: document, subject: "\(Fields.kind.rawValue) '\(id)'", log: log) else { return (nil, body) }
        fields.rejectUnknownFields(["title", "summary", "sources", "draft"] + Fields.fieldNames)
        let title = fields.string("title", required: true)
        let own = Fields.read(fields)
        guard let title, let own else { return (nil, body) }
        let note = Note(
            id: id, title: title, summary: fields.string("summary"), citations: fields.citations("sources"), fields: own, body: body,
            location: .file(file.path), draft: fields.bool("draft") ?? false)
        return (note, body)
    }

    /// Splits a note into its front matter, read as YAML (nil after reporting why it cannot be), and its body.
    /// A file without front matter is all body; one whose front matter is never closed has none to check.
    private func parts(_ file: SourceText, fileHash: UInt64, log: DiagnosticLog) -> (frontMatter: (YAMLDocument, YAMLNode)?, body: MarkdownBody?) {
        guard let (parts, document, node) = FrontMatter.read(file, depthLimit: limits.yamlDepth, log: log) else {
            guard !FrontMatter.opens(file) else { return (nil, nil) }
            return (nil, body(of: file, range: 0..<file.bytes.count, firstLine: 1, fileHash: fileHash, log: log))
        }
        return (node.map { (document, $0) }, body(of: file, range: parts.body, firstLine: parts.bodyFirstLine, fileHash: fileHash, log: log))
    }

    /// The body, or nil after reporting that it holds more references than a note may.
    private func body(of file: SourceText, range: Range<Int>, firstLine: Int, fileHash: UInt64, log: DiagnosticLog) -> MarkdownBody? {
        if let past = Self.referenceStart(number: limits.referencesPerNote + 1, in: file.bytes[range]) {
            log.error(
                .tooManyReferences, "a note has at most \(limits.referencesPerNote) citations and [[...]] links; split this one",
                at: file.location(ofOffset: past))
            return nil
        }
        return MarkdownBody(file: file, range: range, firstLine: firstLine, fileHash: fileHash)
    }

    /// Where the `number`th `[@` or `[[` of a body starts, or nil when it has fewer: a bound on the work of
    /// resolving references, counted before the Markdown is parsed.
    static func referenceStart(number: Int, in body: ArraySlice<UInt8>) -> Int? {
        body.withUnsafeBufferPointer { bytes -> Int? in
            guard let base = bytes.baseAddress else { return nil }
            var count = 0
            var index = 0
            // From one `[` to the next, found by memchr rather than byte by byte.
            while index + 1 < bytes.count, let found = memchr(base + index, Int32(UInt8(ascii: "[")), bytes.count - index - 1) {
                index = base.distance(to: found.assumingMemoryBound(to: UInt8.self))
                if bytes[index + 1] == UInt8(ascii: "@") || bytes[index + 1] == UInt8(ascii: "[") {
                    count += 1
                    if count == number { return body.startIndex + index }
                    index += 2
                } else {
                    index += 1
                }
            }
            return nil
        }
    }
}

/// The fields of a kind of note, read from front matter: which names they use, and how they are read.
protocol ReadableNoteFields: NoteFields {
    /// The front-matter fields of this kind, beside `title`, `summary`, `sources` and `draft`.
    static var fieldNames: [String] { get }
    /// The fields, or nil after reporting why the note cannot be used.
    static func read(_ fields: FieldReader) -> Self?
}

extension EntryFields: ReadableNoteFields {
    static let fieldNames = ["date", "topics", "facts", "updated", "corrections", "image"]

    static func read(_ fields: FieldReader) -> EntryFields? {
        let date = fields.date("date", required: true)
        var corrections: [Correction] = []
        for (node, location) in fields.mappings("corrections") {
            guard let correction = fields.reader(of: node, subject: "a correction") else { continue }
            correction.rejectUnknownFields(["date", "text"])
            if let date = correction.date("date", required: true), let text = correction.string("text", required: true) {
                corrections.append(Correction(date: date, text: text, location: location))
            }
        }
        guard let date else { return nil }
        return EntryFields(
            date: date, topics: fields.references("topics"), facts: fields.references("facts"), updated: fields.date("updated"),
            corrections: corrections, image: fields.references("image").first)
    }
}

extension TopicFields: ReadableNoteFields {
    static let fieldNames = ["kind", "image", "coordinates"]

    static func read(_ fields: FieldReader) -> TopicFields? {
        guard let text = fields.string("kind", required: true) else { return nil }
        guard let kind = TopicKind(rawValue: text == "organization" ? "organisation" : text) else {
            let kinds = TopicKind.allCases.map(\.rawValue).joined(separator: ", ")
            fields.log.error(.invalidKind, "kind '\(text)' is not one of \(kinds)", at: fields.location(of: "kind"))
            return nil
        }
        return TopicFields(kind: kind, image: fields.references("image").first, coordinates: fields.coordinates("coordinates"))
    }
}

extension PageFields: ReadableNoteFields {
    static let fieldNames = ["menu"]

    static func read(_ fields: FieldReader) -> PageFields? {
        PageFields(menuOrder: fields.integer("menu"))
    }
}
