import Testing
@testable import TimelineBuild
@testable import TimelineContent
@testable import TimelineCore
@testable import TimelineMarkdown
@testable import TimelineSite
import TimelineTesting

/// The template engine follows the Mustache specification (interpolation, sections, inverted sections,
/// comments, partials, delimiters, inheritance, standalone lines), with swift-mustache's functions.
@Suite struct TemplateTests {
    private func render(_ text: String, _ values: TemplateValue = [:], partials: [String: String] = [:]) throws -> String {
        var templates = ["main": try Template(name: "main", text: text)]
        for (name, partial) in partials { templates[name] = try Template(name: name, text: partial) }
        return String(decoding: TemplateRenderer(templates: templates).render("main", value: values), as: UTF8.self)
    }

    private func error(_ text: String) -> TemplateError? {
        do {
            _ = try Template(name: "main", text: text)
            return nil
        } catch {
            return error
        }
    }

    @Test func interpolatesEscapedAndRawValues() throws {
        let values: TemplateValue = ["name": "<b>\"Tom\" & 'Jo'</b>", "count": 3, "ratio": 2.5, "yes": true]
        #expect(try render("{{name}}", values) == "&lt;b&gt;&quot;Tom&quot; &amp; &#39;Jo&#39;&lt;/b&gt;")
        #expect(try render("{{{name}}}|{{&name}}|{{ name }}", values).hasPrefix("<b>\"Tom\" & 'Jo'</b>|<b>"))
        #expect(try render("{{count}} {{ratio}} {{yes}} [{{missing}}]", values) == "3 2.5 true []")
    }

    @Test func resolvesDottedNamesThroughTheContextStack() throws {
        let values: TemplateValue = ["a": ["b": ["c": "deep"]], "site": ["title": "T"], "items": [["x": 1], ["x": 2]]]
        #expect(try render("{{a.b.c}}/{{a.b.missing}}/{{#items}}{{x}}{{site.title}}{{/items}}", values) == "deep//1T2T")
        #expect(try render("{{#a}}{{#b}}{{c}}{{/b}}{{/a}}", values) == "deep")
        #expect(try render("{{#items}}({{.}}){{/items}}", ["items": ["a", "b"]]) == "(a)(b)")
    }

    @Test func rendersSectionsForTruthyValuesOnly() throws {
        let values: TemplateValue = ["yes": true, "no": false, "empty": [], "text": "t", "blank": "", "object": ["k": "v"]]
        #expect(try render("{{#yes}}Y{{/yes}}{{#no}}N{{/no}}{{#empty}}E{{/empty}}{{#missing}}M{{/missing}}", values) == "Y")
        #expect(try render("{{^yes}}Y{{/yes}}{{^no}}N{{/no}}{{^empty}}E{{/empty}}{{^missing}}M{{/missing}}", values) == "NEM")
        #expect(try render("{{#text}}[{{.}}]{{/text}}{{#blank}}B{{/blank}}{{#object}}{{k}}{{/object}}", values) == "[t]v")
    }

    @Test func offersSwiftMustacheFunctions() throws {
        let values: TemplateValue = ["list": ["a", "b", "c"], "none": []]
        #expect(try render("{{#list}}{{.}}{{^last()}}, {{/last()}}{{/list}}", values) == "a, b, c")
        #expect(try render("{{#list}}{{index()}}{{#first()}}*{{/first()}}{{#even()}}e{{/even()}}{{/list}}", values) == "0*e12e")
        #expect(try render("{{^empty(list)}}<ul>{{/empty(list)}}{{^empty(none)}}<ol>{{/empty(none)}} {{count(list)}}", values) == "<ul> 3")
    }

    @Test func removesStandaloneLines() throws {
        let text = "<ul>\n  {{#list}}\n  <li>{{.}}</li>\n  {{/list}}\n  {{! a comment }}\n</ul>\n"
        #expect(try render(text, ["list": ["a", "b"]]) == "<ul>\n  <li>a</li>\n  <li>b</li>\n</ul>\n")
        // A tag sharing its line with text or another tag is not standalone.
        #expect(try render("a {{#t}}b{{/t}}\n{{#t}}{{/t}} x\n", ["t": true]) == "a b\n x\n")
        #expect(try render("x\r\n{{#t}}\r\ny\r\n{{/t}}\r\n", ["t": true]) == "x\r\ny\r\n")
    }

    @Test func indentsStandalonePartials() throws {
        let partials = ["item": "<li>{{v}}</li>\n<li>again</li>\n"]
        #expect(try render("<ul>\n  {{>item}}\n</ul>\n", ["v": "x"], partials: partials) == "<ul>\n  <li>x</li>\n  <li>again</li>\n</ul>\n")
        #expect(try render("[{{>inline}}]", ["v": "x"], partials: ["inline": "{{v}}"]) == "[x]")
    }

    @Test func changesDelimiters() throws {
        #expect(try render("{{=<% %>=}}<% name %> {{name}} <%={{ }}=%>{{name}}", ["name": "n"]) == "n {{name}} n")
    }

    @Test func inheritsFromParents() throws {
        let partials = [
            "layout": "<h1>{{$title}}Default{{/title}}</h1>\n{{$body}}\nNo body\n{{/body}}\n",
            "middle": "{{<layout}}{{$title}}Middle{{/title}}{{/layout}}",
        ]
        let rendered = try render("{{<layout}}{{$body}}\nBody {{v}}\n{{/body}}{{/layout}}", ["v": 1], partials: partials)
        #expect(rendered == "<h1>Default</h1>\nBody 1\n", "\(rendered.debugDescription)")
        // The outermost override wins.
        #expect(try render("{{<middle}}{{$title}}Outer{{/title}}{{/middle}}", partials: partials) == "<h1>Outer</h1>\nNo body\n")
        #expect(try render("{{<middle}}{{/middle}}", partials: partials) == "<h1>Middle</h1>\nNo body\n")
    }

    @Test func reportsSyntaxErrorsWithLineAndColumn() {
        #expect(error("a\n{{#list}}\n{{/other}}") == TemplateError(message: "'{{/other}}' closes a section opened as 'list' at line 2", line: 3, column: 1))
        #expect(error("{{#list}}\nnever closed") == TemplateError(message: "section 'list' is never closed", line: 1, column: 1))
        #expect(error("x {{/list}}") == TemplateError(message: "'{{/list}}' closes a section that was never opened", line: 1, column: 3))
        #expect(error("été {{name") == TemplateError(message: "tag is never closed with '}}'", line: 1, column: 5))
        #expect(error("{{#upper(x)}}{{/upper(x)}}")?.message.hasPrefix("unknown function 'upper(x)'") == true)
        #expect(error("{{}}") == TemplateError(message: "tag has no name", line: 1, column: 1))
        #expect(error("{{a..b}}") == TemplateError(message: "'a..b' is not a valid name", line: 1, column: 1))
    }

    @Test func namesThePartialsItUses() throws {
        let template = try Template(name: "t", text: "x\n  {{> head}}\n{{<layout}}{{$b}}{{>inner}}{{/b}}{{/layout}}")
        #expect(template.references.map(\.name) == ["head", "layout", "inner"])
        #expect(template.references.map(\.line) == [2, 3, 3])
    }
}
