import TimelineContent
import TimelineCore
import TimelineTheme

/// The interface's words in one language (`{{t.mentioned_in}}` in a template), from the templates'
/// `i18n/LANG.yaml`: each key in the page's language, or in the nearest language of its fallback chain.
public struct InterfaceText: TemplateModel {
    let strings: [String: String]

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
    ]

    public static let fields: [TemplateField<Self>] = builtIn.filter { !generatorKeys.contains($0.key) }.map { entry in
        .text(entry.key, "“\(entry.text)”") { $0.strings[entry.key] ?? entry.text }
    }

    /// The words of one key, in English when no file gives them.
    func word(_ key: String) -> String { strings[key] ?? Self.builtIn.first { $0.key == key }?.text ?? key }

    /// A count of things as the language writes it: "1 entry", "4 entries", from `NOUN_one` and `NOUN_other`.
    func count(_ noun: String, _ number: Int) -> String {
        number == 1 ? word(noun + "_one") : word(noun + "_other").replacing("{n}", with: String(number))
    }

    /// The words for a language: each key from the first language of `chain` whose file gives it.
    init(chain: [String], files: [String: [String: String]]) {
        var strings: [String: String] = [:]
        for (key, english) in Self.builtIn {
            strings[key] = chain.lazy.compactMap { files[$0]?[key] }.first ?? files["en"]?[key] ?? english
        }
        self.strings = strings
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
