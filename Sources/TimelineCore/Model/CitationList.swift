/// The sources cited on one page, numbered in the order they are first cited, with every place each is cited,
/// so the page can end with a numbered list whose items link back to those places (as Wikipedia's notes do).
public struct CitationList: Sendable, Hashable, Codable {
    /// One place a source is cited.
    public struct Use: Sendable, Hashable {
        /// The id of the element that holds the citation on the page, or nil for a source the page cites as a whole.
        public var anchor: String?
        public var locator: String?
        public var quote: String?
        public var quoteLanguage: String?

        public init(anchor: String?, locator: String?, quote: String?, quoteLanguage: String?) {
            self.anchor = anchor
            self.locator = locator
            self.quote = quote
            self.quoteLanguage = quoteLanguage
        }
    }

    /// A source with every place it is cited, in order.
    public struct Cited: Sendable, Hashable {
        public var sourceID: String
        public var uses: [Use]
        /// How many of the uses are in place, for the next one's anchor.
        var placed = 0

        /// A source with its uses, of which those with an anchor are in place.
        public init(sourceID: String, uses: [Use]) {
            self.sourceID = sourceID
            self.uses = uses
            placed = uses.reduce(0) { $0 + ($1.anchor == nil ? 0 : 1) }
        }
    }

    /// The sources in the order they are first cited; a source's number is its position plus one.
    public private(set) var sources: [Cited] = []
    /// Each source's position in `sources`, once the list is longer than ``searchedCount``: a short list,
    /// as most pages' are, is searched instead, without a table to make for every page.
    private var positions: [String: Int] = [:]
    /// The longest list that is searched rather than looked up.
    static let searchedCount = 16

    public init() {}

    /// The list of these sources, in this order: the list whose ``sources`` they are.
    public init(sources: [Cited]) {
        self.sources.reserveCapacity(sources.count)
        for cited in sources where position(of: cited.sourceID) == nil { append(cited) }
    }

    /// The position of a source in `sources`, or nil when the list does not cite it.
    private func position(of sourceID: String) -> Int? {
        guard sources.count > Self.searchedCount else { return sources.firstIndex { $0.sourceID == sourceID } }
        return positions[sourceID]
    }

    /// Adds a source the list does not cite yet, and the table of positions once the list is long.
    private mutating func append(_ cited: Cited) {
        sources.append(cited)
        guard sources.count > Self.searchedCount else { return }
        if positions.isEmpty {
            for (position, earlier) in sources.enumerated() { positions[earlier.sourceID] = position }
        } else {
            positions[cited.sourceID] = sources.count - 1
        }
    }

    public var isEmpty: Bool { sources.isEmpty }

    /// Whether any source is cited in place, as a numbered citation in the text.
    public var inPlace: Bool { sources.contains { $0.placed > 0 } }

    /// The ids of the sources, in order.
    public var order: [String] { sources.map(\.sourceID) }

    /// Records a citation and returns its number and the id to give the element that shows it.
    public mutating func cite(_ sourceID: String, locator: String? = nil, quote: String? = nil, quoteLanguage: String? = nil, inPlace: Bool = true) -> (number: Int, anchor: String?) {
        let position: Int
        if let known = self.position(of: sourceID) {
            position = known
        } else {
            position = sources.count
            append(Cited(sourceID: sourceID, uses: []))
        }
        var anchor: String?
        if inPlace {
            sources[position].placed += 1
            anchor = "cite-\(sourceID)-\(sources[position].placed)"
        }
        sources[position].uses.append(Use(anchor: anchor, locator: locator, quote: quote, quoteLanguage: quoteLanguage))
        return (position + 1, anchor)
    }

    public mutating func cite(_ citation: Citation, inPlace: Bool) -> (number: Int, anchor: String?) {
        cite(citation.sourceID, locator: citation.locator, quote: citation.quote, quoteLanguage: citation.quoteLanguage, inPlace: inPlace)
    }

    private enum CodingKeys: String, CodingKey { case sources, counts, anchors, locators, quotes, languages }

    /// A list is stored as columns: each source with how many uses it has, then every use's anchor,
    /// locator, quotation and language in turn. Every note and page has one, and columns of plain values
    /// read much faster than a record each.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let ids = try container.decode([String].self, forKey: .sources)
        let counts = try container.decode([Int].self, forKey: .counts)
        let anchors = try container.decode([String?].self, forKey: .anchors)
        let locators = try container.decode([String?].self, forKey: .locators)
        let quotes = try container.decode([String?].self, forKey: .quotes)
        let languages = try container.decode([String?].self, forKey: .languages)
        guard ids.count == counts.count, counts.reduce(0, +) == anchors.count,
              Set([anchors.count, locators.count, quotes.count, languages.count]).count == 1 else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "columns of unequal length"))
        }
        var next = 0
        for (id, count) in zip(ids, counts) {
            guard count >= 0 else { throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "negative count")) }
            var cited = Cited(sourceID: id, uses: [])
            for index in next..<(next + count) {
                cited.uses.append(Use(anchor: anchors[index], locator: locators[index], quote: quotes[index], quoteLanguage: languages[index]))
                if anchors[index] != nil { cited.placed += 1 }
            }
            next += count
            guard position(of: id) == nil else {
                throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "source listed twice"))
            }
            append(cited)
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        let uses = sources.flatMap(\.uses)
        try container.encode(sources.map(\.sourceID), forKey: .sources)
        try container.encode(sources.map(\.uses.count), forKey: .counts)
        try container.encode(uses.map(\.anchor), forKey: .anchors)
        try container.encode(uses.map(\.locator), forKey: .locators)
        try container.encode(uses.map(\.quote), forKey: .quotes)
        try container.encode(uses.map(\.quoteLanguage), forKey: .languages)
    }

    public static func == (lhs: CitationList, rhs: CitationList) -> Bool { lhs.sources == rhs.sources }

    public func hash(into hasher: inout Hasher) { hasher.combine(sources) }

    /// A mark of one citation shown in place.
    public struct Mark: Sendable {
        public var number: Int
        public var anchor: String?
        public var sourceID: String
        public var locator: String?

        public init(number: Int, anchor: String?, sourceID: String, locator: String?) {
            self.number = number
            self.anchor = anchor
            self.sourceID = sourceID
            self.locator = locator
        }
    }

    /// HTML for citations shown in place: one superscript link per source, each to its item in the list.
    public static func marks(_ cited: [Mark]) -> String {
        guard !cited.isEmpty else { return "" }
        // Made as bytes, each part escaped straight into them: a note has a mark for every citation.
        var html: [UInt8] = []
        html.reserveCapacity(32 + 64 * cited.count)
        html.append(contentsOf: "<sup class=\"citation\">".utf8)
        for item in cited {
            html.append(contentsOf: "<a".utf8)
            if let anchor = item.anchor {
                html.append(contentsOf: " id=\"".utf8)
                HTML.escape(anchor, into: &html)
                html.append(UInt8(ascii: "\""))
            }
            html.append(contentsOf: " href=\"#".utf8)
            HTML.escape(Anchor.citedSource(item.sourceID), into: &html)
            html.append(contentsOf: "\">[".utf8)
            html.append(contentsOf: String(item.number).utf8)
            if let locator = item.locator {
                html.append(contentsOf: ", ".utf8)
                HTML.escape(locator, into: &html)
            }
            html.append(contentsOf: "]</a>".utf8)
        }
        html.append(contentsOf: "</sup>".utf8)
        return String(decoding: html, as: UTF8.self)
    }
}
