/// A mention of something by its id, remembered with where it was written.
public struct Reference: Hashable, Sendable {
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
    /// Where the quotation is written, when there is one.
    public var quoteLocation: SourceLocation?

    public init(
        sourceID: String, locator: String? = nil, quote: String? = nil, quoteLanguage: String? = nil, location: SourceLocation,
        quoteLocation: SourceLocation? = nil
    ) {
        self.sourceID = sourceID
        self.locator = locator
        self.quote = quote
        self.quoteLanguage = quoteLanguage
        self.location = location
        self.quoteLocation = quoteLocation
    }
}

extension Reference: Codable {
    /// A reference is stored as a list: its id, then where it was written.
    public init(from decoder: any Decoder) throws {
        var container = try decoder.unkeyedContainer()
        let id = try container.decode(String.self)
        self.init(id: id, location: try SourceLocation(from: &container))
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.unkeyedContainer()
        try container.encode(id)
        try location.encode(to: &container)
    }
}
