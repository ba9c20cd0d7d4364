/// A document the site relies on: an article, report or book, from `sources.yaml`.
public struct Source: Sendable, Codable, Identifiable {
    public var id: String
    /// The title as published, when the source has one.
    public var title: String?
    public var publisher: String?
    public var author: String?
    /// When the source was published, no more precisely than known.
    public var date: EDTFDate
    public var url: String?
    public var archiveURL: String?
    /// When the author last read the source at its address.
    public var accessed: EDTFDate?
    /// What a reader should know about the source: its reliability, or that it rewrites another.
    public var note: String?
    /// The language of the source when it differs from the site's (BCP 47).
    public var language: String?
    public var location: SourceLocation
    /// Its texts in the site's other languages.
    public var translations = Translations()

    /// What to call the source: its title, else its publisher, else its id.
    public var name: String { title ?? publisher ?? id }

    /// The publisher when it is not already the source's name.
    public var publisherBesideName: String? { title == nil ? nil : publisher }

    public init(
        id: String, title: String? = nil, publisher: String? = nil, author: String? = nil, date: EDTFDate, url: String? = nil, archiveURL: String? = nil, accessed: EDTFDate? = nil, note: String? = nil, language: String? = nil, location: SourceLocation
    ) {
        self.id = id
        self.title = title
        self.publisher = publisher
        self.author = author
        self.date = date
        self.url = url
        self.archiveURL = archiveURL
        self.accessed = accessed
        self.note = note
        self.language = language
        self.location = location
    }
}

extension Source: DirectFingerprint {
    /// Fingerprinted field by field, as every key that names a source or the list of them is, every build; a
    /// test checks that it lists every stored property.
    public func combine(into hasher: inout StableHasher) {
        hasher.combine(id)
        Fingerprint.combine(title, into: &hasher)
        Fingerprint.combine(publisher, into: &hasher)
        Fingerprint.combine(author, into: &hasher)
        // A date is made from its text alone.
        hasher.combine(date.text)
        Fingerprint.combine(url, into: &hasher)
        Fingerprint.combine(archiveURL, into: &hasher)
        Fingerprint.combine(accessed?.text, into: &hasher)
        Fingerprint.combine(note, into: &hasher)
        Fingerprint.combine(language, into: &hasher)
        location.combine(into: &hasher)
        translations.combine(into: &hasher)
    }
}
