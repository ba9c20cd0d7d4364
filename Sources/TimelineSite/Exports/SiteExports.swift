import TimelineCore

extension Site {
    /// The bytes of a file no template renders (feeds, the search index, data exports), or nil for a route
    /// that names a page or an asset. Their few words of interface come from `text`.
    ///
    /// The largest, `data.json`, `timeline.json` and the search index, are given to `spill` as they are made, after each
    /// item, with what is made so far: what it takes away (to write it out) is not held any more, and the
    /// bytes returned are the rest.
    public func generatedFile(_ route: Route, text: InterfaceText = .english, spill: (inout [UInt8]) -> Void = { _ in }) -> [UInt8]? {
        switch route {
        case .feed: return AtomFeed(site: self).bytes
        case .searchIndex: return withoutActuallyEscaping(spill) { SearchIndex(site: self, spill: $0).bytes }
        case .timelineJS: return withoutActuallyEscaping(spill) { TimelineJSExport(site: self, words: text, spill: $0).bytes }
        case .data: return withoutActuallyEscaping(spill) { DataExport(site: self, spill: $0).bytes }
        case .factsCSV: return FactsCSV(site: self).bytes
        case .sitemap: return Sitemap(site: self).bytes
        case .index, .topics, .sources, .facts, .notFound, .dataFiles, .embed, .note, .source, .era, .asset, .media, .card, .map: return nil
        }
    }

    /// The exports made entry by entry, which ``generatedExport(_:previous:text:spill:)`` makes.
    public static let exportsByEntry: [Route] = [.data, .searchIndex, .timelineJS]

    /// An export made from the entries of the one the last build wrote, `previous`, where they did not
    /// change, with where each entry lies in it; nil for a route that is not such an export (`data.json`,
    /// `timeline.json` and the search index are). The bytes are those ``generatedFile(_:text:spill:)`` makes.
    public func generatedExport(
        _ route: Route, previous: PreviousExport?, text: InterfaceText = .english, spill: (inout [UInt8]) -> Void = { _ in }
    ) -> (bytes: [UInt8], layout: ExportLayout)? {
        switch route {
        case .data: return withoutActuallyEscaping(spill) { DataExport(site: self, spill: $0, previous: previous).made() }
        case .searchIndex: return withoutActuallyEscaping(spill) { SearchIndex(site: self, spill: $0, previous: previous).made() }
        case .timelineJS: return withoutActuallyEscaping(spill) { TimelineJSExport(site: self, words: text, spill: $0, previous: previous).made() }
        default: return nil
        }
    }

    /// How much of a large export is made before it is worth writing out: a megabyte.
    public static let exportPiece = 1 << 20

    /// When an entry last changed: its `updated` date, its latest correction, or else its own date.
    func lastChange(of entry: Entry) -> DayNumber {
        ([entry.updated?.earliest] + entry.corrections.map { Optional($0.date.earliest) })
            .compactMap { $0 }.reduce(entry.date.earliest, max)
    }
}
