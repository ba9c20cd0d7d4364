import TimelineCore

/// Where libcmark's inline nodes start in a note's file, as the columns libcmark gives them are not always so.
///
/// libcmark counts an inline node's column as its offset in its line of the block's text plus the indent of
/// the block's *first* line. On a later line of a paragraph whose lines start differently (a lazy continuation
/// line of a block quote or list item, a line with fewer `>`), that is off by the difference. The first node
/// of each later line starts where the line's text does, after the `>` of its block quotes and the spaces of
/// its list items: the difference between that place and libcmark's column for the node is what to add to
/// every column on the line. After an inline HTML tag or code span that runs onto a line, libcmark counts
/// from where the line's text starts, spaces included, plus the first line's indent. Every column is kept
/// inside its line. The renderer, the one caller of libcmark, tells this what it finds, in document order.
struct InlinePositions {
    let body: MarkdownBody
    /// By line of the body (from 1), what to add to libcmark's column of a node that starts on it.
    private var shifts: [Int: Int] = [:]
    private var blockLine = 0, blockOffset = 0, quotes = 0
    /// The last line of an inline HTML tag or code span that ran onto later lines, with the spaces that
    /// line's text starts with.
    private var runningEnd: (line: Int, leading: Int)?

    init(body: MarkdownBody) {
        self.body = body
    }

    /// Where an inline node starts as libcmark counts, and what it is.
    struct Start {
        var line: Int
        var column: Int
        /// Whether the node is a code span, or text that starts with backticks opening none, which libcmark
        /// places after the backticks.
        var isCode = false
        /// For an inline HTML tag or code span that runs onto later lines: its last line, and how many spaces
        /// start the text of it.
        var runsTo: (line: Int, leading: Int)?
    }

    /// A paragraph or heading starts, at a line and column, inside so many block quotes.
    mutating func enterBlock(line: Int, column: Int, quotes: Int) {
        blockLine = line
        blockOffset = column - 1
        self.quotes = quotes
        runningEnd = nil
    }

    /// An inline node of the current block, in document order.
    mutating func enterInline(_ node: Start) {
        if node.line > blockLine, shifts[node.line] == nil, node.column > 0 {
            let bytes = lineBytes(node.line)
            let start = Self.textStart(of: bytes, quotes: quotes)
            if let running = runningEnd, running.line == node.line {
                shifts[node.line] = start - running.leading - blockOffset
            } else {
                var reported = node.column
                if node.isCode { reported -= bytes[(bytes.startIndex + start)...].prefix { $0 == UInt8(ascii: "`") }.count }
                shifts[node.line] = start + 1 - reported
            }
        }
        if let end = node.runsTo, end.line > node.line { runningEnd = end }
    }

    /// The column (of bytes, from 1) of what libcmark places at `column` of a line, within the line.
    func byteColumn(line: Int, column: Int) -> Int {
        min(max(column + (shifts[line] ?? 0), 1), lineBytes(line).count + 1)
    }

    /// Where in the note's file is what libcmark places at a line and column of the body.
    func location(line: Int, column: Int) -> SourceLocation {
        body.file.location(line: line + body.firstLine - 1, byteColumn: byteColumn(line: line, column: column))
    }

    private func lineBytes(_ line: Int) -> ArraySlice<UInt8> {
        body.file.bytes[body.file.lineRange(line + body.firstLine - 1)]
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
