/// What an item says in the site's other languages: for each language code, the translated text of each
/// field (`translations: {fr: {title: …, summary: …}}` in YAML), with where each language's texts are written.
public struct Translations: Sendable, Hashable, Codable {
    public var texts: [String: [String: String]] = [:]
    public var locations: [String: SourceLocation] = [:]

    public init(texts: [String: [String: String]] = [:], locations: [String: SourceLocation] = [:]) {
        self.texts = texts
        self.locations = locations
    }

    /// A field's text in a language, or nil when it is not translated into it.
    public func text(_ field: String, in language: String) -> String? { texts[language]?[field] }

    public var isEmpty: Bool { texts.isEmpty }
}

extension Translations: DirectFingerprint {
    /// Fingerprinted language by language and field by field, each in the order of their names, as a
    /// dictionary's own order changes from run to run; a test checks that it lists every stored property.
    public func combine(into hasher: inout StableHasher) {
        hasher.combine(texts.count)
        for language in texts.keys.sorted() {
            let fields = texts[language] ?? [:]
            hasher.combine(language)
            hasher.combine(fields.count)
            for field in fields.keys.sorted() {
                hasher.combine(field)
                hasher.combine(fields[field] ?? "")
            }
        }
        hasher.combine(locations.count)
        for field in locations.keys.sorted() {
            hasher.combine(field)
            locations[field]?.combine(into: &hasher)
        }
    }
}

/// One of the site's languages beside its main one, from `languages` in `site.yaml`.
public struct SiteLanguage: Sendable, Hashable, Codable {
    /// A BCP 47 tag, such as `fr` or `ht`.
    public var code: String
    /// The language's name in itself, for the language switcher: "Français", "Kreyòl ayisyen".
    public var name: String
    /// The language a page not translated into this one is shown in; the main language when nil.
    public var fallback: String?
    public var location: SourceLocation

    public init(code: String, name: String, fallback: String? = nil, location: SourceLocation) {
        self.code = code
        self.name = name
        self.fallback = fallback
        self.location = location
    }
}

/// A note's translation, from `FOLDER/ID.LANG.md` beside the note: the title, summary and body in that
/// language; everything else (date, topics, sources, facts) comes from the original.
public struct NoteTranslation: Sendable, Codable {
    public var kind: NoteKind
    public var id: String
    public var language: String
    public var title: String
    public var summary: String?
    /// When the translation was made or last brought up to date; older than the original's `updated`, it is
    /// out of date.
    public var translated: EDTFDate?
    /// The translated body, or nil when the translation gives the title and summary only.
    public var body: MarkdownBody?
    public var location: SourceLocation

    public init(
        kind: NoteKind, id: String, language: String, title: String, summary: String?, translated: EDTFDate?, body: MarkdownBody?,
        location: SourceLocation
    ) {
        self.kind = kind
        self.id = id
        self.language = language
        self.title = title
        self.summary = summary
        self.translated = translated
        self.body = body
        self.location = location
    }
}
