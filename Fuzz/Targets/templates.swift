// Fuzz target: the template engine. The input is split at NUL bytes into up to four templates, `a` to `d`,
// that may use one another as partials and parents; loading them either reports what is wrong at a place
// inside a template, or gives a set that renders every template against a small model, within bounded depth.
@testable import TimelineContent
@testable import TimelineCore
@testable import TimelineSite
import TimelineTesting

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzTemplates(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    let names = ["a", "b", "c", "d"]
    let parts = bytes.split(separator: 0, maxSplits: names.count - 1, omittingEmptySubsequences: false)
    var templates: [String: Template] = [:]
    var sources: [String: SourceText] = [:]
    for (name, part) in zip(names, parts) {
        let text = String(decoding: part, as: UTF8.self)
        sources[name] = SourceText(path: name, bytes: Array(part))
        do {
            templates[name] = try Template(name: name, text: text)
        } catch {
            // A syntax error points inside its template.
            precondition(error.line >= 1 && error.column >= 1, "error at \(error.line):\(error.column)")
            precondition(error.line <= text.utf8.count + 1, "line \(error.line) past the end")
        }
    }
    let log = DiagnosticLog()
    var nesting = TemplateNesting(templates: templates, sources: sources, limits: Limits(), log: log)
    guard nesting.check() else {
        precondition(!log.diagnostics.isEmpty, "a set refused without a diagnostic")
        return 0
    }
    let renderer = TemplateRenderer(templates: templates)
    for name in names where templates[name] != nil { _ = renderer.render(name, FuzzModel()) }
    return 0
}

/// A model with a value of every kind, holding models like itself three levels deep, as page models hold
/// entries that hold sources. Its lists have one item: sections over a list nested in sections over a list
/// render once per item of each, as Mustache does, so that lists of two would let 100 nested sections take
/// 2^100 steps; the target looks for faults of the engine, not for the product of nested lists.
struct FuzzModel: TemplateObject {
    var level = 0

    func value(of field: TemplateName) -> TemplateValue? {
        let inner = FuzzModel(level: level + 1)
        switch field.text {
        case "v", "title": return .text("<x> & \"y\"")
        case "n", "count": return .integer(3)
        case "ratio": return .number(2.5)
        case "yes": return .bool(true)
        case "no": return .bool(false)
        case "o", "site", "page": return level < 3 ? .object(inner) : nil
        case "list", "entries", "items": return level < 3 ? .list([.object(inner)]) : nil
        case "texts": return .list([.text("t")])
        case "none": return .list([])
        default: return nil
        }
    }
}
