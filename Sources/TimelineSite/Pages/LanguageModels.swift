import TimelineCore

/// A version of the page in one of the site's languages, for the language switcher and `hreflang` links.
struct LanguageLink: TemplateModel, Encodable {
    var code: String
    var name: String
    var href: String
    var current: Bool

    static let summary = "The page in one of the site's languages."
    static let fields: TemplateFields<Self> = [
        .text("code", "The language's BCP 47 code, for `hreflang` and `lang`") { $0.code },
        .text("name", "Its name in itself, as `site.yaml` gives it") { $0.name },
        .text("href", "The page in that language: relative, or absolute when the site has a `base_url`") { $0.href },
        .flag("current", "Whether it is this page's language") { $0.current },
    ]
}

/// What a page in another language says of its text: that it falls back to another language, or that its
/// translation is out of date.
struct LanguageNotice: TemplateModel, Encodable {
    /// `fallback` or `outdated`, for the notice's class: `translation-fallback`, `translation-outdated`.
    var kind: String
    var text: String
    var linkText: String
    /// The original page, in the main language.
    var href: String
    var language: String
    /// The language the page's text is in.
    var textLanguage: String

    static let summary = "A notice that a page's text is not in its language, or that its translation is out of date."
    static let fields: TemplateFields<Self> = [
        .text("kind", "`fallback` (the text is in another language) or `outdated` (the translation is older than the original's update)") { $0.kind },
        .text("text", "The notice, in the page's language") { $0.text },
        .text("link_text", "The words of its link to the original") { $0.linkText },
        .text("href", "The original page, in the main language") { $0.href },
        .text("language", "The main language's code, for the link's `hreflang`") { $0.language },
        .text("text_language", "The language the page's text is in, for its `lang`") { $0.textLanguage },
    ]
}

extension PageBuilder {
    /// The page in each of the site's languages, when it has several: those its text is written in, and for
    /// the switcher every language, since each has every page (untranslated ones under a notice).
    func languageLinks(_ route: Route) -> (switcher: [LanguageLink], alternates: [LanguageLink]) {
        let settings = reader.settings()
        guard !settings.languages.isEmpty || settings.mainLanguage != nil else { return ([], []) }
        let main = settings.mainLanguage ?? settings.language
        let here = settings.language
        // From this page to the site's root: a language's pages are one folder down.
        let toRoot = (here == main ? "" : "../") + route.root
        var codes = [main] + settings.languages.map(\.code)
        if !codes.contains(here) { codes.append(here) }
        var written: Set<String> = Set(codes)
        if case .note(_, let id) = route { written = reader.languages(of: id).written }
        var switcher: [LanguageLink] = [], alternates: [LanguageLink] = []
        for code in codes {
            let prefix = code == main ? "" : code + "/"
            let href = settings.baseURL.map { $0 + prefix + (route == .index ? "" : route.path) } ?? toRoot + prefix + route.path
            let name = code == main ? (settings.languageName ?? languageName(code)) : settings.languages.first { $0.code == code }?.name ?? code
            let link = LanguageLink(code: code, name: name, href: href, current: code == here)
            switcher.append(link)
            if written.contains(code) { alternates.append(link) }
        }
        // A page whose text falls back to another language is no version of the page in its own.
        if !written.contains(here) { return (switcher, []) }
        if let first = alternates.first(where: { $0.code == main }) { alternates.append(LanguageLink(code: "x-default", name: first.name, href: first.href, current: false)) }
        return (switcher, alternates)
    }

    /// The notice of a note's page whose text is in another language than the page's, or out of date.
    func languageNotice(_ route: Route) -> LanguageNotice? {
        let settings = reader.settings()
        guard let main = settings.mainLanguage, case .note(_, let id) = route, let state = reader.languages(of: id).here else { return nil }
        let original = "../" + route.root + route.path
        let link = interface.word("read_the_original")
        if state.isFallback {
            let notice = interface.word("notice_fallback").replacingText("{page}", with: languageName(settings.language))
                .replacingText("{text}", with: languageName(state.language))
            return LanguageNotice(kind: "fallback", text: notice, linkText: link, href: original, language: main, textLanguage: state.language)
        }
        if state.isOutdated {
            return LanguageNotice(
                kind: "outdated", text: interface.word("notice_outdated"), linkText: link, href: original, language: main, textLanguage: state.language)
        }
        return nil
    }

    /// A language's name as the page's language writes it (`language_fr` of `i18n/LANG.yaml`), or else as
    /// `site.yaml` names it in itself.
    func languageName(_ code: String) -> String {
        let key = "language_" + (code.split(separator: "-").first.map { $0.lowercased() } ?? code)
        if let name = interface.strings[key] { return name }
        let settings = reader.settings()
        return settings.languages.first { $0.code == code }?.name ?? (code == (settings.mainLanguage ?? settings.language) ? settings.languageName : nil) ?? code
    }
}
