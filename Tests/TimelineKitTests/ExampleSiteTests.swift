import Foundation
import Testing
@testable import TimelineBuild
@testable import TimelineContent
@testable import TimelineCore
@testable import TimelineMarkdown
@testable import TimelineSite
import TimelineTesting

/// Builds the example site from its fixtures and checks the pages, links and citations that come out.
@Suite struct ExampleSiteTests {
    static let built: (MemoryOutput, DiagnosticLog) = {
        let builder = SiteBuilder(options: BuildOptions(
            contentFolder: TestSupport.exampleContent, templatesFolder: TestSupport.templates, strict: true))
        let log = DiagnosticLog()
        let output = MemoryOutput()
        _ = try? builder.build(into: output, log: log)
        return (output, log)
    }()

    var output: MemoryOutput { Self.built.0 }

    @Test func buildsWithoutDiagnostics() {
        #expect(Self.built.1.diagnostics.map(\.description) == [])
    }

    @Test func writesEveryPage() {
        let paths = Set(output.files.keys)
        let expected: Set<String> = [
            "index.html", "topics.html", "sources.html", "facts.html", "404.html", "assets/style.css",
            "entries/bridge-proposed.html", "entries/funding-approved.html", "entries/construction.html",
            "entries/opening.html", "entries/repairs.html",
            "topics/city-council.html", "topics/harbour-bridge.html", "topics/mayor-lind.html", "topics/traffic.html",
            "sources/gazette-1998.html", "sources/council-2003.html", "sources/gazette-2009.html", "sources/report-2015.html",
            "pages/about.html", "pages/method.html", "eras/planning.html", "eras/construction-and-use.html",
        ]
        #expect(expected.subtracting(paths).isEmpty, "missing: \(expected.subtracting(paths).sorted())")
    }

    @Test func everyInternalLinkAndAnchorResolves() {
        let links = SiteLinks(files: output.files)
        #expect(links.internalLinks.count > 200)
        #expect(links.brokenLinks.map(\.description) == [])
        for link in links.internalLinks {
            #expect(!link.target.hasPrefix("/") && !link.target.hasPrefix("../"), "\(link) leaves the site")
        }
    }

    @Test func linksAreRelativeAndNameFiles() {
        for (path, bytes) in output.files where path.hasSuffix(".html") {
            let html = String(decoding: bytes, as: UTF8.self)
            for href in SiteLinks.values(of: "href", in: html) where !href.hasPrefix("http") && !href.hasPrefix("mailto:") && !href.hasPrefix("#") {
                #expect(!href.hasPrefix("/"), "\(path): \(href) is absolute")
                let file = href.split(separator: "#").first.map(String.init) ?? ""
                let name = file.split(separator: "/").last ?? ""
                #expect(name.contains(".") && !file.hasSuffix("/"), "\(path): \(href) names no file")
            }
        }
    }

    @Test func crossLinksGoBothWays() throws {
        // bridge-proposed links to mayor-lind; mayor-lind's page lists the entry as tagging or mentioning it.
        let entry = try #require(output.text("entries/bridge-proposed.html"))
        #expect(entry.contains(#"href="../topics/mayor-lind.html">Ana Lind</a>"#))
        let topic = try #require(output.text("topics/mayor-lind.html"))
        #expect(topic.contains(#"href="../entries/bridge-proposed.html""#))
        // funding-approved mentions bridge-proposed; bridge-proposed says where it is mentioned.
        #expect(entry.contains(##"href="../entries/funding-approved.html#mention-bridge-proposed-1">Funding approved</a>"##))
        let funding = try #require(output.text("entries/funding-approved.html"))
        #expect(funding.contains(#"id="mention-bridge-proposed-1" href="../entries/bridge-proposed.html""#))
    }

    @Test func citationsGoBothWays() throws {
        let entry = try #require(output.text("entries/opening.html"))
        // The inline citation links to the page's numbered source, which links back and on to the source page.
        #expect(entry.contains(##"<a id="cite-gazette-2009-1" href="#source-gazette-2009">[1]</a>"##))
        #expect(entry.contains(##"<li id="source-gazette-2009"><span class="backrefs"><a href="#cite-gazette-2009-1""##))
        #expect(entry.contains(#"<a href="../sources/gazette-2009.html">"#))
        // The source's page links to every place that cites it, on entries, topics and facts.
        let source = try #require(output.text("sources/gazette-2009.html"))
        for place in ["../entries/opening.html#cite-gazette-2009-1", "../entries/construction.html#source-gazette-2009",
                      "../entries/repairs.html#cite-gazette-2009-1", "../facts.html#fact-cost-2009", "../facts.html#fact-opened"] {
            #expect(source.contains("href=\"\(place)\""), "sources/gazette-2009.html does not link to \(place)")
        }
    }

    @Test func timelineIsInTimeOrderGroupedByEraAndYear() throws {
        let page = try #require(output.text("index.html"))
        let index = try #require(page.components(separatedBy: "<div class=\"timeline\">").last)
        let order = ["bridge-proposed", "funding-approved", "construction", "opening", "repairs"].map { id in
            index.range(of: "entries/\(id).html")?.lowerBound
        }
        #expect(order.allSatisfy { $0 != nil })
        #expect(order.compactMap { $0 } == order.compactMap { $0 }.sorted())
        // Each year's first heading answers to #YEAR, inside the section of its era.
        for (era, year) in [("planning", "1998"), ("planning", "2003"), ("construction-and-use", "2004"), ("construction-and-use", "2009"), ("construction-and-use", "2015")] {
            let section = try #require(index.components(separatedBy: "aria-labelledby=\"era-\(era)\"").dropFirst().first?.components(separatedBy: "</section>\n</section>").first)
            #expect(section.contains("id=\"\(year)\">\(year)</h3>"), "no #\(year) in era \(era)")
        }
        #expect(index.contains(#"id="era-planning""#))
        #expect(index.range(of: "era-planning")!.lowerBound < index.range(of: "era-construction-and-use")!.lowerBound)
        #expect(index.contains(#"<time class="date" datetime="2015" data-edtf="2015~">c. 2015</time>"#))
    }

    @Test func factsPageGroupsFiguresByMetricInDateOrder() throws {
        let facts = try #require(output.text("facts.html"))
        #expect(facts.contains(#"id="metric-bridge-cost""#))
        let first = try #require(facts.range(of: "id=\"fact-cost-2003\""))
        let second = try #require(facts.range(of: "id=\"fact-cost-2009\""))
        #expect(first.lowerBound < second.lowerBound)
        #expect(facts.contains("US$120 million"))
        #expect(facts.contains("about US$185 million"))
    }

    @Test func entryPageMatchesItsGoldenFile() throws {
        assertGolden(try #require(output.text("entries/opening.html")), named: "example/entries/opening.html")
        assertGolden(try #require(output.text("facts.html")), named: "example/facts.html")
    }
}
