import TimelineCore

/// A Mustache template compiled to a tree of nodes, rendered straight into bytes.
///
/// The language is Mustache's (mustache.github.io): variables `{{name}}` (escaped) and `{{{name}}}` /
/// `{{&name}}` (not escaped), sections `{{#name}}…{{/name}}`, inverted sections `{{^name}}…{{/name}}`,
/// comments `{{! … }}`, partials `{{>name}}`, changed delimiters `{{=<% %>=}}`, and template inheritance
/// with parents `{{<name}}…{{/name}}` and blocks `{{$name}}…{{/name}}`, with the specification's rules for
/// standalone lines and partial indentation. Extensions, as swift-mustache has them: `empty(name)` is true when
/// `name` is missing, false or an empty list, so `{{^empty(list)}}…{{/empty(list)}}` wraps a list only when it
/// has items; `count(list)` is a list's length; and inside a list, `first()`, `last()`, `even()`, `odd()` and
/// `index()` (counting from 0) describe the current item, as in `{{^last()}}, {{/last()}}`.
struct Template: Sendable {
    /// A dotted name, split once: `entry.title` is `["entry", "title"]`; `.` is the empty path.
    typealias Path = [TemplateName]

    /// What a tag's name asks for: a value, or a fact about a value or about the list being iterated.
    enum Lookup: Sendable, Equatable {
        case value(Path)
        case empty(Path)
        case count(Path)
        case first, last, even, odd, index
    }

    indirect enum Node: Sendable {
        case text([UInt8])
        case variable(Lookup, escaped: Bool)
        case section(Lookup, inverted: Bool, children: [Node])
        case partial(String, indentation: [UInt8], line: Int, column: Int)
        /// `{{<name}}`: the named template rendered with these blocks overriding its own.
        case parent(String, blocks: [String: [Node]], indentation: [UInt8], line: Int, column: Int)
        /// `{{$name}}`: an overridable block with its default content.
        case block(String, children: [Node])
    }

    let name: String
    let nodes: [Node]
}

/// Why a template could not be compiled, and where.
struct TemplateError: Error, Sendable, Equatable {
    var message: String
    var line: Int
    var column: Int
    var id: DiagnosticID = .templateSyntax
}

extension Template {
    /// The partials and parents the template names, with where, in the order written.
    var references: [(name: String, line: Int, column: Int)] {
        var found: [(String, Int, Int)] = []
        func visit(_ nodes: [Node]) {
            for node in nodes {
                switch node {
                case .partial(let name, _, let line, let column): found.append((name, line, column))
                case .parent(let name, let blocks, _, let line, let column):
                    found.append((name, line, column))
                    for key in blocks.keys.sorted() { visit(blocks[key]!) }
                case .section(_, _, let children), .block(_, let children): visit(children)
                case .text, .variable: break
                }
            }
        }
        visit(nodes)
        return found
    }
}
