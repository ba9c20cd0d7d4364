import TimelineCore

/// What every page shows around its content: the site, the page's own metadata, navigation and the
/// alternate formats, read by `layout.mustache` and its partials.
/// A class, as every field of a page that is part of its frame reads through it.
final class PageFrame: Sendable {
    let site: SiteValues
    let page: PageMetadata
    /// The way from the page back to the site's root: `""` or `"../"`.
    let root: String
    let navigation: [NavigationLink]
    let alternates: [AlternateLink]
    /// The page's structured data (schema.org JSON-LD), safe inside a `<script>` element.
    let jsonld: String
    /// The interface's words in the page's language.
    let text: InterfaceText
    /// The site and the page as templates read them, boxed once for the many times a page reads them.
    private let siteValue: TemplateValue, pageValue: TemplateValue

    init(
        site: SiteValues, page: PageMetadata, root: String, navigation: [NavigationLink], alternates: [AlternateLink], jsonld: String,
        text: InterfaceText
    ) {
        self.site = site
        self.page = page
        self.root = root
        self.navigation = navigation
        self.alternates = alternates
        self.jsonld = jsonld
        self.text = text
        siteValue = .object(site)
        pageValue = .object(page)
    }

    static func fields<Page>(_ frame: @escaping @Sendable (Page) -> PageFrame) -> [TemplateField<Page>] {
        [
            .object("site", "The site: its title, description, language, publisher and address", held: SiteValues.self) { frame($0).siteValue },
            .object("page", "This page's title, description and kind", held: PageMetadata.self) { frame($0).pageValue },
            .text("root", "The way back to the site's root from this page, such as `../`; links to the site's files start with it") { frame($0).root },
            .list("navigation", "The site's menu: timeline, topics, facts, sources and the pages with a `menu` position") { frame($0).navigation },
            .list("alternates", "The site's feed and data files, for `<link rel=\"alternate\">`") { frame($0).alternates },
            .html("jsonld", "The page's schema.org structured data as JSON, for a `<script type=\"application/ld+json\">`") { frame($0).jsonld },
            .object("t", "The interface's words in the page's language, from `i18n/LANG.yaml`") { frame($0).text },
        ]
    }
}

/// The site, as every page shows it.
struct SiteValues: TemplateModel, Encodable {
    var title: String
    var description: String
    var language: String
    var publisher: String?
    var baseURL: String?

    static let summary = "The site, from `site.yaml`."
    static let fields: TemplateFields<Self> = [
        .text("title", "The site's title") { $0.title },
        .text("description", "The site's description") { $0.description },
        .text("language", "The BCP 47 language of the content, for `<html lang>`") { $0.language },
        .text("publisher", "Who publishes the site, when `site.yaml` says") { $0.publisher },
        .text("base_url", "The address the site is published at, when `site.yaml` gives it") { $0.baseURL },
    ]
}

/// One page's own metadata.
struct PageMetadata: TemplateModel, Encodable {
    var title: String
    var fullTitle: String
    var description: String
    /// What kind of page this is: `index`, `entry`, `topic`, `topics`, `source`, `sources`, `facts`, `page`, `era` or `404`.
    var kind: String
    var canonical: String?
    var openGraphType: String
    var draft = false
    var home = false
    var updatedHTML: String?
    /// Whether the page's text has numbered citations, whose references `assets/cite.js` shows in place.
    var citations = false
    var image: ShareImage?
    var languages: [LanguageLink] = []
    var alternateLanguages: [LanguageLink] = []
    var notice: LanguageNotice?
    /// Whether the page gives the scripts their words, which they have in English already.
    var scriptWords = false

    static let summary = "The page being rendered."
    static let fields: TemplateFields<Self> = [
        .text("title", "The page's title") { $0.title },
        .text("full_title", "The title followed by the site's title, for `<title>`") { $0.fullTitle },
        .text("description", "The page's summary, or else the site's description") { $0.description },
        .text("kind", "What the page is: `index`, `entry`, `topic`, `topics`, `source`, `sources`, `facts`, `page`, `era` or `404`") { $0.kind },
        .text("canonical", "The page's absolute address, when the site has a `base_url`") { $0.canonical },
        .text("og_type", "`article` for an entry, `website` for the others, for Open Graph") { $0.openGraphType },
        .flag("draft", "Whether the page is a draft (`draft: true`), which only builds with `--drafts` include") { $0.draft },
        .flag("home", "Whether the page is the home page, whose `<h1>` is the site's title in the header") { $0.home },
        .html("updated_html", "When what the page shows was last brought up to date, for its printed foot: the site's update on the home page, an entry's `updated`, the latest figure on the facts page") { $0.updatedHTML },
        .flag("citations", "Whether the page's text has numbered citations, for which `layout.mustache` loads `assets/cite.js`") { $0.citations },
        .object("image", "The picture a shared link to the page shows: its lead image, or an entry's share card") { $0.image },
        .list("languages", "The page in each of the site's languages, for the language switcher; empty for a site in one language") { $0.languages },
        .list("alternate_languages", "The languages the page's text is written in, and `x-default`, for `<link rel=\"alternate\" hreflang>`") { $0.alternateLanguages },
        .object("notice", "On a page in another language, that its text is in another language, or that its translation is out of date") { $0.notice },
        .flag("script_words", "Whether the page is in another language than English, so that it gives the scripts their words (`data-` attributes)") { $0.scriptWords },
    ]
}

/// An item of the site's menu.
struct NavigationLink: TemplateModel, Encodable {
    var title: String
    var href: String
    var current: Bool

    static let summary = "An item of the site's menu."
    static let fields: TemplateFields<Self> = [
        .text("title", "The item's label") { $0.title },
        .text("href", "Its link, relative to this page") { $0.href },
        .flag("current", "Whether it is this page") { $0.current },
    ]
}

/// A link to the site in another format.
struct AlternateLink: TemplateModel, Encodable {
    var type: String
    var title: String
    var href: String

    static let summary = "The site in another format."
    static let fields: TemplateFields<Self> = [
        .text("type", "Its media type") { $0.type },
        .text("title", "What it is") { $0.title },
        .text("href", "Its link, relative to this page") { $0.href },
    ]
}

extension PageBuilder {
    /// The frame of a page: the site, the page, navigation, and its structured data (a `WebPage` unless the
    /// page gives its own); `citations` says that its text has numbered citations.
    func frame(
        _ route: Route, title: String, description: String?, kind: String, draft: Bool = false, updated: EDTFDate? = nil,
        citations: Bool = false, image: ShareImage? = nil, jsonld: JSON? = nil
    ) -> PageFrame {
        let settings = reader.settings()
        let root = route.root
        let links = languageLinks(route)
        var navigation = [
            NavigationLink(title: interface.word("nav_timeline"), href: Route.index.href(from: route), current: route == .index),
            NavigationLink(title: interface.word("nav_topics"), href: Route.topics.href(from: route), current: route == .topics),
            NavigationLink(title: interface.word("nav_facts"), href: Route.facts.href(from: route), current: route == .facts),
            NavigationLink(title: interface.word("nav_sources"), href: Route.sources.href(from: route), current: route == .sources),
        ]
        if !reader.maps().isEmpty {
            navigation.append(NavigationLink(title: interface.word("nav_map"), href: Route.map.href(from: route), current: route == .map))
        }
        for page in reader.menu() {
            navigation.append(NavigationLink(title: page.title, href: page.route.href(from: route), current: route == page.route))
        }
        let alternates = [
            AlternateLink(type: "application/atom+xml", title: describe("alternate_feed"), href: Route.feed.href(from: route)),
            AlternateLink(type: "application/json", title: describe("alternate_timelinejs"), href: Route.timelineJS.href(from: route)),
            AlternateLink(type: "application/json", title: describe("alternate_data"), href: Route.data.href(from: route)),
            AlternateLink(type: "text/csv", title: describe("alternate_facts"), href: Route.factsCSV.href(from: route)),
        ]
        let webPage = jsonld ?? JSON.compact([
            ("@context", .string("https://schema.org")), ("@type", .string("WebPage")), ("name", .string(title)),
            ("description", .optional(description)), ("inLanguage", .string(settings.language)),
            ("url", settings.baseURL != nil ? .string(url(route)) : .null), ("isPartOf", website()),
        ])
        return PageFrame(
            site: SiteValues(
                title: settings.title, description: settings.description, language: settings.language, publisher: settings.publisher,
                baseURL: settings.baseURL),
            page: PageMetadata(
                title: title, fullTitle: title == settings.title ? title : "\(title) – \(settings.title)",
                description: description ?? settings.description, kind: kind,
                canonical: settings.baseURL.map { $0 + (route == .index ? "" : route.path) }, openGraphType: kind == "entry" ? "article" : "website",
                draft: draft, home: route == .index, updatedHTML: updated.map(date), citations: citations, image: image,
                languages: links.switcher, alternateLanguages: links.alternates, notice: languageNotice(route),
                scriptWords: !settings.language.hasPrefix("en")),
            root: root, navigation: navigation, alternates: alternates, jsonld: webPage.serialized(), text: interface)
    }
}
