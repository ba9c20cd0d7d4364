import TimelineCore
import Yams

/// YAML text inside a content file, read with Yams, with every node's position mapped back to the file.
struct YAMLDocument {
    let file: SourceText
    /// The bytes of the YAML text within the file.
    let range: Range<Int>
    /// The file line the YAML text starts on (1-based).
    let firstLine: Int

    init(file: SourceText, range: Range<Int>? = nil, firstLine: Int = 1) {
        self.file = file
        self.range = range ?? 0..<file.bytes.count
        self.firstLine = firstLine
    }

    func location(_ mark: YAMLNode.Mark) -> SourceLocation {
        guard mark != .nowhere else { return .file(file.path) }
        let line = mark.line + firstLine - 1
        // libyaml ends a text that lacks a final line break with one of its own, and reports an error at the
        // very end on the line after it, which the file does not have: point at the end of the file instead.
        if line > file.lineStarts.count { return file.location(ofOffset: file.bytes.count) }
        return SourceLocation(path: file.path, line: line, column: mark.column)
    }

    func location(of node: YAMLNode) -> SourceLocation { location(node.mark) }

    private func location(_ mark: Mark) -> SourceLocation { location(YAMLNode.Mark(line: mark.line, column: mark.column)) }

    /// Where a recognised mistake is in the file.
    func location(_ mistake: YAMLMistake) -> SourceLocation {
        SourceLocation(path: file.path, line: mistake.line + firstLine - 1, column: mistake.column)
    }

    /// The root node, or nil after reporting why the text is not usable YAML. Empty text is an empty mapping.
    /// Text in the plain form that front matter is almost always written in is read directly; the rest by Yams.
    func root(log: DiagnosticLog, depthLimit: Int = Limits().yamlDepth) -> YAMLNode? {
        // The plain form nests three levels at most: the mapping, a list and its items.
        if depthLimit >= 3, let node = PlainYAML.root(file.bytes, in: range) { return node }
        return rootReadByYams(log: log, depthLimit: depthLimit)
    }

    /// The root node as Yams reads it, or nil after reporting why the text is not usable YAML.
    func rootReadByYams(log: DiagnosticLog, depthLimit: Int) -> YAMLNode? {
        switch preScan(depthLimit: depthLimit) {
        case .tooDeep(let place)?:
            log.error(.yamlTooDeep, "YAML is nested more than \(depthLimit) levels deep", at: place)
            return nil
        case .anchorOrAlias(let place)?:
            let line = place.line - firstLine + 1
            let lines = Self.lines(file.string(range))
            if line >= 1, line <= lines.count, let mistake = YAMLMistake.anchorAsText(Array(lines[line - 1]), line: line, column: place.column) {
                log.error(.yamlAlias, mistake.message, at: place)
            } else {
                log.error(.yamlAlias, Self.aliasMessage, at: place)
            }
            return nil
        case nil:
            break
        }
        let text = file.string(range)
        let node: Node?
        // The parser owns the anchors that nodes refer to weakly, so it must outlive the walk below.
        let parser: Parser
        do {
            // Scalars are read as the text written, so no type needs resolving (the default resolver runs a
            // regular expression per key) or constructing (the default constructor builds its tables each time
            // it is asked for); UTF-8 is named because Yams's default reads the environment each call.
            parser = try Parser(yaml: text, resolver: .basic, constructor: Constructor([:], [:], [:]), encoding: .utf8)
            node = try parser.singleRoot()
        } catch let error as YamlError {
            report(error, text: text, log: log)
            return nil
        } catch {
            log.error(.yamlSyntax, "cannot read YAML: \(error)", at: .file(file.path))
            return nil
        }
        guard let node else { return .mapping(YAMLNode.Mapping(keys: [], values: [], mark: .nowhere)) }
        let anchored = withExtendedLifetime(parser) { Self.firstAnchor(in: node) }
        if let anchored {
            log.error(.yamlAlias, Self.aliasMessage, at: anchored.mark.map(location) ?? .file(file.path))
            return nil
        }
        return Self.node(node)
    }

    /// The node Yams read, as a ``YAMLNode``; the document has no aliases by then.
    static func node(_ node: Node) -> YAMLNode {
        let mark = node.mark.map { YAMLNode.Mark(line: $0.line, column: $0.column) } ?? .nowhere
        switch node {
        case .scalar(let scalar):
            let style: YAMLNode.Style
            switch scalar.style {
            case .singleQuoted: style = .singleQuoted
            case .doubleQuoted: style = .doubleQuoted
            case .literal: style = .literal
            case .folded: style = .folded
            case .plain, .any: style = .plain
            }
            return .scalar(YAMLNode.Scalar(string: scalar.string, style: style, mark: mark))
        case .sequence(let sequence):
            return .list(YAMLNode.List(nodes: sequence.map(Self.node), mark: mark))
        case .mapping(let mapping):
            return .mapping(YAMLNode.Mapping(keys: mapping.map { Self.node($0.key) }, values: mapping.map { Self.node($0.value) }, mark: mark))
        case .alias:
            return .scalar(YAMLNode.Scalar(string: "", style: .plain, mark: mark))
        }
    }

    static let aliasMessage = "YAML anchors and aliases are not supported; write each value out"

    enum PreScanProblem {
        case tooDeep(SourceLocation)
        case anchorOrAlias(SourceLocation)
    }

    /// The first place where the YAML text nests deeper than `limit` (counting indentation, `- ` items and
    /// brackets), or writes an anchor or alias (`&a`, `*a`). Checked before parsing, so that a hostile
    /// document can neither exhaust the stack nor make the parser do work that grows with what its aliases
    /// would expand to (Yams hashes a mapping's keys, and a key that is an alias of nested aliases would take
    /// forever). Only what YAML reads as structure counts: a bracket, quote or `&`/`*` that opens a value, not
    /// one inside text (`title: Report [draft`, `R&D`), and not the lines of a block scalar (`summary: |`).
    private func preScan(depthLimit limit: Int) -> PreScanProblem? {
        var indents: [Int] = []
        var flow = 0
        /// The indentation of the line that opened a block scalar; more indented lines are its text.
        var blockIndent: Int?
        /// The indentation of the block scalar's text, once its first line is seen.
        var blockText: Int?
        var offset = range.lowerBound
        let bytes = file.bytes
        /// Whether a bracket or quote after `previous` (the last byte before it on the line that is not a
        /// space; 0 for none) starts a value, rather than continuing plain text.
        func startsValue(_ previous: UInt8) -> Bool {
            previous == 0 || previous == UInt8(ascii: ":") || previous == UInt8(ascii: "-") || previous == UInt8(ascii: "?")
        }
        while offset < range.upperBound {
            var end = offset
            while end < range.upperBound, bytes[end] != 0x0A { end += 1 }
            var index = offset
            while index < end, bytes[index] == 0x20 { index += 1 }
            let isBlank = index == end || bytes[index] == 0x23 || bytes[index] == 0x0D
            if !isBlank {
                let indent = index - offset
                // The text of a block scalar is as indented as its first line, and deeper than its parent.
                if let block = blockIndent, flow == 0, indent > block, indent >= (blockText ?? indent) {
                    blockText = blockText ?? indent
                    offset = end + 1
                    continue
                }
                blockIndent = nil
                blockText = nil
                while let last = indents.last, last >= indent { indents.removeLast() }
                indents.append(indent)
                var depth = indents.count
                var previous: UInt8 = 0
                // Items opened on the line itself: "- - - x".
                while index + 1 < end, bytes[index] == 0x2D, bytes[index + 1] == 0x20 {
                    depth += 1
                    index += 2
                    previous = 0x2D
                    while index < end, bytes[index] == 0x20 { index += 1 }
                }
                if depth + flow > limit { return .tooDeep(file.location(ofOffset: index)) }
                var quote: UInt8 = 0
                // The line is read token by token (runs of bytes between spaces). A token starts a value
                // after "key:", "- ", "?", at the start of the line, or after a tag or anchor ("!!seq [").
                var tokenStart = true
                var startsAValue = false
                var afterProperty = false
                while index < end {
                    let byte = bytes[index]
                    var opens = flow > 0
                    if quote != 0 {
                        if byte == quote { quote = 0 }
                    } else if byte == 0x20 || byte == 0x09 {
                        tokenStart = true
                    } else {
                        let tokenStartedHere = tokenStart
                        if tokenStart {
                            startsAValue = startsValue(previous) || afterProperty
                            afterProperty = startsAValue && (byte == UInt8(ascii: "!") || byte == UInt8(ascii: "&"))
                            opens = opens || startsAValue
                            tokenStart = false
                        }
                        // In a flow collection a value also starts after "[", "{" and ",".
                        let opensInFlow = flow > 0 && [UInt8(ascii: "["), UInt8(ascii: "{"), UInt8(ascii: ","), UInt8(ascii: ":"), UInt8(ascii: "?")].contains(previous)
                        if (byte == UInt8(ascii: "&") || byte == UInt8(ascii: "*")) && (startsAValue && tokenStartedHere || opensInFlow) {
                            return .anchorOrAlias(file.location(ofOffset: index))
                        }
                        if (byte == 0x22 || byte == 0x27) && opens {
                            quote = byte
                        } else if (byte == 0x5B || byte == 0x7B) && opens {
                            flow += 1
                        } else if (byte == 0x5D || byte == 0x7D) && flow > 0 {
                            flow -= 1
                        } else if byte == 0x23, index > offset, bytes[index - 1] == 0x20 || bytes[index - 1] == 0x09 {
                            break
                        } else if (byte == 0x7C || byte == 0x3E) && flow == 0 && opens {
                            blockIndent = indent
                            break
                        }
                        previous = byte
                    }
                    if depth + flow > limit { return .tooDeep(file.location(ofOffset: index)) }
                    index += 1
                }
            }
            offset = end + 1
        }
        return nil
    }

    /// The first node, in document order, that carries an anchor; an alias carries its anchor's name too.
    /// The walk stops there, so a document built to expand exponentially is refused without being expanded.
    private static func firstAnchor(in node: Node) -> Node? {
        if node.anchor != nil { return node }
        switch node {
        case .scalar: return nil
        case .sequence(let sequence):
            for child in sequence { if let found = firstAnchor(in: child) { return found } }
        case .mapping(let mapping):
            for (key, value) in mapping {
                if let found = firstAnchor(in: key) ?? firstAnchor(in: value) { return found }
            }
        case .alias:
            return node
        }
        return nil
    }

    private func report(_ error: YamlError, text: String, log: DiagnosticLog) {
        switch error {
        case .scanner(let context, let problem, let mark, _), .parser(let context, let problem, let mark, _),
             .composer(let context, let problem, let mark, _):
            var message = problem
            var notes: [Diagnostic.Note] = []
            if let context {
                // The context ("while parsing a flow sequence") is a note at its own place when it has one.
                if context.mark.line != mark.line || context.mark.column != mark.column {
                    notes.append(.init(context.text, at: location(context.mark)))
                } else {
                    message = "\(context.text), \(problem)"
                }
            }
            let mistake = YAMLMistake.recognise(
                problem: problem, at: (mark.line, mark.column), context: context.map { ($0.mark.line, $0.mark.column) }, lines: Self.lines(text).map(Array.init))
            if let mistake {
                // The mistake in plain words at its own place; libyaml's words are kept as a note.
                log.error(.yamlSyntax, "invalid YAML: \(mistake.message)", at: location(mistake), notes: [.init("the YAML reader says: \(message)")])
                return
            }
            log.error(.yamlSyntax, "invalid YAML: \(message)", at: location(mark), notes: notes)
        case .duplicatedKeysInMapping(let duplicates, let context):
            let key = duplicates.first ?? ""
            let second = secondOccurrence(of: key, after: context.mark, in: text).map {
                SourceLocation(path: file.path, line: $0.line + firstLine - 1, column: $0.column)
            }
            log.error(
                .yamlDuplicateKey, "field '\(key)' is given twice", at: second ?? location(context.mark),
                notes: [.init("first given here", at: location(context.mark))])
        case .reader(let problem, let offset, _, _):
            let location = offset.map { characterOffset -> SourceLocation in
                let prefix = text.unicodeScalars.prefix(characterOffset)
                let byteOffset = String(String.UnicodeScalarView(prefix)).utf8.count
                return file.location(ofOffset: range.lowerBound + byteOffset)
            } ?? .file(file.path)
            log.error(.yamlSyntax, "invalid YAML: \(problem)", at: location)
        default:
            log.error(.yamlSyntax, "cannot read YAML: \(error)", at: .file(file.path))
        }
    }

    /// The text's lines as libyaml counts them, each as Unicode scalars (libyaml's columns count scalars).
    /// Split on scalars, not characters: "\r\n" is one Character, which a split on "\n" would not see.
    private static func lines(_ text: String) -> [Substring.UnicodeScalarView] {
        text.unicodeScalars.split(separator: "\n", omittingEmptySubsequences: false)
    }

    /// Where a duplicated key is written the second time: the next line, at the same indentation, that defines it.
    private func secondOccurrence(of key: String, after mark: Mark, in text: String) -> (line: Int, column: Int)? {
        let lines = Self.lines(text)
        guard mark.line >= 1, mark.line < lines.count else { return nil }
        for index in mark.line..<lines.count {
            let scalars = Array(lines[index])
            let start = mark.column - 1
            guard start >= 0, start < scalars.count else { continue }
            let rest = String(String.UnicodeScalarView(scalars[start...]))
            let prefixOK = scalars[..<start].allSatisfy { $0 == " " || $0 == "-" }
            if prefixOK, rest.hasPrefix(key), rest.dropFirst(key.count).drop(while: { $0 == " " }).hasPrefix(":") {
                return (index + 1, mark.column)
            }
        }
        return nil
    }
}
