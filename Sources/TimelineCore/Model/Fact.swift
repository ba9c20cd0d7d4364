/// A dated claim or figure tied to its sources, from `facts.yaml`.
public struct Fact: Sendable, Codable, Identifiable {
    public var id: String
    /// The claim in one short sentence.
    public var statement: String
    /// When it happened, or for a figure the date it was true "as of".
    public var date: EDTFDate
    public var citations: [Citation]
    /// The series a figure belongs to, such as `internally-displaced`.
    public var metric: String?
    public var value: Double?
    /// The top of a range when the source gives one ("between 5,000 and 10,000").
    public var upperValue: Double?
    public var unit: String?
    /// How the source hedges the figure: "about", "more than", "nearly", "at least", "up to".
    public var qualifier: String?
    public var location: SourceLocation
    /// Its texts in the site's other languages.
    public var translations = Translations()
    /// The language its figure is written in, on the site of another language than English: "1,3 million".
    /// The unit as the figure's language names it, when `units` in `site.yaml` translates it.
    public var unitName: String?
    public var figureLanguage: String?

    public var isFigure: Bool { value != nil }

    public init(
        id: String, statement: String, date: EDTFDate, citations: [Citation], metric: String? = nil, value: Double? = nil, upperValue: Double? = nil, unit: String? = nil, qualifier: String? = nil, location: SourceLocation
    ) {
        self.id = id
        self.statement = statement
        self.date = date
        self.citations = citations
        self.metric = metric
        self.value = value
        self.upperValue = upperValue
        self.unit = unit
        self.qualifier = qualifier
        self.location = location
    }
}

extension Fact: DirectFingerprint {
    /// Fingerprinted field by field, as every key that names a fact or the list of them is, every build; a
    /// test checks that it lists every stored property.
    public func combine(into hasher: inout StableHasher) {
        hasher.combine(id)
        hasher.combine(statement)
        // A date is made from its text alone.
        hasher.combine(date.text)
        hasher.combine(citations.count)
        for index in citations.indices { citations[index].combine(into: &hasher) }
        Fingerprint.combine(metric, into: &hasher)
        hasher.combine(value)
        hasher.combine(upperValue)
        Fingerprint.combine(unit, into: &hasher)
        Fingerprint.combine(qualifier, into: &hasher)
        location.combine(into: &hasher)
        translations.combine(into: &hasher)
        Fingerprint.combine(unitName, into: &hasher)
        Fingerprint.combine(figureLanguage, into: &hasher)
    }
}
