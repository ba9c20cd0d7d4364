import TimelineContent
import TimelineCore
import TimelineTheme

/// The interface's words in one language (`{{t.mentioned_in}}` in a template), from the templates'
/// `i18n/LANG.yaml`: each key in the page's language, or in the nearest language of its fallback chain.
public struct InterfaceText: TemplateModel {
    let strings: [String: String]
    /// The words of each key of ``builtIn``, in its order, which templates read by position.
    let words: [String]

    /// The keys and English words of the built-in theme's `i18n/en.yaml`, which every language's file follows.
    static let builtIn: [(key: String, text: String)] = {
        guard let bytes = DefaultTheme.file("i18n/en.yaml"),
              let read = InterfaceStringsReader.read(SourceText(path: "i18n/en.yaml", bytes: bytes), log: DiagnosticLog()) else { return [] }
        return read.map { ($0.key, $0.value.text) }.sorted { $0.key < $1.key }
    }()

    public static let summary = "The interface's words in the page's language, from the templates' `i18n/LANG.yaml` (`{{t.KEY}}`)."
    /// Keys the generator itself writes (the menu's items), which templates do not read.
    static let generatorKeys: Set<String> = [
        "nav_timeline", "nav_topics", "nav_facts", "nav_sources", "nav_map", "entries_one", "entries_other", "sources_one", "sources_other",
        "kind_person", "kind_organisation", "kind_place", "kind_theme", "kinds_person", "kinds_organisation", "kinds_place", "kinds_theme",
        "as_of_day", "as_of_month", "as_of_season", "as_of_year", "as_of_period", "chart_figures_over_time", "chart_source", "chart_sources",
        "chart_sources_below", "chart_point_source", "notice_fallback", "notice_outdated", "read_the_original", "description_topics",
        "description_sources", "description_facts", "description_map", "language_en", "language_fr", "language_ht", "language_es",
        "back_to_the_citation", "back_to_citation", "citation_in", "alternate_feed", "alternate_timelinejs", "alternate_data", "alternate_facts",
        "description_facts_data", "description_data", "file_feed_description", "file_timelinejs_description_era", "file_timelinejs_description_topic",
        "file_timelinejs_description_none", "file_data", "file_data_description", "file_facts_description", "map_place_title", "map_place_description",
        "map_places_title", "map_description", "map_places_description", "decimal_mark", "north", "south", "east", "west", "read_entry_and_sources",
    ]

    public static let fields = TemplateFields<Self>(builtIn.indices.filter { !generatorKeys.contains(builtIn[$0].key) }.map { position in
        .text(builtIn[position].key, "“\(builtIn[position].text)”") { $0.words[position] }
    })

    /// The built-in theme's English words.
    public static let english = InterfaceText(chain: ["en"], files: [:])

    /// The words of one key, in English when no file gives them.
    func word(_ key: String) -> String { strings[key] ?? Self.builtIn.first { $0.key == key }?.text ?? key }

    /// A count of things as the language writes it: "1 entry", "4 entries", from `NOUN_one` and `NOUN_other`.
    func count(_ noun: String, _ number: Int) -> String {
        number == 1 ? word(noun + "_one") : word(noun + "_other").replacingText("{n}", with: String(number))
    }

    /// A figure's date with the words its precision takes in this language: "as of 24 July 2025", "au 24 juillet
    /// 2025", "en 1995", from `as_of_day`, `as_of_month`, `as_of_season`, `as_of_year` or `as_of_period`. `shown`
    /// is the date as the page writes it, as HTML when `html` (the words are escaped then).
    func asOf(_ date: EDTFDate, shown: String, html: Bool) -> String {
        let pattern = word(Self.asOfKey(date))
        guard let range = pattern.range(of: "{date}") else { return html ? HTML.escape(pattern) + " " + shown : pattern + " " + shown }
        let before = String(pattern[..<range.lowerBound]), after = String(pattern[range.upperBound...])
        return html ? HTML.escape(before) + shown + HTML.escape(after) : before + shown + after
    }

    /// The key of the words "as of" takes before a date of this precision.
    static func asOfKey(_ date: EDTFDate) -> String {
        guard case .point(let point) = date.value, point.qualifier == .exact || point.qualifier == .uncertain, point.unspecifiedYearDigits == 0 else {
            return "as_of_period"
        }
        if point.day != nil, !point.dayUnspecified { return "as_of_day" }
        if point.season != nil { return "as_of_season" }
        if point.month != nil, !point.monthUnspecified { return "as_of_month" }
        return "as_of_year"
    }

    /// HTML whose first letter outside its tags is a capital, for words that open a sentence.
    static func capitalizingStart(_ html: String) -> String {
        var inTag = false
        var result = ""
        var done = false
        for character in html {
            if done { result.append(character); continue }
            if character == "<" { inTag = true } else if character == ">" { inTag = false } else if !inTag, character == "&" {
                done = true
            } else if !inTag, character.isLetter {
                result += character.uppercased()
                done = true
                continue
            }
            result.append(character)
        }
        return result
    }

    /// The words for a language: each key from the first language of `chain` whose file gives it.
    init(chain: [String], files: [String: [String: String]]) {
        var strings: [String: String] = [:]
        var words: [String] = []
        words.reserveCapacity(Self.builtIn.count)
        for (key, english) in Self.builtIn {
            let word = chain.lazy.compactMap { files[$0]?[key] }.first ?? files["en"]?[key] ?? english
            strings[key] = word
            words.append(word)
        }
        self.strings = strings
        self.words = words
    }

    /// Warns of each language of the site whose interface strings lack keys, which its fallback chain or
    /// English then gives.
    public static func checkLanguages(_ content: Content, templates: TemplateSet, folder: String, log: DiagnosticLog) {
        for language in content.languageCodes where !language.hasPrefix("en") {
            let given = templates.interfaceStrings[language] ?? [:]
            let missing = builtIn.map(\.key).filter { given[$0] == nil }
            guard !missing.isEmpty else { continue }
            let file = templates.interfaceFiles[language] ?? folder + "/i18n/\(language).yaml"
            let chain = content.fallbackChain(of: language).dropFirst().joined(separator: ", then ")
            let shown = missing.prefix(5).joined(separator: ", ") + (missing.count > 5 ? ", …" : "")
            log.warning(
                .missingTranslation,
                "\(missing.count) of the interface's \(builtIn.count) strings have no '\(language)' translation (\(shown)); they are shown in \(chain.isEmpty ? "English" : chain + " or English")",
                at: .file(file))
        }
    }
}
