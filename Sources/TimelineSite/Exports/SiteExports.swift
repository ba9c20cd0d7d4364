import TimelineCore

extension Site {
    /// The bytes of a file no template renders (feeds, the search index, data exports), or nil for a route
    /// that names a page or an asset. Their few words of interface come from `text`.
    public func generatedFile(_ route: Route, text: InterfaceText = .english) -> [UInt8]? {
        switch route {
        case .feed: return AtomFeed(site: self).bytes
        case .searchIndex: return SearchIndex(site: self).bytes
        case .timelineJS: return TimelineJSExport(site: self, words: text).bytes
        case .data: return DataExport(site: self).bytes
        case .factsCSV: return FactsCSV(site: self).bytes
        case .sitemap: return Sitemap(site: self).bytes
        case .index, .topics, .sources, .facts, .notFound, .dataFiles, .embed, .note, .source, .era, .asset, .media, .card, .map: return nil
        }
    }

    /// When an entry last changed: its `updated` date, its latest correction, or else its own date.
    func lastChange(of entry: Entry) -> DayNumber {
        ([entry.updated?.earliest] + entry.corrections.map { Optional($0.date.earliest) })
            .compactMap { $0 }.reduce(entry.date.earliest, max)
    }
}
