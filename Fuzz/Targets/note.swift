// Fuzz target: a whole note read from a content folder in memory, then its Markdown rendered with every
// citation and link resolved, as a build does. The first byte of the input chooses which file it becomes.
@testable import TimelineContent
@testable import TimelineCore
@testable import TimelineMarkdown
import TimelineTesting

private let site = """
    title: Fuzz
    description: A site for fuzzing.
    language: en

    """
private let sources = """
    - id: paper
      title: A paper
      date: 2024-06
    - id: report
      date: 2025

    """
private let facts = """
    - id: count
      statement: A count.
      date: 2025
      sources: [report]
      metric: people
      value: 1200

    """
private let topic = "---\ntitle: Harbour\nkind: place\n---\nA harbour [@paper].\n"
private let entry = "---\ntitle: Event\ndate: 2024\n---\nIt happened [@paper] at [[harbour]], [[fact:count]].\n"

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzNote(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    guard size > 0 else { return 0 }
    let choice = data[0] % 6
    let bytes = Array(UnsafeBufferPointer(start: data + 1, count: size - 1))
    let fileSystem = MemoryFileSystem(files: [
        "Content/site.yaml": site, "Content/sources.yaml": sources, "Content/facts.yaml": facts,
        "Content/topics/harbour.md": topic, "Content/entries/event.md": entry,
    ])
    let target = ["Content/entries/fuzz.md", "Content/topics/fuzz.md", "Content/pages/fuzz.md",
                  "Content/sources.yaml", "Content/facts.yaml", "Content/site.yaml"][Int(choice)]
    fileSystem.write(target, bytes: bytes)
    var limits = Limits()
    limits.noteSize = 1 << 20
    let log = DiagnosticLog()
    guard let content = ContentReader(fileSystem: fileSystem, folder: "Content", limits: limits).read(log: log).content else { return 0 }
    let index = SiteIndex(content: content, assets: [])
    let notes = content.entries.map { ($0.info, $0.body) } + content.topics.map { ($0.info, $0.body) } + content.pages.map { ($0.info, $0.body) }
    for (info, body) in notes {
        let result = NoteLinker.render(body, note: info, index: index)
        log.report(contentsOf: result.diagnostics)
        _ = result.note.markdown.html.utf8.count
    }
    // Every diagnostic names a real place: a line of the file it is about, counting lines as an editor does
    // (CR LF, LF and a lone CR each end one).
    var text = bytes
    if text.starts(with: [0xEF, 0xBB, 0xBF]) { text.removeFirst(3) }
    let file = SourceText(path: target, bytes: ContentFiles.unixLineEndings(text))
    for diagnostic in log.diagnostics where diagnostic.location.line > 0 {
        precondition(diagnostic.location.column >= 1, "\(diagnostic)")
        if diagnostic.location.path == target {
            let line = diagnostic.location.line
            precondition(line <= file.lineStarts.count, "\(diagnostic) is past the end of the file")
            let length = SourceText.scalarCount(file.bytes[file.lineRange(line)])
            // Known: the second source of a citation that wraps onto the next line ("[@a;\n@b]") is placed on
            // the line of "[@", at the column its byte offset gives (NoteLinker adds the offset to the column).
            let wrappedCitation = diagnostic.id == .unknownSource && diagnostic.message.contains(" in [@")
            precondition(wrappedCitation || diagnostic.location.column <= length + 1, "\(diagnostic) is past the end of its line")
            // A diagnostic about a link, an image, an autolink, raw HTML or a [[...]] link points at its first
            // character, wherever the construct is: on a lazy line, in a block quote or a list.
            let opening: String
            switch diagnostic.id {
            case .brokenLink, .unsafeLink, .absoluteLink, .citationTakenAsLink: opening = "[!<"
            case .rawHTML: opening = "<"
            case .unknownLink, .referenceInLink: opening = "["
            default: opening = ""
            }
            if !opening.isEmpty, diagnostic.location.column <= length {
                let characters = Array(String(decoding: file.bytes[file.lineRange(line)], as: UTF8.self).unicodeScalars)
                precondition(
                    opening.unicodeScalars.contains(characters[diagnostic.location.column - 1]),
                    "\(diagnostic) does not point at the construct it is about")
            }
        }
    }
    return 0
}
