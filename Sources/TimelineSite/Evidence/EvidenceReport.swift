import TimelineCore

/// What `timeline report` prints: for each source, its quotations verified, failed and unverifiable and its
/// known errors; for each entry, its paragraphs with no citation and the figures it writes in digits outside
/// a fact reference (a number should live in the fact set, where it has a date and a source); and totals.
public struct EvidenceReport: Sendable {
    public struct SourceLine: Sendable {
        public var id: String
        public var hasArchive: Bool
        public var verified = 0
        public var failed = 0
        public var unverifiable = 0
        public var knownErrors: [Evidence.KnownError] = []
    }

    public struct EntryLine: Sendable {
        public var id: String
        /// Where each paragraph without a citation starts.
        public var uncitedParagraphs: [SourceLocation] = []
        /// Each figure written in digits, and where.
        public var figures: [(text: String, location: SourceLocation)] = []
    }

    public let evidence: Evidence
    public private(set) var sources: [SourceLine] = []
    public private(set) var entries: [EntryLine] = []

    public init(site: Site) {
        evidence = site.content.archives.isEmpty ? Evidence(content: site.content) : site.evidence
        var lines = site.content.sources.map { SourceLine(id: $0.id, hasArchive: site.content.archives[$0.id] != nil, knownErrors: evidence.knownErrors[$0.id] ?? []) }
        let positions = Dictionary(lines.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first })
        for quote in evidence.quotes {
            switch quote.status {
            case .verified: if let id = quote.source, let at = positions[id] { lines[at].verified += 1 }
            case .failed: for id in quote.sourceIDs { if let at = positions[id] { lines[at].failed += 1 } }
            case .unverifiable:
                for id in quote.sourceIDs where site.content.archives[id] == nil { if let at = positions[id] { lines[at].unverifiable += 1 } }
            }
        }
        sources = lines
        entries = site.entries.map { entry in
            var line = EntryLine(id: entry.id)
            ProseAudit.audit(entry.body, into: &line)
            return line
        }
    }

    /// The report for machines.
    public var json: JSON {
        .object([
            ("quotes", .object([
                ("verified", .integer(evidence.count(.verified))), ("failed", .integer(evidence.count(.failed))),
                ("unverifiable", .integer(evidence.count(.unverifiable))),
            ])),
            ("failed_quotes", .array(evidence.quotes.filter { $0.status == .failed }.map { quote in
                .compact([("quote", .string(quote.text)), ("sources", .array(quote.sourceIDs.map(JSON.string))),
                          ("location", .string(quote.location.description)), ("closest", .optional(quote.closest))])
            })),
            ("sources", .array(sources.map { line in
                .object([
                    ("id", .string(line.id)), ("archived", .bool(line.hasArchive)), ("verified", .integer(line.verified)),
                    ("failed", .integer(line.failed)), ("unverifiable", .integer(line.unverifiable)),
                    ("known_errors", .array(line.knownErrors.map { .object([("message", .string($0.message)), ("location", .string($0.location.description))]) })),
                ])
            })),
            ("uncited_paragraphs", .array(entries.flatMap { line in
                line.uncitedParagraphs.map { JSON.object([("entry", .string(line.id)), ("location", .string($0.description))]) }
            })),
            ("figures_in_prose", .array(entries.flatMap { line in
                line.figures.map { JSON.object([("entry", .string(line.id)), ("figure", .string($0.text)), ("location", .string($0.location.description))]) }
            })),
        ])
    }

    /// The report for people.
    public var text: String {
        var lines = ["Quotations: \(evidence.count(.verified)) verified, \(evidence.count(.failed)) not found, \(evidence.count(.unverifiable)) unverifiable (a source without an archived text)"]
        for quote in evidence.quotes where quote.status == .failed {
            lines.append("  \(quote.location): \"\(quote.text)\" not in \(quote.sourceIDs.joined(separator: ", "))")
        }
        lines.append("")
        lines.append("Sources:")
        for line in sources {
            var text = "  \(line.id): " + (line.hasArchive ? "\(line.verified) verified, \(line.failed) not found" : "no archived text")
            if line.unverifiable > 0 { text += ", \(line.unverifiable) unverifiable" }
            lines.append(text)
            for error in line.knownErrors { lines.append("    known error: \(error.message) (\(error.location))") }
        }
        let uncited = entries.reduce(0) { $0 + $1.uncitedParagraphs.count }
        let figures = entries.reduce(0) { $0 + $1.figures.count }
        lines.append("")
        lines.append("Entries: \(uncited) paragraph\(uncited == 1 ? "" : "s") without a citation, \(figures) figure\(figures == 1 ? "" : "s") in digits outside the fact set")
        for line in entries {
            for location in line.uncitedParagraphs { lines.append("  \(location): a paragraph of '\(line.id)' cites no source") }
            for figure in line.figures { lines.append("  \(figure.location): '\(figure.text)' in '\(line.id)' could be a fact") }
        }
        return lines.joined(separator: "\n")
    }
}
