import TimelineCore

/// Structured data (schema.org JSON-LD) for pages.
extension PageBuilder {
    /// The site as a `WebSite`, written once for all pages.
    func website() -> JSON {
        _ = reader.settings()
        return reader.caches.website
    }

    /// A source as a `CreativeWork`, for `citation`, written once for all the pages that cite it.
    func creativeWork(_ source: Source) -> JSON { reader.caches.creativeWork(source) }
}

/// The schema.org descriptions that pages share, as JSON.
enum StructuredData {
    /// The site as a `WebSite`.
    static func website(_ settings: SiteSettings) -> JSON {
        .compact([
            ("@context", .string("https://schema.org")), ("@type", .string("WebSite")), ("name", .string(settings.title)),
            ("description", .string(settings.description)), ("inLanguage", .string(settings.language)),
            ("url", .optional(settings.baseURL)),
            ("publisher", settings.publisher.map { .object([("@type", .string("Organization")), ("name", .string($0))]) } ?? .null),
        ])
    }

    /// A source as a `CreativeWork`, for `citation`.
    static func creativeWork(_ source: Source) -> JSON {
        .compact([
            ("@type", .string("CreativeWork")), ("name", .string(source.name)),
            ("author", source.author.map { .object([("@type", .string("Person")), ("name", .string($0))]) } ?? .null),
            ("publisher", source.publisher.map { .object([("@type", .string("Organization")), ("name", .string($0))]) } ?? .null),
            ("datePublished", source.date.startPoint.flatMap(EDTFDate.htmlValue).map(JSON.string) ?? .null),
            ("url", .optional(source.url)),
        ])
    }

    /// A value written out as compact JSON, to be inserted as it is.
    static func written(_ value: JSON) -> JSON {
        var bytes: [UInt8] = []
        value.write(into: &bytes, pretty: false, indent: 0)
        return .written(bytes)
    }
}

extension PageBuilder {
    /// The fact set as a `Dataset`, with its downloads.
    func dataset(facts: [Fact], metricTitles: [String]) -> JSON {
        let settings = reader.settings()
        let days = facts.map(\.date.earliest)
        var coverage: JSON = .null
        if let first = days.min(), let last = days.max() {
            let start = first.timestamp.prefix(10), end = last.timestamp.prefix(10)
            coverage = .string(start == end ? String(start) : "\(start)/\(end)")
        }
        let cited = reader.sources().filter { source in facts.contains { $0.citations.contains { $0.sourceID == source.id } } }
        return .compact([
            ("@context", .string("https://schema.org")), ("@type", .string("Dataset")),
            ("name", .string(describe("alternate_facts"))),
            ("description", .string(describe("description_facts_data"))),
            ("inLanguage", .string(settings.language)),
            ("url", settings.baseURL != nil ? .string(url(.facts)) : .null),
            ("temporalCoverage", coverage),
            ("variableMeasured", .array(metricTitles.map(JSON.string))),
            ("distribution", .array([
                .object([("@type", .string("DataDownload")), ("encodingFormat", .string("text/csv")), ("contentUrl", .string(url(.factsCSV)))]),
                .object([("@type", .string("DataDownload")), ("encodingFormat", .string("application/json")), ("contentUrl", .string(url(.data)))]),
            ])),
            ("citation", .array(cited.map(creativeWork))),
            ("isPartOf", website()),
        ])
    }
}
