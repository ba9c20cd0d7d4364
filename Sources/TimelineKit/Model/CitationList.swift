/// The sources cited on one page, numbered in the order they are first cited, with every place each is cited,
/// so the page can end with a numbered list whose items link back to those places (as Wikipedia's notes do).
struct CitationList: Sendable, Hashable {
    /// One place a source is cited.
    struct Use: Sendable, Hashable {
        /// The id of the element that holds the citation on the page, or nil for a source the page cites as a whole.
        var anchor: String?
        var locator: String?
        var quote: String?
        var quoteLanguage: String?
    }

    private(set) var order: [String] = []
    private(set) var uses: [String: [Use]] = [:]
    /// How many in-place citations each source has, for the next one's anchor.
    private var placed: [String: Int] = [:]
    private var numbers: [String: Int] = [:]

    init() {}

    /// A list as a cache stored it.
    init(order: [String], uses: [String: [Use]]) {
        self.order = order
        self.uses = uses
        for (index, sourceID) in order.enumerated() {
            numbers[sourceID] = index + 1
            placed[sourceID] = uses[sourceID]?.count { $0.anchor != nil } ?? 0
        }
    }

    static func == (lhs: CitationList, rhs: CitationList) -> Bool { lhs.order == rhs.order && lhs.uses == rhs.uses }

    func hash(into hasher: inout Hasher) {
        hasher.combine(order)
        hasher.combine(uses)
    }

    var isEmpty: Bool { order.isEmpty }

    /// Records a citation and returns its number and the id to give the element that shows it.
    mutating func cite(_ sourceID: String, locator: String? = nil, quote: String? = nil, quoteLanguage: String? = nil, inPlace: Bool = true) -> (number: Int, anchor: String?) {
        if uses[sourceID] == nil {
            order.append(sourceID)
            numbers[sourceID] = order.count
            uses[sourceID] = []
        }
        var anchor: String?
        if inPlace {
            let count = placed[sourceID, default: 0] + 1
            placed[sourceID] = count
            anchor = "cite-\(sourceID)-\(count)"
        }
        uses[sourceID]!.append(Use(anchor: anchor, locator: locator, quote: quote, quoteLanguage: quoteLanguage))
        return (numbers[sourceID]!, anchor)
    }

    mutating func cite(_ citation: Citation, inPlace: Bool) -> (number: Int, anchor: String?) {
        cite(citation.sourceID, locator: citation.locator, quote: citation.quote, quoteLanguage: citation.quoteLanguage, inPlace: inPlace)
    }

    func number(of sourceID: String) -> Int? { numbers[sourceID] }

    /// The anchor of a source's item in the page's list of sources.
    static func noteAnchor(_ sourceID: String) -> String { "source-\(sourceID)" }

    /// HTML for citations shown in place: one superscript link per source, each to its item in the list.
    static func marks(_ cited: [(number: Int, anchor: String?, sourceID: String, locator: String?)]) -> String {
        guard !cited.isEmpty else { return "" }
        var html = "<sup class=\"citation\">"
        for item in cited {
            let id = item.anchor.map { " id=\"\(HTML.escape($0))\"" } ?? ""
            let locator = item.locator.map { ", " + HTML.escape($0) } ?? ""
            html += "<a\(id) href=\"#\(HTML.escape(noteAnchor(item.sourceID)))\">[\(item.number)\(locator)]</a>"
        }
        return html + "</sup>"
    }
}
