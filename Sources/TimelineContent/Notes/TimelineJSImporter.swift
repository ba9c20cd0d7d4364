import TimelineCore

/// Turns a TimelineJS spreadsheet (its published CSV template: Year, Month, Day, …, Headline, Text, Media,
/// Group, Type) into entry files of the content format, and topic files for its groups.
public struct TimelineJSImporter: Sendable {
    /// A note to write, by path relative to the content folder.
    public struct File: Sendable, Equatable {
        public var path: String
        public var text: String
    }

    public struct Result: Sendable {
        public var files: [File] = []
        /// Problems with rows that were skipped, and things the author must still do.
        public var messages: [String] = []
    }

    /// Ids already used in the content, so that new notes never take them.
    let existingIDs: Set<String>

    public init(existingIDs: Set<String> = []) {
        self.existingIDs = existingIDs
    }

    /// Converts a sheet as it was read from its file: one that is not UTF-8 text is refused, with the place
    /// of its first wrong byte, rather than read with replacement characters.
    public func convert(bytes: [UInt8], fileName: String) -> Result {
        if let problem = ContentFiles.encodingProblem(bytes) {
            let location = SourceText(path: fileName, bytes: bytes).location(ofOffset: problem.offset)
            let message = problem.message.replacingOccurrences(of: "save it as UTF-8", with: "export the spreadsheet as CSV in UTF-8")
            return Result(files: [], messages: ["\(location): error: \(message)"])
        }
        return convert(csv: String(decoding: bytes, as: UTF8.self), fileName: fileName)
    }

    public func convert(csv text: String, fileName: String) -> Result {
        var result = Result()
        let records = CSV.records(text.hasPrefix("\u{FEFF}") ? String(text.dropFirst()) : text)
        if let line = records.unclosedQuoteLine {
            result.messages.append("\(fileName):\(line): error: the quote that opens a field on this line is never closed, so every line after it would be one field; nothing was imported")
            return result
        }
        let rows = records.rows
        guard let header = rows.first?.fields else {
            result.messages.append("\(fileName): error: the file is empty")
            return result
        }
        let columns = Dictionary(header.enumerated().map { ($1.trimmingWhitespace.lowercased(), $0) }, uniquingKeysWith: { first, _ in first })
        guard columns["year"] != nil, columns["headline"] != nil else {
            result.messages.append("\(fileName): error: not a TimelineJS spreadsheet: it needs the columns Year and Headline")
            return result
        }
        var used = existingIDs
        var topics: [String: String] = [:]
        var needSources = 0
        var media: [String] = []
        var mediaFiles: Set<String> = []
        for (line, row) in rows.dropFirst() {
            func cell(_ name: String) -> String {
                guard let index = columns[name], index < row.count else { return "" }
                return row[index].trimmingWhitespace
            }
            if row.allSatisfy({ $0.trimmingWhitespace.isEmpty }) { continue }
            let type = cell("type").lowercased()
            let headline = Self.plainText(cell("headline"))
            if type == "title" {
                result.messages.append("\(fileName):\(line): note: the title slide \"\(headline)\" is not imported; put it in site.yaml as title")
                continue
            }
            guard let start = Self.date(year: cell("year"), month: cell("month"), day: cell("day")) else {
                result.messages.append("\(fileName):\(line): warning: row skipped: '\(cell("year"))-\(cell("month"))-\(cell("day"))' is not a date this format can hold")
                continue
            }
            var date = start
            if !cell("end year").isEmpty {
                guard let end = Self.date(year: cell("end year"), month: cell("end month"), day: cell("end day")) else {
                    result.messages.append("\(fileName):\(line): warning: row skipped: its end date is not a valid date")
                    continue
                }
                date = start + "/" + end
            }
            let display = cell("display date").lowercased()
            if !date.contains("/"), display.hasPrefix("c.") || display.hasPrefix("circa") || display.hasPrefix("about") || display.hasPrefix("around") {
                date += "~"
            }
            do {
                _ = try EDTFDate(parsing: date)
            } catch {
                result.messages.append("\(fileName):\(line): warning: row skipped: \(error.message)")
                continue
            }
            if type == "era" {
                result.messages.append("\(fileName):\(line): note: the era \"\(headline)\" is not imported; add it to site.yaml under eras with date \(date)")
                continue
            }
            guard !headline.isEmpty else {
                result.messages.append("\(fileName):\(line): warning: row skipped: it has no headline")
                continue
            }
            if let problem = NoteScaffold.readBackProblem(
                "---\ntitle: \(NoteScaffold.quoted(headline))\n---\n", kind: .page, id: "headline", title: headline, path: fileName) {
                result.messages.append("\(fileName):\(line): warning: row skipped: \(problem)")
                continue
            }
            let id = Self.unique(Identifier.made(from: headline).isEmpty ? "entry" : Identifier.made(from: headline), in: &used)
            var frontMatter = ["---", "title: \(NoteScaffold.quoted(headline))", "date: \(date)"]
            var group = Self.plainText(cell("group"))
            if !group.isEmpty, NoteScaffold.readBackProblem("---\ntitle: \(NoteScaffold.quoted(group))\n---\n", kind: .page, id: "group", title: group, path: fileName) != nil {
                result.messages.append("\(fileName):\(line): warning: the group of this row is left out: it cannot be a topic's title")
                group = ""
            }
            if !group.isEmpty {
                let topicID = topics[group] ?? Self.unique(Identifier.made(from: group).isEmpty ? "group" : Identifier.made(from: group), in: &used)
                topics[group] = topicID
                frontMatter.append("topics: [\(topicID)]")
            }
            var body = TimelineJSText.markdown(fromHTML: cell("text"))
            let address = TimelineJSText.linkAddress(cell("media"))
            if let address, let name = Self.imageFileName(address, taken: &mediaFiles) {
                // An image becomes an image of media/, described in media.yaml, and the entry's lead image.
                frontMatter.append("image: \(NoteScaffold.quoted(name))")
                media.append(Self.mediaItem(name, address: address, caption: Self.plainText(cell("media caption")), credit: Self.plainText(cell("media credit"))))
            }
            frontMatter += ["sources: []", "---", ""]
            if let media = address, !frontMatter.contains(where: { $0.hasPrefix("image: ") }) {
                let caption = Self.plainText(cell("media caption"))
                let credit = Self.plainText(cell("media credit"))
                let label = [caption, credit].filter { !$0.isEmpty }.joined(separator: ", ")
                // An address alone is shown as an autolink, as percent-encoded; a caption or credit as a link's label.
                var link = "<\(media)>"
                if !label.isEmpty {
                    link = "[\(TimelineJSText.MarkdownWriter.escaped(label.split(whereSeparator: \.isNewline).joined(separator: " "), atLineStart: false, inLabel: true))](\(media))"
                }
                body += (body.isEmpty ? "" : "\n\n") + "Media: " + link
            }
            if body.isEmpty { body = "Say what happened, citing a source for each claim with `[@source-id]`." }
            result.files.append(File(path: "entries/\(id).md", text: frontMatter.joined(separator: "\n") + "\n" + body + "\n"))
            needSources += 1
        }
        for (title, id) in topics.sorted(by: { $0.value < $1.value }) {
            let text = ["---", "title: \(NoteScaffold.quoted(title))", "kind: theme", "---", "", "Entries of the group \(title)."].joined(separator: "\n") + "\n"
            result.files.append(File(path: "topics/\(id).md", text: text))
        }
        if !media.isEmpty {
            result.files.append(File(path: "media.yaml", text: media.joined()))
            result.messages.append(
                "note: \(media.count) \(media.count == 1 ? "image is" : "images are") described in media.yaml: save each from its source_url into media/, and say what it shows in its alt")
        }
        if needSources > 0 {
            result.messages.append("note: \(needSources) \(needSources == 1 ? "entry needs" : "entries need") a source before the site builds: cite one in the text or list it under 'sources'")
        }
        return result
    }

    static func unique(_ id: String, in used: inout Set<String>) -> String {
        var candidate = id
        var number = 2
        while used.contains(candidate) {
            candidate = "\(id)-\(number)"
            number += 1
        }
        used.insert(candidate)
        return candidate
    }

    /// An EDTF date from TimelineJS's Year, Month and Day cells, or nil when they do not make one.
    static func date(year: String, month: String, day: String) -> String? {
        guard let yearValue = Int(year), yearValue >= 0, yearValue <= 9999 else { return nil }
        var text = String(repeating: "0", count: max(0, 4 - String(yearValue).count)) + String(yearValue)
        if !month.isEmpty {
            guard let monthValue = Int(month), (1...12).contains(monthValue) else { return nil }
            text += "-" + String(format2: monthValue)
            if !day.isEmpty {
                guard let dayValue = Int(day), (1...31).contains(dayValue) else { return nil }
                text += "-" + String(format2: dayValue)
            }
        }
        return text
    }

    /// Text without tags, with the common entities decoded.
    static func plainText(_ html: String) -> String {
        TimelineJSText.plainText(html)
    }

    /// The file name an image of the sheet takes in `media/`, made unique, or nil when the address is not an
    /// image file (a video, a post, a page).
    static func imageFileName(_ address: String, taken: inout Set<String>) -> String? {
        let path = address.split(separator: "?").first.map(String.init) ?? address
        guard let last = path.split(separator: "/").last, let dot = last.lastIndex(of: ".") else { return nil }
        let extensionName = last[last.index(after: dot)...].lowercased()
        guard ["jpg", "jpeg", "png", "webp"].contains(extensionName) else { return nil }
        var stem = Identifier.made(from: String(last[..<dot]))
        if stem.isEmpty { stem = "image" }
        var name = stem + "." + extensionName
        var number = 2
        while taken.contains(name) {
            name = "\(stem)-\(number).\(extensionName)"
            number += 1
        }
        taken.insert(name)
        return name
    }

    /// The description of an imported image in `media.yaml`: its credit, caption and address, with an empty
    /// `alt`, which the build asks for until it is written.
    static func mediaItem(_ name: String, address: String, caption: String, credit: String) -> String {
        var lines = ["- file: \(NoteScaffold.quoted(name))", "  alt: \"\"", "  credit: \(NoteScaffold.quoted(credit))", "  license: \"\""]
        if !caption.isEmpty { lines.append("  caption: \(NoteScaffold.quoted(caption.split(whereSeparator: \.isNewline).joined(separator: " ")))") }
        lines.append("  source_url: \(NoteScaffold.quoted(address))")
        return lines.joined(separator: "\n") + "\n"
    }
}
