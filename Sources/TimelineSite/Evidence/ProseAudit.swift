import TimelineCore

/// Reads an entry's prose as a standards desk would: which paragraphs cite nothing, and which figures are
/// written in digits rather than taken from the fact set.
enum ProseAudit {
    static let months = WeekdayChecker.monthNames

    static func audit(_ body: MarkdownBody, into line: inout EvidenceReport.EntryLine) {
        let bytes = body.file.bytes
        var offset = body.range.lowerBound
        var paragraphStart: Int?
        var cited = false
        func endParagraph() {
            if let start = paragraphStart, !cited { line.uncitedParagraphs.append(body.file.location(ofOffset: start)) }
            paragraphStart = nil
            cited = false
        }
        var inFence = false
        while offset < body.range.upperBound {
            var end = offset
            while end < body.range.upperBound, bytes[end] != UInt8(ascii: "\n") { end += 1 }
            let text = String(decoding: bytes[offset..<end], as: UTF8.self)
            let trimmed = text.trimmingWhitespace
            if trimmed.hasPrefix("```") || trimmed.hasPrefix("~~~") { inFence.toggle() }
            if trimmed.isEmpty || inFence {
                endParagraph()
            } else {
                let isProse = !(trimmed.hasPrefix("#") || trimmed.hasPrefix("|") || trimmed.hasPrefix("<") || trimmed.hasPrefix("```"))
                if paragraphStart == nil, isProse { paragraphStart = offset }
                if text.contains("[@") || text.contains("[[fact:") { cited = true }
                for figure in figures(in: text) {
                    line.figures.append((figure.text, body.file.location(ofOffset: offset + figure.offset)))
                }
            }
            offset = end + 1
        }
        endParagraph()
    }

    /// Numbers written in digits in a line of prose, with their byte offsets: not years, not the day of a
    /// date, and not inside `[@…]`, `[[…]]` or a link's address.
    static func figures(in line: String) -> [(text: String, offset: Int)] {
        let bytes = Array(line.utf8)
        var found: [(String, Int)] = []
        var depth = 0
        var index = 0
        var previousWord = ""
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "[") || byte == UInt8(ascii: "(") { depth += 1 }
            if byte == UInt8(ascii: "]") || byte == UInt8(ascii: ")") { depth = max(0, depth - 1) }
            guard (0x30...0x39).contains(byte), index == 0 || !isWordByte(bytes[index - 1]) else {
                if isWordByte(byte) {
                    var end = index
                    while end < bytes.count, isWordByte(bytes[end]) { end += 1 }
                    previousWord = String(decoding: bytes[index..<end], as: UTF8.self).lowercased()
                    index = end
                } else {
                    index += 1
                }
                continue
            }
            var end = index
            while end < bytes.count, (0x30...0x39).contains(bytes[end])
                || ((bytes[end] == UInt8(ascii: ",") || bytes[end] == UInt8(ascii: ".")) && end + 1 < bytes.count && (0x30...0x39).contains(bytes[end + 1])) {
                end += 1
            }
            let number = String(decoding: bytes[index..<end], as: UTF8.self)
            var next = end
            while next < bytes.count, bytes[next] == UInt8(ascii: " ") { next += 1 }
            var nextEnd = next
            while nextEnd < bytes.count, isWordByte(bytes[nextEnd]) { nextEnd += 1 }
            let nextWord = String(decoding: bytes[next..<nextEnd], as: UTF8.self).lowercased()
            let isYear = number.count == 4 && Int(number).map { (1000...2199).contains($0) } == true
            let isDay = Int(number).map { (1...31).contains($0) } == true && (months.contains(nextWord) || months.contains(previousWord))
            if depth == 0, !isYear, !isDay { found.append((number, index)) }
            previousWord = number
            index = end
        }
        return found
    }

    private static func isWordByte(_ byte: UInt8) -> Bool {
        (0x30...0x39).contains(byte) || (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte) || byte >= 0x80
    }
}
