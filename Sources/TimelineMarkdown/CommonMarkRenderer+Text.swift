import TimelineCore
#if canImport(Glibc)
import Glibc
#endif

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

    /// Appends a text node's words (UTF-8) to the plain text. A citation leaves no words, so the space
    /// written before it is dropped when the next words open with punctuation: "a coup [@paper]." reads "a coup.".
    static func append(_ words: UnsafeBufferPointer<UInt8>, to text: inout [UInt8]) {
        if opensWithClosingPunctuation(words), endsWith(text, " ") {
            while endsWith(text, " ") { text.removeLast() }
        }
        text.append(contentsOf: words)
    }

    /// Appends the words of a NUL-terminated UTF-8 text, as ``append(_:to:)`` does.
    static func append(cString: UnsafePointer<CChar>, to text: inout [UInt8]) {
        let count = strlen(cString)
        cString.withMemoryRebound(to: UInt8.self, capacity: count) { append(UnsafeBufferPointer(start: $0, count: count), to: &text) }
    }

    /// Ends a block of the plain text with a line break, without the spaces a citation at its end left.
    static func endBlock(_ text: inout [UInt8]) {
        while endsWith(text, " ") { text.removeLast() }
        if !text.isEmpty, !endsWith(text, "\n") { text.append(0x0A) }
    }

    /// Whether the last character of the text (UTF-8) is `character`, a character of one ASCII byte. Only
    /// the character before that byte can join it into one: a carriage return joins a line feed, and a
    /// prepended mark (U+0600) joins a space; so the bytes settle it unless that character is not ASCII,
    /// and then it is asked of the characters of the two.
    static func endsWith(_ text: [UInt8], _ character: Unicode.Scalar) -> Bool {
        let byte = UInt8(ascii: character)
        guard text.last == byte else { return false }
        guard text.count >= 2 else { return true }
        let before = text[text.count - 2]
        if before < 0x80 { return !(before == 0x0D && byte == 0x0A) }
        var start = text.count - 2
        while start > 0, text[start] & 0xC0 == 0x80 { start -= 1 }
        return String(decoding: text[start...], as: UTF8.self).last == Character(character)
    }

    /// Whether the words (UTF-8) open with punctuation that closes a phrase: decided from the first byte when
    /// it is none of them or the next is ASCII, and otherwise from the first character, which a combining
    /// mark after it would make another.
    static func opensWithClosingPunctuation(_ words: UnsafeBufferPointer<UInt8>) -> Bool {
        let closing = ".,;:!?)]"
        guard let byte = words.first, closing.utf8.contains(byte) else { return false }
        guard words.count >= 2, words[1] >= 0x80 else { return true }
        return String(decoding: words, as: UTF8.self).first.map { closing.contains($0) } ?? false
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

    /// Whether a body holds `]:` with `[@` after it, as a definition that hides a citation must; most hold
    /// neither, and their lines need not be counted. Found with `memchr`, not byte by byte.
    static func mayHideCitations(_ body: MarkdownBody) -> Bool {
        body.file.bytes.withUnsafeBufferPointer { buffer -> Bool in
            guard let base = buffer.baseAddress, body.range.upperBound <= buffer.count else { return true }
            var index = body.range.lowerBound
            let end = body.range.upperBound
            var definition = false
            while index + 1 < end {
                let wanted = definition ? UInt8(ascii: "[") : UInt8(ascii: "]")
                guard let found = memchr(base + index, Int32(wanted), end - 1 - index) else { return false }
                index = base.distance(to: found.assumingMemoryBound(to: UInt8.self))
                if !definition, buffer[index + 1] == UInt8(ascii: ":") {
                    definition = true
                } else if definition, buffer[index + 1] == UInt8(ascii: "@") {
                    return true
                }
                index += 1
            }
            return false
        }
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
