#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import TimelineCore

/// A citation or link written in a note's prose with the timeline's own syntax.
enum InlineReference: Hashable, Sendable {
    /// `[@cnn-2025]`, `[@cnn-2025, para. 4]`, `[@a; @b]`: citations of one or more sources.
    case citation([CitationItem])
    /// `[[moise]]`, `[[moise|the president]]`: a link to an entry, topic or page.
    case crossLink(target: String, label: String?)
    /// `[[fact:displaced-2025]]`: a fact's value (or statement) with its citation.
    case fact(id: String, label: String?)
    /// `[[source:cnn-2025]]`: a link to a source's page, without citing it.
    case sourceLink(id: String, label: String?)
}

/// One source cited inside `[@...]`.
struct CitationItem: Hashable, Sendable {
    var sourceID: String
    var locator: String?
    /// Byte offset of the item's `@` within the reference's text.
    var offset: Int
}

/// A reference found in a run of text, or a problem with something that looked like one.
struct ScannedReference: Hashable, Sendable {
    /// Bytes of the reference within the scanned text.
    var range: Range<Int>
    var reference: InlineReference?
    var problem: Problem?

    struct Problem: Hashable, Sendable {
        var severity: Diagnostic.Severity
        var id: DiagnosticID
        var message: String
        /// Byte offset of the problem within the reference's text.
        var offset: Int
    }
}

/// Finds `[@...]` citations and `[[...]]` links in text; code is never given to it, so code stays as written.
enum InlineReferenceScanner {
    static func scan(_ text: String) -> [ScannedReference] {
        let bytes = Array(text.utf8)
        var found: [ScannedReference] = []
        var index = 0
        while index + 1 < bytes.count {
            guard bytes[index] == UInt8(ascii: "[") else {
                index = nextBracket(in: bytes, from: index + 1)
                continue
            }
            let next = bytes[index + 1]
            if next == UInt8(ascii: "[") {
                guard let close = find(bytes, "]]", from: index + 2) else {
                    found.append(ScannedReference(
                        range: index..<bytes.count, reference: nil,
                        problem: .init(severity: .error, id: .unclosedLink, message: "'[[' is never closed with ']]'", offset: 0)))
                    return found
                }
                // Another reference opened before the ']]': this link is the one left unclosed.
                if let opened = opening(in: bytes, from: index + 2, to: close) {
                    found.append(ScannedReference(
                        range: index..<opened, reference: nil,
                        problem: .init(severity: .error, id: .unclosedLink, message: "'[[' is never closed with ']]'", offset: 0)))
                    index = opened
                    continue
                }
                let inner = String(decoding: bytes[(index + 2)..<close], as: UTF8.self)
                found.append(crossLink(inner, range: index..<(close + 2)))
                index = close + 2
            } else if next == UInt8(ascii: "@") {
                guard let close = bytes[(index + 2)...].firstIndex(of: UInt8(ascii: "]")) else {
                    found.append(ScannedReference(
                        range: index..<bytes.count, reference: nil,
                        problem: .init(severity: .error, id: .unclosedCitation, message: "citation '[@' is never closed with ']'", offset: 0)))
                    return found
                }
                // Another reference opened before the ']': this citation is the one left unclosed.
                if let inner = opening(in: bytes, from: index + 2, to: close) {
                    found.append(ScannedReference(
                        range: index..<inner, reference: nil,
                        problem: .init(severity: .error, id: .unclosedCitation, message: "citation '[@' is never closed with ']'", offset: 0)))
                    index = inner
                    continue
                }
                found.append(citation(bytes[(index + 1)..<close], range: index..<(close + 1)))
                index = close + 1
            } else {
                index += 1
            }
        }
        return found
    }

    /// Where the next `[` is from `start` on, found by the C library's `memchr`, or the end of `bytes`.
    private static func nextBracket(in bytes: [UInt8], from start: Int) -> Int {
        guard start < bytes.count else { return bytes.count }
        return bytes.withUnsafeBufferPointer { buffer in
            guard let base = buffer.baseAddress, let found = memchr(base + start, Int32(UInt8(ascii: "[")), buffer.count - start) else {
                return buffer.count
            }
            return base.distance(to: found.assumingMemoryBound(to: UInt8.self))
        }
    }

    /// Where `[@` or `[[` first opens in `bytes[start..<end]`.
    private static func opening(in bytes: [UInt8], from start: Int, to end: Int) -> Int? {
        var index = start
        while index + 1 < end {
            if bytes[index] == UInt8(ascii: "["), bytes[index + 1] == UInt8(ascii: "@") || bytes[index + 1] == UInt8(ascii: "[") {
                return index
            }
            index += 1
        }
        return nil
    }

    private static func find(_ bytes: [UInt8], _ needle: String, from start: Int) -> Int? {
        let pattern = Array(needle.utf8)
        var index = start
        while index + pattern.count <= bytes.count {
            if bytes[index] == pattern[0], bytes[index..<(index + pattern.count)].elementsEqual(pattern) { return index }
            index += 1
        }
        return nil
    }

    private static func crossLink(_ inner: String, range: Range<Int>) -> ScannedReference {
        var target = Substring(inner)
        var label: String?
        if let bar = firstBar(in: inner) {
            target = inner[..<bar]
            let text = String(inner[inner.index(after: bar)...]).trimmingWhitespace
            label = text.isEmpty ? nil : text
        }
        let id = String(target).trimmingWhitespace
        if id.isEmpty {
            return ScannedReference(
                range: range, reference: nil,
                problem: .init(severity: .error, id: .emptyLink, message: "'[[ ]]' names no entry, topic or fact", offset: 0))
        }
        if id.hasPrefix("fact:") {
            return ScannedReference(range: range, reference: .fact(id: String(id.dropFirst(5)).trimmingWhitespace, label: label))
        }
        if id.hasPrefix("source:") {
            return ScannedReference(range: range, reference: .sourceLink(id: String(id.dropFirst(7)).trimmingWhitespace, label: label))
        }
        return ScannedReference(range: range, reference: .crossLink(target: id, label: label))
    }

    /// The first `|` of a link's text that is a character of its own. In ASCII text every byte is a
    /// character (a `\r\n` pair is one, but neither byte is a `|`), so the bytes are searched, which is
    /// many times faster than walking the characters; other text is walked character by character.
    static func firstBar(in inner: String) -> String.Index? {
        if inner.utf8.allSatisfy({ $0 < 0x80 }) { return inner.utf8.firstIndex(of: UInt8(ascii: "|")) }
        return inner.firstIndex(of: "|")
    }

    /// Reads `@a, p. 4; @b` (the text between the brackets, from the `@`).
    private static func citation(_ inner: ArraySlice<UInt8>, range: Range<Int>) -> ScannedReference {
        var items: [CitationItem] = []
        var start = inner.startIndex
        while start <= inner.endIndex {
            let end = inner[start...].firstIndex(of: UInt8(ascii: ";")) ?? inner.endIndex
            var part = inner[start..<end]
            // A citation may wrap onto the next line between its sources: "[@a;\n@b]".
            func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D }
            while let first = part.first, isSpace(first) { part.removeFirst() }
            while let last = part.last, isSpace(last) { part.removeLast() }
            let offset = part.startIndex - range.lowerBound
            guard part.first == UInt8(ascii: "@") else {
                return ScannedReference(
                    range: range, reference: nil,
                    problem: .init(
                        severity: .error, id: .malformedCitation,
                        message: "each source in a citation starts with '@', as in [@a; @b, p. 4]", offset: offset))
            }
            var keyEnd = part.startIndex + 1
            while keyEnd < part.endIndex, isKeyByte(part[keyEnd]) { keyEnd += 1 }
            while keyEnd > part.startIndex + 1, [UInt8(ascii: "."), UInt8(ascii: ":")].contains(part[keyEnd - 1]) { keyEnd -= 1 }
            let key = String(decoding: part[(part.startIndex + 1)..<keyEnd], as: UTF8.self)
            if key.isEmpty {
                return ScannedReference(
                    range: range, reference: nil,
                    problem: .init(severity: .error, id: .malformedCitation, message: "'@' is not followed by a source id", offset: offset))
            }
            var rest = String(decoding: part[keyEnd...], as: UTF8.self).trimmingWhitespace
            if rest.hasPrefix(",") { rest = String(rest.dropFirst()).trimmingWhitespace }
            // Punctuation alone after an id ("[@a.]") is not a locator.
            let locator = rest.allSatisfy { ".,:;".contains($0) } ? nil : rest
            items.append(CitationItem(sourceID: key, locator: locator, offset: offset))
            start = end + 1
        }
        return ScannedReference(range: range, reference: .citation(items))
    }

    private static func isKeyByte(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
             UInt8(ascii: "-"), UInt8(ascii: "_"), UInt8(ascii: "."), UInt8(ascii: ":"):
            return true
        default:
            return byte >= 0x80
        }
    }
}

extension InlineReference {
    /// The reference with a label that wrapped onto a new line made one line.
    var unwrapped: InlineReference {
        func line(_ text: String?) -> String? {
            text.map { String($0.split(separator: "\n").joined(separator: " ")) }
        }
        switch self {
        case .citation(let items):
            return .citation(items.map { item in
                var item = item
                item.locator = line(item.locator)
                return item
            })
        case .crossLink(let target, let label): return .crossLink(target: target, label: line(label))
        case .fact(let id, let label): return .fact(id: id, label: line(label))
        case .sourceLink(let id, let label): return .sourceLink(id: id, label: line(label))
        }
    }
}
