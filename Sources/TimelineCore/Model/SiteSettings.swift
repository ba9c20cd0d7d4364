/// The settings of a whole site, from `site.yaml`.
public struct SiteSettings: Sendable, Codable {
    public var title: String
    public var description: String
    /// BCP 47 language tag of the content, such as `en` or `fr-HT`.
    public var language: String
    /// The address the site is published at, ending in `/`, when known.
    public var baseURL: String?
    /// Who publishes the site, for feeds and metadata.
    public var publisher: String?
    public var eras: [Era]
    /// Titles and descriptions of the fact set's series, by metric key.
    public var metrics: [Metric]
    /// Whether raw HTML in Markdown is kept; it is dropped unless the author opts in.
    public var allowHTML: Bool
    /// Whether straight quotes and dashes become typographic ones.
    public var smartPunctuation: Bool
    /// URL schemes the site's links may use besides those of ``LinkScheme/standard``, in lower case.
    public var linkSchemes: [String]
    /// Units of figures the site adds to the built-in ones (`people`, `percent`, currency codes).
    public var units: [String]
    /// The names of units in the other languages, by unit, for those `units` gives them to.
    public var unitTranslations: [String: Translations] = [:]
    /// When the site was last brought up to date, when `site.yaml` says; otherwise its latest entry or update.
    public var updated: EDTFDate?
    /// The story so far: the few points the home page opens with, each resting on entries.
    public var story: [KeyPoint]
    /// How the TimelineJS export groups its events into rows.
    public var timelineJSGroup: TimelineJSGroup
    /// Charts that put several related metrics side by side, such as a mission's planned and actual strength.
    public var charts: [ChartGroup] = []
    /// Whether each entry gets a share card, the picture a link to it shows when shared (`share_cards`).
    public var shareCards = true
    /// The main language's name in itself, for the language switcher.
    public var languageName: String?
    /// The site's other languages, each published under its code (`fr/index.html`).
    public var languages: [SiteLanguage] = []
    /// The title and description in the other languages.
    public var translations = Translations()
    /// In the settings of another language's site, the site's main language; nil in the main site's.
    public var mainLanguage: String?
    public var location: SourceLocation

    public init(
        title: String, description: String = "", language: String = "en", baseURL: String? = nil, publisher: String? = nil,
        eras: [Era] = [], metrics: [Metric] = [], allowHTML: Bool = false, smartPunctuation: Bool = true, linkSchemes: [String] = [],
        units: [String] = [], updated: EDTFDate? = nil, story: [KeyPoint] = [], timelineJSGroup: TimelineJSGroup = .era,
        location: SourceLocation = .file("site.yaml"), charts: [ChartGroup] = []
    ) {
        self.title = title
        self.description = description
        self.language = language
        self.baseURL = baseURL
        self.publisher = publisher
        self.eras = eras
        self.metrics = metrics
        self.allowHTML = allowHTML
        self.smartPunctuation = smartPunctuation
        self.linkSchemes = linkSchemes
        self.units = units
        self.updated = updated
        self.story = story
        self.timelineJSGroup = timelineJSGroup
        self.charts = charts
        self.location = location
    }
}

/// A chart of several related metrics, one series each.
public struct ChartGroup: Hashable, Sendable, Codable {
    public var id: String
    public var title: String
    public var metrics: [Reference]
    /// Its texts in the site's other languages.
    public var translations = Translations()
    public var location: SourceLocation

    public init(id: String, title: String, metrics: [Reference], location: SourceLocation) {
        self.id = id
        self.title = title
        self.metrics = metrics
        self.location = location
    }
}

/// One point of the story so far: a sentence of the author's, and the entries that bear it out.
public struct KeyPoint: Hashable, Sendable, Codable {
    public var text: String
    public var entries: [Reference]
    /// Its texts in the site's other languages.
    public var translations = Translations()
    public var location: SourceLocation

    public init(text: String, entries: [Reference], location: SourceLocation) {
        self.text = text
        self.entries = entries
        self.location = location
    }
}

/// What the rows (groups) of the TimelineJS export are.
public enum TimelineJSGroup: String, Hashable, Sendable, Codable, CaseIterable {
    /// One row per era; entries outside every era share a row without a name.
    case era
    /// One row per entry's first topic.
    case topic
    /// A single row.
    case none
}

/// A named period that bands the timeline, such as "Without an army".
public struct Era: Hashable, Sendable, Codable {
    public var id: String
    public var title: String
    /// An EDTF interval.
    public var date: EDTFDate
    public var summary: String?
    /// Its texts in the site's other languages.
    public var translations = Translations()
    public var location: SourceLocation

    public init(
        id: String, title: String, date: EDTFDate, summary: String? = nil, location: SourceLocation
    ) {
        self.id = id
        self.title = title
        self.date = date
        self.summary = summary
        self.location = location
    }
}

/// A series of figures in the fact set, such as the number of people displaced, with a title for readers.
public struct Metric: Hashable, Sendable, Codable {
    public var id: String
    public var title: String
    public var description: String?
    /// Whether each figure counts something of its own (the officers of one flight, the people displaced by
    /// one attack), so that a later figure does not overtake an earlier one.
    public var separateCounts: Bool
    /// Its texts in the site's other languages.
    public var translations = Translations()
    public var location: SourceLocation

    public init(
        id: String, title: String, description: String? = nil, separateCounts: Bool = false, location: SourceLocation
    ) {
        self.id = id
        self.title = title
        self.description = description
        self.separateCounts = separateCounts
        self.location = location
    }
}
