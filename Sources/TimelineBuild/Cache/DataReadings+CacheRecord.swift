import TimelineCore

/// The readings of the list files, written field by field as notes are: a source or fact as read, its
/// dates as the author wrote them (parsed again when read back), its translations sorted by language.
extension DataReadings: CacheRecord {
    func write(to output: BinaryOutput) throws {
        try output.present(sources) { try output.listReading($0) { output.source($0) } }
        try output.present(facts) { try output.listReading($0) { output.fact($0) } }
    }

    init(reading input: BinaryInput) throws {
        let sources = try input.present { try input.listReading { try input.source() } }
        self.init(sources: sources, facts: try input.present { try input.listReading { try input.fact() } })
    }
}

extension BinaryOutput {
    func listReading<Item>(_ reading: ListReading<Item>, _ write: (Item) -> Void) throws {
        word(reading.version)
        present(reading.items) { list($0, write) }
        list(reading.failed) { string($0) }
        try diagnostics(reading.diagnostics)
    }

    func source(_ source: Source) {
        string(source.id)
        for text in [source.title, source.publisher, source.author] { optional(text) }
        string(source.date.text)
        for text in [source.url, source.archiveURL, source.accessed?.text, source.note, source.language] { optional(text) }
        location(source.location)
        translations(source.translations)
    }

    func fact(_ fact: Fact) {
        string(fact.id)
        string(fact.statement)
        string(fact.date.text)
        list(fact.citations) { citation($0) }
        optional(fact.metric)
        for number in [fact.value, fact.upperValue] { present(number) { word($0.bitPattern) } }
        optional(fact.unit)
        optional(fact.qualifier)
        location(fact.location)
        translations(fact.translations)
        optional(fact.unitName)
        optional(fact.figureLanguage)
    }

    /// Each language's texts by field, and each field's location, in sorted order.
    func translations(_ translations: Translations) {
        list(translations.texts.keys.sorted()) { language in
            string(language)
            let texts = translations.texts[language] ?? [:]
            list(texts.keys.sorted()) { field in
                string(field)
                string(texts[field] ?? "")
            }
        }
        list(translations.locations.keys.sorted()) { field in
            string(field)
            location(translations.locations[field] ?? SourceLocation(path: "", line: 0, column: 0))
        }
    }
}

extension BinaryInput {
    func listReading<Item>(_ read: () throws -> Item) throws -> ListReading<Item> {
        let version = try word()
        let items = try present { try list(read) }
        return ListReading(version: version, items: items, failed: try list { try string() }, diagnostics: try diagnostics())
    }

    func source() throws -> Source {
        let id = try string(), title = try optional(), publisher = try optional(), author = try optional(), date = try date()
        let url = try optional(), archiveURL = try optional(), accessed = try optional().map(Self.date(parsing:))
        let note = try optional(), language = try optional()
        var source = Source(
            id: id, title: title, publisher: publisher, author: author, date: date, url: url, archiveURL: archiveURL, accessed: accessed, note: note,
            language: language, location: try location())
        source.translations = try translations()
        return source
    }

    func fact() throws -> Fact {
        let id = try string(), statement = try string(), date = try date(), citations = try list { try citation() }, metric = try optional()
        let value = try present { Double(bitPattern: try word()) }, upperValue = try present { Double(bitPattern: try word()) }
        var fact = Fact(
            id: id, statement: statement, date: date, citations: citations, metric: metric, value: value, upperValue: upperValue, unit: try optional(),
            qualifier: try optional(), location: try location())
        fact.translations = try translations()
        fact.unitName = try optional()
        fact.figureLanguage = try optional()
        return fact
    }

    func translations() throws -> Translations {
        var translations = Translations()
        for (language, texts) in try list({ (try string(), try list { (try string(), try string()) }) }) {
            translations.texts[language] = Dictionary(texts, uniquingKeysWith: { _, last in last })
        }
        translations.locations = Dictionary(try list { (try string(), try location()) }, uniquingKeysWith: { _, last in last })
        return translations
    }
}
