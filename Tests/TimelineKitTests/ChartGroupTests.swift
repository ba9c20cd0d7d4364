import Testing
@testable import TimelineBuild
@testable import TimelineContent
@testable import TimelineCore
@testable import TimelineSite

/// `charts` in `site.yaml` puts related metrics on one chart, one series (mark and line) each, on the facts
/// page; a metric it names must exist.
@Suite struct ChartGroupTests {
    static func site(charts: String) -> [String: String] {
        TestSupport.minimalSite(with: [
            "Content/site.yaml": """
                title: Test site
                description: A site for tests.
                language: en
                units: [officers]
                metrics:
                  - id: deployed
                    title: Officers deployed
                  - id: planned
                    title: Officers planned
                \(charts)
                """,
            "Content/facts.yaml": """
                - id: deployed-1
                  statement: 200 officers were deployed.
                  date: 2024-06
                  sources: [paper]
                  metric: deployed
                  value: 200
                  unit: officers
                - id: deployed-2
                  statement: 400 officers were deployed.
                  date: 2024-08
                  sources: [paper]
                  metric: deployed
                  value: 400
                  unit: officers
                - id: planned-1
                  statement: 2,500 officers were planned.
                  date: 2024-07
                  sources: [paper]
                  metric: planned
                  value: 2500
                  unit: officers

                """,
            "Content/entries/event.md": "---\ntitle: An event\ndate: 2024-06-01\nfacts: [deployed-1, deployed-2, planned-1]\n---\n\nSomething happened [@paper].\n",
        ])
    }

    @Test func relatedMetricsShareAChart() throws {
        let (output, log, _) = TestSupport.build(Self.site(charts: """
            charts:
              - id: strength
                title: Planned and deployed
                metrics: [deployed, planned]
            """), strict: true)
        #expect(log.diagnostics.isEmpty, "\(log.diagnostics.map(\.description))")
        let facts = try #require(output.text("facts.html"))
        let section = try #require(facts.components(separatedBy: "<section class=\"chart-groups\"").dropFirst().first?.components(separatedBy: "</section>").first)
        #expect(section.contains("<figure class=\"figure-chart\" id=\"metric-group:strength-chart\">"))
        #expect(section.contains("<a href=\"facts.html#metric-group:strength-chart\">Planned and deployed</a>"))
        // One line for the two figures deployed, none for the single planned one; a key per metric.
        #expect(section.components(separatedBy: "class=\"chart-line series-0\"").count == 2)
        #expect(!section.contains("chart-line series-1"))
        #expect(section.contains("<a href=\"facts.html#metric-deployed\">Officers deployed</a>"))
        #expect(section.contains("<a href=\"facts.html#metric-planned\">Officers planned</a>"))
        #expect(section.components(separatedBy: "class=\"chart-point series-1").count == 2)
    }

    @Test func aChartNamesMetricsThatExist() {
        let diagnostics = TestSupport.diagnostics(Self.site(charts: """
            charts:
              - id: strength
                title: Planned and deployed
                metrics: [deployd, planned]
              - id: alone
                title: One metric
                metrics: [planned]
            """))
        #expect(diagnostics.contains { $0.contains("error: unknown metric 'deployd' in chart 'strength'; did you mean 'deployed'? [unknown-metric]") }, "\(diagnostics)")
        #expect(diagnostics.contains { $0.contains("error: a chart puts two metrics or more side by side") })
    }
}
