/// A mention of something by its id, remembered with where it was written.
public struct Reference: Hashable, Sendable, Codable {
    public var id: String
    public var location: SourceLocation

    public init(id: String, location: SourceLocation) {
        self.id = id
        self.location = location
    }
}

/// A citation of a source: which source, and optionally where in it and in what words.
public struct Citation: Hashable, Sendable, Codable {
    public var sourceID: String
    /// Where in the source, such as `para. 4` or `p. 12`.
    public var locator: String?
    /// A short passage of the source, quoted word for word.
    public var quote: String?
    /// The language of the quotation when it differs from the site's (BCP 47).
    public var quoteLanguage: String?
    public var location: SourceLocation

    public init(sourceID: String, locator: String? = nil, quote: String? = nil, quoteLanguage: String? = nil, location: SourceLocation) {
        self.sourceID = sourceID
        self.locator = locator
        self.quote = quote
        self.quoteLanguage = quoteLanguage
        self.location = location
    }
}
