import TimelineCore

extension Template {
    /// Compiles template text; throws at the first syntax error, with its line and column. Sections, blocks and
    /// parents may nest `depthLimit` levels deep; the text is read once, front to back, without recursion.
    init(name: String, text: String, depthLimit: Int = Limits().templateDepth) throws(TemplateError) {
        var parser = TemplateParser(bytes: Array(text.utf8))
        let tokens = try parser.tokenize()
        self.init(name: name, nodes: try Self.build(tokens, depthLimit: depthLimit))
    }

    /// Nodes being gathered for the template or for a section, block or parent that is still open.
    private struct OpenSection {
        var nodes: [Node] = []
        /// Text not yet added as a node, so that text split by comments becomes one node without copying.
        var text: [UInt8] = []
        /// The tag that opened it, with its sigil and name; nil for the template itself.
        var opening: (sigil: Character, name: String, token: TemplateParser.Token)?

        mutating func flushText() {
            if !text.isEmpty { nodes.append(.text(text)) }
            text = []
        }
    }

    /// Builds the tree of nodes from tokens, with a stack of the sections still open.
    private static func build(_ tokens: [TemplateParser.Token], depthLimit: Int) throws(TemplateError) -> [Node] {
        var open = [OpenSection()]
        for token in tokens {
            if case .text(let bytes) = token.kind {
                open[open.count - 1].text.append(contentsOf: bytes)
                continue
            }
            open[open.count - 1].flushText()
            switch token.kind {
            case .text:
                break
            case .variable(let name, let escaped):
                open[open.count - 1].nodes.append(.variable(try lookup(name, token), escaped: escaped))
            case .partial(let name):
                open[open.count - 1].nodes.append(.partial(name, indentation: token.indentation, line: token.line, column: token.column))
            case .open(let sigil, let name):
                guard open.count <= depthLimit else {
                    throw TemplateError(
                        message: "sections, blocks and parents are nested more than \(depthLimit) levels deep",
                        line: token.line, column: token.column, id: .templateTooDeep)
                }
                if sigil == "#" || sigil == "^" { _ = try lookup(name, token) }
                open.append(OpenSection(opening: (sigil, name, token)))
            case .close(let name):
                guard let opening = open[open.count - 1].opening else {
                    throw TemplateError(message: "'{{/\(name)}}' closes a section that was never opened", line: token.line, column: token.column)
                }
                guard opening.name == name else {
                    throw TemplateError(
                        message: "'{{/\(name)}}' closes a section opened as '\(opening.name)' at line \(opening.token.line)",
                        line: token.line, column: token.column)
                }
                let children = open.removeLast().nodes
                open[open.count - 1].nodes.append(try node(opening.sigil, opening.name, opening.token, children))
            }
        }
        if let opening = open[open.count - 1].opening {
            throw TemplateError(message: "section '\(opening.name)' is never closed", line: opening.token.line, column: opening.token.column)
        }
        open[0].flushText()
        return open[0].nodes
    }

    /// The node of a closed section, block or parent.
    private static func node(_ sigil: Character, _ name: String, _ token: TemplateParser.Token, _ children: [Node]) throws(TemplateError) -> Node {
        switch sigil {
        case "#", "^":
            return .section(try lookup(name, token), inverted: sigil == "^", children: children)
        case "$":
            return .block(name, children: children)
        default:
            var blocks: [String: [Node]] = [:]
            for child in children { if case .block(let blockName, let content) = child { blocks[blockName] = content } }
            return .parent(name, blocks: blocks, indentation: token.indentation, line: token.line, column: token.column)
        }
    }

    /// A name, or a function of one: `empty(list)`, `count(list)`, `first()`, `last()`, `even()`, `odd()`, `index()`.
    private static func lookup(_ name: String, _ token: TemplateParser.Token) throws(TemplateError) -> Lookup {
        // A name is read byte by byte: its parenthesis and dots are ASCII, and a search by character would
        // cost a grapheme break at every step.
        guard let open = name.utf8.firstIndex(of: UInt8(ascii: "(")) else { return .value(try path(name, token)) }
        let function = String(name[..<open])
        guard name.hasSuffix(")") else {
            throw TemplateError(message: "'\(name)' is missing its ')'", line: token.line, column: token.column)
        }
        let argument = String(name[name.index(after: open)..<name.index(before: name.endIndex)]).trimmingWhitespace
        switch (function, argument.isEmpty) {
        case ("empty", false): return .empty(try path(argument, token))
        case ("count", false): return .count(try path(argument, token))
        case ("first", true): return .first
        case ("last", true): return .last
        case ("even", true): return .even
        case ("odd", true): return .odd
        case ("index", true): return .index
        default:
            throw TemplateError(
                message: "unknown function '\(name)'; there are empty(name), count(name), first(), last(), even(), odd() and index()",
                line: token.line, column: token.column)
        }
    }

    private static func path(_ name: String, _ token: TemplateParser.Token) throws(TemplateError) -> Path {
        if name == "." { return [] }
        let parts = name.utf8.split(separator: UInt8(ascii: "."), omittingEmptySubsequences: false).map { String(decoding: $0, as: UTF8.self) }
        guard !parts.contains(where: \.isEmpty) else {
            throw TemplateError(message: "'\(name)' is not a valid name", line: token.line, column: token.column)
        }
        return parts.map(TemplateName.init)
    }
}

/// Splits template text into text and tags, applying Mustache's rules for standalone lines.
struct TemplateParser {
    struct Token {
        enum Kind {
            case text([UInt8])
            case variable(String, escaped: Bool)
            /// `#`, `^`, `$` or `<`, with the name.
            case open(Character, String)
            case close(String)
            case partial(String)
        }

        var kind: Kind
        var line: Int
        var column: Int
        /// For a standalone partial or parent: the whitespace before it, given to every line it renders.
        var indentation: [UInt8] = []
    }

    let bytes: [UInt8]
    var open: [UInt8] = Array("{{".utf8)
    var close: [UInt8] = Array("}}".utf8)

    init(bytes: [UInt8]) { self.bytes = bytes }

    /// Where tags are, counted on from the last place asked for, so that the whole text is counted once: places
    /// are asked for front to back.
    private var counted = (offset: 0, line: 1, column: 1)

    private mutating func location(_ offset: Int) -> (line: Int, column: Int) {
        if offset < counted.offset { counted = (0, 1, 1) }
        var (index, line, column) = counted
        while index < min(offset, bytes.count) {
            if bytes[index] == 0x0A {
                line += 1
                column = 1
            } else if bytes[index] & 0xC0 != 0x80 {
                column += 1
            }
            index += 1
        }
        counted = (index, line, column)
        return (line, column)
    }

    private func matches(_ pattern: [UInt8], at offset: Int) -> Bool {
        offset + pattern.count <= bytes.count && bytes[offset..<(offset + pattern.count)].elementsEqual(pattern)
    }

    private func find(_ pattern: [UInt8], from offset: Int) -> Int? {
        var index = offset
        while index + pattern.count <= bytes.count {
            if bytes[index] == pattern[0], matches(pattern, at: index) { return index }
            index += 1
        }
        return nil
    }

    /// A tag as read, before the standalone rule decides what to do with the text around it.
    private struct RawTag {
        var start: Int
        var end: Int
        var kind: Token.Kind?
        /// Tags that may stand alone on a line, which then disappears with them.
        var canStandAlone: Bool
    }

    mutating func tokenize() throws(TemplateError) -> [Token] {
        var tags: [RawTag] = []
        var offset = 0
        while let start = find(open, from: offset) {
            var contentStart = start + open.count
            var sigil: UInt8 = 0
            if contentStart < bytes.count, "#^/!>&{=<$".utf8.contains(bytes[contentStart]) {
                sigil = bytes[contentStart]
                contentStart += 1
            }
            var closer = close
            if sigil == UInt8(ascii: "{"), open == Array("{{".utf8) { closer = Array("}}}".utf8) }
            if sigil == UInt8(ascii: "=") { closer = Array("=".utf8) + close }
            guard let contentEnd = find(closer, from: contentStart) else {
                let (line, column) = location(start)
                throw TemplateError(message: "tag is never closed with '\(String(decoding: close, as: UTF8.self))'", line: line, column: column)
            }
            let end = contentEnd + closer.count
            let content = String(decoding: bytes[contentStart..<contentEnd], as: UTF8.self).trimmingWhitespace
            let (line, column) = location(start)
            func needName() throws(TemplateError) {
                if content.isEmpty { throw TemplateError(message: "tag has no name", line: line, column: column) }
            }
            var tag = RawTag(start: start, end: end, kind: nil, canStandAlone: true)
            switch sigil {
            case UInt8(ascii: "#"), UInt8(ascii: "^"), UInt8(ascii: "$"), UInt8(ascii: "<"):
                try needName()
                tag.kind = .open(Character(Unicode.Scalar(sigil)), content)
            case UInt8(ascii: "/"):
                try needName()
                tag.kind = .close(content)
            case UInt8(ascii: ">"):
                try needName()
                tag.kind = .partial(content)
            case UInt8(ascii: "!"):
                break
            case UInt8(ascii: "="):
                let parts = content.split(separator: " ", omittingEmptySubsequences: true)
                guard parts.count == 2 else {
                    throw TemplateError(message: "set delimiters as {{=<% %>=}}: two delimiters separated by a space", line: line, column: column)
                }
                open = Array(parts[0].utf8)
                close = Array(parts[1].utf8)
            case UInt8(ascii: "&"), UInt8(ascii: "{"):
                try needName()
                tag.kind = .variable(content, escaped: false)
                tag.canStandAlone = false
            default:
                try needName()
                tag.kind = .variable(content, escaped: true)
                tag.canStandAlone = false
            }
            tags.append(tag)
            offset = end
        }
        return tokens(from: tags)
    }

    /// Interleaves text and tags, removing standalone lines: a line holding only whitespace and tags that may
    /// stand alone (sections, comments, partials, delimiters, parents, blocks) loses its whitespace and line
    /// ending, and a partial or parent on it passes its indentation on to every line it renders.
    private mutating func tokens(from tags: [RawTag]) -> [Token] {
        func isBlank(_ range: Range<Int>) -> Bool {
            range.allSatisfy { bytes[$0] == 0x20 || bytes[$0] == 0x09 }
        }
        var result: [Token] = []
        var textStart = 0
        var position = 0
        while position < tags.count {
            // The run of tags that share a line with nothing but blanks between them.
            var last = position
            while last + 1 < tags.count, isBlank(tags[last].end..<tags[last + 1].start) {
                last += 1
            }
            let run = tags[position...last]
            var lineStart = run.first!.start
            while lineStart > textStart, bytes[lineStart - 1] == 0x20 || bytes[lineStart - 1] == 0x09 { lineStart -= 1 }
            let startsLine = lineStart == 0 || (bytes[lineStart - 1] == 0x0A && lineStart >= textStart)
            var lineEnd = run.last!.end
            while lineEnd < bytes.count, bytes[lineEnd] == 0x20 || bytes[lineEnd] == 0x09 { lineEnd += 1 }
            var endsLine = false
            if lineEnd == bytes.count {
                endsLine = true
            } else if bytes[lineEnd] == 0x0A {
                lineEnd += 1
                endsLine = true
            } else if bytes[lineEnd] == 0x0D, lineEnd + 1 < bytes.count, bytes[lineEnd + 1] == 0x0A {
                lineEnd += 2
                endsLine = true
            }
            let standalone = startsLine && endsLine && run.allSatisfy(\.canStandAlone)
            let textEnd = standalone ? lineStart : run.first!.start
            if textEnd > textStart { result.append(Token(kind: .text(Array(bytes[textStart..<textEnd])), line: 0, column: 0)) }
            for (offset, tag) in run.enumerated() {
                if offset > 0, !standalone, tags[position + offset - 1].end < tag.start {
                    result.append(Token(kind: .text(Array(bytes[tags[position + offset - 1].end..<tag.start])), line: 0, column: 0))
                }
                guard let kind = tag.kind else { continue }
                let (line, column) = location(tag.start)
                let indentation = standalone && offset == 0 ? Array(bytes[lineStart..<tag.start]) : []
                result.append(Token(kind: kind, line: line, column: column, indentation: indentation))
            }
            textStart = standalone ? lineEnd : run.last!.end
            position = last + 1
        }
        if textStart < bytes.count { result.append(Token(kind: .text(Array(bytes[textStart...])), line: 0, column: 0)) }
        return result
    }
}
