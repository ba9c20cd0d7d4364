/// Words used to write dates for readers, in one language.
public struct DateWording: Sendable, Encodable {
    /// The language's code, which stands for the wording in fingerprints.
    public var language: String
    public var months: [String]
    /// Spring, summer, autumn, winter.
    var seasons: [String]
    var circa: String
    /// Writes a day: (day, month name, year).
    var dayFormat: @Sendable (Int, String, Int) -> String
    /// A decade or century from its first year and the number of unspecified digits.
    var span: @Sendable (Int, Int) -> String
    /// Two months of one year: (first month, last month, year).
    var monthRange: @Sendable (String, String, Int) -> String
    /// Two days of one month: (first day, last day, month name, year).
    var dayRange: @Sendable (Int, Int, String, Int) -> String
    var since: @Sendable (String) -> String
    var until: @Sendable (String) -> String
    var unknown: String
    /// Two whole years: "2004–2017", "de 2004 à 2017".
    var yearRange: @Sendable (Int, Int) -> String = { "\($0)–\($1)" }
    /// Months shortened, for a chart's time axis, where their first three letters would not tell them apart.
    var shortMonths: [String] = []

    /// A month shortened: its own short form, or else its first three letters ("Jan", "jen").
    public func shortMonth(_ month: Int) -> String { shortMonths.isEmpty ? String(months[month - 1].prefix(3)) : shortMonths[month - 1] }

    public static let english = DateWording(
        language: "en",
        months: EDTFDate.englishMonths,
        seasons: ["spring", "summer", "autumn", "winter"],
        circa: "c. ",
        dayFormat: { day, month, year in "\(day) \(month) \(year)" },
        span: { year, digits in "\(year)s" },
        monthRange: { first, last, year in "\(first)–\(last) \(year)" },
        dayRange: { first, last, month, year in "\(first)–\(last) \(month) \(year)" },
        since: { "since \($0)" },
        until: { "until \($0)" },
        unknown: "?")

    public static let french = DateWording(
        language: "fr",
        months: ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre", "novembre", "décembre"],
        seasons: ["printemps", "été", "automne", "hiver"],
        circa: "vers ",
        dayFormat: { day, month, year in "\(day == 1 ? "1er" : String(day)) \(month) \(year)" },
        span: { year, digits in digits == 1 ? "années \(year)" : "\(year / 100 + 1)e siècle" },
        monthRange: { first, last, year in "\(first)–\(last) \(year)" },
        dayRange: { first, last, month, year in "\(first)–\(last) \(month) \(year)" },
        since: { "\($0) – aujourd’hui" },
        until: { "jusqu’à \($0)" },
        unknown: "?",
        yearRange: { "de \($0) à \($1)" },
        shortMonths: ["janv.", "févr.", "mars", "avr.", "mai", "juin", "juil.", "août", "sept.", "oct.", "nov.", "déc."])

    /// Haitian Creole, from the project's own table: the locale database (CLDR) has no Creole months or date
    /// patterns, so tools built on it write Creole dates in French.
    public static let creole = DateWording(
        language: "ht",
        months: ["janvye", "fevriye", "mas", "avril", "me", "jen", "jiyè", "out", "septanm", "oktòb", "novanm", "desanm"],
        seasons: ["prentan", "ete", "otòn", "ivè"],
        circa: "anviwon ",
        dayFormat: { day, month, year in "\(day == 1 ? "1ye" : String(day)) \(month) \(year)" },
        span: { year, digits in digits == 1 ? "ane \(year) yo" : "\(year / 100 + 1)yèm syèk" },
        monthRange: { first, last, year in "\(first)–\(last) \(year)" },
        dayRange: { first, last, month, year in "\(first)–\(last) \(month) \(year)" },
        since: { "\($0) – jodi a" },
        until: { "jiska \($0)" },
        unknown: "?",
        yearRange: { "depi \($0) jiska \($1)" })

    public static let spanish = DateWording(
        language: "es",
        months: ["enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre", "octubre", "noviembre", "diciembre"],
        seasons: ["primavera", "verano", "otoño", "invierno"],
        circa: "c. ",
        dayFormat: { day, month, year in "\(day) de \(month) de \(year)" },
        span: { year, digits in digits == 1 ? "años \(year)" : "siglo \(year / 100 + 1)" },
        monthRange: { first, last, year in "\(first)–\(last) de \(year)" },
        dayRange: { first, last, month, year in "\(first)–\(last) de \(month) de \(year)" },
        since: { "desde \($0)" },
        until: { "hasta \($0)" },
        unknown: "?")

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(language)
    }

    /// The wording for a BCP 47 language tag, English when the language has none of its own.
    public static func forLanguage(_ tag: String) -> DateWording {
        switch tag.split(separator: "-").first?.lowercased() {
        case "fr": return .french
        case "ht": return .creole
        case "es": return .spanish
        default: return .english
        }
    }
}

extension EDTFDate {
    static let englishMonths = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"]

    /// The date as a reader sees it, no more precise than it was written: "June 2024", "c. 1995", "2004–2017".
    public func display(_ wording: DateWording = .english) -> String {
        switch value {
        case .point(let point):
            return Self.display(point, wording)
        case .interval(let start, let end):
            switch (start, end) {
            case (.point(let first), .point(let last)):
                return Self.displayRange(first, last, wording)
            case (.point(let first), .open):
                return wording.since(Self.display(first, wording))
            case (.point(let first), .unknown):
                return "\(Self.display(first, wording)) – \(wording.unknown)"
            case (.open, .point(let last)):
                return wording.until(Self.display(last, wording))
            case (_, .point(let last)):
                return "\(wording.unknown) – \(Self.display(last, wording))"
            default:
                return text
            }
        }
    }

    static func display(_ point: Point, _ wording: DateWording) -> String {
        var text = plain(point, wording)
        if point.qualifier.isApproximate { text = wording.circa + text }
        if point.qualifier.isUncertain { text += "?" }
        return text
    }

    private static func plain(_ point: Point, _ wording: DateWording) -> String {
        if point.unspecifiedYearDigits > 0 {
            return wording.span(point.earliest.components.year, point.unspecifiedYearDigits)
        }
        if let season = point.season {
            return "\(wording.seasons[season - 21]) \(point.year)"
        }
        guard let month = point.month, !point.monthUnspecified else { return String(point.year) }
        if let day = point.day, !point.dayUnspecified {
            return wording.dayFormat(day, wording.months[month - 1], point.year)
        }
        return "\(wording.months[month - 1]) \(point.year)"
    }

    private static func displayRange(_ first: Point, _ last: Point, _ wording: DateWording) -> String {
        let exact = first.qualifier == .exact && last.qualifier == .exact
        if exact, first.precision == last.precision, first.year == last.year, first.unspecifiedYearDigits == 0, last.unspecifiedYearDigits == 0 {
            if first.precision == .month, let a = first.month, let b = last.month {
                return wording.monthRange(wording.months[a - 1], wording.months[b - 1], first.year)
            }
            if first.precision == .day, first.month == last.month, let a = first.day, let b = last.day, let month = first.month {
                return wording.dayRange(a, b, wording.months[month - 1], first.year)
            }
        }
        if exact, first.precision == .year, last.precision == .year, first.unspecifiedYearDigits == 0, last.unspecifiedYearDigits == 0 {
            return wording.yearRange(first.year, last.year)
        }
        return "\(display(first, wording)) – \(display(last, wording))"
    }

    /// A value for HTML's `datetime` attribute at the precision of a point, or nil when HTML cannot say it (a
    /// decade, or year 0: HTML's dates start at year 1).
    package static func htmlValue(_ point: Point) -> String? {
        guard point.unspecifiedYearDigits == 0, point.year > 0 else { return nil }
        let year = point.year < 1000 ? String(repeating: "0", count: 4 - String(point.year).count) + String(point.year) : String(point.year)
        guard let month = point.month, !point.monthUnspecified else { return year }
        guard let day = point.day, !point.dayUnspecified else { return "\(year)-\(String(format2: month))" }
        return "\(year)-\(String(format2: month))-\(String(format2: day))"
    }

    /// The date as HTML: `<time>` elements with valid `datetime` values, the EDTF text in `data-edtf`.
    public func html(_ wording: DateWording = .english) -> String {
        let edtf = HTML.escape(text)
        switch value {
        case .point(let point):
            let shown = HTML.escape(display(wording))
            if let value = Self.htmlValue(point) {
                return "<time class=\"date\" datetime=\"\(value)\" data-edtf=\"\(edtf)\">\(shown)</time>"
            }
            return "<span class=\"date\" data-edtf=\"\(edtf)\">\(shown)</span>"
        case .interval(let start, let end):
            if case .point(let first) = start, case .point(let last) = end,
               let a = Self.htmlValue(first), let b = Self.htmlValue(last) {
                let shown = display(wording)
                // Keep the reader's wording; mark up the two ends when they appear as written.
                let firstText = Self.display(first, wording)
                let lastText = Self.display(last, wording)
                if let range = shown.range(of: firstText), shown[range.upperBound...].hasSuffix(lastText),
                   shown.distance(from: range.upperBound, to: shown.endIndex) >= lastText.count {
                    let middle = shown[range.upperBound..<shown.index(shown.endIndex, offsetBy: -lastText.count)]
                    let before = HTML.escape(String(shown[..<range.lowerBound]))
                    return "<span class=\"date\" data-edtf=\"\(edtf)\">\(before)<time datetime=\"\(a)\">\(HTML.escape(firstText))</time>\(HTML.escape(String(middle)))<time datetime=\"\(b)\">\(HTML.escape(lastText))</time></span>"
                }
                return "<span class=\"date\" data-edtf=\"\(edtf)\"><time datetime=\"\(a)\">\(HTML.escape(shown))</time></span>"
            }
            if let point = startPoint, let value = Self.htmlValue(point) {
                return "<span class=\"date\" data-edtf=\"\(edtf)\"><time datetime=\"\(value)\">\(HTML.escape(display(wording)))</time></span>"
            }
            return "<span class=\"date\" data-edtf=\"\(edtf)\">\(HTML.escape(display(wording)))</span>"
        }
    }
}
