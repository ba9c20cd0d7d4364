extension Fact {
    /// The figure as a reader sees it: "nearly 1.3 million people", "US$300 million", "more than 80%".
    /// Nil for a fact that is a claim without a figure.
    package var displayValue: String? {
        guard let value else { return nil }
        if let language = figureLanguage, let words = FigureWords.of(language) { return display(value, words) }
        var number = Self.format(value, unit: unit)
        if let upperValue { number += "–" + Self.format(upperValue, unit: unit, symbol: false) }
        var text = number
        if let unit, Self.prefixSymbols[unit] == nil, !Self.percentUnits.contains(unit) {
            text += " " + unit
        }
        if let qualifier { text = qualifier + " " + text }
        return text
    }

    /// Text for a fact placed in prose: its figure, or its statement when it has none.
    package var inlineText: String { displayValue ?? statement }

    /// The units every site knows: counts of people, a percentage, and the currencies with a symbol of their own
    /// (any other three-letter ISO 4217 code in capitals is a currency too).
    package static let builtInUnits = ["people", "troops", "percent", "%"] + prefixSymbols.keys.sorted()

    /// How a source may hedge a figure, and what each allows: the words come before the figure.
    package static let qualifiers: [String: Hedge] = [
        "about": .approximate, "around": .approximate, "roughly": .approximate, "some": .approximate, "an estimated": .approximate,
        "an average of": .approximate, "more than": .atLeast, "over": .atLeast, "at least": .atLeast, "nearly": .atMost,
        "almost": .atMost, "up to": .atMost, "fewer than": .atMost, "less than": .atMost,
    ]

    /// What a qualifier says of the figure's true value.
    package enum Hedge: Sendable {
        case approximate, atLeast, atMost
    }

    static let prefixSymbols = ["USD": "US$", "CAD": "C$", "EUR": "€", "GBP": "£", "HTG": "HTG ", "JPY": "¥", "MXN": "MX$", "KES": "KSh "]
    static let percentUnits: Set<String> = ["percent", "%"]
    /// Figures are refused from this magnitude on: beyond it a number has no exact digits to show.
    package static let largestFigure = 1e15
    /// Figures other than 0 are refused below this magnitude: smaller ones have no digits to show.
    package static let smallestFigure = 1e-6

    /// A number with its currency symbol or percent sign; millions and billions in words when round.
    static func format(_ value: Double, unit: String?, symbol: Bool = true) -> String {
        var text = format(number: value)
        if let unit, percentUnits.contains(unit) { text += "%" }
        if symbol, let unit, let prefix = prefixSymbols[unit] { text = prefix + text }
        return text
    }

    /// 1300000 becomes "1.3 million", 4800 becomes "4,800", 86.2 stays "86.2". Independent of the machine's locale.
    package static func format(number value: Double) -> String {
        let magnitude = abs(value)
        for (size, word) in [(1e9, "billion"), (1e6, "million")] where magnitude >= size {
            let scaled = value / size
            let tenths = (scaled * 10).rounded()
            // In words only when they give the figure exactly, to the unit.
            if abs(tenths / 10 * size - value) < 0.5 {
                return plain(tenths / 10) + " " + word
            }
        }
        return plain(value)
    }

    /// A number as a language writes it ("4 800", "1,3 million" in French), in English for a language the
    /// generator has no figures' words for.
    package static func format(number value: Double, language: String?) -> String {
        guard let language, let words = FigureWords.of(language) else { return format(number: value) }
        return words.number(value)
    }

    /// Digits grouped by thousands with commas; at most two decimals, or up to six for a figure that two would
    /// show as 0.
    static func plain(_ value: Double) -> String {
        // Larger figures are refused when the facts are read; shown as Swift writes them if one gets here.
        guard value.isFinite, abs(value) < largestFigure else { return "\(value)" }
        let negative = value < 0
        // Whole part and hundredths apart, so that large figures keep every digit of their whole part.
        let magnitude = abs(value)
        var whole = Int(magnitude.rounded(.towardZero))
        var fraction = Int(((magnitude - Double(whole)) * 100).rounded())
        if fraction == 100 {
            whole += 1
            fraction = 0
        }
        if whole == 0, fraction == 0, magnitude >= smallestFigure / 2 {
            return (negative ? "-" : "") + small(magnitude)
        }
        var digits = String(whole)
        var grouped = ""
        while digits.count > 3 {
            grouped = "," + digits.suffix(3) + grouped
            digits.removeLast(3)
        }
        grouped = digits + grouped
        if fraction != 0 {
            let decimals = fraction % 10 == 0 ? String(fraction / 10) : (fraction < 10 ? "0\(fraction)" : String(fraction))
            grouped += "." + decimals
        }
        return (negative ? "-" : "") + grouped
    }

    /// A magnitude under 0.005 with six decimals at most, without trailing zeros: 0.001 becomes "0.001".
    private static func small(_ magnitude: Double) -> String {
        var digits = String(Int((magnitude * 1e6).rounded()))
        digits = String(repeating: "0", count: max(0, 6 - digits.count)) + digits
        while digits.hasSuffix("0") { digits.removeLast() }
        return "0." + digits
    }

    /// A metric's key as a heading: `internally-displaced` becomes "Internally displaced".
    package static func metricTitle(_ metric: String) -> String {
        let words = String(metric.map { $0 == "-" || $0 == "_" ? " " : $0 })
        return words.prefix(1).uppercased() + words.dropFirst()
    }

    /// The figure in another language's words: its numbers, unit and hedge.
    private func display(_ value: Double, _ words: FigureWords) -> String {
        var number = words.number(value)
        if let upperValue { number += "–" + words.number(upperValue) }
        if let unit, Self.percentUnits.contains(unit) { number += words.percent }
        if let unit, let prefix = Self.prefixSymbols[unit] { number = prefix + number }
        var text = number
        if let unit, Self.prefixSymbols[unit] == nil, !Self.percentUnits.contains(unit) {
            let name = unitName ?? words.units[unit] ?? unit
            text += (number.hasSuffix(words.million) || number.hasSuffix(words.millions) || number.hasSuffix(words.billions) ? words.of : " ") + name
        }
        if let qualifier { text = (words.qualifiers[qualifier] ?? qualifier) + " " + text }
        return text
    }
}

/// How a language writes figures: its decimal mark and thousands separator, its words for millions and for
/// the built-in units and hedges. English figures are written by ``Fact/displayValue`` itself.
struct FigureWords: Sendable {
    var decimal: String
    var thousands: String
    var million: String, millions: String, billion: String, billions: String
    var percent: String
    /// What joins "million" to a unit: " de " in French ("1,3 million de personnes").
    var of: String
    var units: [String: String]
    var qualifiers: [String: String]

    static func of(_ language: String) -> FigureWords? {
        switch language.split(separator: "-").first.map({ $0.lowercased() }) {
        case "fr": return french
        case "ht": return creole
        default: return nil
        }
    }

    static let french = FigureWords(
        decimal: ",", thousands: "\u{202F}", million: "million", millions: "millions", billion: "milliard", billions: "milliards", percent: "\u{202F}%",
        of: " de ", units: ["people": "personnes", "troops": "soldats"],
        qualifiers: [
            "about": "environ", "around": "environ", "roughly": "environ", "some": "quelque", "an estimated": "environ", "an average of": "en moyenne",
            "more than": "plus de", "over": "plus de", "at least": "au moins", "nearly": "près de", "almost": "près de", "up to": "jusqu’à",
            "fewer than": "moins de", "less than": "moins de",
        ])

    static let creole = FigureWords(
        decimal: ",", thousands: "\u{202F}", million: "milyon", millions: "milyon", billion: "milya", billions: "milya", percent: "\u{202F}%",
        of: " ", units: ["people": "moun", "troops": "sòlda"],
        qualifiers: [
            "about": "anviwon", "around": "anviwon", "roughly": "anviwon", "some": "anviwon", "an estimated": "anviwon", "an average of": "an mwayèn",
            "more than": "plis pase", "over": "plis pase", "at least": "omwen", "nearly": "prèske", "almost": "prèske", "up to": "jiska",
            "fewer than": "mwens pase", "less than": "mwens pase",
        ])

    /// A number in this language: "1,3 million", "4 800", "86,2".
    func number(_ value: Double) -> String {
        let english = Fact.format(number: value)
        var text = ""
        for character in english {
            switch character {
            case ",": text += thousands
            case ".": text += decimal
            default: text.append(character)
            }
        }
        for (word, singular, plural) in [("billion", billion, billions), ("million", million, millions)] where text.hasSuffix(" " + word) {
            let amount = abs(value) / (word == "billion" ? 1e9 : 1e6)
            text = String(text.dropLast(word.count)) + (amount < 2 ? singular : plural)
        }
        return text
    }
}
