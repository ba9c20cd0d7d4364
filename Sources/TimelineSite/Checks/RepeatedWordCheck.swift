#if canImport(Glibc)
import Glibc
#endif
import TimelineCore

/// A `[[link]]` without words of its own shows the note's title; a title that starts with the word just
/// before the link would show it twice ("The [[gang-coalition]]" as "The The gang coalition").
struct RepeatedWordCheck: SiteCheck {
    func check(_ site: Site, log: DiagnosticLog) {
        // The first words of all titles, lowercased, by hash: a link whose word before is none of them is
        // passed over without making its id a text or looking its note up.
        let firstWords = Set(site.index.notes.values.compactMap { Self.firstWordHash(of: $0.title) })
        for body in site.content.bodies {
            body.file.bytes.withUnsafeBufferPointer { bytes in check(body, bytes: bytes, firstWords: firstWords, site: site, log: log) }
        }
    }

    /// The hash of a title's first word as lowercase, which the word before a link has when it is the same
    /// word; nil when that lowercase is not ASCII, as the word before a link always is.
    static func firstWordHash(of title: String) -> UInt64? {
        asciiFirstWordHash(of: title) ?? characterFirstWordHash(of: title)
    }

    /// The hash of a title's first word taken character by character and lowercased as text.
    static func characterFirstWordHash(of title: String) -> UInt64? {
        let first = title.drop(while: { $0 == " " }).prefix(while: { $0 != " " }).lowercased()
        return first.utf8.allSatisfy({ $0 < 0x80 }) ? Array(first.utf8).withUnsafeBufferPointer(hash(lowercased:)) : nil
    }

    /// The hash of a title's first word read from its bytes, when the title is ASCII up to the byte after
    /// that word, as almost every title is (where characters and bytes are one); nil otherwise, and for a
    /// title with no word.
    static func asciiFirstWordHash(of title: String) -> UInt64? {
        title.utf8.withContiguousStorageIfAvailable { bytes -> UInt64? in
            var start = 0
            while start < bytes.count, bytes[start] == UInt8(ascii: " ") { start += 1 }
            var end = start
            while end < bytes.count, bytes[end] != UInt8(ascii: " "), bytes[end] < 0x80 { end += 1 }
            // A byte that is not ASCII in the word, or just after it (a mark that joins the space), is left
            // to the characters.
            guard end > start, end == bytes.count || bytes[end] == UInt8(ascii: " "), end + 1 >= bytes.count || bytes[end + 1] < 0x80 else { return nil }
            return hash(lowercased: UnsafeBufferPointer(rebasing: bytes[start..<end]))
        } ?? nil
    }

    /// A hash of an ASCII word as lowercase (FNV-1a).
    static func hash(lowercased word: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        for byte in word { hash = (hash ^ UInt64((0x41...0x5A).contains(byte) ? byte + 0x20 : byte)) &* 0x0000_0100_0000_01B3 }
        return hash
    }

    /// Warns about the links of one body that repeat the word before them, reading its file's bytes.
    private func check(_ body: MarkdownBody, bytes: UnsafeBufferPointer<UInt8>, firstWords: Set<UInt64>, site: Site, log: DiagnosticLog) {
        guard let base = bytes.baseAddress else { return }
        var index = body.range.lowerBound
        while index + 1 < body.range.upperBound {
            // The C library's `memchr` finds the next "[", as every build runs this over every body.
            guard let found = memchr(base + index, Int32(UInt8(ascii: "[")), body.range.upperBound - 1 - index) else { return }
            index = UnsafeRawPointer(found) - UnsafeRawPointer(base)
            guard bytes[index + 1] == UInt8(ascii: "["), index == 0 || bytes[index - 1] != UInt8(ascii: "\\") else {
                index += 1
                continue
            }
            let open = index
            index += 2
            var close = index
            while close + 1 < body.range.upperBound, bytes[close] != UInt8(ascii: "]"), bytes[close] != UInt8(ascii: "\n") { close += 1 }
            guard close + 1 < body.range.upperBound, bytes[close] == UInt8(ascii: "]"), bytes[close + 1] == UInt8(ascii: "]") else { continue }
            // The word before the link first: most links have none, and it costs no lookup.
            let word = Self.wordRange(before: open, in: bytes, from: body.range.lowerBound)
            guard !word.isEmpty, firstWords.contains(Self.hash(lowercased: UnsafeBufferPointer(rebasing: bytes[word]))),
                  !bytes[index..<close].contains(where: { $0 == UInt8(ascii: "|") || $0 == UInt8(ascii: ":") }) else { continue }
            let id = String(decoding: UnsafeBufferPointer(rebasing: bytes[index..<close]), as: UTF8.self)
            guard let title = site.index.notes[id]?.title,
                  case let first = title.drop(while: { $0 == " " }).prefix(while: { $0 != " " }), !first.isEmpty,
                  Self.sameWord(UnsafeBufferPointer(rebasing: bytes[word]), first) else { continue }
            let before = String(decoding: UnsafeBufferPointer(rebasing: bytes[word]), as: UTF8.self)
            log.warning(
                .repeatedWord,
                "'\(before) [[\(id)]]' shows as '\(before) \(title)': the title starts with '\(first)'; write [[\(id)]] alone, or give the link words of its own: [[\(id)|…]]",
                at: body.file.location(ofOffset: open))
        }
    }

    /// Where the word just before `offset` lies, after spaces, when it is made of ASCII letters; empty when
    /// there is none.
    static func wordRange(before offset: Int, in bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Range<Int> {
        var end = offset
        while end > start, bytes[end - 1] == UInt8(ascii: " ") { end -= 1 }
        guard end < offset else { return offset..<offset }
        var begin = end
        while begin > start, (0x41...0x5A).contains(bytes[begin - 1]) || (0x61...0x7A).contains(bytes[begin - 1]) { begin -= 1 }
        return begin..<end
    }

    /// Whether a word of ASCII letters is `other` in any case. An ASCII word is compared byte by byte, any
    /// other as lowercased text (where a Kelvin sign is a k).
    static func sameWord(_ word: UnsafeBufferPointer<UInt8>, _ other: Substring) -> Bool {
        func lower(_ byte: UInt8) -> UInt8 { (0x41...0x5A).contains(byte) ? byte + 0x20 : byte }
        guard other.utf8.allSatisfy({ $0 < 0x80 }) else {
            return String(decoding: word, as: UTF8.self).lowercased() == other.lowercased()
        }
        return other.utf8.count == word.count && zip(word, other.utf8).allSatisfy { lower($0) == lower($1) }
    }
}
