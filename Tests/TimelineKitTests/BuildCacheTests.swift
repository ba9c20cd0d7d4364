import Foundation
import Testing
@testable import TimelineBuild
@testable import TimelineContent
@testable import TimelineCore
@testable import TimelineMarkdown
@testable import TimelineSite
import TimelineTesting

/// The build cache reads back exactly what it wrote, refuses what is damaged, and the fingerprints that
/// stand for notes cover what a linked note is made of.
@Suite struct BuildCacheTests {
    /// The example site, read and rendered through a cache kept in memory.
    static func prepared() throws -> BuildCache {
        var cache = BuildCache.empty()
        let builder = SiteBuilder(options: BuildOptions(contentFolder: TestSupport.exampleContent, templatesFolder: TestSupport.templates))
        let log = DiagnosticLog()
        _ = try #require(builder.prepare(log: log, cache: &cache), "\(log.diagnostics)")
        return cache
    }

    @Test func notesAndRenderingsReadBackAsWritten() throws {
        var cache = try Self.prepared()
        let readings = cache.readings
        let renderings = cache.renderings
        #expect(readings.entries.count == 5 && readings.topics.count == 4 && readings.pages.count == 2)
        #expect(renderings.count == readings.paths.count)
        for reading in readings.entries.values {
            let back = try BinaryDecoder.decode(NoteReading<EntryFields>.self, from: try BinaryEncoder.encode(reading))
            #expect(Fingerprint.of(back) == Fingerprint.of(reading), "\(reading.path)")
            #expect(back.note?.date.text == reading.note?.date.text && back.note?.citations == reading.note?.citations)
        }
        for reading in readings.topics.values {
            let back = try BinaryDecoder.decode(NoteReading<TopicFields>.self, from: try BinaryEncoder.encode(reading))
            #expect(Fingerprint.of(back) == Fingerprint.of(reading), "\(reading.path)")
        }
        for (path, rendering) in renderings {
            let back = try BinaryDecoder.decode(BuildCache.Rendering.self, from: try BinaryEncoder.encode(rendering))
            #expect(Fingerprint.of(back) == Fingerprint.of(rendering), "\(path)")
            #expect(back.result.note.markdown == rendering.result.note.markdown)
            #expect(back.result.note.citations == rendering.result.note.citations)
            #expect(back.result.note.mentions == rendering.result.note.mentions)
        }
    }

    /// A record written and read by the cache itself, field by field.
    /// The example site built into memory, with what its cache would save.
    static func builtExample() throws -> BuildCache {
        var cache = BuildCache.empty()
        let builder = SiteBuilder(options: BuildOptions(contentFolder: TestSupport.exampleContent, templatesFolder: TestSupport.templates))
        let log = DiagnosticLog()
        _ = try #require(try builder.build(into: MemoryOutput(), log: log, cache: &cache), "\(log.diagnostics)")
        return cache
    }

    static func throughRecord<Record: CacheRecord>(_ record: Record) throws -> Record {
        let output = BinaryOutput()
        try record.write(to: output)
        return try output.bytes.withUnsafeBytes { bytes in
            let input = BinaryInput(bytes: bytes)
            let back = try Record(reading: input)
            guard input.offset == bytes.count else { throw BinaryInput.damaged }
            return back
        }
    }

    /// A note's text as the cache keeps it reads back with every part of its file's identity in its place.
    @Test func aKeptTextReadsBackWithItsIdentity() throws {
        let identity = FileIdentity(
            stamp: FileStamp(size: 11, seconds: 1_700_000_001, nanoseconds: 2), device: 3, inode: 4, changeSeconds: 1_700_000_005, changeNanoseconds: 6)
        let text = RememberedTexts.Text(identity: identity, bytes: Array("Moïse [@a]\n".utf8))
        let back = try Self.throughRecord(text)
        #expect(back.identity == identity && back.bytes == text.bytes)
    }

    /// The notes and renderings, which the cache writes and reads field by field, read back as their
    /// `Codable` conformances would: the example site's, and notes that have every field.
    @Test func notesAndRenderingsReadBackFieldByField() throws {
        var cache = try Self.prepared()
        let readings = cache.readings
        for reading in readings.entries.values {
            let back = try Self.throughRecord(reading)
            #expect(Fingerprint.of(back) == Fingerprint.of(reading), "\(reading.path)")
            #expect(back.note?.date.text == reading.note?.date.text && back.note?.citations == reading.note?.citations)
        }
        for reading in readings.topics.values { #expect(Fingerprint.of(try Self.throughRecord(reading)) == Fingerprint.of(reading)) }
        for reading in readings.pages.values { #expect(Fingerprint.of(try Self.throughRecord(reading)) == Fingerprint.of(reading)) }
        for (path, rendering) in cache.renderings {
            let back = try Self.throughRecord(rendering)
            #expect(Fingerprint.of(back) == Fingerprint.of(rendering), "\(path)")
            #expect(back.result.note.citations == rendering.result.note.citations && back.result.note.mentions == rendering.result.note.mentions)
            #expect(back.result.lookups.map(\.lookup) == rendering.result.lookups.map(\.lookup))
        }

        let here = SourceLocation(path: "Content/entries/a.md", line: 3, column: 7)
        let there = SourceLocation(path: "Content/facts.yaml", line: 9, column: 2)
        let body = MarkdownBody(file: SourceText(path: "", bytes: []), range: 20..<90, firstLine: 4, fileHash: 77)
        let citation = Citation(sourceID: "s", locator: "p. 2", quote: "q", quoteLanguage: "fr", location: here, quoteLocation: there)
        let diagnostic = Diagnostic.warning(.unknownSource, "m", at: here, notes: [.init("n", at: there)], fixIt: .init(.replace, "r"))
        let entry = EntryFields(
            date: try EDTFDate(parsing: "2021-07-07"), topics: [Reference(id: "t", location: here)], facts: [Reference(id: "f", location: there)],
            updated: try EDTFDate(parsing: "2024-05"), corrections: [Correction(date: try EDTFDate(parsing: "2024"), text: "c", location: there)],
            image: Reference(id: "i.jpg", location: here))
        let full = NoteReading(
            path: here.path, fileHash: 5,
            note: Note(id: "a", title: "A", summary: "S", citations: [citation], fields: entry, body: body, location: here, draft: true),
            unreadBody: body, diagnostics: [diagnostic, .error(.brokenLink, "b", at: there)])
        let back = try Self.throughRecord(full)
        #expect(Fingerprint.of(back) == Fingerprint.of(full))
        #expect(back.note?.draft == true && back.note?.updated?.text == "2024-05" && back.note?.citations == [citation])
        #expect(back.diagnostics == full.diagnostics && back.unreadBody?.range == body.range)
        let topic = NoteReading(
            path: "t", fileHash: 1, note: Note(
                id: "t", title: "T", summary: nil, citations: [], fields: TopicFields(kind: .place, image: nil, coordinates: Coordinates(latitude: 18.5, longitude: -72.3)),
                body: body, location: here), diagnostics: [])
        #expect(try Self.throughRecord(topic).note?.coordinates == Coordinates(latitude: 18.5, longitude: -72.3))
        let page = NoteReading(path: "p", fileHash: 1, note: Note(id: "p", title: "P", summary: nil, citations: [], fields: PageFields(menuOrder: -3), body: body, location: here), diagnostics: [])
        #expect(try Self.throughRecord(page).note?.menuOrder == -3)
        var citations = CitationList()
        _ = citations.cite("s", locator: "l", quote: "q", quoteLanguage: "fr")
        _ = citations.cite("u", inPlace: false)
        _ = citations.cite("s")
        let rendering = BuildCache.Rendering(fileHash: 1, optionsHash: 2, result: NoteLinker.Result(
            note: RenderedNote(
                info: NoteInfo(kind: .topic, id: "t", title: "T"), markdown: RenderedMarkdown(html: "<p>x</p>", text: "x"), citations: citations,
                mentions: [Mention(target: "b", anchor: "m-b-1")], inlineFacts: ["f"], fingerprint: 9),
            diagnostics: [diagnostic],
            lookups: [.source("s"), .note("n"), .fact("f"), .path("p.html"), .media("m.jpg")].enumerated().map { .init(lookup: $1, signature: UInt64($0)) }))
        let read = try Self.throughRecord(rendering)
        #expect(Fingerprint.of(read) == Fingerprint.of(rendering))
        #expect(read.result.note.citations == citations && read.result.note.citations.inPlace)
        // The list goes on numbering where it was: the next use of "s" in place is its third.
        var more = read.result.note.citations
        #expect(more.cite("s").anchor == "cite-s-3" && more.cite("u").number == 2)
        #expect(read.result.lookups.map(\.signature) == [0, 1, 2, 3, 4])

        // Every stored property of what is written field by field is written.
        func labels(_ value: Any) -> [String] { Mirror(reflecting: value).children.compactMap(\.label) }
        #expect(labels(full) == ["path", "fileHash", "note", "unreadBody", "diagnostics"])
        #expect(labels(try #require(full.note).storage.values) == ["id", "title", "summary", "citations", "fields", "body", "location", "draft"])
        #expect(labels(entry) == ["date", "topics", "facts", "updated", "corrections", "image"])
        #expect(labels(try #require(topic.note).fields) == ["kind", "image", "coordinates"])
        #expect(labels(PageFields()) == ["menuOrder"])
        #expect(labels(Correction(date: try EDTFDate(parsing: "2024"), text: "", location: here)) == ["date", "text", "location"])
        #expect(labels(Reference(id: "", location: here)) == ["id", "location"] && labels(here) == ["path", "line", "column"])
        #expect(labels(Coordinates(latitude: 0, longitude: 0)) == ["latitude", "longitude"])
        #expect(labels(rendering) == ["fileHash", "optionsHash", "result"] && labels(rendering.result) == ["note", "diagnostics", "lookups"])
        #expect(labels(rendering.result.lookups[0]) == ["lookup", "signature"] && labels(Mention(target: "", anchor: "")) == ["target", "anchor"])
        #expect(labels(citations.sources[0]) == ["sourceID", "uses", "placed"] && labels(citations.sources[0].uses[0]) == ["anchor", "locator", "quote", "quoteLanguage"])
        #expect(labels(citations) == ["sources", "positions"])
    }

    /// A note's reading is taken from the cache only for the same bytes at the same path, and with its body
    /// within them: a record that says otherwise, however it came to be, is read again from the file.
    @Test func aReadingIsTakenOnlyWhenItFitsTheFile() throws {
        var cache = try Self.prepared()
        let reading = try #require(cache.readings.entries.values.first { $0.note != nil })
        let file = SourceText(path: reading.path, bytes: Array(try String(contentsOfFile: reading.path.replacingOccurrences(
            of: "Content/", with: TestSupport.exampleContent + "/", options: .anchored), encoding: .utf8).utf8))
        let reader = NoteReader(limits: Limits())
        let taken: NoteReading<EntryFields> = reader.read(file, id: try #require(reading.note?.id), previous: reading)
        #expect(taken.note?.body.file.bytes == file.bytes && taken.note?.body.range == reading.note?.body.range)
        var stretched = reading
        stretched.note?.body.range = 0..<(file.bytes.count + 20)
        let again: NoteReading<EntryFields> = reader.read(file, id: try #require(reading.note?.id), previous: stretched)
        #expect(again.note?.body.range == reading.note?.body.range)
        var moved = reading
        moved.path = "Content/entries/other.md"
        moved.note?.title = "Not read from this file"
        let fresh: NoteReading<EntryFields> = reader.read(file, id: try #require(reading.note?.id), previous: moved)
        #expect(fresh.note?.title == reading.note?.title)
    }

    @Test func damagedRecordsAreRefused() throws {
        var cache = try Self.prepared()
        let rendering = try #require(cache.renderings.values.first)
        let bytes = try BinaryEncoder.encode(rendering)
        #expect(throws: (any Error).self) { try BinaryDecoder.decode(BuildCache.Rendering.self, from: Array(bytes.dropLast(3))) }
        #expect(throws: (any Error).self) { try BinaryDecoder.decode(BuildCache.Rendering.self, from: bytes + [0]) }
        var flipped = bytes
        flipped[4] ^= 0xFF
        #expect(throws: (any Error).self) { try BinaryDecoder.decode(BuildCache.Rendering.self, from: flipped) }
    }

    /// Each kind of key is stored by its kind's name and read back as the same key.
    @Test func everyKindOfReadKeyReadsBack() throws {
        let keys: [ReadKey] = [
            .settings, .menu, .note("a"), .noteInfo("b"), .card("c"), .neighbors("d"), .eraOf("e"), .timeline, .eraMembers("f"), .lastUpdated,
            .backlinks("g"), .topicEntries("h"), .topicList, .source("i"), .sourceList, .sourceUses("j"), .fact("k"), .factList,
            .factUses("l"), .chart("m"), .evidence("n"), .figure("o"), .image("p"), .places, .languagesOf("q"),
        ]
        #expect(Set(keys.map(\.parts.kind.rawValue)).count == keys.count)
        #expect(Set(keys.map(\.parts.kind)) == Set(ReadKey.Kind.allCases), "every kind of key is tried")
        #expect(try Self.throughRecord(keys) == keys)
    }

    /// A note's fingerprint stands for its linked form through what that form is made of (the note's file,
    /// its rendering and what linking looked up): a property added to `LinkedNote` must be one of those.
    @Test func aLinkedNoteIsMadeOfWhatItsFingerprintCovers() throws {
        let site = try #require(TestSupport.linkedSite(TestSupport.exampleContent))
        let note = try #require(site.notes.values.first { !$0.inputs.isEmpty })
        #expect(Mirror(reflecting: note).children.compactMap(\.label) == ["info", "rendered", "citations", "facts", "inputs"])
    }

    /// Values fingerprinted as lists write every stored property: a property added to one must be added to
    /// its fingerprint, or this fails.
    /// A fingerprint does not depend on the order a dictionary gives its members in, which changes from one
    /// run of the program to the next; it still tells which value is under which key.
    /// A list of ids is fingerprinted by each id and their count: ids split or joined differently, moved, or
    /// one more or less, give another fingerprint.
    @Test func listsOfTextsAreFingerprintedWhole() {
        let lists: [[String]] = [[], [""], ["", ""], ["ab", "c"], ["a", "bc"], ["abc"], ["c", "ab"], ["ab", "c", ""]]
        #expect(Set(lists.map { Fingerprint.of(texts: $0) }).count == lists.count)
        #expect(Fingerprint.of(texts: ["ab", "c"]) == Fingerprint.of(texts: ["a" + "b", "c"]))
    }

    @Test func fingerprintsOfDictionariesDoNotDependOnTheirOrder() {
        let keys = (0..<40).map { "key-\($0)" }
        var small: [String: String] = [:], large: [String: String] = [:]
        large.reserveCapacity(4096)
        for key in keys { small[key] = "value of \(key)" }
        for key in keys.reversed() { large[key] = "value of \(key)" }
        // The two dictionaries are equal, with their members in different orders.
        #expect(small == large)
        #expect(Array(small.keys) != Array(large.keys))
        #expect(Fingerprint.of(small) == Fingerprint.of(large))
        let translations = (Translations(texts: ["title": small]), Translations(texts: ["title": large]))
        #expect(Fingerprint.of(translations.0) == Fingerprint.of(translations.1))
        var swapped = small
        (swapped["key-1"], swapped["key-2"]) = (small["key-2"], small["key-1"])
        #expect(Fingerprint.of(swapped) != Fingerprint.of(small))
        var renamed = small
        renamed["key-1"] = nil
        renamed["key-41"] = small["key-1"]
        #expect(Fingerprint.of(renamed) != Fingerprint.of(small))
        // Fields of a value still count by name: the same texts in other fields differ.
        let one = Translations(texts: ["title": ["fr": "A"], "summary": ["fr": "B"]])
        let other = Translations(texts: ["title": ["fr": "B"], "summary": ["fr": "A"]])
        #expect(Fingerprint.of(one) != Fingerprint.of(other))
    }

    @Test func valuesFingerprintedAsListsCoverEveryProperty() throws {
        let info = NoteInfo(kind: .entry, id: "a", title: "A")
        let use = SourceUse(route: .facts, anchor: "x", title: "T", note: info, factID: "f", locator: "l", quote: "q", quoteLanguage: "fr")
        #expect(Mirror(reflecting: use).children.compactMap(\.label) == ["route", "anchor", "title", "note", "factID", "locator", "quote", "quoteLanguage"])
        #expect(Mirror(reflecting: Backlink(from: info, anchor: "m")).children.compactMap(\.label) == ["from", "anchor"])
        #expect(Mirror(reflecting: Neighbors(previous: "p", next: "n")).children.compactMap(\.label) == ["previous", "next"])
        #expect(Mirror(reflecting: info).children.compactMap(\.label) == ["kind", "id", "title"])
        // A rendering is stored field by field (NoteLinker.Result's coding).
        let rendered = RenderedNote(info: info, markdown: RenderedMarkdown(html: "", text: ""), citations: CitationList(), mentions: [], inlineFacts: [])
        #expect(Mirror(reflecting: rendered).children.compactMap(\.label) == ["info", "markdown", "citations", "mentions", "inlineFacts", "fingerprint"])
        // Its HTML and text, made or kept as the bytes of the cache file (`RenderedMarkdown.Form`).
        #expect(Mirror(reflecting: rendered.markdown).children.compactMap(\.label) == ["form"])
        // Citations and bodies are stored as lists of their properties.
        let citation = Citation(sourceID: "s", location: .file("f"))
        #expect(Mirror(reflecting: citation).children.compactMap(\.label) == ["sourceID", "locator", "quote", "quoteLanguage", "location", "quoteLocation"])
        let body = MarkdownBody(file: SourceText(path: "f", text: ""), range: 0..<0, firstLine: 1, fileHash: 0)
        #expect(Mirror(reflecting: body).children.compactMap(\.label) == ["file", "range", "firstLine", "fileHash"])
        #expect(Mirror(reflecting: TimelineItem(id: "a", era: "e")).children.compactMap(\.label) == ["id", "era"])
        let month = try EDTFDate(parsing: "2024-05")
        let card = CardInputs(id: "a", title: "A", date: try EDTFDate(parsing: "2024"), summary: "S", topics: [info], sourceCount: 1, language: "en")
        #expect(Mirror(reflecting: card).children.compactMap(\.label) == ["id", "title", "date", "summary", "topics", "sourceCount", "language"])
        let value = NoteValue(path: "p", fileHash: 1, ownFileHash: 3, title: "T", summary: "S", rendered: 2, inputs: [.source("s")])
        #expect(Mirror(reflecting: value).children.compactMap(\.label) == ["path", "fileHash", "ownFileHash", "title", "summary", "rendered", "inputs"])
        // And each property changes the fingerprint.
        func changes<Value: DirectFingerprint>(_ value: Value, _ changes: [(inout Value) -> Void]) {
            for change in changes {
                var changed = value
                change(&changed)
                #expect(Fingerprint.of(list: [changed]) != Fingerprint.of(list: [value]))
                #expect(Fingerprint.of(direct: changed) != Fingerprint.of(direct: value))
            }
        }
        changes(use, [{ $0.anchor = nil }, { $0.title = "U" }, { $0.note = nil }, { $0.note?.kind = .topic }, { $0.note?.title = "B" }, { $0.factID = nil },
                      { $0.locator = nil }, { $0.quote = nil }, { $0.quoteLanguage = nil }, { $0.route = .index }])
        changes(Backlink(from: info, anchor: "m"), [{ $0.anchor = "n" }, { $0.from.id = "b" }, { $0.from.kind = .page }, { $0.from.title = "B" }])
        changes(Neighbors(previous: "p", next: "n"), [{ $0.previous = nil }, { $0.next = nil }, { $0.previous = "n"; $0.next = "p" }])
        changes(TimelineItem(id: "a", era: "e"), [{ $0.id = "b" }, { $0.era = nil }])
        changes(card, [{ $0.id = "b" }, { $0.title = "B" }, { $0.date = month }, { $0.summary = nil }, { $0.topics = [] },
                       { $0.topics[0].title = "B" }, { $0.sourceCount = 2 }, { $0.language = "fr" }])
        changes(value, [{ $0.path = nil }, { $0.fileHash = nil }, { $0.fileHash = 2; $0.rendered = 1 }, { $0.ownFileHash = nil }, { $0.ownFileHash = 1 }, { $0.title = nil }, { $0.title = "S"; $0.summary = "T" },
                        { $0.summary = nil }, { $0.rendered = nil }, { $0.inputs = nil }, { $0.inputs = [] },
                        { $0.inputs = [.fact("s")] }, { $0.inputs = [.source("t")] }])
        #expect(Fingerprint.of(list: [use, use]) != Fingerprint.of(list: [use]))

        // Sources and facts, which every key naming them fingerprints, with their citations, places and translations.
        let place = SourceLocation(path: "Content/sources.yaml", line: 4, column: 3)
        var source = Source(
            id: "s", title: "T", publisher: "P", author: "A", date: month, url: "https://a.example", archiveURL: "https://b.example", accessed: month,
            note: "N", language: "fr", location: place)
        source.translations = Translations(texts: ["fr": ["title": "T2", "note": "N2"], "ht": ["title": "T3"]], locations: ["title": place])
        let cited = Citation(sourceID: "s", locator: "p. 2", quote: "q", quoteLanguage: "fr", location: place, quoteLocation: place)
        var fact = Fact(id: "f", statement: "S", date: month, citations: [cited], location: place)
        (fact.metric, fact.value, fact.upperValue, fact.unit, fact.qualifier) = ("m", 1, 2, "u", "about")
        (fact.unitName, fact.figureLanguage, fact.translations) = ("units", "fr", source.translations)
        #expect(Mirror(reflecting: source).children.compactMap(\.label) == [
            "id", "title", "publisher", "author", "date", "url", "archiveURL", "accessed", "note", "language", "location", "translations"])
        #expect(Mirror(reflecting: fact).children.compactMap(\.label) == [
            "id", "statement", "date", "citations", "metric", "value", "upperValue", "unit", "qualifier", "location", "translations", "unitName", "figureLanguage"])
        #expect(Mirror(reflecting: place).children.compactMap(\.label) == ["path", "line", "column"])
        #expect(Mirror(reflecting: source.translations).children.compactMap(\.label) == ["texts", "locations"])
        let year = try EDTFDate(parsing: "2024")
        changes(source, [{ $0.id = "t" }, { $0.title = nil }, { $0.publisher = nil }, { $0.author = nil }, { $0.date = year }, { $0.url = nil },
                         { $0.archiveURL = nil }, { $0.accessed = nil }, { $0.accessed = year }, { $0.note = nil }, { $0.language = nil },
                         { $0.location.line = 5 }, { $0.location.column = 4 }, { $0.location.path = "x" }, { $0.translations = Translations() },
                         { $0.translations.texts["fr"]?["note"] = "N3" }, { $0.translations.texts["fr"]?["title"] = nil },
                         { $0.translations.texts["ht"] = ["note": "T3"] }, { $0.translations.locations = [:] }, { $0.translations.locations["note"] = place }])
        changes(fact, [{ $0.id = "g" }, { $0.statement = "R" }, { $0.date = year }, { $0.citations = [] }, { $0.citations.append(cited) },
                       { $0.citations[0].locator = nil }, { $0.citations[0].quote = nil }, { $0.citations[0].quoteLanguage = nil },
                       { $0.citations[0].sourceID = "t" }, { $0.citations[0].location.line = 1 }, { $0.citations[0].quoteLocation = nil },
                       { $0.metric = nil }, { $0.value = nil }, { $0.value = 3 }, { $0.upperValue = nil }, { $0.unit = nil }, { $0.qualifier = nil },
                       { $0.location.column = 9 }, { $0.translations = Translations() }, { $0.unitName = nil }, { $0.figureLanguage = nil }])
    }

    /// Which note files changed is found kind by kind, and the hash of every file's path and bytes does not
    /// depend on the order the readings are kept in.
    @Test func changedNoteFilesAndTheHashOfAllOfThem() {
        func reading<F>(_ path: String, _ hash: UInt64) -> NoteReading<F> { NoteReading(path: path, fileHash: hash, note: nil, diagnostics: []) }
        var before = NoteReadings()
        before.entries = ["entries/a.md": reading("entries/a.md", 1), "entries/b.md": reading("entries/b.md", 2)]
        before.topics = ["topics/t.md": reading("topics/t.md", 3)]
        var now = before
        #expect(now.changedPaths(since: before).isEmpty)
        #expect(now.filesHash == before.filesHash)
        now.entries["entries/b.md"] = reading("entries/b.md", 5)
        now.pages["pages/p.md"] = reading("pages/p.md", 6)
        now.topics["topics/t.md"] = nil
        #expect(now.changedPaths(since: before) == ["entries/b.md", "pages/p.md"])
        #expect(NoteReadings().changedPaths(since: before).isEmpty)
        #expect(now.filesHash != before.filesHash)
        // Two files whose hashes are swapped, or a file moved to another path, are not the same content.
        var swapped = before
        swapped.entries = ["entries/a.md": reading("entries/a.md", 2), "entries/b.md": reading("entries/b.md", 1)]
        #expect(swapped.filesHash != before.filesHash)
        var moved = before
        moved.topics = ["topics/u.md": reading("topics/u.md", 3)]
        #expect(moved.filesHash != before.filesHash)
        // The same readings kept in dictionaries filled in another order hash the same.
        var reordered = NoteReadings()
        for path in before.entries.keys.sorted().reversed() { reordered.entries[path] = before.entries[path] }
        reordered.topics = before.topics
        #expect(reordered.filesHash == before.filesHash)
    }

    /// The manifest, what each page read, the table of what pages read and where entries lie in the exports
    /// read back as written, field by field; a field added to any of them fails here until it is written.
    @Test func manifestReadsAndLayoutsReadBackFieldByField() throws {
        var cache = try BuildCacheTests.builtExample()
        let manifest = cache.manifest
        let back = try Self.throughRecord(manifest)
        #expect(back.pages == manifest.pages && !back.pages.isEmpty)
        #expect(back.inputStamp == manifest.inputStamp && back.startedAt == manifest.startedAt && back.counts == manifest.counts)
        #expect(back.warnings == manifest.warnings)
        var other = BuildCache.Manifest()
        other.warnings = nil
        other.counts = nil
        let empty = try Self.throughRecord(other)
        #expect(empty.warnings == nil && empty.counts == nil && empty.pages.isEmpty)
        other.warnings = [.warning(.unknownSource, "m", at: SourceLocation(path: "a", line: 1, column: 2))]
        #expect(try Self.throughRecord(other).warnings == other.warnings)
        for (_, positions) in cache.reads { #expect(try Self.throughRecord(positions) == positions) }
        #expect(try Self.throughRecord([-1, 0, Int.max, Int.min]) == [-1, 0, Int.max, Int.min])
        let keys = cache.readKeys
        #expect(try !keys.isEmpty && Self.throughRecord(keys) == keys)
        let layouts = cache.exportLayouts
        #expect(!layouts.isEmpty)
        for (_, layout) in layouts { #expect(try Self.throughRecord(layout) == layout) }
        #expect(Mirror(reflecting: manifest).children.compactMap(\.label) == ["inputStamp", "startedAt", "warnings", "counts", "pages"])
        #expect(Mirror(reflecting: ExportLayout()).children.compactMap(\.label) == ["keys", "fingerprints", "starts", "counts", "size"])
        let record = try #require(manifest.pages.values.first)
        #expect(Mirror(reflecting: record).children.compactMap(\.label) == ["path", "version", "stamp"])
        #expect(Mirror(reflecting: record.stamp).children.compactMap(\.label) == ["size", "seconds", "nanoseconds"])
        let counts = try #require(manifest.counts)
        #expect(Mirror(reflecting: counts).children.compactMap(\.label) == ["entries", "topics", "sources", "facts", "pages"])
        // Columns of unequal length are damage.
        let output = BinaryOutput()
        output.list(["a"]) { output.string($0) }
        for _ in 0..<3 { output.list([UInt64]()) { output.word($0) } }
        output.word(0)
        #expect(throws: (any Error).self) { try output.bytes.withUnsafeBytes { try BinaryInput.record(ExportLayout.self, from: $0) } }
    }
}
