import TimelineCore

/// Where libcmark's inline nodes start in a note's file, as the columns libcmark gives them are not always so.
///
/// libcmark counts an inline node's column as its offset in its line of the block's text plus the indent of
/// the block's *first* line. On a later line of a paragraph whose lines start differently (a lazy continuation
/// line of a block quote or list item, a line with fewer `>`), that is off by the difference. The first node
/// of each later line starts where the line's text does, after the `>` of its block quotes and the spaces of
/// its list items: the difference between that place and libcmark's column for the node is what to add to
/// every column on the line. After an inline HTML tag or code span that runs onto a line, libcmark counts
/// from where the line's text starts, spaces included, plus the first line's indent. libcmark does not count
/// the line break of a hard break written as a backslash, nor those of a link's destination, title or label:
/// it places every node after one in its block a line too early, the first of them past the end of the break's
/// line. Every column is kept inside its line. The
/// renderer, the one caller of libcmark, tells this what it finds, in document order.
struct InlinePositions {
    let body: MarkdownBody
    /// By line of the body (from 1), what to add to libcmark's column of a node that starts on it.
    private var shifts: [Int: Int] = [:]
    private var blockLine = 0, blockOffset = 0, quotes = 0
    /// The block's last line, and the line libcmark counts it is on after the inline nodes so far.
    private var blockEnd = 0, lastLine = 0
    /// How many hard line breaks came since the last node libcmark placed.
    private var pendingBreaks = 0
    /// Where libcmark places the first node after each hard break written as a backslash, in document order,
    /// with the last line of its block and how many such breaks its block has up to it.
    private var breaks: [(line: Int, column: Int, blockEnd: Int, lag: Int)] = []
    /// The last line of an inline HTML tag or code span that ran onto later lines, with the spaces that
    /// line's text starts with.
    private var runningEnd: (line: Int, leading: Int)?
    /// The bytes read so far to find link reference definitions.
    private var definitionBytesRead = 0
    /// The lines of the body (from 1) that hold the link reference definitions found at the start of blocks.
    private(set) var definitionLines = Set<Int>()

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
        /// The last line libcmark places the node on, if it holds no other nodes.
        var endLine = 0
        /// Whether the node is a hard line break or a soft one, which libcmark does not place.
        var isBreak = false, isSoftBreak = false
        /// The spaces and tabs a text node starts with: after a backslash hard break, libcmark keeps those of
        /// the next line.
        var leadingSpaces = 0
        /// For an inline HTML tag or code span that runs onto later lines: its last line, and how many spaces
        /// start the text of it.
        var runsTo: (line: Int, leading: Int)?
    }

    /// A paragraph or heading starts, at a line and column, inside so many block quotes, and ends on a line.
    /// Link reference definitions that start it (in its text, up to `textEnd`, before a heading's underline)
    /// are taken out by libcmark, which places what follows from the block's first line. To count their
    /// lines, libcmark itself reads the file from `top`, the first line of the block's outermost container,
    /// to each line of the block in turn: `holdsBlock` tells whether that text still has a paragraph or
    /// heading at a line and column, or only definitions there.
    mutating func enterBlock(
        line: Int, column: Int, endLine: Int, textEnd: Int, top: Int, quotes: Int,
        holdsBlock: (ArraySlice<UInt8>, _ line: Int, _ column: Int) -> Bool
    ) {
        blockLine = line
        blockOffset = column - 1
        blockEnd = endLine
        lastLine = line
        pendingBreaks = 0
        self.quotes = quotes
        runningEnd = nil
        let definitions = countDefinitionLines(through: textEnd, top: top, holdsBlock: holdsBlock)
        if definitions > 0 {
            breaks.append((line, 0, endLine, definitions))
            definitionLines.formUnion(line..<(line + definitions))
        }
    }

    /// How many lines at the start of the current block are link reference definitions. A definition may end
    /// on any line, and its title may run over the next ones: the lines are read one more at a time while the
    /// next may go on with a definition, at most `definitionReach` after the last that ended one, and for the
    /// whole note at most `definitionBudget` bytes, so that no paragraph is read over and over without end.
    private mutating func countDefinitionLines(through textEnd: Int, top: Int, holdsBlock: (ArraySlice<UInt8>, Int, Int) -> Bool) -> Int {
        func text(_ line: Int) -> ArraySlice<UInt8> {
            let bytes = lineBytes(line)
            return bytes.dropFirst(line == blockLine ? blockOffset : Self.textStart(of: bytes, quotes: quotes))
        }
        guard blockLine <= textEnd, Self.mayStartDefinition(blockLine, through: textEnd, text: text) else { return 0 }
        let start = body.file.lineRange(top + body.firstLine - 1).lowerBound
        var found = 0, line = blockLine
        while line <= textEnd, line - blockLine - found < Self.definitionReach {
            let end = body.file.lineRange(line + body.firstLine - 1).upperBound
            definitionBytesRead += end - start
            guard definitionBytesRead <= Self.definitionBudget + 16 * body.range.count else { break }
            if !holdsBlock(body.file.bytes[start..<end], blockLine - top + 1, blockOffset + 1) {
                found = line - blockLine + 1
                // Only a title, or another definition, goes on past this line.
                let next = line < textEnd ? text(line + 1).drop { $0 == 0x20 || $0 == 0x09 }.first : nil
                guard let next, Array("\"'(".utf8).contains(next) || Self.mayStartDefinition(line + 1, through: textEnd, text: text)
                else { break }
            }
            line += 1
        }
        return found
    }

    /// The most lines read past the last definition found: a title may run over lines, but not this many.
    static let definitionReach = 100
    /// The bytes that may be read to find definitions in a note, beyond sixteen times its body.
    static let definitionBudget = 1 << 16

    /// Whether the text from a line may start a link reference definition: a `[`, then a label holding no
    /// unescaped bracket, then `]:`.
    private static func mayStartDefinition(_ line: Int, through textEnd: Int, text: (Int) -> ArraySlice<UInt8>) -> Bool {
        var bytes = text(line).drop { $0 == 0x20 || $0 == 0x09 }
        guard bytes.first == UInt8(ascii: "[") else { return false }
        bytes = bytes.dropFirst()
        var line = line
        while true {
            var escaped = false
            while let byte = bytes.popFirst() {
                if escaped { escaped = false; continue }
                switch byte {
                case UInt8(ascii: "\\"): escaped = true
                case UInt8(ascii: "["): return false
                case UInt8(ascii: "]"): return bytes.first == UInt8(ascii: ":")
                default: continue
                }
            }
            line += 1
            guard line <= textEnd else { return false }
            bytes = text(line)
        }
    }

    /// An inline node of the current block, in document order.
    mutating func enterInline(_ node: Start) {
        if node.isBreak { pendingBreaks += 1 }
        if node.isSoftBreak { lastLine += 1 }
        guard node.column > 0, !node.isBreak, !node.isSoftBreak else { return }
        // Each hard break written with two spaces moves libcmark's count on by a line; one written as a
        // backslash does not.
        let backslashes = pendingBreaks - (node.line - lastLine)
        if pendingBreaks > 0, backslashes > 0 {
            let lag = (breaks.last.map { $0.blockEnd == blockEnd && $0.line >= blockLine ? $0.lag : 0 } ?? 0) + backslashes
            breaks.append((node.line, node.column, blockEnd, lag))
        }
        pendingBreaks = 0
        lastLine = max(lastLine, node.line, node.endLine)
        let line = bodyLine(line: node.line, column: node.column)
        if line > blockLine, shifts[line] == nil {
            let bytes = lineBytes(line)
            let start = Self.textStart(of: bytes, quotes: quotes)
            if let running = runningEnd, running.line == line {
                shifts[line] = start - running.leading - blockOffset
            } else {
                var reported = node.column
                if node.isCode { reported -= bytes[(bytes.startIndex + start)...].prefix { $0 == UInt8(ascii: "`") }.count }
                // The text after those spaces starts where the line's does (a tab may be counted as spaces).
                shifts[line] = start + 1 - reported - node.leadingSpaces
            }
        }
        if let end = node.runsTo, end.line > node.line {
            runningEnd = (line + end.line - node.line, end.leading)
        }
    }

    /// A link or image ends. libcmark counts none of the line breaks of its destination, title or label: it
    /// places what follows in its block a line too early for each, counting columns on from the line before.
    /// `leaf` is where libcmark places the start of its last inline node, and `end` its last byte. An
    /// autolink (its one text, `onlyText`, its address) has no such breaks, and libcmark counts its end's
    /// column from the start of the paragraph. A link whose text ends with a soft line break has the rest of
    /// it on the next line, which then starts, after its spaces and `>`s, with the `]` that libcmark counts
    /// as the first byte of the line's text: at the column after the block's first indent.
    mutating func exitLink(
        leaf: (line: Int, column: Int), end: (line: Int, column: Int), onlyText: String?, url: String?, textEndsWithSoftBreak: Bool = false
    ) {
        if let onlyText, url == onlyText || url == "mailto:" + onlyText { return }
        if textEndsWithSoftBreak, end.column > 0 {
            let line = bodyLine(line: end.line, column: end.column)
            if line > blockLine, shifts[line] == nil { shifts[line] = Self.textStart(of: lineBytes(line), quotes: quotes) - blockOffset }
            lastLine = max(lastLine, end.line)
            return
        }
        guard leaf.column > 0, leaf.line == end.line, end.column >= leaf.column else { return }
        let bytes = body.file.bytes
        // The bytes of the paragraph's text from the leaf to the end, walked in the file: a line break counts
        // as one, and the `>` and spaces a line starts with are not the paragraph's text.
        var position = offset(line: leaf.line, column: leaf.column)
        var remaining = end.column - leaf.column + 1
        var lineBreaks = 0
        while remaining > 0, position < bytes.count {
            remaining -= 1
            position += 1
            guard bytes[position - 1] == 0x0A else { continue }
            lineBreaks += 1
            let line = bytes[position...].prefix { $0 != 0x0A }
            position += Self.textStart(of: line, quotes: quotes)
        }
        guard lineBreaks > 0 else { return }
        let lag = (breaks.last.map { $0.blockEnd == blockEnd && $0.line >= blockLine ? $0.lag : 0 } ?? 0) + lineBreaks
        breaks.append((end.line, end.column + 1, blockEnd, lag))
        // What follows on the link's last line is counted on from libcmark's column of its end.
        let fileLine = body.file.location(ofOffset: position).line
        shifts[fileLine - body.firstLine + 1] = position - body.file.lineRange(fileLine).lowerBound - end.column
        lastLine = max(lastLine, end.line)
    }

    /// The line of the body of what libcmark places at a line and column, counting the hard breaks written as
    /// a backslash before it in its block.
    func bodyLine(line: Int, column: Int) -> Int {
        // The last break placed at or before this place; it counts only in its own block.
        var low = 0, high = breaks.count
        while low < high {
            let middle = (low + high) / 2
            if (breaks[middle].line, breaks[middle].column) <= (line, column) { low = middle + 1 } else { high = middle }
        }
        guard low > 0, line <= breaks[low - 1].blockEnd else { return line }
        return min(line + breaks[low - 1].lag, breaks[low - 1].blockEnd)
    }

    /// The column (of bytes, from 1) of what libcmark places at `column` of a line, within the line.
    func byteColumn(line: Int, column: Int) -> Int {
        let line = bodyLine(line: line, column: column)
        return min(max(column + (shifts[line] ?? 0), 1), lineBytes(line).count + 1)
    }

    /// The range of the note's file line that holds what libcmark places at a line and column of the body.
    func lineRange(line: Int, column: Int) -> Range<Int> {
        body.file.lineRange(bodyLine(line: line, column: column) + body.firstLine - 1)
    }

    /// The offset in the note's file of what libcmark places at a line and column of the body.
    func offset(line: Int, column: Int) -> Int {
        lineRange(line: line, column: column).lowerBound + byteColumn(line: line, column: column) - 1
    }

    /// Where in the note's file is what libcmark places at a line and column of the body.
    func location(line: Int, column: Int) -> SourceLocation {
        body.file.location(line: bodyLine(line: line, column: column) + body.firstLine - 1, byteColumn: byteColumn(line: line, column: column))
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
