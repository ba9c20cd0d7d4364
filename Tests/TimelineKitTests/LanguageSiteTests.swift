import Foundation
import Testing
@testable import TimelineBuild
import TimelineContent
@testable import TimelineCore
@testable import TimelineSite
import TimelineTesting

/// A site in three languages: a translated note, an untranslated one and an out-of-date translation build to
/// pages in every language, each with its switcher, symmetric `hreflang` links and honest notices.
@Suite struct LanguageSiteTests {
    static let files = TestSupport.minimalSite(with: [
        "Content/site.yaml": """
            title: Test site
            description: A site for tests.
            language: en
            languages:
              - {code: fr, name: Français}
              - {code: ht, name: Kreyòl ayisyen, fallback: fr}
            translations:
              fr: {title: Site de test, description: Un site pour les tests.}
            eras:
              - id: twenties
                title: The twenties
                date: 2020/2029
                translations: {fr: {title: Les années vingt}}

            """,
        "Content/entries/event.md": "---\ntitle: An event\ndate: 2024-06-01\nupdated: 2024-09\n---\n\nSomething happened [@paper]; see [[other]].\n",
        "Content/entries/event.fr.md": "---\ntitle: Un événement\ntranslated: 2024-07\n---\n\nQuelque chose est arrivé [@paper] ; voir [[other]].\n",
        "Content/entries/event.ht.md": "---\ntitle: Yon evènman\ntranslated: 2024-10\n---\n",
        "Content/entries/other.md": "---\ntitle: Another event\ndate: 2024-06-02\n---\n\nSomething else happened [@paper].\n",
        "Content/entries/other.fr.md": "---\ntitle: Un autre événement\ntranslated: 2024-07\n---\n\nAutre chose est arrivé [@paper].\n",
        "Content/entries/third.md": "---\ntitle: A third event\ndate: 2024-06-03\n---\n\nA third thing happened [@paper].\n",
    ])

    static func built() throws -> (MemoryOutput, DiagnosticLog) {
        let output = MemoryOutput(), log = DiagnosticLog()
        _ = try SiteBuilder(options: BuildOptions(), fileSystem: MemoryFileSystem(files: files)).build(into: output, log: log)
        return (output, log)
    }

    @Test func everyLanguageHasEveryPageWithNoticesWhereTheTextIsNotItsOwn() throws {
        let (output, log) = try Self.built()
        #expect(log.errorCount == 0, "\(log.diagnostics)")
        #expect(log.diagnostics.map(\.description) == [
            "Content/entries/event.fr.md: warning: the Français translation of 'event' (translated 2024-07) is older than the entry's update of 2024-09; bring it up to date and change 'translated' [outdated-translation]",
        ])
        for language in ["", "fr/", "ht/"] {
            for page in ["index.html", "entries/event.html", "entries/other.html", "entries/third.html", "404.html", "feed.xml", "search-index.js", "timeline.json", "assets/style.css"] {
                #expect(output.files[language + page] != nil, "\(language + page)")
            }
        }
        let fr = try #require(output.text("fr/entries/other.html"))
        #expect(fr.contains("<html lang=\"fr\">"))
        // The interface in French, from the theme's i18n/fr.yaml; in Creole, from i18n/ht.yaml.
        #expect(fr.contains("<a class=\"skip-link\" href=\"#main\">Aller au contenu</a>") && fr.contains(">Chronologie</a>"))
        #expect(fr.contains("<p>Chaque événement et chaque chiffre renvoient à leurs sources.</p>"))
        #expect(output.text("ht/index.html")?.contains(">Kwonoloji</a>") == true)
        #expect(fr.contains("<h1>Un autre événement</h1>"))
        #expect(!fr.contains("translation-fallback") && !fr.contains("translation-outdated"))
        // An untranslated note: the French interface, the English text marked as such, and a link to the original.
        let third = try #require(output.text("fr/entries/third.html"))
        #expect(third.contains("<p class=\"translation-fallback\">Cette page n’est pas encore traduite en français : le texte ci-dessous est en anglais. <a href=\"../../entries/third.html\" hreflang=\"en\">Lire l’original</a></p>"))
        #expect(third.contains("<div class=\"body\" lang=\"en\">"))
        // An out-of-date translation says so.
        #expect(output.text("fr/entries/event.html")?.contains("<p class=\"translation-outdated\">") == true)
        // Creole falls back to French: the Creole title, the French text.
        let creole = try #require(output.text("ht/entries/event.html"))
        #expect(creole.contains("<h1>Yon evènman</h1>") && creole.contains("<div class=\"body\" lang=\"fr\">"))
        #expect(creole.contains("Quelque chose est arrivé"))
        // Links inside a page in French lead to pages in French.
        #expect(output.text("fr/entries/event.html")?.contains("href=\"../entries/other.html\"") == true)
        #expect(output.text("fr/index.html")?.contains("Les années vingt") == true)
        #expect(output.text("fr/index.html")?.contains("<title>Site de test</title>") == true)
        // Each language's exports say which language they hold; a page shown in another language is not searched.
        let search = try #require(output.text("fr/search-index.js"))
        #expect(search.hasPrefix("window.TIMELINE_SEARCH_INDEX = {\"language\":\"fr\","))
        #expect(search.contains("Un autre événement") && !search.contains("A third event"))
        #expect(output.text("ht/timeline.json")?.contains("\"language\": \"ht\"") == true)
        #expect(output.text("fr/feed.xml")?.contains("xml:lang=\"fr\"") == true)
    }

    /// Every hreflang link is answered by one back, and a page whose text falls back is not an alternate.
    @Test func hreflangPairsAreSymmetric() throws {
        let (output, _) = try Self.built()
        var pairs: Set<[String]> = []
        for (path, bytes) in output.files where path.hasSuffix(".html") && !path.hasSuffix("404.html") {
            let html = String(decoding: bytes, as: UTF8.self)
            let folder = (path as NSString).deletingLastPathComponent
            for match in html.matches(of: /<link rel="alternate" hreflang="([a-z-]+)" href="([^"]+)">/) where match.1 != "x-default" {
                let target = (URL(fileURLWithPath: "/" + folder).appendingPathComponent(String(match.2)).standardized.path).dropFirst()
                #expect(output.files[String(target)] != nil, "\(path) → \(target)")
                pairs.insert([path, String(target)])
            }
        }
        let lopsided = pairs.filter { !pairs.contains([$0[1], $0[0]]) }.map { "\($0[0]) → \($0[1])" }.sorted()
        #expect(lopsided.isEmpty, "named without being named back: \(lopsided)")
        #expect(pairs.contains(["entries/event.html", "fr/entries/event.html"]))
        #expect(!pairs.contains(["entries/third.html", "fr/entries/third.html"]))
        #expect(!pairs.contains { $0[1] == "ht/entries/event.html" })
    }

    /// Every link and every file a page loads, on every language's pages, is a file of the site.
    @Test func everyLinkOnEveryLanguagesPagesResolves() throws {
        let (output, _) = try Self.built()
        var broken: [String] = []
        for (path, bytes) in output.files where path.hasSuffix(".html") && !path.hasSuffix("404.html") {
            let html = String(decoding: bytes, as: UTF8.self)
            let folder = (path as NSString).deletingLastPathComponent
            for match in html.matches(of: /(?:href|src)="([^"#:]+)(?:#[^"]*)?"/) {
                let target = String(URL(fileURLWithPath: "/" + folder).appendingPathComponent(String(match.1)).standardized.path.dropFirst())
                if output.files[target] == nil { broken.append("\(path) → \(match.1)") }
            }
        }
        #expect(broken.isEmpty, "\(broken.prefix(10))")
        #expect(output.files.keys.filter { $0.hasSuffix(".html") }.count == 36)
    }

    /// A language without interface strings of its own is shown in its fallback language's, and the build says so.
    @Test func aLanguageWithoutInterfaceStringsFallsBackWithAWarning() throws {
        var files = Self.files
        files["Content/site.yaml"] = "title: T\ndescription: D\nlanguage: en\nlanguages:\n  - {code: es, name: Español, fallback: fr}\n  - {code: fr, name: Français}\n"
        files = files.filter { !$0.key.contains(".ht.") }
        let output = MemoryOutput(), log = DiagnosticLog()
        _ = try SiteBuilder(options: BuildOptions(), fileSystem: MemoryFileSystem(files: files)).build(into: output, log: log)
        let count = InterfaceText.builtIn.count
        let first = InterfaceText.builtIn.map(\.key).sorted().prefix(5).joined(separator: ", ")
        #expect(log.diagnostics.map(\.description).contains(
            "Templates/i18n/es.yaml: warning: \(count) of the interface's \(count) strings have no 'es' translation (\(first), …); they are shown in fr, then en or English [missing-translation]"))
        #expect(output.text("es/index.html")?.contains(">Chronologie</a>") == true)
    }

    /// The words around a page's text are in the page's language too: units of figures, "as of" before a
    /// date, charts, the notes of archived copies, map titles, notices; a source in another language is marked
    /// with it; and a text that falls back to another language has its links and figures in that language.
    @Test func theWordsAroundTheTextAreInThePagesLanguage() throws {
        var files = Self.files
        files["Content/site.yaml"]! += """
            units:
              - {name: bridges, translations: {fr: {name: ponts}}}
              - cars

            """
        files["Content/facts.yaml"] = """
            - {id: spans, statement: Bridges over the harbour, date: 2024, value: 2, unit: bridges, metric: spans, sources: [{id: paper, quote: "Something happened"}]}
            - {id: spans-before, statement: Bridges before, date: 2020-03-05, value: 1, unit: bridges, metric: spans, sources: [paper]}
            - {id: traffic, statement: Cars a day, date: 2024-06, value: 4800, unit: cars, sources: [paper]}

            """
        files["Content/entries/other.md"] = "---\ntitle: Another event\ndate: 2024-06-02\nfacts: [spans, spans-before, traffic]\n---\n\nSomething else happened [@paper].\n"
        files["Content/entries/other.ht.md"] = "---\ntitle: Yon lòt evènman\ntranslated: 2024-07\n---\n"
        files["Content/entries/event.fr.md"] = "---\ntitle: Un événement\ntranslated: 2024-07\n---\n\nQuelque chose est arrivé [@paper] ; voir [[other]] et [[fact:traffic]].\n"
        files["Content/archive/paper.md"] = "---\nnote: The copy kept.\ntranslations: {fr: {note: La copie gardée.}}\n---\nSomething happened.\n"
        let output = MemoryOutput(), log = DiagnosticLog()
        _ = try SiteBuilder(options: BuildOptions(), fileSystem: MemoryFileSystem(files: files)).build(into: output, log: log)
        #expect(log.errorCount == 0, "\(log.diagnostics)")
        let other = try #require(output.text("fr/entries/other.html"))
        // A unit translated in site.yaml, one that is not, and the words of "as of" for a year and for a day.
        #expect(other.contains("<strong class=\"figure\">2 ponts</strong>") && other.contains("<strong class=\"figure\">4\u{202F}800 cars</strong>"))
        #expect(other.contains("En <time class=\"date\" datetime=\"2024\" data-edtf=\"2024\">2024</time>"))
        #expect(other.contains("Au <time class=\"date\" datetime=\"2020-03-05\" data-edtf=\"2020-03-05\">5 mars 2020</time>"))
        // The chart's words, in French; the source, in English, marked as such.
        #expect(other.contains(": 2 chiffres dans le temps</title>") && other.contains("Source : A publisher, 5 mars 2020 – 2024"))
        #expect(other.contains("<span lang=\"en\">A paper</span>"))
        #expect(!other.contains("as of") && !other.contains("figures over time"))
        // Its share card is the French one, addressed from the page.
        #expect(other.contains(#"<meta property="og:image" content="../cards/other.png">"#) && output.files["fr/cards/other.png"] != nil)
        // The note of the archived copy, in French, and the passages of the English source marked as English.
        let source = try #require(output.text("fr/sources/paper.html"))
        #expect(source.contains("La copie gardée.") && !source.contains("The copy kept."))
        #expect(source.contains("<h1 lang=\"en\">A paper</h1>") && source.contains("<blockquote lang=\"en\">"))
        // Creole falls back to French for the text of 'event': its link and its figure read in French, around it.
        let creole = try #require(output.text("ht/entries/event.html"))
        #expect(creole.contains("<h1>Yon evènman</h1>") && creole.contains(">Un autre événement</a>") && creole.contains(">4\u{202F}800 cars</a>"))
        #expect(creole.contains("Paj sa a poko tradui an kreyòl: tèks ki anba a an franse."))
        #expect(output.text("ht/entries/other.html")?.contains("<h1>Yon lòt evènman</h1>") == true)
        // The same words in English on the main site.
        let english = try #require(output.text("entries/other.html"))
        #expect(english.contains("As of <time class=\"date\" datetime=\"2024\"") && english.contains("2 bridges") && !english.contains("<span lang=\"en\">"))
    }

    /// A map's title and a place's map read in each language, the coordinates written in its way.
    @Test func mapsReadInEachLanguage() throws {
        var files = Self.files
        files["Content/maps.yaml"] = "- {id: harbour, title: The harbour, file: maps/harbour.geojson, credit: Test, license: Public domain, translations: {fr: {title: Le port, license: Domaine public}}}\n"
        files["Content/maps/harbour.geojson"] = #"{"type": "Polygon", "coordinates": [[[0, 0], [1, 0], [1, 1], [0, 1], [0, 0]]]}"#
        files["Content/topics/northport.md"] = "---\ntitle: Northport\nkind: place\ncoordinates: [0.5, 0.25]\n---\n\nA town [@paper].\n"
        files["Content/topics/northport.fr.md"] = "---\ntitle: Port-du-Nord\ntranslated: 2024-07\n---\n\nUne ville [@paper].\n"
        let output = MemoryOutput(), log = DiagnosticLog()
        _ = try SiteBuilder(options: BuildOptions(), fileSystem: MemoryFileSystem(files: files)).build(into: output, log: log)
        #expect(log.errorCount == 0, "\(log.diagnostics)")
        let place = try #require(output.text("fr/topics/northport.html"))
        #expect(place.contains("Port-du-Nord sur une carte : Le port") && place.contains("Une carte (Le port) avec un repère sur Port-du-Nord, 0,50° N, 0,25° E."))
        #expect(output.text("fr/map.html")?.contains("Le port") == true && place.contains("Domaine public") && !place.contains("Public domain"))
        #expect(output.text("ht/map.html")?.contains("Le port") == true)
        #expect(output.text("topics/northport.html")?.contains("A map of The harbour with a marker at Northport, 0.50° N, 0.25° E.") == true)
    }

    /// A translation's quotations are held against the archived texts, and its weekdays against its dates, as
    /// the original's are; its verified quotations are not listed twice on the source's page.
    @Test func aTranslationsQuotationsAndWeekdaysAreChecked() throws {
        var files = Self.files
        files["Content/archive/paper.md"] = "Something happened on Monday, 3 June 2024. Something else happened.\n"
        files["Content/entries/other.md"] = "---\ntitle: Another event\ndate: 2024-06-02\n---\n\nThe paper says \"Something else happened\" [@paper].\n"
        files["Content/entries/other.fr.md"] = """
            ---
            title: Un autre événement
            translated: 2024-07
            ---

            Le journal écrit "Something else happened" [@paper], et "Something new" [@paper], le mercredi 3 juin 2024.

            """
        let output = MemoryOutput(), log = DiagnosticLog()
        _ = try? SiteBuilder(options: BuildOptions(), fileSystem: MemoryFileSystem(files: files)).build(into: output, log: log)
        let errors = log.diagnostics.filter { $0.severity == .error }.map(\.description)
        #expect(errors.contains { $0.hasPrefix("Content/entries/other.fr.md:6:") && $0.contains("quotation \"Something new\" is not in the archived text of 'paper'") })
        #expect(errors.contains { $0.hasPrefix("Content/entries/other.fr.md:6:") && $0.contains("\"mercredi 3 juin 2024\": that date was a") })
        #expect(errors.count == 2, "\(errors)")
        files["Content/entries/other.fr.md"] = "---\ntitle: Un autre événement\ntranslated: 2024-07\n---\n\nLe journal écrit \"Something else happened\" [@paper], le lundi 3 juin 2024.\n"
        let checked = MemoryOutput(), clean = DiagnosticLog()
        _ = try SiteBuilder(options: BuildOptions(), fileSystem: MemoryFileSystem(files: files)).build(into: checked, log: clean)
        #expect(clean.errorCount == 0, "\(clean.diagnostics)")
        let page = try #require(checked.text("sources/paper.html"))
        #expect(page.components(separatedBy: "<mark>Something else happened</mark>").count == 2)
    }

    /// Figures are written in each language's way: "1,3 million", "80 %", "5 600".
    @Test func figuresInFrenchAndCreole() {
        var fact = Fact(id: "f", statement: "s", date: try! EDTFDate(parsing: "2024"), citations: [], value: 1_300_000, unit: "people", qualifier: "nearly", location: .file("f"))
        #expect(fact.displayValue == "nearly 1.3 million people")
        fact.figureLanguage = "fr"
        #expect(fact.displayValue == "près de 1,3\u{202F}million de personnes" || fact.displayValue == "près de 1,3 million de personnes")
        fact.figureLanguage = "ht"
        #expect(fact.displayValue == "prèske 1,3 milyon moun")
        var share = Fact(id: "p", statement: "s", date: try! EDTFDate(parsing: "2024"), citations: [], value: 80, unit: "percent", qualifier: "more than", location: .file("f"))
        share.figureLanguage = "fr"
        #expect(share.displayValue == "plus de 80\u{202F}%")
        var count = Fact(id: "c", statement: "s", date: try! EDTFDate(parsing: "2024"), citations: [], value: 5600, unit: "people", location: .file("f"))
        count.figureLanguage = "fr"
        #expect(count.displayValue == "5\u{202F}600 personnes")
    }
}

/// A note whose body a translation gives still takes its fields from its own file: the key that stands for
/// the note on that language's site changes with them, so that its page there is made again.
@Suite struct TranslatedBodyRebuildTests {
    static func noteKey(topic: String, language: String) throws -> UInt64 {
        var files = LanguageSiteTests.files
        files["Content/topics/harbour.md"] = "---\ntitle: The harbour\nkind: place\n---\n\nA harbour [@paper].\n"
        files["Content/topics/quay.md"] = "---\ntitle: The quay\nkind: place\n---\n\nA quay [@paper].\n"
        files["Content/entries/other.md"] = "---\ntitle: Another event\ndate: 2024-06-02\ntopics: [\(topic)]\n---\n\nSomething else happened [@paper].\n"
        let prepared = try #require(SiteBuilder(options: BuildOptions(), fileSystem: MemoryFileSystem(files: files)).prepare(log: DiagnosticLog()))
        let site = try #require(language == "en" ? prepared.site : prepared.languageSites.first { $0.index.settings.language == language })
        return PageRenderer(site: site, templates: prepared.templates, makingCards: false).versions.fingerprint(of: .note("other"))
    }

    @Test func theNotesKeyChangesWithItsOwnFileWhereATranslationGivesItsBody() throws {
        // French and Creole (which falls back on French) show the French translation's body.
        for language in ["en", "fr", "ht"] {
            #expect(try Self.noteKey(topic: "harbour", language: language) != Self.noteKey(topic: "quay", language: language), "\(language)")
            #expect(try Self.noteKey(topic: "quay", language: language) == Self.noteKey(topic: "quay", language: language), "\(language)")
        }
    }
}
