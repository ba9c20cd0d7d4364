import TimelineCore

/// Reads the YAML data files of the content: `site.yaml`, `sources.yaml` and `facts.yaml`.
struct DataFileReader: Sendable {
    let files: ContentFiles

    /// The sources, or nil when `sources.yaml` cannot be read as a list at all; ids of sources that could
    /// not be read go into `broken`. An earlier build's reading of the same bytes is taken as it is; the
    /// reading made or taken is returned, for the next build.
    func readSources(log: DiagnosticLog, broken: inout BrokenIDs, previous: ListReading<Source>? = nil) -> (items: [Source]?, reading: ListReading<Source>?) {
        readList("sources.yaml", required: true, kind: .source, dependsOn: 0, previous: previous, log: log, broken: &broken) { node, document, log in
            readSource(node, document, log: log)
        } finish: { _ in }
    }

    /// The facts, or nil when `facts.yaml` exists but cannot be read as a list at all. A fact's figures are
    /// checked against the settings, which its reading therefore depends on as well as on the file's bytes.
    func readFacts(
        log: DiagnosticLog, broken: inout BrokenIDs, settings: SiteSettings? = nil, previous: ListReading<Fact>? = nil
    ) -> (items: [Fact]?, reading: ListReading<Fact>?) {
        var metrics: [(name: String, location: SourceLocation)] = []
        let version = settings.map { Fingerprint.of($0) } ?? 0
        return readList("facts.yaml", required: false, kind: .fact, dependsOn: version, previous: previous, log: log, broken: &broken) { node, document, log in
            readFact(node, document, log: log, settings: settings, metrics: &metrics)
        } finish: { log in
            if settings?.metrics.isEmpty ?? false { FactValues.warnAboutSimilarMetrics(metrics, log: log) }
        }
    }

    func readSettings(log: DiagnosticLog) -> SiteSettings? {
        guard files.fileSystem.kind(of: files.path("site.yaml")) != nil else {
            log.error(.missingFile, "the site's settings are missing; create site.yaml with title, description and language", at: .file(files.path("site.yaml")))
            return nil
        }
        guard let text = files.readText("site.yaml", limit: files.limits.dataFileSize, log: log) else { return nil }
        let document = YAMLDocument(file: text)
        guard let node = document.root(log: log, depthLimit: files.limits.yamlDepth),
              let fields = FieldReader(node, in: document, subject: "the site", log: log) else { return nil }
        fields.rejectUnknownFields(["title", "description", "language", "base_url", "publisher", "eras", "metrics", "allow_html", "smart_punctuation", "link_schemes", "units",
                                   "updated", "story", "timelinejs_group", "charts", "share_cards", "language_name", "languages", "translations"])
        let title = fields.string("title", required: true)
        let description = fields.string("description", required: true)
        let language = fields.string("language", required: true)
        if let language, !Self.isLanguageTag(language) {
            log.error(.invalidLanguage, "'\(language)' is not a BCP 47 language tag such as 'en' or 'fr-HT'", at: fields.location(of: "language"))
        }
        var baseURL = fields.string("base_url")
        if let url = baseURL {
            if !(url.hasPrefix("https://") || url.hasPrefix("http://")) || url.contains(" ") {
                log.error(.invalidURL, "base_url must be an absolute http or https address, such as https://example.org/explainer/", at: fields.location(of: "base_url"))
                baseURL = nil
            } else if !url.hasSuffix("/") {
                baseURL = url + "/"
            }
        }
        var eras: [Era] = []
        for (node, location) in fields.mappings("eras") {
            guard let era = FieldReader(node, in: document, subject: "an era", log: log) else { continue }
            era.rejectUnknownFields(["id", "title", "date", "summary", "translations"])
            guard let title = era.string("title", required: true), let date = era.date("date", required: true) else { continue }
            if !date.isInterval {
                log.error(.invalidDate, "an era's date is an interval, such as 1995/2017 or 2024-06/..", at: era.location(of: "date"))
                continue
            }
            let id = era.string("id") ?? Identifier.made(from: title)
            if let problem = Identifier.problem(with: id) {
                log.error(.invalidID, "era id '\(id)' is not valid: \(problem)", at: era.has("id") ? era.location(of: "id") : location)
                continue
            }
            var read = Era(id: id, title: title, date: date, summary: era.string("summary"), location: location)
            read.translations = era.translations(["title", "summary"])
            eras.append(read)
        }
        var metrics: [Metric] = []
        for (node, location) in fields.mappings("metrics") {
            guard let metric = FieldReader(node, in: document, subject: "a metric", log: log) else { continue }
            metric.rejectUnknownFields(["id", "title", "description", "separate_counts", "translations"])
            guard let id = metric.string("id", required: true), let title = metric.string("title", required: true) else { continue }
            if let problem = Identifier.problem(with: id) {
                log.error(.invalidID, "metric id '\(id)' is not valid: \(problem)", at: metric.location(of: "id"))
                continue
            }
            var read = Metric(
                id: id, title: title, description: metric.string("description"), separateCounts: metric.bool("separate_counts") ?? false,
                location: location)
            read.translations = metric.translations(["title", "description"])
            metrics.append(read)
        }
        var linkSchemes: [String] = []
        for scheme in fields.references("link_schemes") {
            let name = scheme.id.lowercased()
            if !LinkScheme.isValid(scheme.id) {
                log.error(
                    .invalidURL, "'\(scheme.id)' is not a URL scheme: a letter, then letters, digits, '+', '-' or '.', without the ':'",
                    at: scheme.location)
            } else if LinkScheme.unsafe.contains(name) {
                log.error(.unsafeLink, "\(name): links are never allowed, as they can run code or read the reader's files", at: scheme.location)
            } else if !LinkScheme.standard.contains(name), !linkSchemes.contains(name) {
                linkSchemes.append(name)
            }
        }
        var story: [KeyPoint] = []
        for (node, location) in fields.mappings("story") {
            guard let point = FieldReader(node, in: document, subject: "a point of the story so far", log: log) else { continue }
            point.rejectUnknownFields(["text", "entries", "translations"])
            guard let text = point.string("text", required: true) else { continue }
            let entries = point.references("entries")
            if entries.isEmpty, !point.has("entries") {
                log.error(.missingField, "a point of the story so far names the entries that bear it out: add entries: [ENTRY-ID, …]", at: location)
            }
            var read = KeyPoint(text: text, entries: entries, location: point.location(of: "text"))
            read.translations = point.translations(["text"])
            story.append(read)
        }
        var charts: [ChartGroup] = []
        for (node, location) in fields.mappings("charts") {
            guard let chart = FieldReader(node, in: document, subject: "a chart", log: log) else { continue }
            chart.rejectUnknownFields(["id", "title", "metrics", "translations"])
            guard let id = chart.string("id", required: true), let title = chart.string("title", required: true) else { continue }
            if let problem = Identifier.problem(with: id) {
                log.error(.invalidID, "chart id '\(id)' is not valid: \(problem)", at: chart.location(of: "id"))
                continue
            }
            let metrics = chart.references("metrics")
            if metrics.count < 2 {
                log.error(.missingField, "a chart puts two metrics or more side by side: list them under metrics: [METRIC, METRIC]", at: chart.has("metrics") ? chart.location(of: "metrics") : location)
                continue
            }
            var read = ChartGroup(id: id, title: title, metrics: metrics, location: location)
            read.translations = chart.translations(["title"])
            charts.append(read)
        }
        var group = TimelineJSGroup.era
        if let name = fields.string("timelinejs_group") {
            if let known = TimelineJSGroup(rawValue: name) {
                group = known
            } else {
                log.error(
                    .invalidKind, "timelinejs_group is one of \(TimelineJSGroup.allCases.map { "'\($0.rawValue)'" }.joined(separator: ", ")), not '\(name)'",
                    at: fields.location(of: "timelinejs_group"), fixIt: .closest(to: name, among: TimelineJSGroup.allCases.map(\.rawValue)))
            }
        }
        guard let title, let description, let language else { return nil }
        let units = Self.readUnits(fields)
        var settings = SiteSettings(
            title: title, description: description, language: language, baseURL: baseURL,
            publisher: fields.string("publisher"), eras: eras, metrics: metrics, allowHTML: fields.bool("allow_html") ?? false,
            smartPunctuation: fields.bool("smart_punctuation") ?? true, linkSchemes: linkSchemes,
            units: units.names, updated: fields.date("updated"), story: story, timelineJSGroup: group,
            location: .file(text.path), charts: charts)
        settings.shareCards = fields.bool("share_cards") ?? true
        settings.languageName = fields.string("language_name")
        settings.languages = readLanguages(fields, main: language, log: log)
        settings.translations = fields.translations(["title", "description"])
        settings.unitTranslations = units.translations
        return settings
    }

    /// Reads the list file `name` (`sources.yaml`, `facts.yaml`), each item with `item`, then `finish`,
    /// reporting into a log of the reading's own; or takes `previous` when it was read from the same path and
    /// bytes, with the same `version` of what else `item` depends on. Either way, what the reading reported
    /// goes into `log`, and the ids of items it could not read into `broken`. A missing file has no reading:
    /// nil items when it is `required`, none otherwise.
    func readList<Item>(
        _ name: String, required: Bool, kind: ItemKind, dependsOn version: UInt64, previous: ListReading<Item>?, log: DiagnosticLog,
        broken: inout BrokenIDs, item: (YAMLNode, YAMLDocument, DiagnosticLog) -> Item?, finish: (DiagnosticLog) -> Void
    ) -> (items: [Item]?, reading: ListReading<Item>?) {
        let text: SourceText
        switch listText(name, required: required, log: log) as ListText<Item> {
        case .read(let read): text = read
        case .none(let items): return (items, nil)
        }
        let version = StableHasher.hash { hasher in
            hasher.combine(text.path)
            hasher.combine(contents: text.bytes)
            hasher.combine(files.limits.yamlDepth)
            hasher.combine(version)
        }
        var reading: ListReading<Item>
        if let previous, previous.version == version {
            reading = previous
        } else {
            let own = DiagnosticLog()
            var failed: [String] = []
            let items = parseList(name, text: text, log: own) { node, document in
                let read = item(node, document, own)
                if read == nil, let id = node["id"]?.string { failed.append(id) }
                return read
            }
            finish(own)
            reading = ListReading(version: version, items: items, failed: failed, diagnostics: own.diagnostics)
        }
        log.report(contentsOf: reading.diagnostics)
        for id in reading.failed { broken.insert(kind, id) }
        return (reading.items, reading)
    }

    /// Reads the list file `name`, each item with `item`: nil when it cannot be read as a list at all, or
    /// is missing and `required`; no items when it is missing otherwise.
    func readList<Item>(_ name: String, required: Bool, log: DiagnosticLog, item: (YAMLNode, YAMLDocument) -> Item?) -> [Item]? {
        switch listText(name, required: required, log: log) as ListText<Item> {
        case .read(let text): return parseList(name, text: text, log: log, item: item)
        case .none(let items): return items
        }
    }

    /// A list file's text, or what stands for its items when there is none to read.
    private enum ListText<Item> {
        case read(SourceText)
        /// Nil when the file is missing and required, or unreadable; none when it may be missing.
        case none([Item]?)
    }

    private func listText<Item>(_ name: String, required: Bool, log: DiagnosticLog) -> ListText<Item> {
        guard files.fileSystem.kind(of: files.path(name)) != nil else {
            if required { log.error(.missingFile, "\(name) is missing", at: .file(files.path(name))) }
            return .none(required ? nil : [])
        }
        guard let text = files.readText(name, limit: files.limits.dataFileSize, log: log) else { return .none(nil) }
        return .read(text)
    }

    /// The items of a list file's text, or nil after reporting why it is not a list.
    private func parseList<Item>(_ name: String, text: SourceText, log: DiagnosticLog, item: (YAMLNode, YAMLDocument) -> Item?) -> [Item]? {
        let document = YAMLDocument(file: text)
        guard let node = document.root(log: log, depthLimit: files.limits.yamlDepth) else { return nil }
        guard case .list(let sequence) = node else {
            if case .mapping(let mapping) = node, mapping.count == 0 { return [] }
            log.error(.yamlType, "\(name) holds a list, each item starting with '- ', found \(FieldReader.describe(node))", at: document.location(of: node))
            return nil
        }
        return sequence.compactMap { item($0, document) }
    }

    private func readSource(_ node: YAMLNode, _ document: YAMLDocument, log: DiagnosticLog) -> Source? {
        guard let fields = FieldReader(node, in: document, subject: "a source", log: log) else { return nil }
        fields.rejectUnknownFields(["id", "title", "publisher", "author", "date", "url", "archive_url", "accessed", "note", "language", "translations"])
        guard let id = fields.string("id", required: true) else { return nil }
        if let problem = Identifier.problem(with: id) {
            log.error(.invalidID, "source id '\(id)' is not valid: \(problem)", at: fields.location(of: "id"))
            return nil
        }
        let subject = fields.about("source '\(id)'")
        let date = subject.date("date", required: true)
        var urls: [String: String] = [:]
        for key in ["url", "archive_url"] {
            guard let url = subject.string(key) else { continue }
            if let problem = Self.urlProblem(url) {
                log.error(.invalidURL, "\(key) of source '\(id)' \(problem)", at: subject.location(of: key))
            } else {
                urls[key] = url
            }
        }
        if let language = subject.string("language"), !Self.isLanguageTag(language) {
            log.error(.invalidLanguage, "'\(language)' is not a BCP 47 language tag", at: subject.location(of: "language"))
        }
        guard let date else { return nil }
        var source = Source(
            id: id, title: subject.string("title"), publisher: subject.string("publisher"), author: subject.string("author"), date: date,
            url: urls["url"], archiveURL: urls["archive_url"], accessed: subject.date("accessed"), note: subject.string("note"),
            language: subject.string("language"), location: fields.location(of: "id"))
        source.translations = subject.translations(["note"])
        return source
    }

    private func readFact(
        _ node: YAMLNode, _ document: YAMLDocument, log: DiagnosticLog, settings: SiteSettings?, metrics: inout [(name: String, location: SourceLocation)]
    ) -> Fact? {
        guard let fields = FieldReader(node, in: document, subject: "a fact", log: log) else { return nil }
        fields.rejectUnknownFields(["id", "statement", "date", "sources", "metric", "value", "upper", "unit", "qualifier", "translations"])
        guard let id = fields.string("id", required: true) else { return nil }
        if let problem = Identifier.problem(with: id) {
            log.error(.invalidID, "fact id '\(id)' is not valid: \(problem)", at: fields.location(of: "id"))
            return nil
        }
        let subject = fields.about("fact '\(id)'")
        let statement = subject.string("statement", required: true)
        let date = subject.date("date", required: true)
        let citations = subject.citations("sources")
        let metric = subject.string("metric")
        if let metric, let problem = Identifier.problem(with: metric) {
            log.error(.invalidID, "metric '\(metric)' is not a valid key: \(problem)", at: subject.location(of: "metric"))
        } else if let metric {
            metrics.append((metric, subject.location(of: "metric")))
            if let settings { FactValues.checkMetric(metric, of: id, at: subject.location(of: "metric"), settings: settings, log: log) }
        }
        let unit = subject.string("unit"), qualifier = subject.string("qualifier")
        if let unit { FactValues.checkUnit(unit, of: id, at: subject.location(of: "unit"), settings: settings, log: log) }
        if let qualifier { FactValues.checkQualifier(qualifier, of: id, at: subject.location(of: "qualifier"), log: log) }
        let value = subject.number("value")
        let upper = subject.number("upper")
        if metric != nil, value == nil, !subject.has("value") {
            log.error(.missingField, "fact '\(id)' has a metric, so it needs a 'value'", at: fields.location(of: "id"))
        }
        if let value, let upper, upper < value {
            log.error(.invalidNumber, "'upper' (\(upper)) of fact '\(id)' is below its value (\(value))", at: subject.location(of: "upper"))
        }
        guard let statement, let date else { return nil }
        var fact = Fact(
            id: id, statement: statement, date: date, citations: citations, metric: metric, value: value, upperValue: upper,
            unit: unit, qualifier: qualifier, location: fields.location(of: "id"))
        fact.translations = subject.translations(["statement"])
        return fact
    }

    /// The site's other languages: each a BCP 47 `code`, its `name` in itself and an optional `fallback`, the
    /// language shown where a page is not translated (the main language by default).
    private func readLanguages(_ fields: FieldReader, main: String?, log: DiagnosticLog) -> [SiteLanguage] {
        var languages: [SiteLanguage] = []
        for (node, location) in fields.mappings("languages") {
            guard let entry = fields.reader(of: node, subject: "a language") else { continue }
            entry.rejectUnknownFields(["code", "name", "fallback"])
            guard let code = entry.string("code", required: true), let name = entry.string("name", required: true) else { continue }
            if !Self.isLanguageTag(code) || code.contains("/") {
                log.error(.invalidLanguage, "'\(code)' is not a BCP 47 language tag such as 'fr' or 'ht'", at: entry.location(of: "code"))
                continue
            }
            if code == main || languages.contains(where: { $0.code == code }) {
                log.error(.duplicateID, "language '\(code)' is listed twice (the main language is 'language')", at: entry.location(of: "code"))
                continue
            }
            languages.append(SiteLanguage(code: code, name: name, fallback: entry.string("fallback"), location: location))
        }
        let known = languages.map(\.code) + (main.map { [$0] } ?? [])
        for index in languages.indices {
            guard let fallback = languages[index].fallback else { continue }
            if !known.contains(fallback) || fallback == languages[index].code {
                log.error(
                    .invalidLanguage, "fallback '\(fallback)' of language '\(languages[index].code)' is not another of the site's languages",
                    at: languages[index].location, fixIt: .closest(to: fallback, among: known))
                languages[index].fallback = nil
            }
        }
        // A chain of fallbacks ends at the main language: one that comes back to where it started is cut.
        for index in languages.indices {
            var seen: Set<String> = [languages[index].code]
            var next = languages[index].fallback
            while let code = next, code != main {
                if !seen.insert(code).inserted {
                    log.error(.invalidLanguage, "the fallbacks of language '\(languages[index].code)' go round in a circle", at: languages[index].location)
                    languages[index].fallback = nil
                    break
                }
                next = languages.first { $0.code == code }?.fallback
            }
        }
        return languages
    }
}
