/// What a note's page says in one language: whether its text is a translation, and if not, which language
/// it falls back to.
public struct NoteLanguage: Sendable, Hashable, Codable {
    /// The language its body is in.
    public var language: String
    /// Whether the body is not in the page's language, but in the nearest language it has (a fallback).
    public var isFallback: Bool
    /// Whether its translation is older than the original's last update.
    public var isOutdated: Bool

    public init(language: String, isFallback: Bool, isOutdated: Bool) {
        self.language = language
        self.isFallback = isFallback
        self.isOutdated = isOutdated
    }
}

extension Content {
    /// The site's languages in order: the main one, then the others as `site.yaml` lists them.
    public var languageCodes: [String] { [settings.language] + settings.languages.map(\.code) }

    /// The languages a page in `language` falls back to, nearest first, ending with the main language.
    public func fallbackChain(of language: String) -> [String] {
        let main = settings.mainLanguage ?? settings.language
        var chain = [language]
        var next = language == main ? nil : settings.languages.first { $0.code == language }.map { $0.fallback ?? main }
        while let code = next, !chain.contains(code) {
            chain.append(code)
            next = code == main ? nil : settings.languages.first { $0.code == code }.map { $0.fallback ?? main }
        }
        if !chain.contains(main) { chain.append(main) }
        return chain
    }

    /// The content as the site in `language` shows it: every text in that language where it is translated,
    /// else in the nearest language of its fallback chain; each note's page says which language its body is in.
    public func localized(to language: String) -> Content {
        let chain = fallbackChain(of: language)
        let main = settings.language
        func text(_ translations: Translations, _ field: String, _ original: String) -> String {
            for code in chain { if code == main { return original } else if let text = translations.text(field, in: code) { return text } }
            return original
        }
        func optional(_ translations: Translations, _ field: String, _ original: String?) -> String? {
            for code in chain { if code == main { return original } else if let text = translations.text(field, in: code) { return text } }
            return original
        }
        var copy = self
        copy.settings.language = language
        copy.settings.mainLanguage = main
        copy.settings.title = text(settings.translations, "title", settings.title)
        copy.settings.description = text(settings.translations, "description", settings.description)
        for index in copy.settings.eras.indices {
            let era = settings.eras[index]
            copy.settings.eras[index].title = text(era.translations, "title", era.title)
            copy.settings.eras[index].summary = optional(era.translations, "summary", era.summary)
        }
        for index in copy.settings.metrics.indices {
            let metric = settings.metrics[index]
            copy.settings.metrics[index].title = text(metric.translations, "title", metric.title)
            copy.settings.metrics[index].description = optional(metric.translations, "description", metric.description)
        }
        for index in copy.settings.story.indices { copy.settings.story[index].text = text(settings.story[index].translations, "text", settings.story[index].text) }
        for index in copy.settings.charts.indices { copy.settings.charts[index].title = text(settings.charts[index].translations, "title", settings.charts[index].title) }
        for index in copy.facts.indices {
            copy.facts[index].statement = text(facts[index].translations, "statement", facts[index].statement)
            copy.facts[index].figureLanguage = language
            if let unit = facts[index].unit, let names = settings.unitTranslations[unit] {
                copy.facts[index].unitName = chain.lazy.prefix { $0 != main }.compactMap { names.text("name", in: $0) }.first
            }
        }
        for index in copy.sources.indices {
            copy.sources[index].note = optional(sources[index].translations, "note", sources[index].note)
            // A source's language is said whenever it is not the page's: the main language's sources too.
            let sourceLanguage = sources[index].language ?? main
            copy.sources[index].language = sourceLanguage == language ? nil : sourceLanguage
        }
        for (id, archive) in archives { copy.archives[id]?.note = optional(archive.translations, "note", archive.note) }
        for index in copy.media.indices {
            copy.media[index].alt = text(media[index].translations, "alt", media[index].alt)
            copy.media[index].caption = optional(media[index].translations, "caption", media[index].caption)
            copy.media[index].credit = text(media[index].translations, "credit", media[index].credit)
            copy.media[index].license = text(media[index].translations, "license", media[index].license)
        }
        for index in copy.maps.indices {
            for (field, path) in [("title", \BaseMap.title), ("credit", \BaseMap.credit), ("license", \BaseMap.license)] {
                copy.maps[index][keyPath: path] = text(maps[index].translations, field, maps[index][keyPath: path])
            }
        }
        var byNote: [String: [String: NoteTranslation]] = [:]
        for translation in noteTranslations { byNote[translation.kind.folder + "/" + translation.id, default: [:]][translation.language] = translation }
        var languages: [String: NoteLanguage] = [:]
        var ownFileHashes: [String: UInt64] = [:]
        func localize<Fields>(_ note: inout Note<Fields>, updated: EDTFDate?) {
            let found = byNote[Fields.kind.folder + "/" + note.id] ?? [:]
            // Title and summary come from the nearest translation that gives them; the body, from the nearest with one.
            let translations = chain.prefix { $0 != main }.compactMap { found[$0] }
            if let titled = translations.first { note.title = titled.title }
            if let summarized = translations.first(where: { $0.summary != nil }) { note.summary = summarized.summary }
            var bodyLanguage = main
            var outdated = false
            for code in chain {
                if code == main { break }
                if let translation = found[code], let body = translation.body {
                    ownFileHashes[note.id] = note.body.fileHash
                    note.body = body
                    bodyLanguage = code
                    if let updated { outdated = translation.translated.map { $0.latest < updated.earliest } ?? true }
                    break
                }
            }
            languages[note.id] = NoteLanguage(language: bodyLanguage, isFallback: bodyLanguage != language, isOutdated: outdated)
        }
        for index in copy.entries.indices { localize(&copy.entries[index], updated: copy.entries[index].fields.updated) }
        for index in copy.topics.indices { localize(&copy.topics[index], updated: nil) }
        for index in copy.pages.indices { localize(&copy.pages[index], updated: nil) }
        copy.noteLanguages = languages
        copy.ownFileHashes = ownFileHashes
        copy.unreadNotes = []
        return copy
    }

    /// The languages each note's page is translated into (its body, not only its title), with the main one.
    public var translatedLanguages: [String: Set<String>] {
        var result: [String: Set<String>] = [:]
        let main = settings.mainLanguage ?? settings.language
        let ids = entries.map(\.id) + topics.map(\.id) + pages.map(\.id)
        for id in ids { result[id] = [main] }
        for translation in noteTranslations where translation.body != nil { result[translation.id, default: [main]].insert(translation.language) }
        return result
    }
}
