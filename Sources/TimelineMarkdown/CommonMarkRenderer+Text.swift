import TimelineCore

/// Finding what libcmark read in the bytes of the file as they were written, without calling libcmark.
extension CommonMarkRenderer {
    /// Where `needle` (text as libcmark gives it) is written in `bytes` between `start` and `end`. With
    /// `escapes`, the text may be written as Markdown writes it: a backslash before any of its ASCII
    /// punctuation, and the plain marks that smart punctuation turns into typographic ones (`'` for `’`, `"`
    /// for `”`, `--` for `–`, `---` for `—`, `...` for `…`). The range runs from the needle's first byte (after
    /// any backslash) to its last.
    static func find(_ needle: [UInt8], in bytes: [UInt8], from start: Int, to end: Int, escapes: Bool = true) -> Range<Int>? {
        guard !needle.isEmpty, start >= 0 else { return nil }
        let pieces = escapes ? Self.pieces(of: needle) : needle.map { [[$0]] }
        var index = start
        while index < end {
            if let matched = match(pieces, in: bytes, at: index, to: end, escapes: escapes) { return index..<matched }
            index += 1
        }
        return nil
    }

    /// The needle as pieces, each with the ways it may be written.
    private static func pieces(of needle: [UInt8]) -> [[[UInt8]]] {
        let plain: [[UInt8]: [UInt8]] = [
            [0xE2, 0x80, 0x98]: [0x27], [0xE2, 0x80, 0x99]: [0x27], [0xE2, 0x80, 0x9C]: [0x22], [0xE2, 0x80, 0x9D]: [0x22],
            [0xE2, 0x80, 0x93]: [0x2D, 0x2D], [0xE2, 0x80, 0x94]: [0x2D, 0x2D, 0x2D], [0xE2, 0x80, 0xA6]: [0x2E, 0x2E, 0x2E],
        ]
        var pieces: [[[UInt8]]] = []
        var index = 0
        while index < needle.count {
            if index + 3 <= needle.count, let written = plain[Array(needle[index..<(index + 3)])] {
                pieces.append([Array(needle[index..<(index + 3)]), written])
                index += 3
            } else {
                pieces.append([[needle[index]]])
                index += 1
            }
        }
        return pieces
    }

    /// Where the pieces end when they are written from `index` on, or nil.
    private static func match(_ pieces: [[[UInt8]]], in bytes: [UInt8], at index: Int, to end: Int, escapes: Bool) -> Int? {
        var position = index
        for (number, ways) in pieces.enumerated() {
            var next: Int?
            for way in ways {
                var at = position
                // A backslash may escape ASCII punctuation, except before the first piece: that one is the
                // reference's own opening, whose escape the caller looks for.
                if escapes, number > 0, way.count == 1, isPunctuation(way[0]), at + 1 < end, bytes[at] == UInt8(ascii: "\\"), bytes[at + 1] == way[0] {
                    at += 1
                }
                if at + way.count <= end, bytes[at..<(at + way.count)].elementsEqual(way) {
                    next = at + way.count
                    break
                }
            }
            guard let next else { return nil }
            position = next
        }
        return position
    }

    private static func isPunctuation(_ byte: UInt8) -> Bool {
        (0x21...0x2F).contains(byte) || (0x3A...0x40).contains(byte) || (0x5B...0x60).contains(byte) || (0x7B...0x7E).contains(byte)
    }

    /// Appends a text node's words to the plain text. A citation leaves no words, so the space written before
    /// it is dropped when the next words open with punctuation: "a coup [@paper]." reads "a coup.".
    static func append(_ words: String, to text: inout String) {
        if text.last == " ", let first = words.first, ".,;:!?)]".contains(first) {
            while text.last == " " { text.removeLast() }
        }
        text += words
    }

    /// Ends a block of the plain text with a line break, without the spaces a citation at its end left.
    static func endBlock(_ text: inout String) {
        while text.last == " " { text.removeLast() }
        if !text.isEmpty, text.last != "\n" { text += "\n" }
    }

    /// Where `[@` is written in each line of a body that no block covers (lines counted from 1 in the body)
    /// and that reads as a link reference definition.
    static func citationsInDefinitions(of body: MarkdownBody, outside covered: Set<Int>) -> [Int] {
        let lastLine = body.file.lineStarts.count
        guard body.firstLine <= lastLine else { return [] }
        var found: [Int] = []
        for line in body.firstLine...lastLine where !covered.contains(line - body.firstLine + 1) {
            let range = body.file.lineRange(line)
            guard range.lowerBound >= body.range.lowerBound, range.upperBound <= body.range.upperBound else { continue }
            let bytes = body.file.bytes[range]
            var index = bytes.startIndex
            while index < bytes.endIndex, bytes[index] == 0x20, index - bytes.startIndex < 3 { index += 1 }
            guard index < bytes.endIndex, bytes[index] == UInt8(ascii: "["),
                  let close = find(Array("]:".utf8), in: body.file.bytes, from: index, to: range.upperBound, escapes: false)?.lowerBound,
                  let citation = find(Array("[@".utf8), in: body.file.bytes, from: close, to: range.upperBound, escapes: false)?.lowerBound
            else { continue }
            found.append(citation)
        }
        return found
    }
}
