import TimelineCore

/// TimelineJS's slide text, a little HTML, as the content format's Markdown: paragraphs, line breaks, bold,
/// italics and http(s) links become Markdown, and everything else is text, shown as TimelineJS shows it.
///
/// Text, entities decoded, is escaped for Markdown, so that `&lt;img&gt;` stays the text `<img>` rather than
/// becoming a tag, and `[@id]` or `*` stay the characters they were; link addresses are percent-encoded, so
/// that an address cannot end its link early.
enum TimelineJSText {
    /// The Markdown of a cell of HTML.
    static func markdown(fromHTML html: String) -> String {
        var out = MarkdownWriter()
        var link: String?
        var rest = Substring(html)
        while let open = rest.firstIndex(of: "<") {
            out.text(decodeEntities(String(rest[..<open])))
            guard let close = rest[open...].firstIndex(of: ">") else {
                rest = rest[open...]
                break
            }
            let tag = rest[rest.index(after: open)..<close]
            rest = rest[rest.index(after: close)...]
            let closing = tag.hasPrefix("/")
            let name = (closing ? "/" : "") + tag.dropFirst(closing ? 1 : 0).prefix { $0.isLetter || $0.isNumber }.lowercased()
            switch name {
            case "p", "/p": out.paragraph()
            case "br": out.lineBreak()
            case "strong", "/strong", "b", "/b": out.mark("**")
            case "em", "/em", "i", "/i": out.mark("*")
            case "a":
                if link == nil, let href = attribute("href", in: tag), let address = linkAddress(href) {
                    out.mark("[")
                    out.inLabel = true
                    link = address
                }
            case "/a":
                if let address = link { out.mark("](\(address))") }
                out.inLabel = false
                link = nil
            default: break
            }
        }
        out.text(decodeEntities(String(rest)))
        if let address = link { out.mark("](\(address))") }
        return out.markdown
    }

    /// Text without tags, with the common entities decoded: for titles, which YAML quotes.
    static func plainText(_ html: String) -> String {
        var out = ""
        var inTag = false
        for char in html {
            if char == "<" { inTag = true } else if char == ">" { inTag = false } else if !inTag { out.append(char) }
        }
        return decodeEntities(out).trimmingWhitespace
    }

    static func decodeEntities(_ text: String) -> String {
        guard text.contains("&") else { return text }
        var text = text
        for (entity, value) in [("&lt;", "<"), ("&gt;", ">"), ("&quot;", "\""), ("&#39;", "'"), ("&apos;", "'"), ("&nbsp;", " "), ("&amp;", "&")] {
            text = text.replacingText(entity, with: value)
        }
        return text
    }

    /// The value of an attribute written `name="value"` or `name='value'` in a tag.
    static func attribute(_ name: String, in tag: Substring) -> String? {
        for quote in ["\"", "'"] {
            if let start = tag.range(of: name + "=" + quote) {
                return decodeEntities(String(tag[start.upperBound...].prefix { String($0) != quote }))
            }
        }
        return nil
    }

    /// An http or https address as a Markdown link destination: every character that could end the link or
    /// start a title, and every character that is not printable ASCII, is percent-encoded. Nil for any other
    /// scheme.
    static func linkAddress(_ address: String) -> String? {
        let trimmed = address.trimmingWhitespace
        let lower = trimmed.lowercased()
        guard lower.hasPrefix("http://") || lower.hasPrefix("https://") else { return nil }
        return PathText.percentEncoded(trimmed, keeping: Set("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~:/?#@!$&*+,;=%".utf8))
    }

    /// Markdown built from text and marks: text is escaped, and lines are trimmed and start no block.
    struct MarkdownWriter {
        private(set) var result = ""
        /// Blank lines asked for but not yet written, so that none opens or closes the text.
        private var pendingBreak = ""
        /// Whether text goes inside a link's label, where `]` would end it.
        var inLabel = false

        /// Text as it reads, Markdown's characters escaped; spaces that would start a line are dropped.
        mutating func text(_ text: String) {
            let lines = text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
                .split(separator: "\n", omittingEmptySubsequences: false)
            for (number, line) in lines.enumerated() {
                if number > 0 { lineBreak() }
                let atLineStart = result.isEmpty || result.hasSuffix("\n") || !pendingBreak.isEmpty
                let piece = atLineStart ? line.drop { $0 == " " || $0 == "\t" } : line
                if piece.isEmpty { continue }
                write(Self.escaped(String(piece), atLineStart: atLineStart, inLabel: inLabel))
            }
        }

        /// The Markdown written, without spaces at the ends of its lines.
        var markdown: String {
            result.split(separator: "\n", omittingEmptySubsequences: false)
                .map { line in String(line.reversed().drop { $0 == " " || $0 == "\t" }.reversed()) }.joined(separator: "\n")
        }

        /// Markdown syntax, as it is.
        mutating func mark(_ mark: String) {
            write(mark)
        }

        mutating func paragraph() {
            if !result.isEmpty { pendingBreak = "\n\n" }
        }

        mutating func lineBreak() {
            if !result.isEmpty, pendingBreak.isEmpty { pendingBreak = "\n" }
        }

        private mutating func write(_ text: String) {
            result += pendingBreak + text
            pendingBreak = ""
        }

        /// Text with every character Markdown could read as syntax escaped by a backslash: the inline ones
        /// anywhere, `&` where it would start an entity, and those that start a block (a heading, a list, a
        /// quote) at the start of a line. `]` is escaped only in a link's label: elsewhere every `[` is escaped
        /// already, and `\[@id]` is how a citation is written as text.
        static func escaped(_ text: String, atLineStart: Bool, inLabel: Bool = false) -> String {
            var result = ""
            let chars = Array(text)
            for (index, char) in chars.enumerated() {
                let startsEntity = char == "&" && startsEntity(chars[(index + 1)...])
                // In "[[" only the first bracket is escaped: "\\[[" is how the reference is written as text.
                let secondBracket = char == "[" && result.hasSuffix("\\[")
                if ("\\`*_[<~|".contains(char) && !secondBracket) || (inLabel && char == "]") || startsEntity || (index == 0 && atLineStart && "#-+=>".contains(char)) {
                    result.append("\\")
                }
                result.append(char)
            }
            // "1. " or "1) " starting a line would begin a numbered list.
            if atLineStart, let end = result.firstIndex(where: { !$0.isNumber }), end != result.startIndex, ".)".contains(result[end]) {
                result.insert("\\", at: end)
            }
            return result
        }

        /// Whether the characters after a `&` make an entity or character reference: `amp;`, `#38;`, `#x26;`.
        static func startsEntity(_ rest: ArraySlice<Character>) -> Bool {
            var rest = rest
            if rest.first == "#" { rest = rest.dropFirst() }
            let name = rest.prefix { $0.isASCII && ($0.isLetter || $0.isNumber) }
            return !name.isEmpty && rest.dropFirst(name.count).first == ";"
        }
    }
}

private extension Substring {
    func trimmingCharacters(in set: Set<Character>) -> String {
        var slice = self
        while let first = slice.first, set.contains(first) { slice.removeFirst() }
        while let last = slice.last, set.contains(last) { slice.removeLast() }
        return String(slice)
    }
}
