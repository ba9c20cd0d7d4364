import TimelineCore

/// The site held against its sources: every quotation of the site (in `facts.yaml`, in notes' front matter,
/// and in prose followed by a citation) searched for in the archived texts of the sources it cites, and the
/// errors found in those texts. Made only for a content folder with archived texts; without them a site
/// builds as if this did not exist.
public struct Evidence: Sendable, Encodable {
    /// What the search found.
    public enum Status: String, Sendable, Encodable {
        /// In the archived text of a source it cites.
        case verified
        /// Not in the archived text of any source it cites, though every one of them has one.
        case failed
        /// Some source it cites has no archived text to search.
        case unverifiable
    }

    /// One quotation, where it is written and who relies on it.
    public struct Quote: Sendable, Encodable {
        public var text: String
        public var sourceIDs: [String]
        public var location: SourceLocation
        /// The page of the note or fact that quotes it, and the place on that page.
        public var route: Route
        public var anchor: String?
        public var title: String
        public var isFact: Bool
        /// For a quotation in a note's translation, the translation's language; a source's page lists only
        /// the passages its original quotes.
        public var translation: String? = nil
        public var status: Status
        /// For a verified quotation: the source whose text holds it, the words as that text gives them, and
        /// the sentence around them.
        public var source: String?
        public var passage: String?
        public var context: String?
        /// For a failed one: the passage closest to it in the archived text of its first source.
        public var closest: String?
    }

    /// An error found in an archived text, which the source's page lists among the source's known errors.
    public struct KnownError: Sendable, Encodable, Hashable {
        public var message: String
        public var location: SourceLocation
        /// The words at fault, as written.
        public var written: String
    }

    public var quotes: [Quote] = []
    /// Known errors of each source, by source id.
    public var knownErrors: [String: [KnownError]] = [:]

    public init() {}

    /// The evidence of a content folder: every quotation checked against the archives, made ready to search
    /// in `archives` (from the content's own archives when not given).
    ///
    /// A quotation that `earlier` (the evidence of the same texts for the site in another language) searched
    /// for in the same sources takes what that search found.
    public init(content: Content, archives: ArchiveIndex? = nil, reusing earlier: Evidence? = nil) {
        let archives = archives ?? ArchiveIndex(content.archives)
        let matchers = archives.matchers
        var found: [SearchKey: Quote] = [:]
        for quote in earlier?.quotes ?? [] { found[SearchKey(quote)] = quote }
        func check(_ quote: Quote) -> Quote {
            guard let earlier = found[SearchKey(quote)] else { return Self.check(quote, matchers: matchers) }
            var quote = quote
            (quote.status, quote.source, quote.passage, quote.context, quote.closest) = (earlier.status, earlier.source, earlier.passage, earlier.context, earlier.closest)
            return quote
        }
        var quotes: [Quote] = []
        func add(_ text: String, _ sources: [String], at location: SourceLocation, route: Route, anchor: String?, title: String, isFact: Bool) {
            quotes.append(check(
                Quote(text: text, sourceIDs: sources, location: location, route: route, anchor: anchor, title: title, isFact: isFact, status: .unverifiable)))
        }
        for fact in content.facts {
            for citation in fact.citations {
                guard let quote = citation.quote else { continue }
                add(quote, [citation.sourceID], at: citation.quoteLocation ?? citation.location, route: .facts, anchor: Anchor.fact(fact.id), title: fact.statement, isFact: true)
            }
        }
        let notes: [(NoteInfo, [Citation], MarkdownBody)] = content.entries.map { ($0.info, $0.citations, $0.body) }
            + content.topics.map { ($0.info, $0.citations, $0.body) } + content.pages.map { ($0.info, $0.citations, $0.body) }
        for (info, citations, body) in notes {
            for citation in citations {
                guard let quote = citation.quote else { continue }
                add(quote, [citation.sourceID], at: citation.quoteLocation ?? citation.location, route: info.route, anchor: nil, title: info.title, isFact: false)
            }
            for found in ProseQuoteScanner.scan(body.file.bytes[body.range]) {
                add(found.quote, found.sourceIDs, at: body.file.location(ofOffset: found.offset), route: info.route, anchor: nil, title: info.title, isFact: false)
            }
        }
        // A translation quotes the source in its own words as the original does: each quotation is held
        // against the archive too, once, with the main site (another language's site shows them, not checks).
        let translations = content.settings.mainLanguage == nil ? content.noteTranslations : []
        let routes = Dictionary((content.entries.map(\.info) + content.topics.map(\.info) + content.pages.map(\.info)).map { ($0.kind.folder + "/" + $0.id, $0) },
                                uniquingKeysWith: { first, _ in first })
        for translation in translations {
            guard let body = translation.body, let info = routes[translation.kind.folder + "/" + translation.id] else { continue }
            for found in ProseQuoteScanner.scan(body.file.bytes[body.range]) {
                var quote = Quote(
                    text: found.quote, sourceIDs: found.sourceIDs, location: body.file.location(ofOffset: found.offset), route: info.route, anchor: nil,
                    title: translation.title, isFact: false, status: .unverifiable)
                quote.translation = translation.language
                quotes.append(check(quote))
            }
        }
        self.quotes = quotes
        knownErrors = archives.knownErrors
    }

    /// What a search is made with: the words of a quotation and the sources searched.
    private struct SearchKey: Hashable {
        var text: String
        var sourceIDs: [String]

        init(_ quote: Quote) {
            text = quote.text
            sourceIDs = quote.sourceIDs
        }
    }

    /// A quotation searched for in the archived texts of its sources.
    static func check(_ quote: Quote, matchers: [String: QuoteMatcher]) -> Quote {
        var quote = quote
        for id in quote.sourceIDs {
            guard let matcher = matchers[id], let range = matcher.find(quote.text) else { continue }
            quote.status = .verified
            quote.source = id
            quote.passage = String(matcher.text[range])
            quote.context = matcher.context(of: range)
            return quote
        }
        guard quote.sourceIDs.allSatisfy({ matchers[$0] != nil }), let first = quote.sourceIDs.first, let matcher = matchers[first] else {
            return quote
        }
        quote.status = .failed
        quote.closest = matcher.closestPassage(to: quote.text)
        return quote
    }

    /// How many quotations have each status.
    public func count(_ status: Status) -> Int { quotes.count { $0.status == status } }

    /// The verified quotations of one source, in the order of the content.
    public func passages(of sourceID: String) -> [Quote] { quotes.filter { $0.status == .verified && $0.source == sourceID && $0.translation == nil } }
}

/// What a source's page shows of the evidence: the passages the site quotes and the errors of its archived
/// text, with where the text came from.
struct SourceEvidence: Sendable, Encodable {
    var passages: [Evidence.Quote]
    var knownErrors: [Evidence.KnownError]
    /// The address the archived text came from, else the source's.
    var url: String?
    var note: String?
    /// The address the archived text itself was retrieved from, when its front matter gives one.
    var copyURL: String?
}

extension Site {
    /// The evidence a source's page shows.
    func sourceEvidence(_ id: String) -> SourceEvidence {
        let archive = content.archives[id]
        return SourceEvidence(
            passages: evidence.passages(of: id), knownErrors: evidence.knownErrors[id] ?? [], url: archive?.url ?? index.sources[id]?.url,
            note: archive?.note, copyURL: archive?.url)
    }
}
