import TimelineCore

/// A source's full reference (`partials/reference.mustache`).
/// A class, as the models that show a reference read its fields through it.
final class SourceReference: TemplateModel {
    let id: String
    let title: String
    let dateHTML: String
    let href: String
    let publisher: String?
    let author: String?
    let url: String?
    let archiveURL: String?
    let accessedHTML: String?
    let note: String?
    /// The source's language, when it differs from the site's.
    let language: String?

    init(id: String, title: String, dateHTML: String, href: String, publisher: String?, author: String?, url: String?, archiveURL: String?, accessedHTML: String?, note: String?, language: String?) {
        self.id = id
        self.title = title
        self.dateHTML = dateHTML
        self.href = href
        self.publisher = publisher
        self.author = author
        self.url = url
        self.archiveURL = archiveURL
        self.accessedHTML = accessedHTML
        self.note = note
        self.language = language
    }

    /// The host of an address, without a leading `www.`: `https://www.apnews.com/article/x` gives `apnews.com`.
    static func domain(of url: String) -> String? {
        // Read on the address's bytes: every page that lists sources asks for each one's domain.
        var url = url
        let host = url.withUTF8 { bytes -> String? in
            var start = 0
            while start + 3 <= bytes.count, !(bytes[start] == 0x3A && bytes[start + 1] == 0x2F && bytes[start + 2] == 0x2F) { start += 1 }
            guard start + 3 <= bytes.count else { return nil }
            start += 3
            var end = start
            while end < bytes.count, bytes[end] != UInt8(ascii: "/"), bytes[end] != UInt8(ascii: "?"), bytes[end] != UInt8(ascii: "#") { end += 1 }
            if let at = bytes[start..<end].lastIndex(of: UInt8(ascii: "@")) { start = at + 1 }
            if let colon = bytes[start..<end].lastIndex(of: UInt8(ascii: ":")), !bytes[start..<end].contains(UInt8(ascii: "]")) { end = colon }
            return String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self)
        }
        guard let name = host?.lowercased(), !name.isEmpty else { return nil }
        return name.hasPrefix("www.") ? String(name.dropFirst(4)) : name
    }

    static let summary = "A source's reference."
    static let fields: TemplateFields<SourceReference> = [
        .text("id", "The source's id") { $0.id },
        .text("title", "Its title, or else its publisher, or else its id") { $0.title },
        .html("date_html", "When it was published, in words") { $0.dateHTML },
        .text("href", "Its page on the site, relative to this page") { $0.href },
        .text("publisher", "Its publisher, when that is not already its title") { $0.publisher },
        .text("author", "Its author, when known") { $0.author },
        .text("url", "Its address, when it has one") { $0.url },
        .text("domain", "The host of its address without `www.`, such as `apnews.com`, for lists that show where a source is rather than its whole address") { $0.url.flatMap(SourceReference.domain) },
        .text("archive_url", "The address of an archived copy, when given") { $0.archiveURL },
        .text("archive_domain", "The host of the archived copy's address without `www.`, such as `web.archive.org`") { $0.archiveURL.flatMap(SourceReference.domain) },
        .html("accessed_html", "When the author last read it at its address, when given") { $0.accessedHTML },
        .text("note", "What a reader should know about it, when given") { $0.note },
        .text("lang", "Its language, when it differs from the site's") { $0.language },
    ]
}

/// A source in a page's numbered list of sources, with links back to every place the page cites it.
struct CitedSource: TemplateModel {
    var reference: SourceReference
    var anchor: String
    var backrefs: [Backref]
    var details: [CitationDetail]

    static let summary = "A source in a page's numbered list of sources (`partials/citations.mustache`); it has every field of a source's reference too."
    static let fields: TemplateFields<Self> = [
        .text("anchor", "The id of its item, which citations link to") { $0.anchor },
        .list("backrefs", "Links back to each place the page cites it") { $0.backrefs },
        .list("details", "The distinct locators and quotations the page cites it with") { $0.details },
    ] + SourceReference.fields.map { $0.lifted(\.reference) }
}

/// A link back from a list of sources to one place a source is cited.
struct Backref: TemplateModel {
    var label: String
    var href: String
    var aria: String

    static let summary = "A link back to one place a source is cited."
    static let fields: TemplateFields<Self> = [
        .text("label", "`^` for a single place, else `a`, `b`, …") { $0.label },
        .text("href", "The place, as a link") { $0.href },
        .text("aria", "A label for screen readers") { $0.aria },
    ]
}

/// Where in a source, and in what words, a page cites it.
struct CitationDetail: TemplateModel {
    var locator: String?
    var quote: String?
    var quoteLanguage: String?
    /// In a page's list of sources, the numbers `N` of the citations in place (`cite-SOURCE-N`) that give it.
    var citations: [Int] = []

    static let summary = "A locator or quotation a source is cited with."
    static let fields: TemplateFields<Self> = [
        .text("locator", "Where in the source, such as `p. 4`") { $0.locator },
        .text("quote", "The passage quoted") { $0.quote },
        .text("quote_lang", "The passage's language, when it differs from the site's") { $0.quoteLanguage },
        .text("citations", "In a page's list of sources, the numbers `N` of the citations in place (`cite-SOURCE-N`) that give it, separated by spaces, so that a citation's popover shows its own words; missing for a source cited as a whole") {
            $0.citations.isEmpty ? nil : $0.citations.map { "\($0)" }.joined(separator: " ")
        },
    ]
}

/// One place that cites a source, or one fact that rests on it, on the source's page.
/// A class, as a page that cites a source reads its fields through it.
final class SourceUseItem: TemplateModel {
    let title: String
    let href: String
    let locator: String?
    let quote: String?
    let quoteLanguage: String?
    let dateHTML: String?
    let asOfHTML: String?
    let value: String?

    init(title: String, href: String, locator: String?, quote: String?, quoteLanguage: String?, dateHTML: String?, asOfHTML: String?, value: String?) {
        self.title = title
        self.href = href
        self.locator = locator
        self.quote = quote
        self.quoteLanguage = quoteLanguage
        self.dateHTML = dateHTML
        self.asOfHTML = asOfHTML
        self.value = value
    }

    static let summary = "A fact resting on a source, on the source's page."
    static let fields: TemplateFields<SourceUseItem> = [
        .text("title", "The citing note's title, or the fact's statement") { $0.title },
        .text("href", "The place, as a link") { $0.href },
        .text("locator", "Where in the source, when given") { $0.locator },
        .text("quote", "The passage quoted, when given") { $0.quote },
        .text("quote_lang", "The passage's language, when it differs from the site's") { $0.quoteLanguage },
        .html("date_html", "For a fact: the date it was true as of") { $0.dateHTML },
        .html("as_of_html", "For a fact: that date with the words \"as of\" takes before it in the page's language") { $0.asOfHTML },
        .text("value", "For a fact with a figure: the figure") { $0.value },
    ]
}

/// A page that cites a source, with every place on it that does.
struct CitingPage: TemplateModel {
    var use: SourceUseItem
    var places: [Backref]
    var details: [CitationDetail]

    static let summary = "A page that cites a source, on the source's page; it has every field of its first citation too."
    static let fields: TemplateFields<Self> = [
        .list("places", "Links to each place on the page that cites the source, when there are several") { $0.places },
        .list("details", "The distinct locators and quotations it cites the source with") { $0.details },
    ] + SourceUseItem.fields.map { $0.lifted(\.use) }
}

/// A source's page: its reference, who cites it, and the facts resting on it.
struct SourceView: TemplateModel {
    var reference: SourceReference
    var publisherName: String?
    var citedBy: [CitingPage]
    var facts: [SourceUseItem]
    var evidence: [EvidencePassage] = []
    var knownErrors: [KnownErrorItem] = []
    var archiveNote: String?
    var copyURL: String?

    static let summary = "The source of a source's page; it has every field of the source's reference too."
    static let fields: TemplateFields<Self> = [
        .text("publisher_name", "Its publisher, when known") { $0.publisherName },
        .list("cited_by", "The pages that cite it") { $0.citedBy },
        .list("facts", "The facts resting on it") { $0.facts },
        .list("evidence", "Each passage the site quotes, as its archived text gives it, with its context") { $0.evidence },
        .list("known_errors", "Errors found in its archived text, such as a weekday that does not match its date") { $0.knownErrors },
        .text("archive_note", "Where the archived text came from, when the source has one and says") { $0.archiveNote },
        .text("copy_url", "The address the archived text was retrieved from, when it gives one") { $0.copyURL },
        .text("copy_domain", "The host of that address without `www.`") { $0.copyURL.flatMap(SourceReference.domain) },
    ] + SourceReference.fields.map { $0.lifted(\.reference) }
}

/// A passage of a source that the site quotes, shown with its context from the archived text.
struct EvidencePassage: TemplateModel {
    var passage: String
    var before: String
    var after: String
    /// The original at the highlighted words, through a text fragment, when the source has an address.
    var fragmentURL: String?
    var usedBy: [EvidenceUse]

    static let summary = "A passage of a source that the site quotes, on the source's page."
    static let fields: TemplateFields<Self> = [
        .text("passage", "The words quoted, as the archived text gives them") { $0.passage },
        .text("before", "The context before them in their sentence") { $0.before },
        .text("after", "The context after them") { $0.after },
        .text("fragment_url", "The source's address with a text fragment that opens it at the passage, when it has an address") { $0.fragmentURL },
        .list("used_by", "The entries, pages and facts that quote it") { $0.usedBy },
    ]
}

/// An error found in a source's archived text.
struct KnownErrorItem: TemplateModel {
    var message: String

    static let summary = "An error found in a source's archived text."
    static let fields: TemplateFields<Self> = [.text("message", "What is wrong, in the source's words and ours") { $0.message }]
}

/// A note or fact that quotes a passage.
struct EvidenceUse: TemplateModel {
    var title: String
    var href: String

    static let summary = "A note or fact that quotes a passage."
    static let fields: TemplateFields<Self> = [
        .text("title", "The note's title, or the fact's statement") { $0.title },
        .text("href", "Where it is, as a link") { $0.href },
    ]
}
