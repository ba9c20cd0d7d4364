#if canImport(Glibc)
import Glibc
#endif
import TimelineContent
import TimelineCore

/// A note still holding the words `timeline new` wrote in it is a note its author has not finished.
struct PlaceholderCheck: SiteCheck {
    func check(_ site: Site, log: DiagnosticLog) {
        let bodies = site.content.entries.map({ $0.body }) + site.content.topics.map({ $0.body }) + site.content.pages.map({ $0.body })
        let needles = NoteScaffold.placeholders.map { ($0, Array($0.utf8)) }
        for body in bodies {
            let text = body.file.bytes[body.range]
            for (placeholder, needle) in needles {
                guard let offset = Self.offset(of: needle, in: text) else { continue }
                log.warning(
                    .placeholderText, "the note still holds the text 'timeline new' wrote: '\(placeholder)'; replace it with the note's own words",
                    at: body.file.location(ofOffset: offset))
                break
            }
        }
    }

    /// Where `needle` first starts in `text`, as an offset in its file: the C library's `memchr` finds each
    /// place its first byte (a capital letter, rare in prose) stands, and `memcmp` compares the rest, as every
    /// build runs this over every body.
    static func offset(of needle: [UInt8], in text: ArraySlice<UInt8>) -> Int? {
        guard let first = needle.first, needle.count <= text.count else { return nil }
        return text.withUnsafeBytes { haystack -> Int? in
            needle.withUnsafeBytes { wanted -> Int? in
                guard let base = haystack.baseAddress, let want = wanted.baseAddress else { return nil }
                var at = 0
                while at + needle.count <= haystack.count, let found = memchr(base + at, Int32(first), haystack.count - needle.count + 1 - at) {
                    let position = UnsafeRawPointer(found) - base
                    if memcmp(found, want, needle.count) == 0 { return text.startIndex + position }
                    at = position + 1
                }
                return nil
            }
        }
    }
}
