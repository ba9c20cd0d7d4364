/// A reader for the plain YAML that front matter is almost always written in, giving the nodes Yams would.
///
/// It reads one top-level mapping of `key: value` lines whose values are one-line scalars (plain, or quoted
/// without escapes), one-line lists of plain items (`[a, b]`), or lists of `- item` lines. Every node has the
/// string, style and position (line, and column in Unicode scalars) that reading it with Yams gives. Anything
/// else (a comment after a value, an escape, a key written twice, a control character, text that is not
/// UTF-8, a value over several lines) gives nil, and the text is read by Yams, which reports any mistake.
enum PlainYAML {
    /// The root mapping of the YAML text in `bytes[range]`, or nil when the text is not in the plain form.
    static func root(_ bytes: [UInt8], in range: Range<Int>) -> YAMLNode? {
        guard isPlainText(bytes, in: range) else { return nil }
        var reader = Reader(bytes: bytes, end: range.upperBound)
        return reader.mapping(from: range.lowerBound)
    }

    /// Whether the text has no byte that YAML reads specially or refuses: tabs, carriage returns and other
    /// control characters, the line breaks U+0085, U+2028 and U+2029, a byte-order mark, U+FFFE and U+FFFF,
    /// and bytes that are not UTF-8.
    static func isPlainText(_ bytes: [UInt8], in range: Range<Int>) -> Bool {
        var hasNonASCII = false
        var index = range.lowerBound
        while index < range.upperBound {
            let byte = bytes[index]
            if byte < 0x20 {
                if byte != 0x0A { return false }
            } else if byte >= 0x7F {
                if byte == 0x7F { return false }
                hasNonASCII = true
                let next = index + 1 < range.upperBound ? bytes[index + 1] : 0
                let third = index + 2 < range.upperBound ? bytes[index + 2] : 0
                if byte == 0xC2, next >= 0x80, next <= 0x9F { return false }
                if byte == 0xE2, next == 0x80, third == 0xA8 || third == 0xA9 { return false }
                if byte == 0xEF, next == 0xBB, third == 0xBF { return false }
                if byte == 0xEF, next == 0xBF, third == 0xBE || third == 0xBF { return false }
            }
            index += 1
        }
        return !hasNonASCII || String(validating: bytes[range], as: UTF8.self) != nil
    }

    /// Reads lines of the text, one at a time, into nodes.
    private struct Reader {
        let bytes: [UInt8]
        let end: Int
        /// The line being read (1-based, within the YAML text).
        var line = 1
        /// Where that line starts.
        var lineStart = 0

        init(bytes: [UInt8], end: Int) {
            self.bytes = bytes
            self.end = end
        }

        /// The top-level mapping, read from `start` to the end of the text.
        mutating func mapping(from start: Int) -> YAMLNode? {
            var keyNodes: [YAMLNode] = []
            var values: [YAMLNode] = []
            keyNodes.reserveCapacity(8)
            values.reserveCapacity(8)
            /// The keys so far, for mappings of many; those of a few are compared with each key written.
            var keys: Set<String> = []
            var mark: YAMLNode.Mark?
            var offset = start
            lineStart = start
            while offset < end {
                let lineEnd = endOfLine(from: offset)
                lineStart = offset
                let first = bytes[offset]
                if first == 0x23 || isBlank(offset..<lineEnd) {
                    offset = lineEnd + 1
                    line += 1
                    continue
                }
                guard Self.isKeyByte(first) else { return nil }
                var colon = offset
                while colon < lineEnd, Self.isKeyByte(bytes[colon]) || bytes[colon] == 0x2D { colon += 1 }
                guard colon < lineEnd, bytes[colon] == 0x3A, colon + 1 == lineEnd || bytes[colon + 1] == 0x20 else { return nil }
                let key = String(decoding: bytes[offset..<colon], as: UTF8.self)
                if keyNodes.count < 16 {
                    guard !keyNodes.contains(where: { $0.string == key }) else { return nil }
                } else {
                    if keys.isEmpty { keys = Set(keyNodes.compactMap(\.string)) }
                    guard keys.insert(key).inserted else { return nil }
                }
                keyNodes.append(.scalar(YAMLNode.Scalar(string: key, style: .plain, mark: YAMLNode.Mark(line: line, column: 1))))
                mark = mark ?? YAMLNode.Mark(line: line, column: 1)
                var valueStart = colon + 1
                while valueStart < lineEnd, bytes[valueStart] == 0x20 { valueStart += 1 }
                if valueStart == lineEnd {
                    guard let (list, next) = blockList(after: lineEnd) else { return nil }
                    values.append(list)
                    offset = next
                } else {
                    guard let value = value(at: valueStart, lineEnd: lineEnd) else { return nil }
                    values.append(value)
                    offset = lineEnd + 1
                    line += 1
                }
            }
            guard let mark else { return nil }
            return .mapping(YAMLNode.Mapping(keys: keyNodes, values: values, mark: mark))
        }

        /// The `- item` lines after a key with no value on its line, and where the line after them starts.
        private mutating func blockList(after keyLineEnd: Int) -> (YAMLNode, Int)? {
            var items: [YAMLNode] = []
            var indent: Int?
            var mark: YAMLNode.Mark?
            var offset = keyLineEnd + 1
            line += 1
            while offset < end {
                let lineEnd = endOfLine(from: offset)
                lineStart = offset
                if isBlank(offset..<lineEnd) {
                    offset = lineEnd + 1
                    line += 1
                    continue
                }
                var dash = offset
                while dash < lineEnd, bytes[dash] == 0x20 { dash += 1 }
                let spaces = dash - offset
                guard bytes[dash] == 0x2D, dash + 1 < lineEnd, bytes[dash + 1] == 0x20 else {
                    // A key at the start of a line ends the list; anything else is not plain.
                    guard spaces == 0, !items.isEmpty, Self.isKeyByte(bytes[dash]) else { return nil }
                    break
                }
                guard spaces == (indent ?? spaces) else { return nil }
                indent = spaces
                mark = mark ?? YAMLNode.Mark(line: line, column: spaces + 1)
                var itemStart = dash + 2
                while itemStart < lineEnd, bytes[itemStart] == 0x20 { itemStart += 1 }
                guard itemStart < lineEnd, bytes[itemStart] != 0x5B, let item = value(at: itemStart, lineEnd: lineEnd) else { return nil }
                items.append(item)
                offset = lineEnd + 1
                line += 1
            }
            guard let mark else { return nil }
            return (.list(YAMLNode.List(nodes: items, mark: mark)), offset)
        }

        /// A value written on one line from `start`: a quoted or plain scalar, or a list in brackets.
        private func value(at start: Int, lineEnd: Int) -> YAMLNode? {
            switch bytes[start] {
            case 0x22, 0x27: return quoted(at: start, lineEnd: lineEnd)
            case 0x5B: return flowList(at: start, lineEnd: lineEnd)
            default: return plain(at: start, lineEnd: lineEnd)
            }
        }

        /// A plain scalar from `start` to the end of the line, without its trailing spaces.
        private func plain(at start: Int, lineEnd: Int) -> YAMLNode? {
            guard !Self.isIndicator(bytes[start]) else { return nil }
            var last = start
            var index = start
            while index < lineEnd {
                let byte = bytes[index]
                if byte == 0x3A, index + 1 == lineEnd || bytes[index + 1] == 0x20 { return nil }
                if byte == 0x23, bytes[index - 1] == 0x20 { return nil }
                if byte != 0x20 { last = index }
                index += 1
            }
            return scalar(start..<last + 1, at: start, style: .plain)
        }

        /// A scalar in single or double quotes with no escape inside, alone on the rest of its line.
        private func quoted(at start: Int, lineEnd: Int) -> YAMLNode? {
            let quote = bytes[start]
            var close = start + 1
            while close < lineEnd, bytes[close] != quote {
                if bytes[close] == 0x5C, quote == 0x22 { return nil }
                close += 1
            }
            guard close < lineEnd, isBlank(close + 1..<lineEnd) else { return nil }
            return .scalar(YAMLNode.Scalar(
                string: String(decoding: bytes[start + 1..<close], as: UTF8.self), style: quote == 0x22 ? .doubleQuoted : .singleQuoted,
                mark: YAMLNode.Mark(line: line, column: column(of: start))))
        }

        /// A list of plain items in brackets, closed on the same line.
        private func flowList(at start: Int, lineEnd: Int) -> YAMLNode? {
            var items: [YAMLNode] = []
            var index = start + 1
            while true {
                while index < lineEnd, bytes[index] == 0x20 { index += 1 }
                guard index < lineEnd else { return nil }
                if bytes[index] == 0x5D, items.isEmpty { break }
                let itemStart = index
                let first = bytes[itemStart]
                let isNumber = first == 0x2D && itemStart + 1 < lineEnd && bytes[itemStart + 1] >= 0x30 && bytes[itemStart + 1] <= 0x39
                guard !Self.isIndicator(first) || isNumber else { return nil }
                var last = itemStart
                while index < lineEnd, bytes[index] != 0x2C, bytes[index] != 0x5D {
                    switch bytes[index] {
                    case 0x5B, 0x7B, 0x7D, 0x3A, 0x23, 0x22, 0x27: return nil
                    case 0x20: break
                    default: last = index
                    }
                    index += 1
                }
                guard index < lineEnd else { return nil }
                items.append(scalar(itemStart..<last + 1, at: itemStart, style: .plain))
                if bytes[index] == 0x5D { break }
                index += 1
            }
            guard isBlank(index + 1..<lineEnd) else { return nil }
            return .list(YAMLNode.List(nodes: items, mark: YAMLNode.Mark(line: line, column: column(of: start))))
        }

        private func scalar(_ text: Range<Int>, at start: Int, style: YAMLNode.Style) -> YAMLNode {
            .scalar(YAMLNode.Scalar(string: String(decoding: bytes[text], as: UTF8.self), style: style, mark: YAMLNode.Mark(line: line, column: column(of: start))))
        }

        /// The column of a byte on the current line, counted in Unicode scalars as libyaml counts it.
        private func column(of offset: Int) -> Int {
            var column = 1
            for index in lineStart..<offset where bytes[index] & 0xC0 != 0x80 { column += 1 }
            return column
        }

        private func endOfLine(from offset: Int) -> Int {
            var index = offset
            while index < end, bytes[index] != 0x0A { index += 1 }
            return index
        }

        private func isBlank(_ range: Range<Int>) -> Bool {
            for index in range where bytes[index] != 0x20 { return false }
            return true
        }

        /// Whether a byte can start a key: ASCII letters, digits and `_`.
        private static func isKeyByte(_ byte: UInt8) -> Bool {
            (byte >= 0x61 && byte <= 0x7A) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x30 && byte <= 0x39) || byte == 0x5F
        }

        /// Whether a byte has a meaning in YAML at the start of a scalar: ``-?:,[]{}#&*!|>'"%@` ``.
        private static func isIndicator(_ byte: UInt8) -> Bool {
            switch byte {
            case 0x2D, 0x3F, 0x3A, 0x2C, 0x5B, 0x5D, 0x7B, 0x7D, 0x23, 0x26, 0x2A, 0x21, 0x7C, 0x3E, 0x27, 0x22, 0x25, 0x40, 0x60:
                return true
            default:
                return false
            }
        }
    }
}
