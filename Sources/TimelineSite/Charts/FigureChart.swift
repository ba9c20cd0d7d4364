import TimelineCore

/// An SVG chart of one metric's figures over time, drawn at build time: each figure a point at its
/// "as of" date (a bar across a period, a line from low to high for a range), labelled with its value
/// and linked to its source; figures from different sources get different marks, named in a legend.
struct FigureChart: Sendable, Encodable {
    let metric: String
    let title: String
    /// The metric's figures, in date order.
    let facts: [Fact]
    /// The sources of the figures, by id: a list, so that the chart's fingerprint does not depend on a
    /// dictionary's order.
    let sources: [Source]
    let wording: DateWording
    /// Whether each figure counts something of its own (`separate_counts`), so that its points are not joined.
    var separateCounts = false
    /// For a chart of several metrics (`charts` in `site.yaml`), the metrics and their titles, one series
    /// each; empty for a chart of one metric, whose series are its sources.
    var series: [Series] = []

    /// A metric drawn as one series of a chart of several.
    struct Series: Sendable, Encodable, Hashable {
        var metric: String
        var title: String
    }
    /// Figures that disagree with another of the same date from another source (with archived texts), in
    /// the chart's order: a list rather than a set, so that its fingerprint is the same in every run.
    var disagreeing: [String] = []

    /// The drawing's size in its own units; narrow, so that its text stays legible on a phone.
    static let width = 480.0
    static let height = 298.0
    static let margin = (top: 26.0, right: 18.0, bottom: 58.0, left: 78.0)
    /// The most figures a chart may have to be drawn on the pages of the notes that show them as well as on
    /// the facts page.
    static let notePageLimit = 40
    /// Mark shapes, one per source, in order of first appearance.
    static let shapes = ["circle", "square", "triangle", "diamond", "cross", "star"]

    /// Charts are drawn for metrics with two figures or more.
    static func charts(facts: [Fact], index: SiteIndex) -> [String: FigureChart] {
        var byMetric: [String: [Fact]] = [:]
        for fact in facts where fact.value != nil {
            if let metric = fact.metric { byMetric[metric, default: []].append(fact) }
        }
        var charts: [String: FigureChart] = [:]
        func title(_ metric: String) -> String { index.settings.metrics.first { $0.id == metric }?.title ?? Fact.metricTitle(metric) }
        func chart(_ key: String, title: String, of facts: [Fact]) -> FigureChart {
            var sources: [Source] = []
            for fact in facts {
                if let id = fact.citations.first?.sourceID, let source = index.sources[id], !sources.contains(where: { $0.id == id }) {
                    sources.append(source)
                }
            }
            return FigureChart(
                metric: key, title: title,
                facts: facts.sorted { ($0.date.earliest, $0.date.latest, $0.id) < ($1.date.earliest, $1.date.latest, $1.id) },
                sources: sources, wording: index.wording)
        }
        for (metric, facts) in byMetric where facts.count >= 2 {
            charts[metric] = chart(metric, title: title(metric), of: facts)
            charts[metric]?.separateCounts = index.settings.metrics.first { $0.id == metric }?.separateCounts ?? false
        }
        // Charts of several metrics, each a series of its own.
        for group in index.settings.charts {
            let metrics = group.metrics.map(\.id).filter { byMetric[$0] != nil }
            let facts = metrics.flatMap { byMetric[$0] ?? [] }
            guard metrics.count >= 2 else { continue }
            var grouped = chart(groupKey(group.id), title: group.title, of: facts)
            grouped.series = metrics.map { Series(metric: $0, title: title($0)) }
            charts[groupKey(group.id)] = grouped
        }
        return charts
    }

    /// The key of a chart of several metrics among the charts, which metric ids (without `:`) cannot take.
    static func groupKey(_ id: String) -> String { "group:" + id }

    /// A source of the chart's figures.
    func source(_ id: String) -> Source? { sources.first { $0.id == id } }

    /// What each series is, with its mark and where its link leads (a path from the site's root).
    struct LegendEntry {
        var key: String
        var title: String
        var publisher: String?
        var path: String
        var shape: String
        var series: Int
        /// The source's language, when it differs from the page's.
        var language: String? = nil
    }

    /// The series in order of first appearance, each with its mark: the sources of a chart of one metric, or
    /// the metrics of a chart of several.
    var legend: [LegendEntry] {
        if !series.isEmpty {
            return series.enumerated().map { index, item in
                LegendEntry(
                    key: item.metric, title: item.title, publisher: nil, path: Route.facts.path + "#" + Anchor.metric(item.metric),
                    shape: Self.shapes[index % Self.shapes.count], series: index % Self.shapes.count)
            }
        }
        var seen: [String] = []
        for fact in facts { if let id = fact.citations.first?.sourceID, !seen.contains(id) { seen.append(id) } }
        return seen.enumerated().compactMap { index, id in
            source(id).map {
                LegendEntry(
                    key: id, title: $0.name, publisher: $0.publisherBesideName, path: Route.source(id).path,
                    shape: Self.shapes[index % Self.shapes.count], series: index % Self.shapes.count, language: $0.language)
            }
        }
    }

    /// The key of the series a figure belongs to: its metric in a chart of several, else its first source.
    func seriesKey(of fact: Fact) -> String? { series.isEmpty ? fact.citations.first?.sourceID : fact.metric }

    /// The chart as inline SVG, with links relative to a page `root` away from the site's root.
    func svg(root: String, text: InterfaceText = .english, highlight: Set<String> = []) -> String {
        drawing(root: root, text: text).svg(highlight: highlight)
    }

    /// A chart drawn once, in pieces, so that each page can mark its own figures without drawing it again.
    struct Drawing: Sendable {
        /// Text, and after each point's class list, the point's fact id.
        var pieces: [(text: String, fact: String?)]

        func svg(highlight: Set<String>) -> String {
            var svg = ""
            for piece in pieces {
                svg += piece.text
                if let fact = piece.fact, highlight.contains(fact) { svg += " highlight" }
            }
            return svg
        }
    }

    /// The chart drawn, its words from `text`, in the page's language.
    func drawing(root: String, text words: InterfaceText = .english) -> Drawing {
        var pieces: [(text: String, fact: String?)] = []
        var scale = ValueScale(values: facts.flatMap { [$0.value, $0.upperValue].compactMap { $0 } })
        scale.language = facts.first?.figureLanguage
        let ticks = scale.ticks
        // The left margin fits the longest tick label (about 7 units a character at the chart's text size), up
        // to half the drawing.
        let left = min(max(40, Double(ticks.map(\.label.count).max() ?? 0) * 7 + 14), Self.width / 2)
        let plot = (x: left, y: Self.margin.top,
                    width: Self.width - left - Self.margin.right, height: Self.height - Self.margin.top - Self.margin.bottom)
        // Time axis: from the first figure's earliest day to the last one's latest, padded.
        var first = Double(facts.map(\.date.earliest.value).min() ?? 0)
        var last = Double(facts.map { min($0.date.latest.value, $0.date.earliest.value + 366 * 20) }.max() ?? 0)
        if last - first < 60 { first -= 180; last += 180 }
        let pad = (last - first) * 0.06
        first -= pad
        last += pad
        func x(_ day: Double) -> Double { plot.x + (day - first) / (last - first) * plot.width }
        func y(_ value: Double) -> Double { plot.y + plot.height - scale.fraction(value) * plot.height }
        let legend = self.legend
        func mark(of fact: Fact) -> (shape: String, series: Int) {
            let id = seriesKey(of: fact)
            let entry = legend.first { $0.key == id }
            return (entry?.shape ?? "circle", entry?.series ?? 0)
        }

        let id = "chart-\(metric)"
        let context = self.context(words)
        var svg = "<svg class=\"chart\(separateCounts ? " separate-counts" : "")\" viewBox=\"0 0 \(Int(Self.width)) \(Int(Self.height))\" role=\"group\" aria-labelledby=\"\(id)-title\" aria-describedby=\"\(id)-desc\">\n"
        let count = words.word("chart_figures_over_time").replacingText("{n}", with: String(facts.count))
        svg += "<title id=\"\(id)-title\">\(XML.escape(title)): \(XML.escape(count))</title>\n"
        svg += "<desc id=\"\(id)-desc\">\(XML.escape(context.sources)), \(XML.escape(context.dates)).</desc>\n"
        // The chart's title and sources in its own text, so that a chart saved or shared alone keeps them; a
        // page shows the title above the chart instead.
        svg += "<g class=\"chart-context\" aria-hidden=\"true\">\n"
        svg += "<text class=\"chart-heading\" x=\"\(Self.format(plot.x))\" y=\"14\">\(XML.escape(title))</text>\n"
        svg += "<text class=\"chart-source\" x=\"4\" y=\"\(Self.format(Self.height - 4))\">\(XML.escape(context.sources)) · \(XML.escape(context.dates))</text>\n"
        svg += "</g>\n"
        // Axes and grid, hidden from assistive technology: the table beside the chart carries the data.
        svg += "<g class=\"chart-axes\" aria-hidden=\"true\">\n"
        for tick in ticks {
            let position = Self.format(y(tick.value))
            svg += "<line class=\"chart-grid\" x1=\"\(Self.format(plot.x))\" x2=\"\(Self.format(plot.x + plot.width))\" y1=\"\(position)\" y2=\"\(position)\"/>\n"
            svg += "<text class=\"chart-tick\" x=\"\(Self.format(plot.x - 8))\" y=\"\(Self.format(y(tick.value) + 4))\" text-anchor=\"end\">\(XML.escape(tick.label))</text>\n"
        }
        for (day, label) in timeTicks(from: first, to: last) {
            let position = Self.format(x(day))
            svg += "<line class=\"chart-year\" x1=\"\(position)\" x2=\"\(position)\" y1=\"\(Self.format(plot.y + plot.height))\" y2=\"\(Self.format(plot.y + plot.height + 5))\"/>\n"
            svg += "<text class=\"chart-tick chart-time\" x=\"\(position)\" y=\"\(Self.format(plot.y + plot.height + 24))\" text-anchor=\"middle\">\(XML.escape(label))</text>\n"
        }
        // The axis at 0, which is at the bottom unless some figures are negative.
        let axis = Self.format(y(0))
        svg += "<line class=\"chart-axis\" x1=\"\(Self.format(plot.x))\" x2=\"\(Self.format(plot.x + plot.width))\" y1=\"\(axis)\" y2=\"\(axis)\"/>\n"
        svg += "</g>\n"

        // The figures joined in time order, so that a rise or a fall reads at a glance; not for figures that each
        // count something of their own.
        // In a chart of several metrics, each metric is a line of its own.
        for line in series.isEmpty ? [Series(metric: "", title: "")] : series {
            let joined: [(day: Double, value: Double)] = facts.filter { series.isEmpty || $0.metric == line.metric }.compactMap { fact in
                fact.value.map { (Self.centre(of: fact.date), $0) }
            }
            guard !separateCounts, joined.count >= 2 else { continue }
            var path = ""
            for (index, point) in joined.enumerated() {
                path += (index == 0 ? "M" : "L") + Self.format(x(point.day)) + " " + Self.format(y(point.value))
            }
            let number = series.firstIndex { $0.metric == line.metric }.map { " series-\($0 % Self.shapes.count)" } ?? ""
            svg += "<path class=\"chart-line\(number)\" d=\"\(path)\" fill=\"none\" stroke=\"#6b6b6b\" stroke-width=\"1.5\" aria-hidden=\"true\"/>\n"
        }
        // Labels already placed, as boxes, so that a label that would cover one goes below its mark instead.
        var placed: [(minX: Double, maxX: Double, y: Double)] = []
        for fact in facts {
            guard let value = fact.value else { continue }
            let (shape, series) = mark(of: fact)
            let start = Double(fact.date.earliest.value)
            let end = Double(min(fact.date.latest.value, fact.date.earliest.value + 366 * 20))
            let centre = Self.centre(of: fact.date)
            let source = fact.citations.first.flatMap { self.source($0.sourceID) }
            let href = root + (source.map { Route.source($0.id).path } ?? Route.facts.path + "#" + Anchor.fact(fact.id))
            let label = "\(fact.displayValue ?? Fact.format(number: value)), \(words.asOf(fact.date, shown: fact.date.display(wording), html: false))"
                + (source.map { ", " + words.word("chart_point_source").replacingText("{source}", with: $0.publisher ?? $0.name) } ?? "")
            svg += "<a class=\"chart-point series-\(series)" + (disagreeing.contains(fact.id) ? " disagreement" : "")
            pieces.append((svg, fact.id))
            svg = "\" data-fact=\"\(fact.id)\" href=\"\(XML.escape(href))\" aria-label=\"\(XML.escape(label))\">\n"
            if fact.date.isInterval, end - start > 40 {
                svg += "<line class=\"chart-period\" x1=\"\(Self.format(x(start)))\" x2=\"\(Self.format(x(end)))\" y1=\"\(Self.format(y(value)))\" y2=\"\(Self.format(y(value)))\"/>\n"
            }
            if let upper = fact.upperValue {
                svg += "<line class=\"chart-range\" x1=\"\(Self.format(x(centre)))\" x2=\"\(Self.format(x(centre)))\" y1=\"\(Self.format(y(value)))\" y2=\"\(Self.format(y(upper)))\"/>\n"
                svg += Self.shape(shape, x: x(centre), y: y(upper))
            }
            svg += Self.shape(shape, x: x(centre), y: y(value))
            let text = fact.displayValue ?? Fact.format(number: value)
            let anchor = x(centre) > plot.x + plot.width * 0.85 ? "end" : (x(centre) < plot.x + plot.width * 0.15 ? "start" : "middle")
            // About 0.6 em a character, bold, at the 16 units a phone shows the text at.
            let width = Double(text.count) * 9.6
            let minX = anchor == "start" ? x(centre) : (anchor == "end" ? x(centre) - width : x(centre) - width / 2)
            // A line of labels is 18 units high: the 16 units of a phone's text, and a little room.
            func overlaps(_ candidateY: Double) -> Bool {
                placed.contains { $0.minX < minX + width && minX < $0.maxX && abs($0.y - candidateY) < 18 }
            }
            // Above the mark, or below it when the mark is too near the top for the label to fit above; when
            // another label is in the way, below the mark, a line further down, or a line further up.
            var labelY = y(fact.upperValue ?? value) - 10
            if labelY < plot.y + 4 { labelY = min(y(value) + 20, plot.y + plot.height - 4) }
            if overlaps(labelY) {
                let below = min(y(value) + 20, plot.y + plot.height - 4)
                let candidates = [below, min(below + 18, plot.y + plot.height - 4), labelY - 18].filter { $0 > plot.y - 10 }
                labelY = candidates.first { !overlaps($0) } ?? labelY
            }
            placed.append((minX, minX + width, labelY))
            svg += "<text class=\"chart-label\" x=\"\(Self.format(x(centre)))\" y=\"\(Self.format(labelY))\" text-anchor=\"\(anchor)\" aria-hidden=\"true\">\(XML.escape(text))</text>\n"
            svg += "</a>\n"
        }
        svg += "</svg>"
        pieces.append((svg, nil))
        return Drawing(pieces: pieces)
    }

    /// The day a figure is drawn at: the middle of its period, or of the month or day it is dated to.
    static func centre(of date: EDTFDate) -> Double {
        let start = Double(date.earliest.value)
        let end = Double(min(date.latest.value, date.earliest.value + 366 * 20))
        return date.isInterval ? (start + end) / 2 : start + min(end - start, 31) / 2
    }

    /// The chart's sources and the span of its figures' dates, in words.
    func context(_ words: InterfaceText) -> (sources: String, dates: String) {
        let names = sources.map { $0.publisher ?? $0.name }
        var unique: [String] = []
        for name in names where !unique.contains(name) { unique.append(name) }
        let sources = unique.count > 3 || unique.joined().count > 48
            ? words.word("chart_sources_below").replacingText("{n}", with: String(unique.count))
            : words.word(unique.count == 1 ? "chart_source" : "chart_sources").replacingText("{names}", with: unique.joined(separator: ", "))
        guard let first = facts.first?.date, let last = facts.last?.date else { return (sources, "") }
        let from = first.display(wording), to = last.display(wording)
        return (sources, from == to ? words.asOf(first, shown: from, html: false) : words.word("as_of_period").replacingText("{date}", with: "\(from) – \(to)"))
    }

    /// Ticks of the time axis: for a span under two years, every third month; else years that are multiples of
    /// a round step (1, 2 or 5 times a power of ten, or 25), nine at most. Only years 0 to 9999, the years a date
    /// can have, get a tick, though the padded axis may reach beyond them.
    func timeTicks(from first: Double, to last: Double) -> [(day: Double, label: String)] {
        let firstYear = max(DayNumber(Int(first.rounded(.up))).components.year, 0)
        let lastYear = min(DayNumber(Int(last.rounded(.down))).components.year, 9999)
        guard firstYear <= lastYear else { return [] }
        var ticks: [(Double, String)] = []
        if last - first < 2 * 366 {
            for year in firstYear...lastYear {
                for month in [1, 4, 7, 10] {
                    let day = Double(DayNumber(year: year, month: month, day: 1).value)
                    guard day >= first, day <= last else { continue }
                    // The first tick names its year, so that the axis says when it starts.
                    let name = wording.shortMonth(month)
                    ticks.append((day, month == 1 ? String(year) : ticks.isEmpty ? "\(name) \(year)" : name))
                }
            }
            return ticks
        }
        let steps = [1, 2, 5, 10, 20, 25, 50, 100, 200, 250, 500, 1000, 2000, 2500, 5000]
        let stride = steps.first { (lastYear - firstYear) / $0 <= 8 } ?? 5000
        var year = (firstYear + stride - 1) / stride * stride
        while year <= lastYear {
            let day = Double(DayNumber(year: year, month: 1, day: 1).value)
            if day >= first, day <= last { ticks.append((day, String(year))) }
            year += stride
        }
        return ticks
    }

    /// An SVG mark of a shape centred on a point.
    static func shape(_ shape: String, x: Double, y: Double) -> String {
        let cx = format(x), cy = format(y)
        switch shape {
        case "square":
            return "<rect class=\"chart-mark\" x=\"\(format(x - 5))\" y=\"\(format(y - 5))\" width=\"10\" height=\"10\"/>\n"
        case "triangle":
            return "<path class=\"chart-mark\" d=\"M\(cx) \(format(y - 6))L\(format(x + 6)) \(format(y + 5))L\(format(x - 6)) \(format(y + 5))Z\"/>\n"
        case "diamond":
            return "<path class=\"chart-mark\" d=\"M\(cx) \(format(y - 7))L\(format(x + 7)) \(cy)L\(cx) \(format(y + 7))L\(format(x - 7)) \(cy)Z\"/>\n"
        case "cross":
            return "<path class=\"chart-mark\" d=\"M\(format(x - 6)) \(format(y - 2))h4v-4h4v4h4v4h-4v4h-4v-4h-4Z\"/>\n"
        case "star":
            return "<path class=\"chart-mark\" d=\"M\(cx) \(format(y - 7))L\(format(x + 2)) \(format(y - 2))L\(format(x + 7)) \(format(y - 2))L\(format(x + 3)) \(format(y + 2))L\(format(x + 4)) \(format(y + 7))L\(cx) \(format(y + 4))L\(format(x - 4)) \(format(y + 7))L\(format(x - 3)) \(format(y + 2))L\(format(x - 7)) \(format(y - 2))L\(format(x - 2)) \(format(y - 2))Z\"/>\n"
        default:
            return "<circle class=\"chart-mark\" cx=\"\(cx)\" cy=\"\(cy)\" r=\"5.5\"/>\n"
        }
    }

    /// The legend's key to the mark of a page's own figures: a plain mark with the outline those figures get.
    static let highlightMark = "<svg class=\"chart-key chart-key-page\" viewBox=\"0 0 16 16\" width=\"16\" height=\"16\" aria-hidden=\"true\">" + shape("circle", x: 8, y: 8) + "</svg>"

    /// A small SVG of a legend's mark, for the legend list.
    static func legendMark(_ kind: String, series: Int) -> String {
        "<svg class=\"chart-key series-\(series)\" viewBox=\"0 0 16 16\" width=\"16\" height=\"16\" aria-hidden=\"true\">" + shape(kind, x: 8, y: 8) + "</svg>"
    }

    /// A coordinate with at most one decimal, the same on every machine.
    static func format(_ value: Double) -> String {
        // Coordinates are within the drawing; anything else is pinned well outside it rather than trapping.
        let bounded = value.isFinite ? min(max(value, -10 * width), 10 * width) : 0
        let tenths = Int((bounded * 10).rounded())
        return tenths % 10 == 0 ? String(tenths / 10) : String(format: tenths)
    }
}

private extension String {
    /// Tenths written as a decimal: 123 becomes "12.3", -5 becomes "-0.5".
    init(format tenths: Int) {
        let sign = tenths < 0 ? "-" : ""
        let magnitude = abs(tenths)
        self = "\(sign)\(magnitude / 10).\(magnitude % 10)"
    }
}
