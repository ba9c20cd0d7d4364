import TimelineContent
import TimelineCore
import TimelineMarkdown
import TimelineSite

/// A record of the build cache, written and read field by field, which is several times faster than
/// through the `Codable` conformances the compiler writes: the notes and renderings, one record per note
/// read by every build that changed anything, what each page read, the table of what pages read, where
/// entries lie in the exports, and the manifest. A test checks that they cover every stored property.
protocol CacheRecord {
    func write(to output: BinaryOutput) throws
    init(reading input: BinaryInput) throws
}

/// An item of a list kept as one record: a position in the table of what pages read, or a key of it.
protocol CacheItem {
    func write(to output: BinaryOutput)
    init(reading input: BinaryInput) throws
}

extension Array: CacheRecord where Element: CacheItem {
    func write(to output: BinaryOutput) { output.list(self) { $0.write(to: output) } }
    init(reading input: BinaryInput) throws { self = try input.list { try Element(reading: input) } }
}

extension Int: CacheItem {
    func write(to output: BinaryOutput) { output.word(UInt64(bitPattern: Int64(self))) }
    init(reading input: BinaryInput) throws { self = try input.integer() }
}

extension ReadKey: CacheItem {
    /// The kind of key as its place among the kinds, then its id.
    func write(to output: BinaryOutput) {
        let (kind, id) = parts
        output.bytes.append(UInt8(Kind.allCases.firstIndex(of: kind) ?? 0))
        output.string(id)
    }

    init(reading input: BinaryInput) throws {
        let kind = Int(try input.byte())
        guard kind < Kind.allCases.count else { throw BinaryInput.damaged }
        self.init(kind: Kind.allCases[kind], id: try input.string())
    }
}

extension ExportLayout: CacheRecord {
    /// Written as columns of plain values; columns of unequal length are damage.
    func write(to output: BinaryOutput) {
        output.list(keys) { output.string($0) }
        output.list(fingerprints) { output.word($0) }
        output.list(starts) { output.word(UInt64(bitPattern: Int64($0))) }
        output.list(counts) { output.word(UInt64(bitPattern: Int64($0))) }
        output.word(UInt64(bitPattern: Int64(size)))
    }

    init(reading input: BinaryInput) throws {
        self.init()
        keys = try input.list { try input.string() }
        fingerprints = try input.list { try input.word() }
        starts = try input.list { try input.integer() }
        counts = try input.list { try input.integer() }
        size = try input.integer()
        guard fingerprints.count == keys.count, starts.count == keys.count, counts.count == keys.count else { throw BinaryInput.damaged }
    }
}

extension BuildCache.Manifest: CacheRecord {
    /// The pages are written as a list sorted by path, each with its version and stamp.
    func write(to output: BinaryOutput) throws {
        output.word(inputStamp)
        output.stamp(startedAt)
        try output.present(warnings) { try output.diagnostics($0) }
        output.present(counts) { counts in
            for number in [counts.entries, counts.topics, counts.sources, counts.facts, counts.pages] { output.word(UInt64(bitPattern: Int64(number))) }
        }
        output.list(pages.values.sorted { $0.path < $1.path }) { record in
            output.string(record.path)
            output.word(record.version)
            output.stamp(record.stamp)
        }
    }

    init(reading input: BinaryInput) throws {
        self.init()
        inputStamp = try input.word()
        startedAt = try input.stamp()
        warnings = try input.present { try input.diagnostics() }
        counts = try input.present {
            BuildCounts(entries: try input.integer(), topics: try input.integer(), sources: try input.integer(), facts: try input.integer(), pages: try input.integer())
        }
        let count = try input.itemCount()
        pages.reserveCapacity(count)
        for _ in 0..<count {
            let path = try input.string()
            pages[path] = PageRecord(path: path, version: try input.word(), stamp: try input.stamp())
        }
    }
}

/// The fields of a kind of note, written and read field by field.
protocol CacheFields: NoteFields {
    func write(to output: BinaryOutput)
    init(reading input: BinaryInput) throws
}

extension NoteReading: CacheRecord where Fields: CacheFields {
    func write(to output: BinaryOutput) throws {
        output.string(path)
        output.word(fileHash)
        output.present(note) { note in
            output.string(note.id)
            output.string(note.title)
            output.optional(note.summary)
            output.list(note.citations) { output.citation($0) }
            note.fields.write(to: output)
            output.body(note.body)
            output.location(note.location)
            output.flag(note.draft)
        }
        output.present(unreadBody) { output.body($0) }
        try output.diagnostics(diagnostics)
    }

    init(reading input: BinaryInput) throws {
        let path = try input.string(), fileHash = try input.word()
        let note = try input.present { () throws -> Note<Fields> in
            let id = try input.string(), title = try input.string(), summary = try input.optional()
            let citations = try input.list { try input.citation() }
            return Note(
                id: id, title: title, summary: summary, citations: citations, fields: try Fields(reading: input), body: try input.body(),
                location: try input.location(), draft: try input.flag())
        }
        self.init(path: path, fileHash: fileHash, note: note, unreadBody: try input.present { try input.body() }, diagnostics: try input.diagnostics())
    }
}

extension EntryFields: CacheFields {
    func write(to output: BinaryOutput) {
        output.string(date.text)
        output.list(topics) { output.reference($0) }
        output.list(facts) { output.reference($0) }
        output.optional(updated?.text)
        output.list(corrections) { correction in
            output.string(correction.date.text)
            output.string(correction.text)
            output.location(correction.location)
        }
        output.present(image) { output.reference($0) }
    }

    init(reading input: BinaryInput) throws {
        let date = try input.date(), topics = try input.list { try input.reference() }, facts = try input.list { try input.reference() }
        let updated = try input.optional().map(BinaryInput.date(parsing:))
        let corrections = try input.list { Correction(date: try input.date(), text: try input.string(), location: try input.location()) }
        self.init(date: date, topics: topics, facts: facts, updated: updated, corrections: corrections, image: try input.present { try input.reference() })
    }
}

extension TopicFields: CacheFields {
    func write(to output: BinaryOutput) {
        output.string(kind.rawValue)
        output.present(image) { output.reference($0) }
        output.present(coordinates) { coordinates in
            output.word(coordinates.latitude.bitPattern)
            output.word(coordinates.longitude.bitPattern)
        }
    }

    init(reading input: BinaryInput) throws {
        guard let kind = TopicKind(rawValue: try input.string()) else { throw BinaryInput.damaged }
        let image = try input.present { try input.reference() }
        let coordinates = try input.present {
            Coordinates(latitude: Double(bitPattern: try input.word()), longitude: Double(bitPattern: try input.word()))
        }
        self.init(kind: kind, image: image, coordinates: coordinates)
    }
}

extension PageFields: CacheFields {
    func write(to output: BinaryOutput) {
        output.present(menuOrder) { output.word(UInt64(bitPattern: Int64($0))) }
    }

    init(reading input: BinaryInput) throws {
        self.init(menuOrder: try input.present { Int(Int64(bitPattern: try input.word())) })
    }
}

extension BuildCache.Rendering: CacheRecord {
    func write(to output: BinaryOutput) throws {
        output.word(fileHash)
        output.word(optionsHash)
        let note = result.note
        output.string(note.info.kind.rawValue)
        output.string(note.info.id)
        output.string(note.info.title)
        output.string(note.markdown.html)
        output.string(note.markdown.text)
        output.list(note.citations.sources) { cited in
            output.string(cited.sourceID)
            output.list(cited.uses) { use in
                output.optional(use.anchor)
                output.optional(use.locator)
                output.optional(use.quote)
                output.optional(use.quoteLanguage)
            }
        }
        output.list(note.mentions) { mention in
            output.string(mention.target)
            output.string(mention.anchor)
        }
        output.list(note.inlineFacts) { output.string($0) }
        output.word(note.fingerprint)
        try output.diagnostics(result.diagnostics)
        output.list(result.lookups) { recorded in
            let (kind, name): (UInt8, String)
            switch recorded.lookup {
            case .source(let id): (kind, name) = (0, id)
            case .note(let id): (kind, name) = (1, id)
            case .fact(let id): (kind, name) = (2, id)
            case .path(let path): (kind, name) = (3, path)
            case .media(let file): (kind, name) = (4, file)
            }
            output.bytes.append(kind)
            output.string(name)
            output.word(recorded.signature)
        }
    }

    init(reading input: BinaryInput) throws {
        let fileHash = try input.word(), optionsHash = try input.word()
        guard let kind = NoteKind(rawValue: try input.string()) else { throw BinaryInput.damaged }
        let info = NoteInfo(kind: kind, id: try input.string(), title: try input.string())
        // A body read from a file of the cache is made into text only when a page asks for it.
        let markdown = try input.keeper.map { RenderedMarkdown(keeping: $0, html: try input.textBytes(), text: try input.textBytes()) }
            ?? RenderedMarkdown(html: try input.string(), text: try input.string())
        let sources = try input.list {
            CitationList.Cited(sourceID: try input.string(), uses: try input.list {
                CitationList.Use(anchor: try input.optional(), locator: try input.optional(), quote: try input.optional(), quoteLanguage: try input.optional())
            })
        }
        let mentions = try input.list { Mention(target: try input.string(), anchor: try input.string()) }
        let note = RenderedNote(
            info: info, markdown: markdown, citations: CitationList(sources: sources), mentions: mentions,
            inlineFacts: try input.list { try input.string() }, fingerprint: try input.word())
        let diagnostics = try input.diagnostics()
        let lookups = try input.list { () throws -> NoteLinker.RecordedLookup in
            let kind = try input.byte(), name = try input.string()
            let lookup: Lookup
            switch kind {
            case 0: lookup = .source(name)
            case 1: lookup = .note(name)
            case 2: lookup = .fact(name)
            case 3: lookup = .path(name)
            case 4: lookup = .media(name)
            default: throw BinaryInput.damaged
            }
            return NoteLinker.RecordedLookup(lookup: lookup, signature: try input.word())
        }
        self.init(fileHash: fileHash, optionsHash: optionsHash, result: NoteLinker.Result(note: note, diagnostics: diagnostics, lookups: lookups))
    }
}

extension BinaryOutput {
    /// A byte that says whether a value is there, then the value.
    func present<Value>(_ value: Value?, _ write: (Value) throws -> Void) rethrows {
        bytes.append(value == nil ? 0 : 1)
        if let value { try write(value) }
    }

    func optional(_ text: String?) { present(text) { string($0) } }

    func flag(_ value: Bool) { bytes.append(value ? 1 : 0) }

    func list<Item>(_ items: [Item], _ write: (Item) throws -> Void) rethrows {
        count(items.count)
        for item in items { try write(item) }
    }

    func location(_ location: SourceLocation) {
        string(location.path)
        word(UInt64(bitPattern: Int64(location.line)))
        word(UInt64(bitPattern: Int64(location.column)))
    }

    func reference(_ reference: Reference) {
        string(reference.id)
        location(reference.location)
    }

    func citation(_ citation: Citation) {
        string(citation.sourceID)
        optional(citation.locator)
        optional(citation.quote)
        optional(citation.quoteLanguage)
        location(citation.location)
        present(citation.quoteLocation) { location($0) }
    }

    /// A body without its file's bytes, which the build reads anyway.
    func body(_ body: MarkdownBody) {
        for number in [body.range.lowerBound, body.range.upperBound, body.firstLine] { word(UInt64(bitPattern: Int64(number))) }
        word(body.fileHash)
    }

    /// Diagnostics, rare in a record, through their conformance.
    func diagnostics(_ diagnostics: [Diagnostic]) throws {
        try list(diagnostics) { try write($0) }
    }

    func stamp(_ stamp: FileStamp) {
        for number in [stamp.size, stamp.seconds, stamp.nanoseconds] { word(UInt64(bitPattern: Int64(number))) }
    }
}

extension BinaryInput {
    /// A record from `bytes`, which must hold it exactly.
    static func record<Record: CacheRecord>(_ type: Record.Type, from bytes: UnsafeRawBufferPointer) throws -> Record {
        let input = BinaryInput(bytes: bytes)
        let record = try Record(reading: input)
        guard input.offset == bytes.count else { throw damaged }
        return record
    }

    func present<Value>(_ read: () throws -> Value) throws -> Value? {
        switch try byte() {
        case 0: return nil
        case 1: return try read()
        default: throw Self.damaged
        }
    }

    func optional() throws -> String? { try present { try string() } }

    func flag() throws -> Bool {
        switch try byte() {
        case 0: return false
        case 1: return true
        default: throw Self.damaged
        }
    }

    func integer() throws -> Int { Int(Int64(bitPattern: try word())) }

    /// A location, whose path is most often the one read before it: that text is then shared, not made again.
    func location() throws -> SourceLocation {
        SourceLocation(path: try path(), line: try integer(), column: try integer())
    }

    func reference() throws -> Reference { Reference(id: try string(), location: try location()) }

    func citation() throws -> Citation {
        Citation(
            sourceID: try string(), locator: try optional(), quote: try optional(), quoteLanguage: try optional(), location: try location(),
            quoteLocation: try present { try location() })
    }

    func body() throws -> MarkdownBody {
        let start = try integer(), end = try integer()
        guard start >= 0, end >= start else { throw Self.damaged }
        return MarkdownBody(file: SourceText(path: "", bytes: []), range: start..<end, firstLine: try integer(), fileHash: try word())
    }

    func diagnostics() throws -> [Diagnostic] { try list { try read(Diagnostic.self) } }

    func stamp() throws -> FileStamp { FileStamp(size: try integer(), seconds: try integer(), nanoseconds: try integer()) }

    /// A date as the author wrote it, parsed again.
    func date() throws -> EDTFDate { try Self.date(parsing: try string()) }

    static func date(parsing text: String) throws -> EDTFDate {
        do { return try EDTFDate(parsing: text) } catch { throw damaged }
    }
}
