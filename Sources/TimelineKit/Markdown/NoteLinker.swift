/// What a note's body refers to, found while its Markdown is rendered.
struct RenderedNote: Sendable {
    var kind: NoteKind
    var id: String
    var markdown: RenderedMarkdown
    /// Sources cited in the body, numbered; the page goes on numbering after it.
    var citations: CitationList
    /// Notes the body links to with `[[...]]`, with the anchor of each mention.
    var mentions: [Mention]
    /// Facts placed in the prose with `[[fact:...]]`.
    var inlineFacts: [String]
}

/// A link from one note's prose to another note.
struct Mention: Sendable, Hashable {
    var target: String
    var anchor: String
}

/// Resolves the citations, `[[...]]` links and ordinary links of one note's body against the site,
/// numbering citations for the note's page and reporting what cannot be resolved.
struct NoteLinker: MarkdownResolver {
    let index: SiteIndex
    let note: NoteInfo
    /// The note's folder in the content, for resolving links to other Markdown files.
    let folder: String
    var citations = CitationList()
    var mentions: [Mention] = []
    /// How many times the body has linked to each note so far, for each mention's anchor.
    private var mentionCounts: [String: Int] = [:]
    var inlineFacts: [String] = []
    var diagnostics: [Diagnostic] = []
    /// Everything the rendering looked up in the site, with what it found: the rendering stays right for as
    /// long as each lookup finds the same (see ``signature(of:in:)``).
    var dependencies: [String: String] = [:]

    /// A note's body rendered, with what it refers to, its diagnostics, and what it depends on.
    struct Result: Sendable {
        var note: RenderedNote
        var diagnostics: [Diagnostic]
        var dependencies: [String: String]
    }

    /// Renders a note's body and returns it with what it refers to.
    static func render(_ body: MarkdownBody, note: NoteInfo, index: SiteIndex) -> (RenderedNote, [Diagnostic]) {
        let result = renderRecordingDependencies(body, note: note, index: index)
        return (result.note, result.diagnostics)
    }

    static func renderRecordingDependencies(_ body: MarkdownBody, note: NoteInfo, index: SiteIndex) -> Result {
        var linker = NoteLinker(index: index, note: note, folder: note.kind.folder)
        let markdown = CommonMarkRenderer.render(body, options: options(index), resolver: &linker)
        let rendered = RenderedNote(
            kind: note.kind, id: note.id, markdown: markdown, citations: linker.citations, mentions: linker.mentions,
            inlineFacts: linker.inlineFacts)
        return Result(note: rendered, diagnostics: linker.diagnostics, dependencies: linker.dependencies)
    }

    static func options(_ index: SiteIndex) -> CommonMarkRenderer.Options {
        CommonMarkRenderer.Options(allowHTML: index.settings.allowHTML, smartPunctuation: index.settings.smartPunctuation)
    }

    /// What a lookup finds in the site: `source:ID`, `note:ID`, `fact:ID` or `path:PATH`.
    static func signature(of key: String, in index: SiteIndex) -> String {
        guard let colon = key.firstIndex(of: ":") else { return "" }
        let kind = key[..<colon]
        let id = String(key[key.index(after: colon)...])
        switch kind {
        case "source":
            if let source = index.sources[id] { return "=" + source.name }
            return index.brokenIDs.contains(key) ? "broken" : "none"
        case "note":
            if let info = index.notes[id] { return "=\(info.kind.rawValue)|\(info.title)" }
            return index.brokenIDs.contains(key) ? "broken" : "none"
        case "fact":
            guard let fact = index.facts[id] else { return index.brokenIDs.contains(key) ? "broken" : "none" }
            var signature = "=" + fact.inlineText
            for citation in fact.citations {
                let known = index.sources[citation.sourceID] != nil
                signature += "|\(citation.sourceID):\(known):\(citation.locator ?? "")\u{1}\(citation.quote ?? "")\u{1}\(citation.quoteLanguage ?? "")"
            }
            return signature
        case "path":
            return index.paths.contains(id) ? "yes" : "no"
        default:
            return ""
        }
    }

    /// Records a lookup, and returns whether it found something.
    private mutating func depend(on key: String) {
        if dependencies[key] == nil { dependencies[key] = Self.signature(of: key, in: index) }
    }

    mutating func report(_ diagnostic: Diagnostic) { diagnostics.append(diagnostic) }

    mutating func resolve(_ reference: InlineReference, at location: SourceLocation, items places: [SourceLocation]) -> (html: String, text: String) {
        switch reference {
        case .citation(let items):
            var marks: [(number: Int, anchor: String?, sourceID: String, locator: String?)] = []
            for (position, item) in items.enumerated() {
                depend(on: "source:" + item.sourceID)
                let itemLocation = position < places.count ? places[position] : location
                guard index.sources[item.sourceID] != nil else {
                    reportUnknown("source", item.sourceID, written: "[@\(item.sourceID)]", among: index.sources.keys, at: itemLocation)
                    continue
                }
                let cited = citations.cite(item.sourceID, locator: item.locator)
                marks.append((cited.number, cited.anchor, item.sourceID, item.locator))
            }
            return (CitationList.marks(marks), "")

        case .crossLink(let target, let label):
            depend(on: "note:" + target)
            guard let info = index.notes[target] else {
                reportUnknown("entry, topic or page", target, written: "[[\(target)]]", among: index.notes.keys, at: location)
                return (HTML.escape(label ?? target), label ?? target)
            }
            let text = label ?? info.title
            let count = mentionCounts[target, default: 0] + 1
            mentionCounts[target] = count
            let anchor = "mention-\(target)-\(count)"
            if target != note.id { mentions.append(Mention(target: target, anchor: anchor)) }
            let html = "<a class=\"xref\" id=\"\(anchor)\" href=\"../\(info.path)\">\(HTML.escape(text))</a>"
            return (html, text)

        case .fact(let id, let label):
            depend(on: "fact:" + id)
            guard let fact = index.facts[id] else {
                reportUnknown("fact", id, written: "[[fact:\(id)]]", among: index.facts.keys, at: location)
                return (HTML.escape(label ?? id), label ?? id)
            }
            inlineFacts.append(id)
            let text = label ?? fact.inlineText
            var marks: [(number: Int, anchor: String?, sourceID: String, locator: String?)] = []
            for citation in fact.citations where index.sources[citation.sourceID] != nil {
                let cited = citations.cite(citation, inPlace: true)
                marks.append((cited.number, cited.anchor, citation.sourceID, citation.locator))
            }
            let html = "<a class=\"fact\" href=\"../facts.html#fact-\(id)\">\(HTML.escape(text))</a>" + CitationList.marks(marks)
            return (html, text)

        case .sourceLink(let id, let label):
            depend(on: "source:" + id)
            guard let source = index.sources[id] else {
                reportUnknown("source", id, written: "[[source:\(id)]]", among: index.sources.keys, at: location)
                return (HTML.escape(label ?? id), label ?? id)
            }
            let text = label ?? source.name
            return ("<a class=\"source-link\" href=\"../sources/\(id).html\">\(HTML.escape(text))</a>", text)
        }
    }

    private mutating func reportUnknown(_ kind: String, _ id: String, written: String, among known: some Collection<String>, at location: SourceLocation) {
        let namespace = kind == "source" ? "source:" : (kind == "fact" ? "fact:" : "note:")
        if index.brokenIDs.contains(namespace + id) { return }
        var message = "unknown \(kind) '\(id)' in \(written)"
        let close = known.filter { FieldReader.distance($0, id) <= max(2, id.count / 4) }.sorted()
        var notes: [Diagnostic.Note] = []
        if let best = close.min(by: { FieldReader.distance($0, id) < FieldReader.distance($1, id) }) {
            message += "; did you mean '\(best)'?"
        } else if kind == "source" {
            notes.append(.init("sources are defined in sources.yaml"))
        }
        let id = kind == "source" ? "unknown-source" : (kind == "fact" ? "unknown-fact" : "unknown-link")
        diagnostics.append(.error(id, message, at: location, notes: notes))
    }

    mutating func resolveLink(_ destination: String, isImage: Bool, at location: SourceLocation) -> String? {
        let lower = destination.lowercased()
        if lower.hasPrefix("https://") || lower.hasPrefix("http://") || lower.hasPrefix("mailto:") || lower.hasPrefix("#") {
            return nil
        }
        if destination.isEmpty {
            diagnostics.append(.error("broken-link", "link has no address", at: location))
            return nil
        }
        if let colon = lower.firstIndex(of: ":"), !lower[..<colon].contains("/") {
            let scheme = lower[..<colon]
            if ["javascript", "vbscript", "data", "file"].contains(scheme) {
                diagnostics.append(.error("unsafe-link", "\(scheme): links are not allowed", at: location))
                return "#"
            }
            return nil
        }
        if destination.hasPrefix("/") {
            diagnostics.append(.error(
                "absolute-link", "link '\(destination)' starts with '/'; links inside the site are relative, so it works under any address and from disk",
                at: location))
            return nil
        }
        // A relative link: resolve it as a path in the content, then as a path in the built site.
        var path = destination
        var fragment = ""
        if let hash = path.firstIndex(of: "#") {
            fragment = String(path[hash...])
            path = String(path[..<hash])
        }
        let resolved = MemoryFileSystem.normalize(folder + "/" + path)
        if resolved.hasPrefix("..") || resolved.hasPrefix("/") {
            diagnostics.append(.error("broken-link", "link '\(destination)' leads outside the site", at: location))
            return nil
        }
        if resolved.hasSuffix(".md") {
            let parts = resolved.dropLast(3).split(separator: "/")
            if parts.count == 2 { depend(on: "note:" + parts[1]) }
            if parts.count == 2, let info = index.notes[String(parts[1])], info.kind.folder == parts[0] {
                return "../" + info.path + fragment
            }
            diagnostics.append(.error("broken-link", "link '\(destination)' names no note of the content", at: location))
            return nil
        }
        depend(on: "path:" + resolved)
        if !index.paths.contains(resolved) {
            diagnostics.append(.error("broken-link", "link '\(destination)' names no page or file of the site", at: location))
        }
        return nil
    }
}
