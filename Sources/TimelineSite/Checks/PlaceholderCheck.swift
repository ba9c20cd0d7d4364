import TimelineContent
import TimelineCore

/// A note still holding the words `timeline new` wrote in it is a note its author has not finished.
struct PlaceholderCheck: SiteCheck {
    func check(_ site: Site, log: DiagnosticLog) {
        let bodies = site.content.entries.map(\.body) + site.content.topics.map(\.body) + site.content.pages.map(\.body)
        for body in bodies {
            let text = body.file.bytes[body.range]
            for placeholder in NoteScaffold.placeholders {
                guard let offset = Self.offset(of: Array(placeholder.utf8), in: text) else { continue }
                log.warning(
                    .placeholderText, "the note still holds the text 'timeline new' wrote: '\(placeholder)'; replace it with the note's own words",
                    at: body.file.location(ofOffset: offset))
                break
            }
        }
    }

    /// Where `needle` first starts in `text`, as an offset in its file.
    static func offset(of needle: [UInt8], in text: ArraySlice<UInt8>) -> Int? {
        guard let first = needle.first, needle.count <= text.count else { return nil }
        var index = text.startIndex
        while index <= text.endIndex - needle.count {
            if text[index] == first, text[index..<index + needle.count].elementsEqual(needle) { return index }
            index += 1
        }
        return nil
    }
}
