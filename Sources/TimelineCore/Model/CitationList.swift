/// The sources cited on one page, numbered in the order they are first cited, with every place each is cited,
/// so the page can end with a numbered list whose items link back to those places (as Wikipedia's notes do).
public struct CitationList: Sendable, Hashable, Codable {
    /// One place a source is cited.
    public struct Use: Sendable, Hashable, Codable {
        /// The id of the element that holds the citation on the page, or nil for a source the page cites as a whole.
        public var anchor: String?
        public var locator: String?
        public var quote: String?
        public var quoteLanguage: String?
    }

    /// A source with every place it is cited, in order.
    public struct Cited: Sendable, Hashable, Codable {
        public var sourceID: String
        public var uses: [Use]
        /// How many of the uses are in place, for the next one's anchor.
        var placed = 0
    }

    /// The sources in the order they are first cited; a source's number is its position plus one.
    public private(set) var sources: [Cited] = []
    /// Each source's position in `sources`.
    private var positions: [String: Int] = [:]

    public init() {}

    public var isEmpty: Bool { sources.isEmpty }

    /// The ids of the sources, in order.
    public var order: [String] { sources.map(\.sourceID) }

    /// Records a citation and returns its number and the id to give the element that shows it.
    public mutating func cite(_ sourceID: String, locator: String? = nil, quote: String? = nil, quoteLanguage: String? = nil, inPlace: Bool = true) -> (number: Int, anchor: String?) {
        let position: Int
        if let known = positions[sourceID] {
            position = known
        } else {
            position = sources.count
            positions[sourceID] = position
            sources.append(Cited(sourceID: sourceID, uses: []))
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

    private enum CodingKeys: String, CodingKey { case sources }

    public init(from decoder: any Decoder) throws {
        sources = try decoder.container(keyedBy: CodingKeys.self).decode([Cited].self, forKey: .sources)
        for (position, cited) in sources.enumerated() { positions[cited.sourceID] = position }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(sources, forKey: .sources)
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
        var html = "<sup class=\"citation\">"
        for item in cited {
            let id = item.anchor.map { " id=\"\(HTML.escape($0))\"" } ?? ""
            let locator = item.locator.map { ", " + HTML.escape($0) } ?? ""
            html += "<a\(id) href=\"#\(HTML.escape(Anchor.citedSource(item.sourceID)))\">[\(item.number)\(locator)]</a>"
        }
        return html + "</sup>"
    }
}
