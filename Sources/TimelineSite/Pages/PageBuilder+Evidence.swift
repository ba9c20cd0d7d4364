import TimelineCore

/// The evidence on a source's page: each passage the site quotes, in its context, with who quotes it.
extension PageBuilder {
    func evidence(of id: String, from route: Route) -> (passages: [EvidencePassage], errors: [KnownErrorItem], note: String?, copyURL: String?) {
        let evidence = reader.evidence(id)
        var order: [String] = []
        var groups: [String: [Evidence.Quote]] = [:]
        for quote in evidence.passages {
            guard let passage = quote.passage else { continue }
            let key = Self.collapsed(passage)
            if groups[key] == nil { order.append(key) }
            groups[key, default: []].append(quote)
        }
        let passages = order.compactMap { key -> EvidencePassage? in
            guard let quotes = groups[key], let first = quotes.first else { return nil }
            let context = first.context ?? key
            var before = "", after = ""
            if let range = context.range(of: key) {
                before = String(context[..<range.lowerBound])
                after = String(context[range.upperBound...])
            }
            var seen = Set<String>()
            let uses = quotes.compactMap { quote -> EvidenceUse? in
                let href = quote.route.href(from: route, fragment: quote.anchor)
                guard seen.insert(href + quote.title).inserted else { return nil }
                return EvidenceUse(title: quote.title, href: href)
            }
            return EvidencePassage(
                passage: key, before: before, after: after, fragmentURL: evidence.url.map { Self.textFragment($0, passage: key) }, usedBy: uses)
        }
        return (passages, evidence.knownErrors.map { KnownErrorItem(message: $0.message) }, evidence.note, evidence.copyURL)
    }

    /// The latest figure of the same metric as a fact, when it is later.
    func laterFigure(of id: String, from route: Route) -> LaterFigure? {
        let context = reader.figure(id)
        guard let later = context.later, let value = context.laterValue, let laterDate = context.laterDate else { return nil }
        return LaterFigure(value: value, dateHTML: date(laterDate), href: Route.facts.href(from: route, fragment: Anchor.fact(later)))
    }

    /// Text with every run of whitespace made one space.
    static func collapsed(_ text: String) -> String { text.split(whereSeparator: \.isWhitespace).joined(separator: " ") }

    /// The address of a page with a text fragment (`#:~:text=start,end`) that a browser opens at the passage,
    /// highlighted: the whole passage when short, else its first and last four words.
    static func textFragment(_ url: String, passage: String) -> String {
        let base = url.split(separator: "#", maxSplits: 1).first.map(String.init) ?? url
        let words = passage.split(separator: " ")
        let directive = words.count <= 8
            ? encode(passage)
            : encode(words.prefix(4).joined(separator: " ")) + "," + encode(words.suffix(4).joined(separator: " "))
        return base + "#:~:text=" + directive
    }

    /// Percent-encodes all but letters, digits and `._~`: a text fragment gives `-`, `,` and `&` meanings of
    /// their own.
    static func encode(_ text: String) -> String {
        PathText.percentEncoded(text, keeping: Set("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789._~".utf8))
    }
}
