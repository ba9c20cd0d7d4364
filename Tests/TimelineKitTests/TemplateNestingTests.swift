import Foundation
import Testing
@testable import TimelineCore
@testable import TimelineSite
import TimelineContent
import TimelineTesting

/// Templates cannot make rendering recurse without end or run out of stack: a template that reaches itself
/// through partials or parents is a located `template-cycle` error, nesting past 100 levels (counted through
/// partials and parents) a located `template-too-deep` error, and reading and rendering take time in
/// proportion to a template's size.
@Suite struct TemplateNestingTests {
    /// The diagnostics of loading templates, as printed, but for the ones about the templates every site needs.
    static func diagnostics(_ templates: [String: String]) -> [String] {
        let fileSystem = MemoryFileSystem()
        for (name, text) in templates { fileSystem.write("Templates/\(name).mustache", text) }
        let log = DiagnosticLog()
        _ = TemplateSet.load(fileSystem: fileSystem, folder: "Templates", log: log)
        return log.diagnostics.map(\.description)
    }

    static func nested(_ depth: Int, around inner: String = "x") -> String {
        String(repeating: "{{#a}}", count: depth) + inner + String(repeating: "{{/a}}", count: depth)
    }

    /// The site's own templates are far within the limits: a fifth of the depth, a fiftieth of the size.
    @Test func theSiteTemplatesAreFarWithinTheLimits() {
        var limits = Limits()
        limits.templateDepth = 20
        limits.templateSize = 300_000
        let log = DiagnosticLog()
        #expect(TemplateSet.load(fileSystem: LocalFileSystem(), folder: TestSupport.templates, limits: limits, log: log) != nil)
        #expect(log.diagnostics.map(\.description) == [])
    }

    /// Partials that each include the next twice would render 2^30 tags: refused before rendering.
    @Test func partialsThatMultiplyAreBoundedInSize() {
        var templates: [String: String] = [:]
        for index in 0..<30 { templates["p\(index)"] = "{{>p\(index + 1)}}{{>p\(index + 1)}}" }
        templates["p30"] = "x"
        #expect(Self.diagnostics(templates).first == "Templates/p0.mustache: error: template 'p0' renders more than 16777216 bytes of text and tags once its partials and parents are put in place; include fewer partials within partials [template-too-large]")
        // Blocks placed many times multiply their overrides too.
        let layout = String(repeating: "{{$b}}{{/b}}", count: 4_100)
        #expect(Self.diagnostics(["layout": layout, "page": "{{<layout}}{{$b}}\(String(repeating: "y", count: 1)){{>many}}{{/b}}{{/layout}}", "many": String(repeating: "text", count: 1_024)]).first?.hasSuffix("[template-too-large]") == true)
    }

    @Test func aPartialThatIncludesItselfIsACycle() {
        #expect(Self.diagnostics(["loop": "<p>\n  {{>loop}}\n</p>\n"]) == [
            "Templates/loop.mustache:2:3: error: template 'loop' includes itself [template-cycle]",
        ])
    }

    @Test func partialsThatIncludeEachOtherAreACycleNamedInFull() {
        #expect(Self.diagnostics(["a": "one\ntwo\n  {{#x}}{{>b}}{{/x}}", "b": "{{>c}}", "c": "{{^y}}{{>a}}{{/y}}", "page": "{{>a}}"]) == [
            "Templates/a.mustache:3:9: error: template 'a' includes itself through 'b' → 'c' → 'a' [template-cycle]",
        ])
    }

    @Test func parentsThatInheritFromEachOtherAreACycle() {
        #expect(Self.diagnostics(["inh": "{{<inh2}}{{/inh2}}", "inh2": "{{$body}}{{/body}}{{<inh}}{{/inh}}"]) == [
            "Templates/inh.mustache:1:1: error: template 'inh' includes itself through 'inh2' → 'inh' [template-cycle]",
        ])
        // A block that overrides with a partial leading back is a cycle too.
        #expect(Self.diagnostics(["layout": "{{$b}}{{/b}}", "page": "{{<layout}}{{$b}}{{>page}}{{/b}}{{/layout}}"]) == [
            "Templates/page.mustache:1:18: error: template 'page' includes itself [template-cycle]",
        ])
    }

    @Test func nestingIsBoundedInOneTemplate() {
        #expect(Self.diagnostics(["deep": Self.nested(100)]) == [])
        #expect(Self.diagnostics(["deep": Self.nested(101)]) == [
            "Templates/deep.mustache:1:601: error: template error: sections, blocks and parents are nested more than 100 levels deep [template-too-deep]",
        ])
        // 30,000 sections opened and never closed: an error, not a stack overflow.
        let error = #expect(throws: TemplateError.self) { try Template(name: "t", text: String(repeating: "{{#a}}", count: 30_000)) }
        #expect(error?.id == .templateTooDeep && error?.column == 601)
    }

    @Test func nestingIsCountedThroughPartialsAndParents() {
        #expect(Self.diagnostics(["a": Self.nested(49, around: "{{>b}}"), "b": Self.nested(50)]) == [])
        #expect(Self.diagnostics(["a": Self.nested(50, around: "{{>b}}"), "b": Self.nested(50)]) == [
            "Templates/a.mustache:1:301: error: sections, blocks, parents and partials are nested more than 100 levels deep through 'a' → 'b' [template-too-deep]",
        ])
        // A parent's overrides may be placed at its deepest block.
        let layout = Self.nested(40, around: "{{$body}}{{/body}}")
        #expect(Self.diagnostics(["layout": layout, "page": "{{<layout}}{{$body}}\(Self.nested(58)){{/body}}{{/layout}}"]) == [])
        #expect(Self.diagnostics(["layout": layout, "page": "{{<layout}}{{$body}}\(Self.nested(59)){{/body}}{{/layout}}"]) == [
            "Templates/page.mustache:1:1: error: sections, blocks, parents and partials are nested more than 100 levels deep through 'page' → 'layout' [template-too-deep]",
        ])
        // A long chain of partials is cut short where it passes the limit, and reported once.
        var chain: [String: String] = [:]
        for index in 0..<300 { chain["p\(index)"] = "{{>p\(index + 1)}}" }
        chain["p300"] = "x"
        let reported = Self.diagnostics(chain)
        #expect(reported.count == 1 && reported.first?.hasSuffix("[template-too-deep]") == true, "\(reported)")
    }

    /// The renderer stops at its depth limit even for templates it is given unchecked, as a partial that
    /// includes itself.
    @Test func theRendererStopsAtItsDepthLimit() throws {
        let renderer = TemplateRenderer(templates: ["loop": try Template(name: "loop", text: "<{{>loop}}")])
        let rendered = renderer.render("loop", value: [:])
        #expect(rendered.count == 101)
    }

    /// A block inside its own override shows its default rather than placing the override again without end
    /// (found by the fuzz target: two such blocks rendered 2^100 times).
    @Test func aBlockInsideItsOwnOverrideShowsItsDefault() throws {
        let templates = [
            "layout": try Template(name: "layout", text: "[{{$b}}D{{/b}}]"),
            "page": try Template(name: "page", text: "{{<layout}}{{$b}}A{{$b}}B{{/b}}{{$b}}C{{/b}}{{/b}}{{/layout}}"),
        ]
        #expect(String(decoding: TemplateRenderer(templates: templates).render("page", value: [:]), as: UTF8.self) == "[ABC]")
    }

    /// Reading and rendering grow in proportion to the template: a long line of tags, deep nesting repeated,
    /// and text split by many comments.
    @Test func readingAndRenderingAreLinearInSize() throws {
        let values: TemplateValue = ["a": ["b": "x"], "list": [1, 2]]
        let sources = [
            String(repeating: "{{b}}{{#a}}é{{/a}}", count: 50_000),
            String(repeating: Self.nested(100, around: "{{b}}") + "\n", count: 400),
            String(repeating: "t{{! comment }}", count: 100_000),
        ]
        for source in sources {
            let clock = ContinuousClock()
            let time = try clock.measure {
                let template = try Template(name: "t", text: source)
                _ = TemplateRenderer(templates: ["t": template]).render("t", value: values)
            }
            #expect(time < .seconds(10), "\(source.utf8.count) bytes took \(time)")
        }
    }

    /// Random templates of text, sections, inverted sections, comments, blocks, parents and partials naming
    /// each other, balanced or not: loading them reports errors or gives a set that renders, never crashes or
    /// hangs.
    @Test func randomTemplatesNeverCrashOrHang() {
        var random = SeededGenerator(state: 42)
        let names = ["a", "b", "c", "d"]
        let pieces: [(inout SeededGenerator) -> String] = [
            { _ in "text " }, { _ in "\n" }, { _ in "  " }, { _ in "{{v}}" }, { _ in "{{{v}}}" }, { _ in "{{! note }}" },
            { _ in "{{#list}}" }, { _ in "{{/list}}" }, { _ in "{{^v}}" }, { _ in "{{/v}}" }, { _ in "{{#o}}" }, { _ in "{{/o}}" },
            { "{{>\(names.randomElement(using: &$0)!)}}" }, { "{{<\(names.randomElement(using: &$0)!)}}" },
            { "{{/\(names.randomElement(using: &$0)!)}}" }, { _ in "{{$blk}}" }, { _ in "{{/blk}}" }, { _ in "{{#first()}}" },
            { _ in "{{/first()}}" }, { _ in "{{=<% %>=}}" }, { _ in "<%={{ }}=%>" }, { _ in "{{" }, { _ in "}}" },
            { String(repeating: "{{#o}}", count: Int.random(in: 1...120, using: &$0)) },
        ]
        let values: TemplateValue = ["v": "x", "o": ["v": 1], "list": [["v": 1], ["v": 2], []]]
        let clock = ContinuousClock()
        let start = clock.now
        var rendered = 0
        for _ in 0..<1_500 {
            var templates: [String: Template] = [:]
            var sources: [String: SourceText] = [:]
            for name in names {
                let text = (0..<Int.random(in: 0...30, using: &random)).map { _ in pieces.randomElement(using: &random)!(&random) }.joined()
                sources[name] = SourceText(path: name, bytes: Array(text.utf8))
                templates[name] = try? Template(name: name, text: text)
            }
            // The site renders only template sets that pass the check; the renderer is bounded even without it
            // for sets that cannot branch, so sets that fail are rendered when they hold no more than one template.
            var nesting = TemplateNesting(templates: templates, sources: sources, limits: Limits(), log: DiagnosticLog())
            let passed = nesting.check()
            guard passed || templates.count <= 1 else { continue }
            let renderer = TemplateRenderer(templates: templates)
            for name in templates.keys { rendered += renderer.render(name, value: values).count }
        }
        #expect(rendered > 0)
        #expect(clock.now - start < .seconds(60))
    }
}
