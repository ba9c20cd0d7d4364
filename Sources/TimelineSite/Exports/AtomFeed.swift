import TimelineCore

/// `feed.xml`: an Atom feed of the entries, the latest events first, with their corrections.
struct AtomFeed {
    let site: Site
    /// How many entries the feed holds, as feed readers expect: the latest ones.
    static let limit = 50

    var bytes: [UInt8] { Array(text.utf8) }

    /// An id that stays the same from build to build: the page's address, or a UUID made from it.
    func id(_ route: Route) -> String {
        if site.index.settings.baseURL != nil { return site.url(route) }
        return StableHasher.uuid(site.index.settings.title + "\n" + route.path)
    }

    var text: String {
        let settings = site.index.settings
        let entries = site.entries.reversed().prefix(Self.limit)
        let updated = site.entries.map(site.lastChange(of:)).max() ?? DayNumber(year: 2000, month: 1, day: 1)
        var xml = "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n"
        xml += "<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"\(XML.escape(settings.language))\""
        if let base = settings.baseURL { xml += " xml:base=\"\(XML.escape(base))\"" }
        xml += ">\n"
        xml += "<title>\(XML.escape(settings.title))</title>\n"
        xml += "<subtitle>\(XML.escape(settings.description))</subtitle>\n"
        xml += "<id>\(XML.escape(id(.index)))</id>\n"
        xml += "<link rel=\"self\" type=\"application/atom+xml\" href=\"\(Route.feed.href)\"/>\n"
        xml += "<link rel=\"alternate\" type=\"text/html\" href=\"\(Route.index.href)\"/>\n"
        xml += "<updated>\(updated.timestamp)</updated>\n"
        xml += "<author><name>\(XML.escape(settings.publisher ?? settings.title))</name></author>\n"
        xml += "<generator>timeline</generator>\n"
        for entry in entries {
            let route = Route.note(.entry, entry.id)
            xml += "<entry>\n"
            xml += "<title>\(XML.escape(entry.title))</title>\n"
            xml += "<id>\(XML.escape(id(route)))</id>\n"
            xml += "<link rel=\"alternate\" type=\"text/html\" href=\"\(XML.escape(route.href))\"/>\n"
            xml += "<updated>\(site.lastChange(of: entry).timestamp)</updated>\n"
            for topic in entry.topics {
                guard let info = site.index.notes[topic.id] else { continue }
                xml += "<category term=\"\(XML.escape(topic.id))\" label=\"\(XML.escape(info.title))\"/>\n"
            }
            if let summary = entry.summary { xml += "<summary>\(XML.escape(summary))</summary>\n" }
            xml += "<content type=\"html\" xml:base=\"\(XML.escape(route.href))\">\(XML.escape(content(of: entry)))</content>\n"
            xml += "</entry>\n"
        }
        xml += "</feed>\n"
        return xml
    }

    /// The entry's date, text and corrections as HTML, with links relative to the entry's page.
    private func content(of entry: Entry) -> String {
        var html = "<p>\(entry.date.html(site.index.wording))</p>\n"
        html += site.notes[entry.id]?.rendered.markdown.html ?? ""
        if !entry.corrections.isEmpty {
            html += "<p><strong>Corrections</strong></p>\n<ul>\n"
            for correction in entry.corrections {
                html += "<li>\(correction.date.html(site.index.wording)): \(HTML.escape(correction.text))</li>\n"
            }
            html += "</ul>\n"
        }
        return html
    }
}
