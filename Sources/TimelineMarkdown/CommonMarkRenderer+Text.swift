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
        let end = min(end, bytes.count)
        return needle.withUnsafeBufferPointer { needle in
            bytes.withUnsafeBufferPointer { bytes in
                var index = start
                while index < end {
                    if let matched = match(needle, in: bytes, at: index, to: end, escapes: escapes) { return index..<matched }
                    index += 1
                }
                return nil
            }
        }
    }

    /// The plain mark a typographic one is written as, given the last of its three bytes (`E2 80 xx`), and
    /// how many times: `'` for `‘’`, `"` for `“”`, `-` twice for `–` and three times for `—`, `.` three times
    /// for `…`; nil for any other character.
    private static func plainMark(endingIn byte: UInt8) -> (byte: UInt8, count: Int)? {
        switch byte {
        case 0x98, 0x99: (0x27, 1)
        case 0x9C, 0x9D: (0x22, 1)
        case 0x93: (0x2D, 2)
        case 0x94: (0x2D, 3)
        case 0xA6: (0x2E, 3)
        default: nil
        }
    }

    /// Where the needle ends when it is written from `index` on, or nil. Each of its characters is matched in
    /// turn, in place: a typographic mark as itself or as its plain marks, any other byte as itself, after a
    /// backslash when it is ASCII punctuation, except for the first, which is the reference's own opening,
    /// whose escape the caller looks for.
    private static func match(_ needle: UnsafeBufferPointer<UInt8>, in bytes: UnsafeBufferPointer<UInt8>, at index: Int, to end: Int, escapes: Bool) -> Int? {
        var position = index
        var offset = 0
        while offset < needle.count {
            let first = offset == 0
            if escapes, offset + 3 <= needle.count, needle[offset] == 0xE2, needle[offset + 1] == 0x80, let plain = plainMark(endingIn: needle[offset + 2]) {
                if position + 3 <= end, bytes[position] == 0xE2, bytes[position + 1] == 0x80, bytes[position + 2] == needle[offset + 2] {
                    position += 3
                } else {
                    var at = position
                    if !first, plain.count == 1, at + 1 < end, bytes[at] == UInt8(ascii: "\\"), bytes[at + 1] == plain.byte { at += 1 }
                    guard at + plain.count <= end else { return nil }
                    for mark in at..<(at + plain.count) where bytes[mark] != plain.byte { return nil }
                    position = at + plain.count
                }
                offset += 3
                continue
            }
            let byte = needle[offset]
            var at = position
            if escapes, !first, isPunctuation(byte), at + 1 < end, bytes[at] == UInt8(ascii: "\\"), bytes[at + 1] == byte { at += 1 }
            guard at < end, bytes[at] == byte else { return nil }
            position = at + 1
            offset += 1
        }
        return position
    }

    private static func isPunctuation(_ byte: UInt8) -> Bool {
        (0x21...0x2F).contains(byte) || (0x3A...0x40).contains(byte) || (0x5B...0x60).contains(byte) || (0x7B...0x7E).contains(byte)
    }

    /// Appends a text node's words to the plain text. A citation leaves no words, so the space written before
    /// it is dropped when the next words open with punctuation: "a coup [@paper]." reads "a coup.".
    static func append(_ words: String, to text: inout String) {
        if opensWithClosingPunctuation(words), endsWith(text, " ") {
            while endsWith(text, " ") { text.removeLast() }
        }
        text += words
    }

    /// Ends a block of the plain text with a line break, without the spaces a citation at its end left.
    static func endBlock(_ text: inout String) {
        while endsWith(text, " ") { text.removeLast() }
        if !text.isEmpty, !endsWith(text, "\n") { text += "\n" }
    }

    /// Whether the text's last character is `character`, a character of one ASCII byte: false at once when
    /// the last byte is another, and otherwise asked of the characters, which may join that byte to the one
    /// before it.
    static func endsWith(_ text: String, _ character: Unicode.Scalar) -> Bool {
        guard text.utf8.last == UInt8(ascii: character) else { return false }
        return text.last == Character(character)
    }

    /// Whether the words open with punctuation that closes a phrase, decided from the first byte where it is
    /// none of them, and otherwise from the first character.
    private static func opensWithClosingPunctuation(_ words: String) -> Bool {
        let closing = ".,;:!?)]"
        guard let byte = words.utf8.first, closing.utf8.contains(byte), let first = words.first else { return false }
        return closing.contains(first)
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

    /// Where the `[` (or the `![` of an image) that ends a line of the file opens a link, after any spaces and
    /// the backslash of a hard line break; nil when the line does not end so.
    static func opening(endingLine line: Int, of file: SourceText, isImage: Bool) -> SourceLocation? {
        guard line >= 1, line <= file.lineStarts.count else { return nil }
        let range = file.lineRange(line)
        var end = range.upperBound
        while end > range.lowerBound, [0x20, 0x09, 0x0D].contains(file.bytes[end - 1]) { end -= 1 }
        if end > range.lowerBound, file.bytes[end - 1] == UInt8(ascii: "\\") { end -= 1 }
        guard end > range.lowerBound, file.bytes[end - 1] == UInt8(ascii: "[") else { return nil }
        let open = isImage && end - 1 > range.lowerBound && file.bytes[end - 2] == UInt8(ascii: "!") ? end - 2 : end - 1
        return file.location(ofOffset: open)
    }
}
