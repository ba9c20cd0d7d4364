import TimelineCore

/// `timeline.json`: the entries in Knight Lab TimelineJS's JSON format, so the same content can be shown there.
///
/// Dates become `start_date`/`end_date` objects at their written precision; approximate, uncertain, seasonal
/// and open dates also carry the site's wording in `display_date`, since TimelineJS cannot express them.
struct TimelineJSExport {
    let site: Site
    /// The interface's words in the site's language, for the link to each entry's page.
    var words = InterfaceText.english

    /// Given what is made so far after each event, and may take it away (to write it out).
    var spill: (inout [UInt8]) -> Void = { _ in }
    /// The file as the last build wrote it, whose entries' events are copied when they did not change.
    var previous: PreviousExport?

    /// Indented JSON, as TimelineJS's own files are. Each event is written as it is made, so that the
    /// whole file is never held as JSON values.
    var bytes: [UInt8] { made().bytes }

    /// The file, and where each entry's event lies in it.
    func made() -> (bytes: [UInt8], layout: ExportLayout) {
        let items = ExportItems(previous: previous, spill: spill)
        var out: [UInt8] = []
        out.reserveCapacity(min(site.entries.count * 700, Site.exportPiece * 2))
        let settings = site.index.settings
        let base = StableHasher.hash { h in
            h.combine(Fingerprint.of(site.content.settings))
            h.combine(words.word("read_entry_and_sources"))
        }
        var members: [(String, (inout [UInt8]) -> Void)] = []
        if !(settings.languages.isEmpty && settings.mainLanguage == nil) {
            members.append(("language", { JSON.string(settings.language).write(into: &$0, pretty: true, indent: 1) }))
        }
        members.append(("title", { out in
            JSON.object([("text", .object([("headline", .string(settings.title)), ("text", .string("<p>\(HTML.escape(settings.description))</p>"))]))])
                .write(into: &out, pretty: true, indent: 1)
        }))
        members.append(("events", { out in
            JSON.writeArray(site.entries.lazy.filter { Self.dates($0.date) != nil }, into: &out, pretty: true, indent: 1) { entry, out in
                let media = self.media(of: entry)
                let group = group(of: entry, settings: settings)
                // The event is made from these alone.
                let fingerprint = StableHasher.hash { h in
                    h.combine(base)
                    h.combine(entry.id)
                    h.combine(entry.title)
                    h.combine(entry.date.text)
                    Fingerprint.combine(entry.summary, into: &h)
                    Fingerprint.combine(group, into: &h)
                    if let media { media.combine(into: &h) } else { Fingerprint.combineMissing(into: &h) }
                }
                items.add(entry.id, fingerprint: fingerprint, into: &out) { out in
                    event(entry, media: media, group: group)?.write(into: &out, pretty: true, indent: 2)
                }
                items.giveAway(&out)
            }
        }))
        members.append(("eras", { JSON.array(eras).write(into: &$0, pretty: true, indent: 1) }))
        JSON.writeObject(members, into: &out, pretty: true)
        out.append(0x0A)
        return (out, items.finished(out))
    }

    /// What TimelineJS shows of an entry's lead image.
    struct Media {
        var url: String
        var caption: String?
        var credit: String
        var alt: String
        var link: String?

        var json: JSON {
            // The alt text is given, since TimelineJS would otherwise make it from the caption.
            JSON.compact([("url", .string(url)), ("caption", .optional(caption)), ("credit", .string(credit)), ("alt", .string(alt)), ("link", .optional(link))])
        }

        func combine(into hasher: inout StableHasher) {
            for field in [url, caption, credit, alt, link] { Fingerprint.combine(field, into: &hasher) }
        }
    }

    /// The entry's lead image as TimelineJS shows it; nil for an entry without one.
    func media(of entry: Entry) -> Media? {
        guard let name = entry.image?.id, let image = site.index.images[name], let copy = image.largest else { return nil }
        return Media(url: site.url(image.route(of: copy)), caption: image.item.caption, credit: "\(image.item.credit) · \(image.item.license)",
                     alt: image.item.alt, link: image.item.sourceURL)
    }

    /// An entry as a TimelineJS event, or nil for one whose dates TimelineJS cannot place.
    func event(_ entry: Entry) -> JSON? {
        event(entry, media: media(of: entry), group: group(of: entry, settings: site.index.settings))
    }

    /// An entry as a TimelineJS event, with its lead image's fields (``media(of:)``) and its row.
    func event(_ entry: Entry, media: Media?, group: String?) -> JSON? {
        let wording = site.index.wording
        guard let (start, end) = Self.dates(entry.date) else { return nil }
        var members: [(String, JSON)] = [("unique_id", .string(entry.id)), ("start_date", start)]
        if let end { members.append(("end_date", end)) }
        if Self.needsDisplayDate(entry.date) { members.append(("display_date", .string(entry.date.display(wording)))) }
        var text = entry.summary.map { "<p>\(HTML.escape($0))</p>" } ?? ""
        text += "<p><a href=\"\(Route.note(.entry, entry.id).href)\">\(HTML.escape(words.word("read_entry_and_sources")))</a></p>"
        members.append(("text", .object([("headline", .string(entry.title)), ("text", .string(text))])))
        if let media { members.append(("media", media.json)) }
        if let group { members.append(("group", .string(group))) }
        return .object(members)
    }

    /// The site's eras as TimelineJS eras; an era still open ends on the last day of any entry.
    var eras: [JSON] {
        var lastDay: DayNumber?
        for position in site.entries.indices {
            let latest = site.entries[position].date.latest
            if latest.value != Int.max, lastDay.map({ latest > $0 }) ?? true { lastDay = latest }
        }
        var eras: [JSON] = []
        for era in site.index.settings.eras {
            guard case .interval(let start, let end) = era.date.value, case .point(let first) = start else { continue }
            let last: EDTFDate.Point
            if case .point(let point) = end {
                last = point
            } else if let lastDay {
                let (year, month, day) = lastDay.components
                last = EDTFDate.Point(year: year, month: month, day: day)
            } else {
                continue
            }
            eras.append(.object([
                ("start_date", Self.date(first)), ("end_date", Self.date(last)),
                ("text", .object([("headline", .string(era.title))])),
            ]))
        }
        return eras
    }

    /// The row an entry is shown in, as `timelinejs_group` in `site.yaml` chooses: its era (the default), its
    /// first topic, or none.
    func group(of entry: Entry, settings: SiteSettings) -> String? {
        switch settings.timelineJSGroup {
        case .era:
            guard let eraID = site.eraID(of: entry.id) else { return nil }
            return settings.eras.first { $0.id == eraID }?.title
        case .topic:
            return entry.topics.first.flatMap { site.index.notes[$0.id]?.title }
        case .none:
            return nil
        }
    }

    /// A TimelineJS date object at the point's precision: year, then month and day when known.
    static func date(_ point: EDTFDate.Point) -> JSON {
        let earliest = point.earliest.components
        var members: [(String, JSON)] = [("year", .integer(earliest.year))]
        if point.season != nil || point.unspecifiedYearDigits > 0 { return .object(members) }
        if let month = point.month, !point.monthUnspecified {
            members.append(("month", .integer(month)))
            if let day = point.day, !point.dayUnspecified { members.append(("day", .integer(day))) }
        }
        return .object(members)
    }

    static func dates(_ date: EDTFDate) -> (JSON, JSON?)? {
        switch date.value {
        case .point(let point): return (Self.date(point), nil)
        case .interval(let start, let end):
            switch (start, end) {
            case (.point(let first), .point(let last)): return (Self.date(first), Self.date(last))
            case (.point(let first), _): return (Self.date(first), nil)
            case (_, .point(let last)): return (Self.date(last), nil)
            default: return nil
            }
        }
    }

    /// Whether TimelineJS's own rendering of the date would say more or less than the EDTF does.
    static func needsDisplayDate(_ date: EDTFDate) -> Bool {
        func plain(_ point: EDTFDate.Point) -> Bool {
            point.qualifier == .exact && point.season == nil && point.unspecifiedYearDigits == 0 && !point.monthUnspecified && !point.dayUnspecified
        }
        switch date.value {
        case .point(let point): return !plain(point)
        case .interval(let start, let end):
            guard case .point(let first) = start, case .point(let last) = end else { return true }
            return !plain(first) || !plain(last)
        }
    }
}
