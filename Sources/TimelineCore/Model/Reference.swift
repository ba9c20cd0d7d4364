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

extension Citation {
    /// A citation is stored as a list: the source, the locator, the quotation and its language (each one
    /// perhaps missing), where the citation was written, then where the quotation was. Every note holds a
    /// few, and a list reads much faster than named fields; a test checks that these are all its fields.
    public init(from decoder: any Decoder) throws {
        var container = try decoder.unkeyedContainer()
        let sourceID = try container.decode(String.self)
        let locator = try container.decode(String?.self), quote = try container.decode(String?.self)
        let quoteLanguage = try container.decode(String?.self)
        let location = try SourceLocation(from: &container)
        self.init(
            sourceID: sourceID, locator: locator, quote: quote, quoteLanguage: quoteLanguage, location: location,
            quoteLocation: try container.decode(SourceLocation?.self))
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.unkeyedContainer()
        try container.encode(sourceID)
        try container.encode(locator)
        try container.encode(quote)
        try container.encode(quoteLanguage)
        try location.encode(to: &container)
        try container.encode(quoteLocation)
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

extension Citation: DirectFingerprint {
    /// Fingerprinted field by field; a test checks that it lists every stored property.
    public func combine(into hasher: inout StableHasher) {
        hasher.combine(sourceID)
        Fingerprint.combine(locator, into: &hasher)
        Fingerprint.combine(quote, into: &hasher)
        Fingerprint.combine(quoteLanguage, into: &hasher)
        location.combine(into: &hasher)
        if let quoteLocation { quoteLocation.combine(into: &hasher) } else { Fingerprint.combineMissing(into: &hasher) }
    }
}
