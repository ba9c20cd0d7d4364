import Foundation
import Testing
@testable import TimelineCore
@testable import TimelineSite

/// Figures are checked where they are read, and charts are drawn from any mix of them: no value, range, sign or
/// mix of magnitudes can crash the build, and every mark is drawn inside the plot area.
@Suite struct FigureChartTests {
    /// The top and bottom of a chart's plot area.
    static let plotTop = FigureChart.margin.top
    static let plotBottom = FigureChart.height - FigureChart.margin.bottom

    static func fact(_ id: String, _ date: String, _ value: Double, upper: Double? = nil) throws -> Fact {
        Fact(
            id: id, statement: "A figure.", date: try EDTFDate(parsing: date), citations: [], metric: "m", value: value, upperValue: upper,
            location: .file("facts.yaml"))
    }

    static func chart(_ facts: [Fact]) -> String {
        FigureChart(metric: "m", title: "M", facts: facts, sources: [], wording: .english).svg(root: "")
    }

    /// Every number in attributes named `name` of the drawing.
    static func numbers(_ name: String, in svg: String) -> [Double] {
        svg.components(separatedBy: " \(name)=\"").dropFirst().compactMap { Double($0.prefix { $0 != "\"" }) }
    }

    /// The labels of the ticks, value axis first, then time axis.
    static func ticks(in svg: String) -> [String] {
        svg.components(separatedBy: "class=\"chart-tick").dropFirst().map { piece in
            String(piece.drop { $0 != ">" }.dropFirst().prefix { $0 != "<" })
        }
    }

    static func expectMarksInside(_ svg: String, _ comment: Comment? = nil, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        // Every coordinate is a finite number (a label may show a figure as it is, even one no fact can have).
        for name in ["x", "y", "cx", "cy", "x1", "x2", "y1", "y2"] {
            let written = svg.components(separatedBy: " \(name)=\"").dropFirst().map { String($0.prefix { $0 != "\"" }) }
            #expect(written.allSatisfy { Double($0)?.isFinite == true }, "\(name): \(written) \(comment?.description ?? "")", sourceLocation: sourceLocation)
        }
        #expect(!svg.components(separatedBy: " d=\"").dropFirst().contains { $0.prefix { $0 != "\"" }.contains("n") }, comment, sourceLocation: sourceLocation)
        let marks = numbers("cy", in: svg)
        #expect(!marks.isEmpty, comment, sourceLocation: sourceLocation)
        let lines = svg.components(separatedBy: "\n").filter { $0.hasPrefix("<line class=\"chart-range\"") || $0.hasPrefix("<line class=\"chart-period\"") }
        let ends = lines.flatMap { numbers("y1", in: $0) + numbers("y2", in: $0) }
        for y in marks + ends {
            #expect(y >= plotTop && y <= plotBottom, "y = \(y) is outside the plot area. \(comment?.description ?? "")", sourceLocation: sourceLocation)
        }
        for x in numbers("cx", in: svg) {
            #expect(x >= 40 && x <= FigureChart.width - FigureChart.margin.right, "x = \(x) is outside the plot area", sourceLocation: sourceLocation)
        }
    }

    static func year(_ year: Int) -> String { String(repeating: "0", count: 4 - String(year).count) + String(year) }

    @Test func aFigureTooSmallToShowIsRefusedAtTheValue() {
        let facts = """
            - id: tiny
              statement: A tiny figure.
              date: 2001
              sources: [paper]
              metric: tiny
              value: 0.\(String(repeating: "0", count: 323))5
            - id: small-range
              statement: A range.
              date: 2002
              sources: [paper]
              metric: tiny
              value: 0
              upper: 0.0000001

            """
        #expect(TestSupport.diagnostics(TestSupport.minimalSite(with: ["Content/facts.yaml": facts])) == [
            "Content/facts.yaml:6:10: error: 'value' of fact 'tiny' is too small: figures other than 0 are at least 0.000001 (10^-6) in magnitude; give it in a larger unit [invalid-number]",
            "Content/facts.yaml:13:10: error: 'upper' of fact 'small-range' is too small: figures other than 0 are at least 0.000001 (10^-6) in magnitude; give it in a larger unit [invalid-number]",
        ])
    }

    @Test func smallFiguresKeepTheirDigits() {
        #expect(Fact.format(number: 0.001) == "0.001")
        #expect(Fact.format(number: -0.000001) == "-0.000001")
        #expect(Fact.format(number: 0.0042) == "0.0042")
        #expect(Fact.format(number: 0.25) == "0.25")
        #expect(Fact.format(number: 0) == "0")
    }

    /// The review's cases: a subnormal figure beside 0, and 0.001 beside -99999999999999.
    @Test func extremeFiguresAreDrawnInsideThePlot() throws {
        let subnormal = Self.chart([try Self.fact("a", "2001", .leastNonzeroMagnitude), try Self.fact("b", "2005", 0)])
        Self.expectMarksInside(subnormal)
        let mixed = Self.chart([try Self.fact("a", "2001", 0.001), try Self.fact("b", "2005", -99_999_999_999_999)])
        Self.expectMarksInside(mixed)
        #expect(Array(Self.ticks(in: mixed).prefix(6)) == ["-100,000 billion", "-75,000 billion", "-50,000 billion", "-25,000 billion", "0", "25,000 billion"])
    }

    @Test func negativeFiguresGetAnAxisBelowZero() throws {
        let svg = Self.chart([try Self.fact("a", "2000", -5), try Self.fact("b", "2001", -7)])
        Self.expectMarksInside(svg)
        #expect(Array(Self.ticks(in: svg).prefix(5)) == ["-8", "-6", "-4", "-2", "0"])
        // The axis line is at 0, the top of this plot.
        #expect(svg.contains("<line class=\"chart-axis\" x1=\"") && svg.contains("y1=\"26\" y2=\"26\"/>"))
    }

    @Test func tinyStepsAreLabelledWithTheirDecimals() throws {
        let svg = Self.chart([try Self.fact("a", "2000", 0.000001), try Self.fact("b", "2001", 0.000003)])
        Self.expectMarksInside(svg)
        #expect(Array(Self.ticks(in: svg).prefix(4)) == ["0", "0.000001", "0.000002", "0.000003"])
    }

    /// Years from 0 to 9999 get round ticks, none before year 0 or after 9999, and year 0 no HTML date.
    /// Figures over time are joined by a line, in time order, unless each counts something of its own; the
    /// chart names the span of its dates in its own text; the time axis of a short span says its year.
    @Test func pointsAreJoinedAndTheChartSaysWhatItShows() throws {
        let facts = [try Self.fact("b", "2024-10", 700_000), try Self.fact("a", "2024-06", 580_000), try Self.fact("c", "2025-03", 1_300_000)]
            .sorted { $0.date.earliest < $1.date.earliest }
        let svg = Self.chart(facts)
        let line = try #require(svg.components(separatedBy: "<path class=\"chart-line\" d=\"").dropFirst().first?.prefix { $0 != "\"" })
        #expect(line.filter { $0 == "L" }.count == 2 && line.hasPrefix("M"))
        let xs = line.split(whereSeparator: { $0 == "M" || $0 == "L" }).compactMap { Double($0.split(separator: " ")[0]) }
        #expect(xs == xs.sorted(), "the line runs forward in time: \(xs)")
        // The value axis reaches just above the largest figure, in round steps.
        #expect(Array(Self.ticks(in: svg).prefix(4)) == ["0", "500,000", "1 million", "1.5 million"])
        let time = svg.components(separatedBy: "class=\"chart-tick chart-time\"").dropFirst().map { String($0.drop { $0 != ">" }.dropFirst().prefix { $0 != "<" }) }
        #expect(time.first?.contains("2024") == true, "\(time)")
        #expect(svg.contains("<desc id=\"chart-m-desc\">"))
        #expect(svg.contains("as of June 2024 – March 2025"))
        var separate = FigureChart(metric: "m", title: "M", facts: facts, sources: [], wording: .english)
        separate.separateCounts = true
        #expect(!separate.svg(root: "").contains("chart-line"))
        #expect(separate.svg(root: "").contains("class=\"chart separate-counts\""))
    }

    @Test func theWholeRangeOfYearsHasRoundTicks() throws {
        let svg = Self.chart([try Self.fact("a", "0000-01-01", 1), try Self.fact("b", "9999", 2)])
        Self.expectMarksInside(svg)
        #expect(Array(Self.ticks(in: svg).suffix(5)) == ["0", "2000", "4000", "6000", "8000"])
        let yearZero = try EDTFDate(parsing: "0000-01-01")
        #expect(!yearZero.html().contains("datetime"))
        #expect(try EDTFDate(parsing: "0001-01-01").html().contains("datetime=\"0001-01-01\""))
    }

    /// Many random mixes of figures, ranges and dates: the chart is drawn, every mark inside the plot, and its
    /// value ticks go up in even steps.
    @Test func randomMixesOfFiguresAreDrawnInsideThePlot() throws {
        var random = SeededGenerator(state: 2026)
        let kinds: [(inout SeededGenerator) -> Double] = [
            { _ in 0 }, { _ in .leastNonzeroMagnitude }, { _ in -.leastNonzeroMagnitude }, { _ in 1e-6 }, { _ in 0.001 },
            { Double.random(in: -1...1, using: &$0) }, { Double.random(in: -1000...1000, using: &$0) },
            { Double.random(in: -1e14...1e14, using: &$0) }, { _ in 999_999_999_999_999 }, { _ in -999_999_999_999_999 },
            { _ in -99_999_999_999_999 }, { _ in 1e300 }, { _ in .infinity }, { _ in -.infinity }, { _ in .nan },
        ]
        for round in 0..<2_000 {
            var facts: [Fact] = []
            for index in 0..<Int.random(in: 2...6, using: &random) {
                let value = kinds.randomElement(using: &random)!(&random)
                let upper = Bool.random(using: &random) ? kinds.randomElement(using: &random)!(&random) : nil
                let year = [0, 1, 1999, 2000, 9999, Int.random(in: 0...9999, using: &random)].randomElement(using: &random)!
                let end = min(9999, year + Int.random(in: 1...50, using: &random))
                let date = year == end || Bool.random(using: &random) ? Self.year(year) : Self.year(year) + "/" + Self.year(end)
                facts.append(try Self.fact("f\(index)", date, value, upper: upper))
            }
            let svg = Self.chart(facts)
            let values = facts.map { "\($0.value!)…\($0.upperValue.map { "\($0)" } ?? "-")@\($0.date.text)" }.joined(separator: ", ")
            Self.expectMarksInside(svg, "round \(round): \(values)")
            let scale = ValueScale(values: facts.flatMap { [$0.value, $0.upperValue].compactMap { $0 } })
            #expect(scale.high > scale.low && scale.ticks.count >= 2 && scale.ticks.count <= 7, "round \(round): \(values)")
        }
    }
}
