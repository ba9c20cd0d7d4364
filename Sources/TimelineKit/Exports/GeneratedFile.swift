/// A file of the built site that no template renders: feeds, the search index and data exports.
struct GeneratedFile: Sendable {
    let path: String
    let make: @Sendable (Site) -> [UInt8]

    /// The files every site gets, and the sitemap when the site knows its address.
    static func all(baseURL: String?) -> [GeneratedFile] {
        var files = [
            GeneratedFile(path: "feed.xml") { AtomFeed(site: $0).bytes },
            GeneratedFile(path: "search-index.js") { SearchIndex(site: $0).bytes },
            GeneratedFile(path: "timeline.json") { TimelineJSExport(site: $0).bytes },
            GeneratedFile(path: "data.json") { DataExport(site: $0).bytes },
            GeneratedFile(path: "facts.csv") { FactsCSV(site: $0).bytes },
        ]
        if baseURL != nil { files.append(GeneratedFile(path: "sitemap.xml") { Sitemap(site: $0).bytes }) }
        return files
    }
}

extension Site {
    /// The address of a path of the site: absolute when the site knows its base URL, else as given.
    func url(_ path: String) -> String {
        guard let base = index.settings.baseURL else { return path }
        return base + (path == "index.html" ? "" : path)
    }

    /// A date as an RFC 3339 time stamp at midnight UTC of its earliest day, for feeds.
    static func timestamp(_ day: DayNumber) -> String {
        let (year, month, day) = day.components
        let yearText = String(repeating: "0", count: max(0, 4 - String(year).count)) + String(year)
        return "\(yearText)-\(String(format2: month))-\(String(format2: day))T00:00:00Z"
    }

    /// When an entry last changed: its `updated` date, its latest correction, or else its own date.
    func lastChange(of entry: Entry) -> DayNumber {
        ([entry.updated?.earliest, entry.date.earliest] + entry.corrections.map { Optional($0.date.earliest) })
            .compactMap { $0 }.max()!
    }
}
