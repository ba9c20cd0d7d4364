import TimelineCore

/// A `[[link]]` without words of its own shows the note's title; a title that starts with the word just
/// before the link would show it twice ("The [[gang-coalition]]" as "The The gang coalition").
struct RepeatedWordCheck: SiteCheck {
    func check(_ site: Site, log: DiagnosticLog) {
        for body in site.content.bodies {
            body.file.bytes.withUnsafeBufferPointer { bytes in check(body, bytes: bytes, site: site, log: log) }
        }
    }

    /// Warns about the links of one body that repeat the word before them, reading its file's bytes.
    private func check(_ body: MarkdownBody, bytes: UnsafeBufferPointer<UInt8>, site: Site, log: DiagnosticLog) {
        var index = body.range.lowerBound
        while index + 1 < body.range.upperBound {
            // Eight bytes at a time up to the next "[".
            if index + 8 <= body.range.upperBound, !ByteWord.contains(ByteWord.load(bytes, at: index), UInt8(ascii: "[")) {
                index += 8
                continue
            }
            guard bytes[index] == UInt8(ascii: "["), bytes[index + 1] == UInt8(ascii: "["), index == 0 || bytes[index - 1] != UInt8(ascii: "\\") else {
                index += 1
                continue
            }
            let open = index
            index += 2
            var close = index
            while close + 1 < body.range.upperBound, bytes[close] != UInt8(ascii: "]"), bytes[close] != UInt8(ascii: "\n") { close += 1 }
            guard close + 1 < body.range.upperBound, bytes[close] == UInt8(ascii: "]"), bytes[close + 1] == UInt8(ascii: "]") else { continue }
            // The word before the link first: most links have none, and it costs no lookup.
            guard let before = Self.word(before: open, in: bytes, from: body.range.lowerBound) else { continue }
            let id = String(decoding: UnsafeBufferPointer(rebasing: bytes[index..<close]), as: UTF8.self)
            guard !id.utf8.contains(UInt8(ascii: "|")), !id.utf8.contains(UInt8(ascii: ":")), let title = site.index.notes[id]?.title,
                  case let first = title.drop(while: { $0 == " " }).prefix(while: { $0 != " " }), !first.isEmpty,
                  before.lowercased() == first.lowercased() else { continue }
            log.warning(
                .repeatedWord,
                "'\(before) [[\(id)]]' shows as '\(before) \(title)': the title starts with '\(first)'; write [[\(id)]] alone, or give the link words of its own: [[\(id)|…]]",
                at: body.file.location(ofOffset: open))
        }
    }

    /// The word just before `offset`, after spaces, when it is made of letters.
    static func word(before offset: Int, in bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> String? {
        var end = offset
        while end > start, bytes[end - 1] == UInt8(ascii: " ") { end -= 1 }
        guard end < offset else { return nil }
        var begin = end
        while begin > start, (0x41...0x5A).contains(bytes[begin - 1]) || (0x61...0x7A).contains(bytes[begin - 1]) { begin -= 1 }
        guard begin < end else { return nil }
        return String(decoding: UnsafeBufferPointer(rebasing: bytes[begin..<end]), as: UTF8.self)
    }
}
