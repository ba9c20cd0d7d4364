/// How notes, renderings and diagnostics are written into the build cache and read back.
extension CacheWriter {
    mutating func diagnostics(_ list: [Diagnostic]) {
        integer(list.count)
        for diagnostic in list {
            bool(diagnostic.severity == .error)
            string(diagnostic.id)
            string(diagnostic.message)
            location(diagnostic.location)
            integer(diagnostic.notes.count)
            for note in diagnostic.notes {
                string(note.message)
                bool(note.location != nil)
                if let place = note.location { location(place) }
            }
        }
    }

    mutating func references(_ list: [Reference]) {
        integer(list.count)
        for reference in list {
            string(reference.id)
            location(reference.location)
        }
    }

    mutating func citations(_ list: [Citation]) {
        integer(list.count)
        for citation in list {
            string(citation.sourceID)
            optional(citation.locator)
            optional(citation.quote)
            optional(citation.quoteLanguage)
            location(citation.location)
        }
    }

    mutating func body(_ body: MarkdownBody) {
        integer(body.range.lowerBound)
        integer(body.range.upperBound)
        integer(body.firstLine)
    }

    mutating func noteRecord(_ record: NoteRecord) {
        word(record.fileHash)
        diagnostics(record.readDiagnostics)
        switch record.note {
        case nil:
            integer(0)
        case .entry(let entry)?:
            integer(1)
            string(entry.id)
            string(entry.title)
            string(entry.date.text)
            optional(entry.summary)
            references(entry.topics)
            citations(entry.citations)
            references(entry.facts)
            optional(entry.updated?.text)
            integer(entry.corrections.count)
            for correction in entry.corrections {
                string(correction.date.text)
                string(correction.text)
                location(correction.location)
            }
            body(entry.body)
            location(entry.location)
        case .topic(let topic)?:
            integer(2)
            string(topic.id)
            string(topic.title)
            string(topic.kind.rawValue)
            optional(topic.summary)
            citations(topic.citations)
            body(topic.body)
            location(topic.location)
        case .page(let page)?:
            integer(3)
            string(page.id)
            string(page.title)
            optional(page.summary)
            bool(page.menuOrder != nil)
            integer(page.menuOrder ?? 0)
            citations(page.citations)
            body(page.body)
            location(page.location)
        }
        bool(record.rendering != nil)
        if let rendering = record.rendering {
            word(rendering.optionsHash)
            let note = rendering.note
            string(note.kind.rawValue)
            string(note.id)
            string(note.markdown.html)
            string(note.markdown.text)
            strings(note.citations.order)
            for sourceID in note.citations.order {
                let uses = note.citations.uses[sourceID] ?? []
                integer(uses.count)
                for use in uses {
                    optional(use.anchor)
                    optional(use.locator)
                    optional(use.quote)
                    optional(use.quoteLanguage)
                }
            }
            integer(note.mentions.count)
            for mention in note.mentions {
                string(mention.target)
                string(mention.anchor)
            }
            strings(note.inlineFacts)
            integer(rendering.dependencies.count)
            for key in rendering.dependencies.keys.sorted() {
                string(key)
                string(rendering.dependencies[key]!)
            }
            diagnostics(rendering.diagnostics)
        }
    }
}

extension CacheReader {
    mutating func diagnostics() throws(Corrupt) -> [Diagnostic] {
        var list: [Diagnostic] = []
        for _ in 0..<(try count()) {
            let severity: Diagnostic.Severity = try bool() ? .error : .warning
            let id = try string(), message = try string(), place = try location()
            var notes: [Diagnostic.Note] = []
            for _ in 0..<(try count()) {
                let text = try string()
                notes.append(Diagnostic.Note(text, at: try bool() ? try location() : nil))
            }
            list.append(Diagnostic(severity, id, message, at: place, notes: notes))
        }
        return list
    }

    mutating func references() throws(Corrupt) -> [Reference] {
        var list: [Reference] = []
        for _ in 0..<(try count()) { list.append(Reference(id: try string(), location: try location())) }
        return list
    }

    mutating func citations() throws(Corrupt) -> [Citation] {
        var list: [Citation] = []
        for _ in 0..<(try count()) {
            list.append(Citation(
                sourceID: try string(), locator: try optional(), quote: try optional(), quoteLanguage: try optional(),
                location: try location()))
        }
        return list
    }

    mutating func date() throws(Corrupt) -> EDTFDate {
        do { return try EDTFDate(parsing: try string()) } catch { throw Corrupt() }
    }

    /// A body whose file is filled in when the note is used, from a fresh read of the file.
    mutating func body(path: String) throws(Corrupt) -> MarkdownBody {
        let lower = try integer(), upper = try integer(), line = try integer()
        guard lower >= 0, upper >= lower else { throw Corrupt() }
        return MarkdownBody(file: SourceText(path: path, bytes: []), range: lower..<upper, firstLine: line)
    }

    mutating func noteRecord() throws(Corrupt) -> NoteRecord {
        let hash = try word()
        let readDiagnostics = try diagnostics()
        var note: ParsedNote?
        switch try integer() {
        case 0: note = nil
        case 1:
            let id = try string(), title = try string(), date = try self.date(), summary = try optional()
            let topics = try references(), citations = try self.citations(), facts = try references()
            let updated = try optional().map { text throws(Corrupt) -> EDTFDate in
                do { return try EDTFDate(parsing: text) } catch { throw Corrupt() }
            }
            var corrections: [Correction] = []
            for _ in 0..<(try count()) {
                corrections.append(Correction(date: try self.date(), text: try string(), location: try location()))
            }
            let body = try self.body(path: "")
            let place = try location()
            note = .entry(Entry(
                id: id, title: title, date: date, summary: summary, topics: topics, citations: citations, facts: facts,
                updated: updated, corrections: corrections, body: body, location: place))
        case 2:
            let id = try string(), title = try string()
            guard let kind = TopicKind(rawValue: try string()) else { throw Corrupt() }
            let summary = try optional(), citations = try self.citations(), body = try self.body(path: ""), place = try location()
            note = .topic(Topic(id: id, title: title, kind: kind, summary: summary, citations: citations, body: body, location: place))
        case 3:
            let id = try string(), title = try string(), summary = try optional()
            let hasMenu = try bool(), menu = try integer()
            let citations = try self.citations(), body = try self.body(path: ""), place = try location()
            note = .page(Page(
                id: id, title: title, summary: summary, menuOrder: hasMenu ? menu : nil, citations: citations, body: body, location: place))
        default:
            throw Corrupt()
        }
        var rendering: NoteRecord.Rendering?
        if try bool() {
            let options = try word()
            guard let kind = NoteKind(rawValue: try string()) else { throw Corrupt() }
            let id = try string(), html = try string(), text = try string()
            let order = try strings()
            var uses: [String: [CitationList.Use]] = [:]
            for sourceID in order {
                var list: [CitationList.Use] = []
                for _ in 0..<(try count()) {
                    list.append(CitationList.Use(anchor: try optional(), locator: try optional(), quote: try optional(), quoteLanguage: try optional()))
                }
                uses[sourceID] = list
            }
            var mentions: [Mention] = []
            for _ in 0..<(try count()) { mentions.append(Mention(target: try string(), anchor: try string())) }
            let inlineFacts = try strings()
            var dependencies: [String: String] = [:]
            for _ in 0..<(try count()) {
                let key = try string()
                dependencies[key] = try string()
            }
            let diagnostics = try self.diagnostics()
            let note = RenderedNote(
                kind: kind, id: id, markdown: RenderedMarkdown(html: html, text: text),
                citations: CitationList(order: order, uses: uses), mentions: mentions, inlineFacts: inlineFacts)
            rendering = NoteRecord.Rendering(optionsHash: options, note: note, dependencies: dependencies, diagnostics: diagnostics)
        }
        return NoteRecord(fileHash: hash, note: note, readDiagnostics: readDiagnostics, rendering: rendering)
    }
}
