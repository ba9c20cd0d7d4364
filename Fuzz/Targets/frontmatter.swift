// Fuzz target: splitting a note into front matter and body, then reading the front matter as YAML.
@testable import TimelineContent
@testable import TimelineCore
@testable import TimelineMarkdown
import TimelineTesting
import Yams

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzFrontMatter(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let raw = Array(UnsafeBufferPointer(start: data, count: size))
    // The reader refuses what is not UTF-8 text before splitting; so does the target.
    guard ContentFiles.encodingProblem(raw) == nil else { return 0 }
    // The bytes as they are (only crashes count), then as the reader passes them on, with LF line endings.
    check(raw, placesMatter: false)
    check(ContentFiles.unixLineEndings(raw), placesMatter: true)
    return 0
}

private func check(_ bytes: [UInt8], placesMatter: Bool) {
    let file = SourceText(path: "Content/entries/fuzz.md", bytes: bytes)
    switch FrontMatter.split(file) {
    case .failure(let diagnostic):
        precondition(diagnostic.severity == .error)
    case .success(let parts):
        precondition(parts.yaml.lowerBound >= 0 && parts.yaml.upperBound <= bytes.count)
        precondition(parts.body.lowerBound >= parts.yaml.upperBound && parts.body.upperBound == bytes.count)
        let log = DiagnosticLog()
        let document = YAMLDocument(file: file, range: parts.yaml, firstLine: parts.yamlFirstLine)
        // Front matter read directly is read as Yams reads it, node for node.
        if let plain = PlainYAML.root(file.bytes, in: parts.yaml) {
            let parser = try? Parser(yaml: file.string(parts.yaml), resolver: .basic, constructor: Constructor([:], [:], [:]), encoding: .utf8)
            let yams = (try? parser?.singleRoot()).flatMap { $0 }.map { root in withExtendedLifetime(parser) { YAMLDocument.node(root) } }
            precondition(plain == yams, "\(plain) != \(String(describing: yams))")
        }
        if let node = document.root(log: log), let fields = FieldReader(node, in: document, subject: "entry", log: log) {
            fields.rejectUnknownFields(["title", "date"])
            _ = fields.string("title")
            _ = fields.date("date")
            _ = fields.citations("sources")
            _ = fields.references("topics")
            _ = fields.number("value")
            _ = fields.integer("menu")
            _ = fields.bool("flag")
            _ = fields.mappings("corrections")
        }
        for diagnostic in log.diagnostics {
            precondition(diagnostic.location.path == file.path)
            // Every place is a line of the file, and a column of that line or just after its end.
            if placesMatter, diagnostic.location.line > 0 {
                let line = diagnostic.location.line
                precondition(line <= file.lineStarts.count, "\(diagnostic)")
                let length = SourceText.scalarCount(file.bytes[file.lineRange(line)])
                precondition(diagnostic.location.column >= 1 && diagnostic.location.column <= length + 1, "\(diagnostic)")
            }
        }
    }
}
