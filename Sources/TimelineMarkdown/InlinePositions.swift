import CCMark
import TimelineCore

/// Where libcmark's inline nodes start in a note's file, as the columns libcmark gives them are not always so.
///
/// libcmark counts an inline node's column as its offset in its line of the block's text plus the indent of
/// the block's *first* line. On a later line of a paragraph whose lines start differently (a lazy continuation
/// line of a block quote or list item, a line with fewer `>`), that is off by the difference; and an autolink
/// is placed by its offset in the whole paragraph. The first node of each later line starts where the line's
/// text does, after the `>` of its block quotes and the spaces of its list items: the difference between
/// that place and libcmark's column for the node is what to add to every column on the line. An autolink is
/// placed by its text, which libcmark places as other nodes. Every column is kept inside its line.
struct InlinePositions {
    let body: MarkdownBody
    /// By line of the body (from 1), what to add to libcmark's column of a node that starts on it.
    private var shifts: [Int: Int] = [:]

    init(_ document: OpaquePointer, body: MarkdownBody) {
        self.body = body
        var blockLine = 0, blockOffset = 0, quotes = 0
        /// The last line of an inline HTML or code span that ran onto later lines, with the spaces that line's
        /// text starts with.
        var runningEnd: (line: Int, leading: Int)?
        let iterator = cmark_iter_new(document)
        defer { cmark_iter_free(iterator) }
        while true {
            let event = cmark_iter_next(iterator)
            if event == CMARK_EVENT_DONE { break }
            guard event == CMARK_EVENT_ENTER, let node = cmark_iter_get_node(iterator) else { continue }
            let type = cmark_node_get_type(node)
            if type == CMARK_NODE_PARAGRAPH || type == CMARK_NODE_HEADING {
                blockLine = Int(cmark_node_get_start_line(node))
                blockOffset = Int(cmark_node_get_start_column(node)) - 1
                quotes = Self.quoteDepth(of: node)
                runningEnd = nil
                continue
            }
            guard type.rawValue >= CMARK_NODE_FIRST_INLINE.rawValue, type.rawValue <= CMARK_NODE_LAST_INLINE.rawValue else { continue }
            let line = Int(cmark_node_get_start_line(node))
            if line > blockLine, shifts[line] == nil, cmark_node_get_start_column(node) > 0 {
                let bytes = lineBytes(line)
                let start = Self.textStart(of: bytes, quotes: quotes)
                if let running = runningEnd, running.line == line {
                    // After a span that ran onto this line, libcmark counts from where the line's text starts
                    // (before its spaces, on a lazy line), plus the first line's indent.
                    shifts[line] = start - running.leading - blockOffset
                } else {
                    var reported = Self.reportedStart(of: node)
                    if type == CMARK_NODE_CODE { reported -= bytes[(bytes.startIndex + start)...].prefix { $0 == UInt8(ascii: "`") }.count }
                    shifts[line] = start + 1 - reported
                }
            }
            if (type == CMARK_NODE_HTML_INLINE || type == CMARK_NODE_CODE), cmark_node_get_end_line(node) > cmark_node_get_start_line(node) {
                var leading = 0
                if type == CMARK_NODE_HTML_INLINE, let literal = cmark_node_get_literal(node) {
                    let last = String(cString: literal).utf8.split(separator: 0x0A, omittingEmptySubsequences: false).last ?? []
                    leading = last.prefix { $0 == 0x20 || $0 == 0x09 }.count
                }
                runningEnd = (Int(cmark_node_get_end_line(node)), leading)
            }
        }
    }

    /// The column (of bytes, from 1) where a node starts on its line, within the line.
    func byteColumn(of node: OpaquePointer) -> Int {
        let line = Int(cmark_node_get_start_line(node))
        return clamped(Self.reportedStart(of: node) + (shifts[line] ?? 0), line: line)
    }

    /// The column (of bytes, from 1) of a text node's last byte on its last line, within the line.
    func endByteColumn(of node: OpaquePointer) -> Int {
        let line = Int(cmark_node_get_end_line(node))
        return clamped(Int(cmark_node_get_end_column(node)) + (shifts[line] ?? 0), line: line)
    }

    /// Where a node starts in the note's file.
    func location(of node: OpaquePointer) -> SourceLocation {
        let line = Int(cmark_node_get_start_line(node))
        return body.file.location(line: line + body.firstLine - 1, byteColumn: byteColumn(of: node))
    }

    private func lineBytes(_ line: Int) -> ArraySlice<UInt8> {
        body.file.bytes[body.file.lineRange(line + body.firstLine - 1)]
    }

    private func clamped(_ column: Int, line: Int) -> Int {
        min(max(column, 1), lineBytes(line).count + 1)
    }

    /// libcmark's column for where a node starts. A link or image is placed by its text, one or two bytes
    /// after its `[`, `<` or `![`, which also places an autolink right.
    static func reportedStart(of node: OpaquePointer) -> Int {
        let type = cmark_node_get_type(node)
        if type == CMARK_NODE_LINK || type == CMARK_NODE_IMAGE, let child = cmark_node_first_child(node),
           cmark_node_get_start_line(child) == cmark_node_get_start_line(node), cmark_node_get_start_column(child) > 0 {
            return Int(cmark_node_get_start_column(child)) - (type == CMARK_NODE_IMAGE ? 2 : 1)
        }
        return Int(cmark_node_get_start_column(node))
    }

    /// How many block quotes hold a node.
    static func quoteDepth(of node: OpaquePointer) -> Int {
        var depth = 0
        var parent = cmark_node_parent(node)
        while let container = parent {
            if cmark_node_get_type(container) == CMARK_NODE_BLOCK_QUOTE { depth += 1 }
            parent = cmark_node_parent(container)
        }
        return depth
    }

    /// The offset in a line where a paragraph's text starts: after spaces, and the `>` of at most `quotes`
    /// block quotes, each with the spaces after it.
    static func textStart(of bytes: ArraySlice<UInt8>, quotes: Int) -> Int {
        var index = bytes.startIndex
        var markers = 0
        while index < bytes.endIndex {
            if bytes[index] == 0x20 || bytes[index] == 0x09 {
                index += 1
            } else if bytes[index] == UInt8(ascii: ">"), markers < quotes {
                index += 1
                markers += 1
            } else {
                break
            }
        }
        return index - bytes.startIndex
    }
}
