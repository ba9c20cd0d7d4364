import Synchronization
import Yams

/// The first stage of a build: reads the content folder into a ``Content`` value, reporting every problem
/// with the files' syntax and fields. References between items are checked later, by ``ContentChecker``.
public struct ContentReader: Sendable {
    let fileSystem: any FileSystem
    /// The content folder, as the user named it; diagnostics show paths under this name.
    let folder: String
    let limits: Limits
    /// Bytes read so far, against ``Limits/contentSize``.
    private let budget = ReadBudget()

    public init(fileSystem: any FileSystem = LocalFileSystem(), folder: String, limits: Limits = Limits()) {
        self.fileSystem = fileSystem
        self.folder = folder.hasSuffix("/") && folder.count > 1 ? String(folder.dropLast()) : folder
        self.limits = limits
    }

    static let noteFolders = ["entries", "topics", "pages"]
    static let dataFiles = ["site.yaml", "sources.yaml", "facts.yaml"]

    func path(_ relative: String) -> String { folder + "/" + relative }

    /// Reads every file of the content folder; nil when nothing usable could be read.
    public func read(log: DiagnosticLog) -> Content? {
        read(log: log, previous: [:]).content
    }

    /// Reads every file of the content folder, reusing what `previous` remembers of notes whose bytes did
    /// not change; returns the content and what to remember of each note now.
    func read(log: DiagnosticLog, previous: [String: NoteRecord]) -> (content: Content?, records: [String: NoteRecord]) {
        guard fileSystem.kind(of: folder) != nil else {
            log.error("missing-content", "content folder '\(folder)' does not exist", at: .file(folder))
            return (nil, [:])
        }
        let root = fileSystem.resolvedPath(folder) ?? folder
        let errorsBefore = log.errorCount
        budget.reset()
        checkTopLevel(log: log)

        var broken: BrokenIDs = []
        let settings = readSettings(root: root, log: log)
        // A list file that cannot be read at all hides every id it holds: references to them are not reported.
        let sources = readList("sources.yaml", required: true, root: root, log: log) { node, document in
            let source = readSource(node, document, log: log)
            if source == nil, let id = node["id"]?.string { broken.insert("source:" + id) }
            return source
        } ?? { broken.insertAll("source:"); return [] }()
        let facts = readList("facts.yaml", required: false, root: root, log: log) { node, document in
            let fact = readFact(node, document, log: log)
            if fact == nil, let id = node["id"]?.string { broken.insert("fact:" + id) }
            return fact
        } ?? { broken.insertAll("fact:"); return [] }()

        let files = Self.noteFolders.map { noteFiles(in: $0, root: root, log: log, broken: &broken) }
        if budget.exceeded {
            log.error(
                "content-too-large", "the content's files add up to more than the limit of \(limits.contentSize) bytes",
                at: .file(folder))
            return (nil, [:])
        }
        let all = files[0].map { (NoteKind.entry, $0) } + files[1].map { (NoteKind.topic, $0) } + files[2].map { (NoteKind.page, $0) }
        let read = parallelMap(all) { kind, file in readNote(kind, file, previous: previous[file.text.path]) }
        var entries: [Entry] = [], topics: [Topic] = [], pages: [Page] = []
        var records: [String: NoteRecord] = [:]
        for ((_, file), record) in zip(all, read) {
            log.report(contentsOf: record.readDiagnostics)
            records[file.text.path] = record
            switch record.note {
            case .entry(let entry)?: entries.append(entry)
            case .topic(let topic)?: topics.append(topic)
            case .page(let page)?: pages.append(page)
            case nil: broken.insert("note:" + file.id)
            }
        }

        guard let settings else { return (nil, records) }
        let content = Content(
            settings: settings, sources: sources, facts: facts, entries: entries, topics: topics,
            pages: pages, brokenIDs: broken, isComplete: log.errorCount == errorsBefore)
        return (content, records)
    }

    /// Reads one note, or takes it from what a previous build remembered when its bytes are the same.
    private func readNote(_ kind: NoteKind, _ file: (id: String, text: SourceText), previous: NoteRecord?) -> NoteRecord {
        var hasher = StableHasher()
        hasher.combine(contents: file.text.bytes)
        let hash = hasher.value
        if let previous, previous.fileHash == hash {
            var record = previous
            record.note = previous.note?.reading(file.text)
            return record
        }
        let log = DiagnosticLog()
        let note: ParsedNote?
        switch kind {
        case .entry: note = readEntry(file, log: log).map(ParsedNote.entry)
        case .topic: note = readTopic(file, log: log).map(ParsedNote.topic)
        case .page: note = readPage(file, log: log).map(ParsedNote.page)
        }
        return NoteRecord(fileHash: hash, note: note, readDiagnostics: log.diagnostics, rendering: nil)
    }

    // MARK: Files

    private func checkTopLevel(log: DiagnosticLog) {
        let items: [DirectoryItem]
        do {
            items = try fileSystem.listDirectory(folder) ?? []
        } catch {
            log.error("unreadable-file", "cannot read the content folder: \(error.reason)", at: .file(folder))
            return
        }
        let known = Set(Self.noteFolders + Self.dataFiles + ["assets"])
        for item in items where !item.name.hasPrefix(".") && !known.contains(item.name) {
            let suggestion = known.min { FieldReader.distance($0, item.name) < FieldReader.distance($1, item.name) }
            var message = "'\(item.name)' is not part of the content format and is ignored"
            if let suggestion, FieldReader.distance(suggestion, item.name) <= 2 { message += "; did you mean '\(suggestion)'?" }
            log.warning("unknown-file", message, at: .file(path(item.name)))
        }
    }

    /// Reads a file of the content folder as text, after checking that it stays inside the folder, is a
    /// regular file, fits the limits, and is valid UTF-8 without NUL bytes. A byte-order mark is dropped.
    func readText(_ relative: String, root: String, limit: Int, log: DiagnosticLog) -> SourceText? {
        let shown = path(relative)
        let kindHere = fileSystem.kind(of: shown)
        let isLink = kindHere == .symbolicLink
        // A regular file in a folder of the content that is itself no link is inside the content; anything
        // else is resolved in full, so that a file reached through a linked folder is checked too.
        if kindHere == .file, isPlainFolder(containing: relative) {
            return decode(shown, limit: limit, log: log)
        }
        guard let target = fileSystem.resolvedPath(shown), let kind = fileSystem.kind(of: target) else {
            if isLink {
                log.error("broken-link", "symbolic link points to nothing", at: .file(shown))
            } else {
                log.error("unreadable-file", "cannot read file: no such file", at: .file(shown))
            }
            return nil
        }
        guard target.hasPrefix(root + "/") else {
            log.error("outside-content", "symbolic link points outside the content folder, to '\(target)'", at: .file(shown))
            return nil
        }
        // A pipe would block the build forever, and a device could be endless: only regular files are read.
        guard kind == .file else {
            let what = kind == .directory ? "a folder" : "not a regular file (a pipe, socket or device)"
            log.error("unreadable-file", "cannot read file: it is \(what)", at: .file(shown))
            return nil
        }
        return decode(shown, limit: limit, log: log)
    }

    /// Whether the folder holding a file of the content (given relative to it) is the content folder or a
    /// folder in it that is not a symbolic link, so that a regular file there needs no resolving.
    private func isPlainFolder(containing relative: String) -> Bool {
        guard let slash = relative.utf8.lastIndex(of: UInt8(ascii: "/")) else { return true }
        let folder = String(relative[..<slash])
        return !folder.contains("/") && folder != ".." && fileSystem.kind(of: path(folder)) == .directory
    }

    /// Reads a checked file of the content folder as text: within the limits, and valid UTF-8 without NUL
    /// bytes. A byte-order mark is dropped and line endings are made Unix ones.
    private func decode(_ shown: String, limit: Int, log: DiagnosticLog) -> SourceText? {
        var bytes: [UInt8]
        do {
            bytes = try fileSystem.readFile(shown, limit: limit)
        } catch {
            let id = error.reason.contains("limit") ? "file-too-large" : "unreadable-file"
            log.error(id, "cannot read file: \(error.reason)", at: .file(shown))
            return nil
        }
        // Files are read in parallel, so which ones are left out past the limit varies; the build stops anyway.
        guard budget.take(bytes.count, limit: limits.contentSize) else { return nil }
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
        if bytes.contains(0x0D) { bytes = Self.unixLineEndings(bytes) }
        if bytes.isEmpty {
            log.error("empty-file", "file is empty", at: .file(shown))
            return nil
        }
        let text = SourceText(path: shown, bytes: bytes)
        if let problem = Self.encodingProblem(bytes) {
            log.error(problem.id, problem.message, at: text.location(ofOffset: problem.offset))
            return nil
        }
        return text
    }

    /// Windows (CR LF) and old Mac (CR) line endings as LF, so that a file reads, and builds, exactly as it
    /// would with LF endings, and every part of the generator counts lines as libcmark and libyaml do.
    static func unixLineEndings(_ bytes: [UInt8]) -> [UInt8] {
        var result: [UInt8] = []
        result.reserveCapacity(bytes.count)
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte == 0x0D {
                result.append(0x0A)
                if index + 1 < bytes.count, bytes[index + 1] == 0x0A { index += 1 }
            } else {
                result.append(byte)
            }
            index += 1
        }
        return result
    }

    /// The first NUL byte or invalid UTF-8 sequence in a file.
    static func encodingProblem(_ bytes: [UInt8]) -> (id: String, message: String, offset: Int)? {
        var index = 0
        let count = bytes.count
        while index < count {
            let byte = bytes[index]
            if byte < 0x80 {
                if byte == 0 { return ("nul-byte", "file contains a NUL byte; is it a text file?", index) }
                index += 1
                continue
            }
            let length: Int
            var minimum: UInt32
            var scalar: UInt32
            switch byte {
            case 0xC2...0xDF: length = 2; minimum = 0x80; scalar = UInt32(byte & 0x1F)
            case 0xE0...0xEF: length = 3; minimum = 0x800; scalar = UInt32(byte & 0x0F)
            case 0xF0...0xF4: length = 4; minimum = 0x10000; scalar = UInt32(byte & 0x07)
            default: return ("invalid-utf8", "file is not valid UTF-8 (byte 0x\(String(byte, radix: 16, uppercase: true))); save it as UTF-8", index)
            }
            guard index + length <= count else {
                return ("invalid-utf8", "file is not valid UTF-8 (a character is cut off); save it as UTF-8", index)
            }
            for next in bytes[(index + 1)..<(index + length)] {
                guard next & 0xC0 == 0x80 else {
                    return ("invalid-utf8", "file is not valid UTF-8 (byte 0x\(String(byte, radix: 16, uppercase: true)) starts a character that does not continue); save it as UTF-8", index)
                }
                scalar = scalar << 6 | UInt32(next & 0x3F)
            }
            if scalar < minimum || scalar > 0x10FFFF || (0xD800...0xDFFF).contains(scalar) {
                return ("invalid-utf8", "file is not valid UTF-8 (an impossible character); save it as UTF-8", index)
            }
            index += length
        }
        return nil
    }

    /// The Markdown files of a note folder, sorted by name, each checked to have a valid id as its name.
    private func noteFiles(in folderName: String, root: String, log: DiagnosticLog, broken: inout BrokenIDs) -> [(id: String, text: SourceText)] {
        let folderPath = path(folderName)
        // A folder that is a symbolic link must lead to a folder inside the content, as a linked file must.
        if fileSystem.kind(of: folderPath) == .symbolicLink {
            guard let target = fileSystem.resolvedPath(folderPath) else {
                log.error("broken-link", "symbolic link points to nothing", at: .file(folderPath))
                broken.insertAll("note:")
                return []
            }
            guard target.hasPrefix(root + "/") else {
                log.error("outside-content", "symbolic link points outside the content folder, to '\(target)'", at: .file(folderPath))
                broken.insertAll("note:")
                return []
            }
        }
        let items: [DirectoryItem]
        do {
            guard let listed = try fileSystem.listDirectory(folderPath) else { return [] }
            items = listed.sorted { $0.name.utf8.lexicographicallyPrecedes($1.name.utf8) }
        } catch {
            log.error("unreadable-file", "cannot read folder: \(error.reason)", at: .file(folderPath))
            broken.insertAll("note:")
            return []
        }
        if items.count > limits.notesPerFolder {
            log.error(
                "too-many-files", "folder has \(items.count) files, over the limit of \(limits.notesPerFolder)",
                at: .file(folderPath))
            broken.insertAll("note:")
            return []
        }
        var accepted: [(id: String, relative: String)] = []
        for item in items where !item.name.hasPrefix(".") {
            let relative = folderName + "/" + item.name
            guard item.name.hasSuffix(".md") else {
                if item.kind == .directory {
                    log.warning("unknown-file", "folders inside '\(folderName)' are not read", at: .file(path(relative)))
                } else {
                    log.warning("unknown-file", "only Markdown files (.md) are read here; this file is ignored", at: .file(path(relative)))
                }
                continue
            }
            let id = String(item.name.dropLast(3))
            if let problem = Identifier.problem(with: id) {
                let suggestion = Identifier.suggestion(for: id)
                var message = "file name '\(item.name)' is not a valid id: \(problem)"
                if !suggestion.isEmpty { message += "; rename it '\(suggestion).md'" }
                log.error("invalid-id", message, at: .file(path(relative)))
                continue
            }
            accepted.append((id, relative))
        }
        let texts = parallelMap(accepted) { item in
            readText(item.relative, root: root, limit: limits.noteSize, log: log).map { (item.id, $0) }
        }
        for (item, text) in zip(accepted, texts) where text == nil { broken.insert("note:" + item.id) }
        return texts.compactMap { $0 }
    }

    // MARK: Data files

    private func readSettings(root: String, log: DiagnosticLog) -> SiteSettings? {
        guard fileSystem.kind(of: path("site.yaml")) != nil else {
            log.error("missing-file", "the site's settings are missing; create site.yaml with title, description and language", at: .file(path("site.yaml")))
            return nil
        }
        guard let text = readText("site.yaml", root: root, limit: limits.dataFileSize, log: log) else { return nil }
        let document = YAMLDocument(file: text)
        guard let node = document.root(log: log, depthLimit: limits.yamlDepth),
              let fields = FieldReader(node, in: document, subject: "the site", log: log) else { return nil }
        fields.rejectUnknownFields(["title", "description", "language", "base_url", "publisher", "eras", "metrics", "allow_html", "smart_punctuation"])
        let title = fields.string("title", required: true)
        let description = fields.string("description", required: true)
        let language = fields.string("language", required: true)
        if let language, !Self.isLanguageTag(language) {
            log.error("invalid-language", "'\(language)' is not a BCP 47 language tag such as 'en' or 'fr-HT'", at: fields.location(of: "language"))
        }
        var baseURL = fields.string("base_url")
        if let url = baseURL {
            if !(url.hasPrefix("https://") || url.hasPrefix("http://")) || url.contains(" ") {
                log.error("invalid-url", "base_url must be an absolute http or https address, such as https://example.org/explainer/", at: fields.location(of: "base_url"))
                baseURL = nil
            } else if !url.hasSuffix("/") {
                baseURL = url + "/"
            }
        }
        var eras: [Era] = []
        for (node, location) in fields.mappings("eras") {
            guard let era = FieldReader(node, in: document, subject: "an era", log: log) else { continue }
            era.rejectUnknownFields(["id", "title", "date", "summary"])
            guard let title = era.string("title", required: true), let date = era.date("date", required: true) else { continue }
            if !date.isInterval {
                log.error("invalid-date", "an era's date is an interval, such as 1995/2017 or 2024-06/..", at: era.location(of: "date"))
                continue
            }
            let id = era.string("id") ?? Identifier.suggestion(for: title)
            if let problem = Identifier.problem(with: id) {
                log.error("invalid-id", "era id '\(id)' is not valid: \(problem)", at: era.has("id") ? era.location(of: "id") : location)
                continue
            }
            eras.append(Era(id: id, title: title, date: date, summary: era.string("summary"), location: location))
        }
        var metrics: [Metric] = []
        for (node, location) in fields.mappings("metrics") {
            guard let metric = FieldReader(node, in: document, subject: "a metric", log: log) else { continue }
            metric.rejectUnknownFields(["id", "title", "description"])
            guard let id = metric.string("id", required: true), let title = metric.string("title", required: true) else { continue }
            if let problem = Identifier.problem(with: id) {
                log.error("invalid-id", "metric id '\(id)' is not valid: \(problem)", at: metric.location(of: "id"))
                continue
            }
            metrics.append(Metric(id: id, title: title, description: metric.string("description"), location: location))
        }
        guard let title, let description, let language else { return nil }
        return SiteSettings(
            title: title, description: description, language: language, baseURL: baseURL,
            publisher: fields.string("publisher"), eras: eras, metrics: metrics, allowHTML: fields.bool("allow_html") ?? false,
            smartPunctuation: fields.bool("smart_punctuation") ?? true, location: .file(text.path))
    }

    static func isLanguageTag(_ tag: String) -> Bool {
        let parts = tag.split(separator: "-", omittingEmptySubsequences: false)
        guard let first = parts.first, (2...3).contains(first.count), first.allSatisfy({ $0.isASCII && $0.isLetter }) else { return false }
        return parts.dropFirst().allSatisfy { (1...8).contains($0.count) && $0.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber) } }
    }

    /// Reads a YAML file holding a list of items, such as `sources.yaml`; nil when the file is required and
    /// missing, or cannot be read as a list at all.
    private func readList<Item>(
        _ name: String, required: Bool, root: String, log: DiagnosticLog, item: (Node, YAMLDocument) -> Item?
    ) -> [Item]? {
        guard fileSystem.kind(of: path(name)) != nil else {
            if required {
                log.error("missing-file", "\(name) is missing", at: .file(path(name)))
                return nil
            }
            return []
        }
        guard let text = readText(name, root: root, limit: limits.dataFileSize, log: log) else { return nil }
        let document = YAMLDocument(file: text)
        guard let node = document.root(log: log, depthLimit: limits.yamlDepth) else { return nil }
        guard case .sequence(let sequence) = node else {
            if case .mapping(let mapping) = node, mapping.count == 0 { return [] }
            log.error("yaml-type", "\(name) holds a list, each item starting with '- ', found \(FieldReader.describe(node))", at: document.location(of: node))
            return nil
        }
        return sequence.compactMap { item($0, document) }
    }

    /// Checks a URL given in content: absolute http, https or mailto only.
    static func urlProblem(_ url: String) -> String? {
        let lower = url.lowercased()
        if lower.hasPrefix("https://") || lower.hasPrefix("http://") {
            if url.contains(where: { $0 == " " || $0 == "\"" || $0 == "<" || $0 == ">" || $0.isNewline }) {
                return "an address cannot contain spaces, quotes or angle brackets"
            }
            return nil
        }
        return "must be an absolute http or https address"
    }

    private func readSource(_ node: Node, _ document: YAMLDocument, log: DiagnosticLog) -> Source? {
        guard let fields = FieldReader(node, in: document, subject: "a source", log: log) else { return nil }
        fields.rejectUnknownFields(["id", "title", "publisher", "author", "date", "url", "archive_url", "accessed", "note", "language"])
        guard let id = fields.string("id", required: true) else { return nil }
        if let problem = Identifier.problem(with: id) {
            log.error("invalid-id", "source id '\(id)' is not valid: \(problem)", at: fields.location(of: "id"))
            return nil
        }
        let subject = FieldReader(node, in: document, subject: "source '\(id)'", log: log)!
        let date = subject.date("date", required: true)
        var urls: [String: String] = [:]
        for key in ["url", "archive_url"] {
            guard let url = subject.string(key) else { continue }
            if let problem = Self.urlProblem(url) {
                log.error("invalid-url", "\(key) of source '\(id)' \(problem)", at: subject.location(of: key))
            } else {
                urls[key] = url
            }
        }
        if let language = subject.string("language"), !Self.isLanguageTag(language) {
            log.error("invalid-language", "'\(language)' is not a BCP 47 language tag", at: subject.location(of: "language"))
        }
        guard let date else { return nil }
        return Source(
            id: id, title: subject.string("title"), publisher: subject.string("publisher"), author: subject.string("author"), date: date,
            url: urls["url"], archiveURL: urls["archive_url"], accessed: subject.date("accessed"), note: subject.string("note"),
            language: subject.string("language"), location: fields.location(of: "id"))
    }

    private func readFact(_ node: Node, _ document: YAMLDocument, log: DiagnosticLog) -> Fact? {
        guard let fields = FieldReader(node, in: document, subject: "a fact", log: log) else { return nil }
        fields.rejectUnknownFields(["id", "statement", "date", "sources", "metric", "value", "upper", "unit", "qualifier"])
        guard let id = fields.string("id", required: true) else { return nil }
        if let problem = Identifier.problem(with: id) {
            log.error("invalid-id", "fact id '\(id)' is not valid: \(problem)", at: fields.location(of: "id"))
            return nil
        }
        let subject = FieldReader(node, in: document, subject: "fact '\(id)'", log: log)!
        let statement = subject.string("statement", required: true)
        let date = subject.date("date", required: true)
        let citations = subject.citations("sources")
        let metric = subject.string("metric")
        if let metric, let problem = Identifier.problem(with: metric) {
            log.error("invalid-id", "metric '\(metric)' is not a valid key: \(problem)", at: subject.location(of: "metric"))
        }
        let value = subject.number("value")
        let upper = subject.number("upper")
        if metric != nil, value == nil, !subject.has("value") {
            log.error("missing-field", "fact '\(id)' has a metric, so it needs a 'value'", at: fields.location(of: "id"))
        }
        if let value, let upper, upper < value {
            log.error("invalid-number", "'upper' (\(upper)) of fact '\(id)' is below its value (\(value))", at: subject.location(of: "upper"))
        }
        guard let statement, let date else { return nil }
        return Fact(
            id: id, statement: statement, date: date, citations: citations, metric: metric, value: value, upperValue: upper,
            unit: subject.string("unit"), qualifier: subject.string("qualifier"), location: fields.location(of: "id"))
    }

    // MARK: Notes

    /// Splits a note and reads its front matter.
    private func frontMatter(_ file: SourceText, log: DiagnosticLog) -> (YAMLDocument, Node, MarkdownBody)? {
        switch FrontMatter.split(file) {
        case .failure(let diagnostic):
            log.report(diagnostic)
            return nil
        case .success(let parts):
            let document = YAMLDocument(file: file, range: parts.yaml, firstLine: parts.yamlFirstLine)
            guard let node = document.root(log: log, depthLimit: limits.yamlDepth) else { return nil }
            if let past = Self.referenceStart(number: limits.referencesPerNote + 1, in: file.bytes[parts.body]) {
                log.error(
                    "too-many-references", "a note has at most \(limits.referencesPerNote) citations and [[...]] links; split this one",
                    at: file.location(ofOffset: past))
                return nil
            }
            return (document, node, MarkdownBody(file: file, range: parts.body, firstLine: parts.bodyFirstLine))
        }
    }

    /// Where the `number`th `[@` or `[[` of a body starts, or nil when it has fewer: a bound on the work of
    /// resolving references, counted before the Markdown is parsed.
    static func referenceStart(number: Int, in body: ArraySlice<UInt8>) -> Int? {
        var count = 0
        var index = body.startIndex
        while index + 1 < body.endIndex {
            if body[index] == UInt8(ascii: "["), body[index + 1] == UInt8(ascii: "@") || body[index + 1] == UInt8(ascii: "[") {
                count += 1
                if count == number { return index }
                index += 2
            } else {
                index += 1
            }
        }
        return nil
    }

    private func readEntry(_ file: (id: String, text: SourceText), log: DiagnosticLog) -> Entry? {
        guard let (document, node, body) = frontMatter(file.text, log: log),
              let fields = FieldReader(node, in: document, subject: "entry '\(file.id)'", log: log) else { return nil }
        fields.rejectUnknownFields(["title", "date", "summary", "topics", "sources", "facts", "updated", "corrections"])
        let title = fields.string("title", required: true)
        let date = fields.date("date", required: true)
        var corrections: [Correction] = []
        for (node, location) in fields.mappings("corrections") {
            guard let correction = FieldReader(node, in: document, subject: "a correction", log: log) else { continue }
            correction.rejectUnknownFields(["date", "text"])
            if let date = correction.date("date", required: true), let text = correction.string("text", required: true) {
                corrections.append(Correction(date: date, text: text, location: location))
            }
        }
        guard let title, let date else { return nil }
        return Entry(
            id: file.id, title: title, date: date, summary: fields.string("summary"), topics: fields.references("topics"),
            citations: fields.citations("sources"), facts: fields.references("facts"), updated: fields.date("updated"),
            corrections: corrections, body: body, location: .file(file.text.path))
    }

    private func readTopic(_ file: (id: String, text: SourceText), log: DiagnosticLog) -> Topic? {
        guard let (document, node, body) = frontMatter(file.text, log: log),
              let fields = FieldReader(node, in: document, subject: "topic '\(file.id)'", log: log) else { return nil }
        fields.rejectUnknownFields(["title", "kind", "summary", "sources"])
        let title = fields.string("title", required: true)
        var kind: TopicKind?
        if let text = fields.string("kind", required: true) {
            kind = TopicKind(rawValue: text == "organization" ? "organisation" : text)
            if kind == nil {
                let kinds = TopicKind.allCases.map(\.rawValue).joined(separator: ", ")
                log.error("invalid-kind", "kind '\(text)' is not one of \(kinds)", at: fields.location(of: "kind"))
            }
        }
        guard let title, let kind else { return nil }
        return Topic(
            id: file.id, title: title, kind: kind, summary: fields.string("summary"), citations: fields.citations("sources"),
            body: body, location: .file(file.text.path))
    }

    private func readPage(_ file: (id: String, text: SourceText), log: DiagnosticLog) -> Page? {
        guard let (document, node, body) = frontMatter(file.text, log: log),
              let fields = FieldReader(node, in: document, subject: "page '\(file.id)'", log: log) else { return nil }
        fields.rejectUnknownFields(["title", "summary", "menu", "sources"])
        guard let title = fields.string("title", required: true) else { return nil }
        return Page(
            id: file.id, title: title, summary: fields.string("summary"), menuOrder: fields.integer("menu"),
            citations: fields.citations("sources"), body: body, location: .file(file.text.path))
    }
}

/// The bytes a read may still take, shared by the threads that read files.
private final class ReadBudget: Sendable {
    private let used = Atomic<Int>(0)
    private let over = Atomic<Bool>(false)

    func reset() {
        used.store(0, ordering: .relaxed)
        over.store(false, ordering: .relaxed)
    }

    /// Counts `count` more bytes; false when that goes past `limit`.
    func take(_ count: Int, limit: Int) -> Bool {
        let total = used.wrappingAdd(count, ordering: .relaxed).newValue
        if total > limit { over.store(true, ordering: .relaxed) }
        return total <= limit
    }

    var exceeded: Bool { over.load(ordering: .relaxed) }
}
