import CCMark
import TimelineCore
#if canImport(Glibc)
import Glibc
#endif

/// The one place that calls libcmark: parses a body with source positions, replaces citations and
/// `[[...]]` links with resolved HTML, lets the resolver check every link, renders HTML and frees
/// every C object before returning. Nothing else in the project imports cmark.
enum CommonMarkRenderer {
    struct Options: Hashable, Sendable {
        var allowHTML = false
        var smartPunctuation = true
    }

    static func render(_ body: MarkdownBody, options: Options, resolver: inout some MarkdownResolver) -> RenderedMarkdown {
        var parseOptions = CMARK_OPT_SOURCEPOS
        if options.smartPunctuation { parseOptions |= CMARK_OPT_SMART }
        let renderOptions = options.allowHTML ? CMARK_OPT_UNSAFE : CMARK_OPT_SAFE
        let (bytes, range) = (body.file.bytes, body.range)
        guard let document = bytes.withUnsafeBufferPointer({ buffer in
            buffer.baseAddress.map { base in
                base.withMemoryRebound(to: CChar.self, capacity: buffer.count) {
                    cmark_parse_document($0 + range.lowerBound, range.count, parseOptions)
                }
            } ?? cmark_parse_document("", 0, parseOptions)
        }) else {
            return RenderedMarkdown(html: "", text: "")
        }
        defer { cmark_node_free(document) }
        cmark_consolidate_text_nodes(document)

        var walker = Walker(body: body, options: options, positions: positions(of: document, body: body))
        for item in walker.collect(document) {
            switch item {
            case .text(let run, let container): walker.replaceReferences(in: run, inside: container, resolver: &resolver)
            case .link(let node, let isImage): walker.checkLink(node, isImage: isImage, resolver: &resolver)
            case .html(let node):
                if !options.allowHTML {
                    resolver.report(.warning(
                        .rawHTML, "raw HTML is left out of the page; set 'allow_html: true' in site.yaml to keep it",
                        at: walker.location(of: node)))
                }
            }
        }
        walker.findHiddenCitations(document, resolver: &resolver)
        for (paragraph, html) in walker.figures {
            guard let figure = cmark_node_new(CMARK_NODE_CUSTOM_BLOCK) else { continue }
            cmark_node_set_on_enter(figure, html)
            cmark_node_set_on_exit(figure, "")
            cmark_node_replace(paragraph, figure)
            cmark_node_free(paragraph)
        }
        let text = walker.plainText(document)
        guard let rendered = cmark_render_html(document, renderOptions) else { return RenderedMarkdown(html: "", text: text) }
        defer { free(rendered) }
        return RenderedMarkdown(html: HTML.removingControlCharacters(String(cString: rendered)), text: text)
    }

    /// Tells ``InlinePositions`` every paragraph and heading and every inline node, in document order.
    static func positions(of document: OpaquePointer, body: MarkdownBody) -> InlinePositions {
        var positions = InlinePositions(body: body)
        let iterator = cmark_iter_new(document)
        defer { cmark_iter_free(iterator) }
        while case let event = cmark_iter_next(iterator), event != CMARK_EVENT_DONE {
            guard let node = cmark_iter_get_node(iterator) else { continue }
            let type = cmark_node_get_type(node)
            if event == CMARK_EVENT_EXIT, type == CMARK_NODE_LINK || type == CMARK_NODE_IMAGE {
                var leaf = node
                while let child = cmark_node_last_child(leaf) { leaf = child }
                let only = leaf == cmark_node_first_child(node) ? cmark_node_get_literal(leaf).map { String(cString: $0) } : nil
                positions.exitLink(
                    leaf: Self.start(of: leaf), end: (Int(cmark_node_get_end_line(node)), Int(cmark_node_get_end_column(node))),
                    onlyText: only, url: cmark_node_get_url(node).map { String(cString: $0) }, textEndsWithSoftBreak: cmark_node_get_type(leaf) == CMARK_NODE_SOFTBREAK)
            }
            guard event == CMARK_EVENT_ENTER else { continue }
            if type == CMARK_NODE_PARAGRAPH || type == CMARK_NODE_HEADING {
                var (quotes, top) = (0, node)
                while let container = cmark_node_parent(top), cmark_node_get_type(container) != CMARK_NODE_DOCUMENT {
                    if cmark_node_get_type(container) == CMARK_NODE_BLOCK_QUOTE { quotes += 1 }
                    top = container
                }
                let endLine = Int(cmark_node_get_end_line(node))
                positions.enterBlock(
                    line: Int(cmark_node_get_start_line(node)), column: Int(cmark_node_get_start_column(node)), endLine: endLine,
                    textEnd: type == CMARK_NODE_HEADING ? endLine - 1 : endLine, top: Int(cmark_node_get_start_line(top)),
                    quotes: quotes, holdsBlock: holdsBlock)
            } else if type.rawValue >= CMARK_NODE_FIRST_INLINE.rawValue, type.rawValue <= CMARK_NODE_LAST_INLINE.rawValue {
                let start = Self.start(of: node)
                // libcmark places a code span, and the text of backticks that open none, after the backticks.
                let literal = type == CMARK_NODE_TEXT ? cmark_node_get_literal(node) : nil
                let opensWithBackticks = literal.map { $0.pointee == 0x60 } == true
                var inline = InlinePositions.Start(
                    line: start.line, column: start.column, isCode: type == CMARK_NODE_CODE || opensWithBackticks,
                    endLine: cmark_node_first_child(node) == nil ? Int(cmark_node_get_end_line(node)) : 0,
                    isBreak: type == CMARK_NODE_LINEBREAK, isSoftBreak: type == CMARK_NODE_SOFTBREAK,
                    leadingSpaces: literal.map { text in (0...).prefix { text[$0] == 0x20 || text[$0] == 0x09 }.count } ?? 0)
                if type == CMARK_NODE_HTML_INLINE || type == CMARK_NODE_CODE {
                    // The spaces the last line starts with, which only the tag's text keeps.
                    let text = type == CMARK_NODE_HTML_INLINE ? cmark_node_get_literal(node).map { String(cString: $0) } ?? "" : ""
                    let last = text.utf8.split(separator: 0x0A, omittingEmptySubsequences: false).last ?? []
                    inline.runsTo = (Int(cmark_node_get_end_line(node)), last.prefix { $0 == 0x20 || $0 == 0x09 }.count)
                }
                positions.enterInline(inline)
            }
        }
        return positions
    }

    /// Whether some text, parsed alone, has a paragraph or heading that starts at a line and column: none
    /// does where the text there is nothing but link reference definitions, which libcmark takes out.
    static func holdsBlock(_ text: ArraySlice<UInt8>, line: Int, column: Int) -> Bool {
        guard let document = text.withUnsafeBytes({ cmark_parse_document($0.baseAddress?.assumingMemoryBound(to: CChar.self), $0.count, 0) })
        else { return false }
        defer { cmark_node_free(document) }
        let iterator = cmark_iter_new(document)
        defer { cmark_iter_free(iterator) }
        while case let event = cmark_iter_next(iterator), event != CMARK_EVENT_DONE {
            guard event == CMARK_EVENT_ENTER, let node = cmark_iter_get_node(iterator),
                  cmark_node_get_start_line(node) == line, cmark_node_get_start_column(node) == column else { continue }
            if cmark_node_get_type(node) == CMARK_NODE_PARAGRAPH || cmark_node_get_type(node) == CMARK_NODE_HEADING { return true }
        }
        return false
    }

    /// Where libcmark places the start of a node. A link or image is placed by its text, on the line of its
    /// `[` (libcmark gives it the line of its `]`); one that starts with text, one or two bytes after its `[`,
    /// `<` or `![` and the backticks its text opens with (libcmark places text after backticks opening no code
    /// span), which also places an autolink right (libcmark counts an autolink's own column from the start of
    /// the paragraph, its text's as any other). One whose text starts with a line break is not placed (column 0).
    static func start(of node: OpaquePointer) -> (line: Int, column: Int) {
        let type = cmark_node_get_type(node), child = cmark_node_first_child(node)
        if type == CMARK_NODE_LINK || type == CMARK_NODE_IMAGE, let child, cmark_node_get_start_column(child) > 0 {
            let line = Int(cmark_node_get_start_line(child))
            guard cmark_node_get_type(child) == CMARK_NODE_TEXT, let literal = cmark_node_get_literal(child) else { return (line, Int(cmark_node_get_start_column(node))) }
            let backticks = (0...).first { literal[$0] != 0x60 } ?? 0
            return (line, Int(cmark_node_get_start_column(child)) - (type == CMARK_NODE_IMAGE ? 2 : 1) - backticks)
        }
        let unplaced = (type == CMARK_NODE_LINK || type == CMARK_NODE_IMAGE) && child.map { cmark_node_get_start_column($0) == 0 } == true
        return (Int(cmark_node_get_start_line(node)), unplaced ? 0 : Int(cmark_node_get_start_column(node)))
    }

    /// Walks one document's tree; lives only inside ``render``.
    private struct Walker {
        enum Item {
            /// Text nodes and the soft line breaks between them, so a reference may wrap onto the next line,
            /// with the link or image whose text they are, if any.
            case text([OpaquePointer], inside: OpaquePointer?)
            case link(OpaquePointer, isImage: Bool)
            case html(OpaquePointer)
        }

        let body: MarkdownBody
        let options: Options
        let positions: InlinePositions
        /// Plain text of the nodes that replaced references, found through each node's user data.
        var replacementTexts: [String] = []
        /// Paragraphs that hold only an image of `media/`, with the figure that takes their place once the walk is over.
        var figures: [(paragraph: OpaquePointer, html: String)] = []

        /// The nodes to look at, in document order, each run of text with the innermost link or image it is in.
        func collect(_ document: OpaquePointer) -> [Item] {
            var items: [Item] = []
            var links: [OpaquePointer] = []
            var run: [OpaquePointer] = []
            func endRun() {
                if run.contains(where: { cmark_node_get_type($0) == CMARK_NODE_TEXT }) { items.append(.text(run, inside: links.last)) }
                run = []
            }
            let iterator = cmark_iter_new(document)
            defer { cmark_iter_free(iterator) }
            while case let event = cmark_iter_next(iterator), event != CMARK_EVENT_DONE {
                guard let node = cmark_iter_get_node(iterator) else { continue }
                let type = cmark_node_get_type(node)
                if type == CMARK_NODE_TEXT || type == CMARK_NODE_SOFTBREAK {
                    // A run continues only while its nodes follow one another under one parent.
                    if let last = run.last, cmark_node_next(last) != node { endRun() }
                    run.append(node)
                    continue
                }
                endRun()
                switch (type, event) {
                case (CMARK_NODE_LINK, CMARK_EVENT_ENTER), (CMARK_NODE_IMAGE, CMARK_EVENT_ENTER):
                    links.append(node)
                    items.append(.link(node, isImage: type == CMARK_NODE_IMAGE))
                case (CMARK_NODE_LINK, CMARK_EVENT_EXIT), (CMARK_NODE_IMAGE, CMARK_EVENT_EXIT):
                    links.removeLast()
                case (CMARK_NODE_HTML_BLOCK, _), (CMARK_NODE_HTML_INLINE, _):
                    items.append(.html(node))
                default:
                    break
                }
            }
            endRun()
            return items
        }

        /// Where a node starts in the note's file. libcmark places a link or image whose text starts with a line
        /// break by a later line: its `[` ends the line before its first placed child's, a line for each break.
        func location(of node: OpaquePointer) -> SourceLocation {
            let start = CommonMarkRenderer.start(of: node)
            let here = positions.location(line: start.line, column: start.column)
            var (breaks, child) = (0, cmark_node_first_child(node))
            while let current = child, [CMARK_NODE_SOFTBREAK, CMARK_NODE_LINEBREAK].contains(cmark_node_get_type(current)) { (breaks, child) = (breaks + 1, cmark_node_next(current)) }
            guard breaks > 0, let child, [CMARK_NODE_LINK, CMARK_NODE_IMAGE].contains(cmark_node_get_type(node)) else { return here }
            let text = CommonMarkRenderer.start(of: child), line = positions.location(line: text.line, column: text.column).line - breaks
            return CommonMarkRenderer.opening(endingLine: line, of: body.file, isImage: cmark_node_get_type(node) == CMARK_NODE_IMAGE) ?? here
        }

        /// Replaces every reference in a run of text by new nodes: the text around it, and the resolved HTML. In
        /// the text of a link or image, where no link or citation can be placed, each reference is checked and
        /// reported instead, and the text is left as written.
        mutating func replaceReferences(in run: [OpaquePointer], inside container: OpaquePointer?, resolver: inout some MarkdownResolver) {
            // Most runs hold no reference, which starts with "[": they are passed over without copying their text.
            guard run.contains(where: { cmark_node_get_literal($0).map { strchr($0, 0x5B) != nil } ?? false }) else { return }
            // The run's text, soft line breaks as "\n", with where each node's text starts.
            var utf8: [UInt8] = []
            var starts: [(offset: Int, node: OpaquePointer)] = []
            for node in run {
                starts.append((utf8.count, node))
                if cmark_node_get_type(node) == CMARK_NODE_SOFTBREAK {
                    utf8.append(0x0A)
                } else if let literal = cmark_node_get_literal(node) {
                    utf8.append(contentsOf: String(cString: literal).utf8)
                }
            }
            let found = InlineReferenceScanner.scan(String(decoding: utf8, as: UTF8.self))
            guard !found.isEmpty else { return }

            var pieces: [(html: String?, text: String)] = []
            var copied = 0
            var searchFrom: [Int: Int] = [:]
            /// Where a byte of the run's text is written in the file: in the node it belongs to, as far into it.
            func fileOffset(_ runOffset: Int) -> Int {
                let owner = starts.last { $0.offset <= runOffset }!
                let (line, column) = (Int(cmark_node_get_start_line(owner.node)), Int(cmark_node_get_start_column(owner.node)))
                let nodeStart = positions.offset(line: line, column: column)
                return min(nodeStart + runOffset - owner.offset, positions.lineRange(line: line, column: column).upperBound)
            }
            for scanned in found {
                // The node the reference starts in, and where that node's text is written in the file.
                let owner = starts.last { $0.offset <= scanned.range.lowerBound }!
                let begin = (line: Int(cmark_node_get_start_line(owner.node)), column: Int(cmark_node_get_start_column(owner.node)))
                let line = positions.bodyLine(line: begin.line, column: begin.column) + body.firstLine - 1
                let lineRange = body.file.lineRange(line)
                let nodeStart = positions.offset(line: begin.line, column: begin.column)
                // The node's own text on this line: the only place the reference can be written.
                var nodeEnd = lineRange.upperBound
                let end = (line: Int(cmark_node_get_end_line(owner.node)), column: Int(cmark_node_get_end_column(owner.node)))
                if positions.bodyLine(line: end.line, column: end.column) + body.firstLine - 1 == line {
                    nodeEnd = min(positions.offset(line: end.line, column: end.column) + 1, lineRange.upperBound)
                }
                var start = nodeStart + scanned.range.lowerBound - owner.offset
                // Find the reference as written, to point at it exactly and to honour a backslash escape.
                let raw = Array(utf8[scanned.range].prefix { $0 != 0x0A })
                if let written = CommonMarkRenderer.find(raw, in: body.file.bytes, from: max(searchFrom[line] ?? nodeStart, nodeStart), to: nodeEnd) {
                    start = written.lowerBound
                    searchFrom[line] = written.upperBound
                    if written.lowerBound > lineRange.lowerBound, body.file.bytes[written.lowerBound - 1] == UInt8(ascii: "\\") { continue }
                }
                if let problem = scanned.problem {
                    resolver.report(Diagnostic(problem.severity, problem.id, problem.message, at: body.file.location(ofOffset: start + problem.offset)))
                    continue
                }
                guard let reference = scanned.reference else { continue }
                if scanned.range.lowerBound > copied {
                    pieces.append((nil, String(decoding: utf8[copied..<scanned.range.lowerBound], as: UTF8.self)))
                }
                var items: [SourceLocation] = []
                if case .citation(let cited) = reference {
                    items = cited.map { item in
                        let runOffset = scanned.range.lowerBound + item.offset
                        let onFirstLine = !utf8[scanned.range.lowerBound..<runOffset].contains(0x0A)
                        return body.file.location(ofOffset: onFirstLine ? start + item.offset : fileOffset(runOffset))
                    }
                }
                if let container {
                    resolver.check(reference.unwrapped, at: body.file.location(ofOffset: start), items: items)
                    let message = cmark_node_get_type(container) == CMARK_NODE_IMAGE
                        ? "a citation or [[...]] link cannot be placed in an image's description; put it after the image"
                        : "a citation or [[...]] link cannot be placed in the text of another link; put it after the link"
                    resolver.report(.error(.referenceInLink, message, at: body.file.location(ofOffset: start)))
                    continue
                }
                let resolved = resolver.resolve(reference.unwrapped, at: body.file.location(ofOffset: start), items: items)
                pieces.append((resolved.html, resolved.text))
                copied = scanned.range.upperBound
            }
            guard pieces.contains(where: { $0.html != nil }) else { return }
            if copied < utf8.count { pieces.append((nil, String(decoding: utf8[copied...], as: UTF8.self))) }
            let anchor = run[0]
            for piece in pieces {
                if let html = piece.html {
                    let replacement = cmark_node_new(CMARK_NODE_CUSTOM_INLINE)
                    cmark_node_set_on_enter(replacement, html)
                    cmark_node_set_on_exit(replacement, "")
                    replacementTexts.append(piece.text)
                    cmark_node_set_user_data(replacement, UnsafeMutableRawPointer(bitPattern: replacementTexts.count))
                    cmark_node_insert_before(anchor, replacement)
                    continue
                }
                // Plain text, with its soft line breaks restored: each line feed, found by its byte, stands for one.
                var text = piece.text
                text.withUTF8 { bytes in
                    var start = 0
                    for end in 0...bytes.count where end == bytes.count || bytes[end] == 0x0A {
                        if start > 0 { cmark_node_insert_before(anchor, cmark_node_new(CMARK_NODE_SOFTBREAK)) }
                        if end > start {
                            let node = cmark_node_new(CMARK_NODE_TEXT)
                            cmark_node_set_literal(node, String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self))
                            cmark_node_insert_before(anchor, node)
                        }
                        start = end + 1
                    }
                }
            }
            for node in run { cmark_node_free(node) }
        }

        mutating func checkLink(_ node: OpaquePointer, isImage: Bool, resolver: inout some MarkdownResolver) {
            // `[@a]` is a link, not a citation, when a link reference definition `[@a]: …` names it.
            // Written with its address in place, `[@a](url)`, it is a link whose text starts with '@'.
            if !isImage, let child = cmark_node_first_child(node), cmark_node_get_type(child) == CMARK_NODE_TEXT,
               let literal = cmark_node_get_literal(child), String(cString: literal).hasPrefix("@") {
                let label = String(cString: literal)
                let (line, column) = (Int(cmark_node_get_start_line(node)), Int(cmark_node_get_start_column(node)))
                let lineRange = positions.lineRange(line: line, column: column)
                let start = positions.offset(line: line, column: column)
                let close = start + 1 + label.utf8.count
                let inline = close + 1 < lineRange.upperBound && body.file.bytes[close] == UInt8(ascii: "]") && body.file.bytes[close + 1] == UInt8(ascii: "(")
                resolver.report(.error(
                    .citationTakenAsLink,
                    inline
                        ? "[\(label)](…) is a link whose text starts with '@', not a citation; put the citation after the link: [its text](…) [\(label)]"
                        : "[\(label)] is read as a link, because a link reference definition '[\(label)]: …' names it; delete that definition so that it is a citation",
                    at: location(of: node)))
            }
            let destination = cmark_node_get_url(node).map { String(cString: $0) } ?? ""
            let text = isImage ? cmark_node_first_child(node).flatMap(cmark_node_get_literal).map { String(cString: $0) } : nil
            switch resolver.resolveLink(destination, isImage: isImage, text: text, at: location(of: node)) {
            case .address(let replacement): cmark_node_set_url(node, replacement)
            case .figure(let html): // a block, in place of a paragraph that holds the image alone
                if let parent = cmark_node_parent(node), cmark_node_get_type(parent) == CMARK_NODE_PARAGRAPH, cmark_node_first_child(parent) == node,
                   cmark_node_last_child(parent) == node {
                    figures.append((parent, html))
                } else {
                    let message = "an image of media/ stands in a paragraph of its own, where it shows with its caption and credit; put blank lines around it"
                    resolver.report(.error(.imageNotAlone, message, at: location(of: node)))
                }
            case nil: break
            }
        }

        /// Reports citations written in link reference definitions (`[label]: [@a]`), which CommonMark takes out
        /// of the page: lines no block covers, or that start one as definitions, that read as a definition with `[@`.
        func findHiddenCitations(_ document: OpaquePointer, resolver: inout some MarkdownResolver) {
            guard CommonMarkRenderer.mayHideCitations(body) else { return }
            var covered = Set<Int>()
            var child = cmark_node_first_child(document)
            while let node = child {
                let first = Int(cmark_node_get_start_line(node)), last = Int(cmark_node_get_end_line(node))
                if first > 0, last >= first { for line in first...last { covered.insert(line) } }
                child = cmark_node_next(node)
            }
            covered.subtract(positions.definitionLines)
            let message = "this line is a link reference definition, which is not shown, so the citation in it is lost; write it as a sentence"
            for citation in CommonMarkRenderer.citationsInDefinitions(of: body, outside: covered) {
                resolver.report(.warning(.hiddenCitation, message, at: body.file.location(ofOffset: citation)))
            }
        }

        /// The document's words, a block per line, with references replaced by their text, gathered as
        /// UTF-8 and made into text once, in storage of its own size.
        func plainText(_ document: OpaquePointer) -> String {
            var text: [UInt8] = []
            let iterator = cmark_iter_new(document)
            defer { cmark_iter_free(iterator) }
            while case let event = cmark_iter_next(iterator), event != CMARK_EVENT_DONE {
                guard let node = cmark_iter_get_node(iterator) else { continue }
                switch cmark_node_get_type(node) {
                case CMARK_NODE_TEXT, CMARK_NODE_CODE, CMARK_NODE_CODE_BLOCK:
                    if let literal = cmark_node_get_literal(node) { CommonMarkRenderer.append(cString: literal, to: &text) }
                case CMARK_NODE_CUSTOM_INLINE:
                    // A custom inline is a container, met on entering and on leaving: its text is taken once.
                    if event == CMARK_EVENT_ENTER, let data = cmark_node_get_user_data(node) {
                        let index = Int(bitPattern: data) - 1
                        if index >= 0, index < replacementTexts.count { text.append(contentsOf: replacementTexts[index].utf8) }
                    }
                case CMARK_NODE_SOFTBREAK, CMARK_NODE_LINEBREAK: text.append(0x20)
                case CMARK_NODE_PARAGRAPH, CMARK_NODE_HEADING, CMARK_NODE_ITEM:
                    if event == CMARK_EVENT_EXIT { CommonMarkRenderer.endBlock(&text) }
                default: break
                }
            }
            while CommonMarkRenderer.endsWith(text, "\n") { text.removeLast() }
            return String(decoding: text, as: UTF8.self)
        }
    }
}
