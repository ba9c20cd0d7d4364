import TimelineCore

/// What a note's body refers to, found while its Markdown is rendered.
public struct RenderedNote: Sendable, Codable {
    public var info: NoteInfo
    public var markdown: RenderedMarkdown
    /// Sources cited in the body, numbered; the page goes on numbering after it.
    public var citations: CitationList
    /// Notes the body links to with `[[...]]`, with the anchor of each mention.
    public var mentions: [Mention]
    /// Facts placed in the prose with `[[fact:...]]`.
    public var inlineFacts: [String]
    /// A fingerprint of the rendering, made from what it is a function of: the body's file, the rendering
    /// options, and what each of its lookups found. The same inputs give the same rendering, which is also
    /// what lets a build reuse it.
    public var fingerprint: UInt64 = 0

    public init(
        info: NoteInfo, markdown: RenderedMarkdown, citations: CitationList, mentions: [Mention], inlineFacts: [String], fingerprint: UInt64 = 0
    ) {
        self.info = info
        self.markdown = markdown
        self.citations = citations
        self.mentions = mentions
        self.inlineFacts = inlineFacts
        self.fingerprint = fingerprint
    }
}

/// A link from one note's prose to another note.
public struct Mention: Sendable, Hashable {
    public var target: String
    public var anchor: String

    public init(target: String, anchor: String) {
        self.target = target
        self.anchor = anchor
    }
}

extension Mention: Codable {
    /// A mention is stored as a list of its target and its anchor, which reads faster than named fields.
    public init(from decoder: any Decoder) throws {
        var container = try decoder.unkeyedContainer()
        self.init(target: try container.decode(String.self), anchor: try container.decode(String.self))
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.unkeyedContainer()
        try container.encode(target)
        try container.encode(anchor)
    }
}

/// Resolves the citations, `[[...]]` links and ordinary links of one note's body against the site,
/// numbering citations for the note's page and reporting what cannot be resolved.
public struct NoteLinker: MarkdownResolver {
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
    /// long as each lookup finds the same (see ``SiteIndex/signature(of:)``).
    var lookups: [Lookup: UInt64] = [:]

    init(index: SiteIndex, note: NoteInfo) {
        self.index = index
        self.note = note
        folder = note.kind.folder
    }

    /// A note's body rendered, with what it refers to, its diagnostics, and what it looked up.
    public struct Result: Sendable, Codable {
        public var note: RenderedNote
        public var diagnostics: [Diagnostic]
        public var lookups: [RecordedLookup]

        /// Whether every lookup the rendering made would find the same in `index`.
        public func isCurrent(in index: SiteIndex) -> Bool {
            lookups.allSatisfy { index.signature(of: $0.lookup) == $0.signature }
        }

        public init(note: RenderedNote, diagnostics: [Diagnostic], lookups: [RecordedLookup]) {
            self.note = note
            self.diagnostics = diagnostics
            self.lookups = lookups
        }

        private enum CodingKeys: String, CodingKey {
            case info, html, text, citations, mentions, inlineFacts, fingerprint, diagnostics, lookups, signatures
        }

        /// A result is stored as one record: the rendered note's fields, the diagnostics, and the lookups as
        /// two columns, what was looked up and what it found. Every build reads one per note, and one record
        /// reads much faster than nested ones; a test checks that the rendered note has no other fields.
        public init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            note = RenderedNote(
                info: try container.decode(NoteInfo.self, forKey: .info),
                markdown: RenderedMarkdown(html: try container.decode(String.self, forKey: .html), text: try container.decode(String.self, forKey: .text)),
                citations: try container.decode(CitationList.self, forKey: .citations),
                mentions: try container.decode([Mention].self, forKey: .mentions),
                inlineFacts: try container.decode([String].self, forKey: .inlineFacts),
                fingerprint: try container.decode(UInt64.self, forKey: .fingerprint))
            diagnostics = try container.decode([Diagnostic].self, forKey: .diagnostics)
            let lookups = try container.decode([Lookup].self, forKey: .lookups)
            let signatures = try container.decode([UInt64].self, forKey: .signatures)
            guard lookups.count == signatures.count else {
                throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "columns of unequal length"))
            }
            self.lookups = zip(lookups, signatures).map { RecordedLookup(lookup: $0, signature: $1) }
        }

        public func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(note.info, forKey: .info)
            try container.encode(note.markdown.html, forKey: .html)
            try container.encode(note.markdown.text, forKey: .text)
            try container.encode(note.citations, forKey: .citations)
            try container.encode(note.mentions, forKey: .mentions)
            try container.encode(note.inlineFacts, forKey: .inlineFacts)
            try container.encode(note.fingerprint, forKey: .fingerprint)
            try container.encode(diagnostics, forKey: .diagnostics)
            try container.encode(lookups.map(\.lookup), forKey: .lookups)
            try container.encode(lookups.map(\.signature), forKey: .signatures)
        }
    }

    /// A lookup made while rendering, with the signature of what it found.
    public struct RecordedLookup: Sendable {
        public var lookup: Lookup
        public var signature: UInt64

        public init(lookup: Lookup, signature: UInt64) {
            self.lookup = lookup
            self.signature = signature
        }
    }

    /// Renders a note's body, and returns it with what it refers to, its diagnostics and its lookups.
    public static func render(_ body: MarkdownBody, note: NoteInfo, index: SiteIndex) -> Result {
        var linker = NoteLinker(index: index, note: note)
        let markdown = CommonMarkRenderer.render(body, options: options(index), resolver: &linker)
        var rendered = RenderedNote(
            info: note, markdown: markdown, citations: linker.citations, mentions: linker.mentions, inlineFacts: linker.inlineFacts)
        let lookups = linker.lookups.map { RecordedLookup(lookup: $0.key, signature: $0.value) }
        rendered.fingerprint = StableHasher.hash { h in
            h.combine(body.path)
            h.combine(body.fileHash)
            h.combine(body.range.lowerBound)
            h.combine(note.kind.rawValue)
            h.combine(note.title)
            h.combine(options(index).allowHTML)
            h.combine(options(index).smartPunctuation)
            for scheme in index.settings.linkSchemes { h.combine(scheme) }
            // Lookups in a stable order, each with what it found.
            let found = lookups.map { lookup in StableHasher.hash { $0.combine(Fingerprint.of(lookup.lookup)); $0.combine(lookup.signature) } }
            for signature in found.sorted() { h.combine(signature) }
        }
        return Result(note: rendered, diagnostics: linker.diagnostics, lookups: lookups)
    }

    static func options(_ index: SiteIndex) -> CommonMarkRenderer.Options {
        CommonMarkRenderer.Options(allowHTML: index.settings.allowHTML, smartPunctuation: index.settings.smartPunctuation)
    }

    /// Records a lookup and what it finds.
    private mutating func depend(on lookup: Lookup) {
        if lookups[lookup] == nil { lookups[lookup] = index.signature(of: lookup) }
    }

    mutating func report(_ diagnostic: Diagnostic) { diagnostics.append(diagnostic) }

    mutating func resolve(_ reference: InlineReference, at location: SourceLocation, items places: [SourceLocation]) -> (html: String, text: String) {
        switch reference {
        case .citation(let items):
            var marks: [CitationList.Mark] = []
            for (position, item) in items.enumerated() {
                depend(on: .source(item.sourceID))
                let itemLocation = position < places.count ? places[position] : location
                guard index.sources[item.sourceID] != nil else {
                    reportUnknown(.source, item.sourceID, written: ("[@", "]"), among: index.sources.keys, at: itemLocation)
                    continue
                }
                let cited = citations.cite(item.sourceID, locator: item.locator)
                marks.append(CitationList.Mark(number: cited.number, anchor: cited.anchor, sourceID: item.sourceID, locator: item.locator))
            }
            return (CitationList.marks(marks), "")

        case .crossLink(let target, let label):
            depend(on: .note(target))
            guard let info = index.notes[target] else {
                reportUnknown(.note, target, written: ("[[", "]]"), among: index.notes.keys, at: location)
                let text = label ?? index.drafts[target]?.title ?? target
                return (HTML.escape(text), text)
            }
            let text = label ?? info.title
            let count = mentionCounts[target, default: 0] + 1
            mentionCounts[target] = count
            let anchor = "mention-\(target)-\(count)"
            if target != note.id { mentions.append(Mention(target: target, anchor: anchor)) }
            let html = "<a class=\"xref\" id=\"\(anchor)\" href=\"\(info.route.href(from: note.route))\">\(HTML.escape(text))</a>"
            return (html, text)

        case .fact(let id, let label):
            depend(on: .fact(id))
            guard let fact = index.facts[id] else {
                reportUnknown(.fact, id, written: ("[[fact:", "]]"), among: index.facts.keys, at: location)
                return (HTML.escape(label ?? id), label ?? id)
            }
            inlineFacts.append(id)
            let text = label ?? fact.inlineText
            var marks: [CitationList.Mark] = []
            for citation in fact.citations where index.sources[citation.sourceID] != nil {
                let cited = citations.cite(citation, inPlace: true)
                marks.append(CitationList.Mark(number: cited.number, anchor: cited.anchor, sourceID: citation.sourceID, locator: citation.locator))
            }
            let html = "<a class=\"fact\" href=\"\(Route.facts.href(from: note.route, fragment: Anchor.fact(id)))\">\(HTML.escape(text))</a>" + CitationList.marks(marks)
            return (html, text)

        case .sourceLink(let id, let label):
            depend(on: .source(id))
            guard let source = index.sources[id] else {
                reportUnknown(.source, id, written: ("[[source:", "]]"), among: index.sources.keys, at: location)
                return (HTML.escape(label ?? id), label ?? id)
            }
            let text = label ?? source.name
            return ("<a class=\"source-link\" href=\"\(Route.source(id).href(from: note.route))\">\(HTML.escape(text))</a>", text)
        }
    }

    /// Checks a reference that is not rendered (one inside a link's text), recording its lookups and reporting
    /// an id that names nothing.
    mutating func check(_ reference: InlineReference, at location: SourceLocation, items places: [SourceLocation]) {
        switch reference {
        case .citation(let items):
            for (position, item) in items.enumerated() {
                depend(on: .source(item.sourceID))
                if index.sources[item.sourceID] == nil {
                    let itemLocation = position < places.count ? places[position] : location
                    reportUnknown(.source, item.sourceID, written: ("[@", "]"), among: index.sources.keys, at: itemLocation)
                }
            }
        case .crossLink(let target, _):
            depend(on: .note(target))
            if index.notes[target] == nil { reportUnknown(.note, target, written: ("[[", "]]"), among: index.notes.keys, at: location) }
        case .fact(let id, _):
            depend(on: .fact(id))
            if index.facts[id] == nil { reportUnknown(.fact, id, written: ("[[fact:", "]]"), among: index.facts.keys, at: location) }
        case .sourceLink(let id, _):
            depend(on: .source(id))
            if index.sources[id] == nil { reportUnknown(.source, id, written: ("[[source:", "]]"), among: index.sources.keys, at: location) }
        }
    }

    /// Reports a reference to an id that names nothing, as written between `written.open` and `written.close`;
    /// an id longer than any id can be is shown cut short.
    private mutating func reportUnknown(
        _ kind: ItemKind, _ fullID: String, written marks: (open: String, close: String), among known: some Collection<String>, at location: SourceLocation
    ) {
        if index.brokenIDs.contains(kind, fullID) { return }
        if kind == .note, let draft = index.drafts[fullID] {
            reportDraft(draft, so: "\(marks.open)\(fullID)\(marks.close) shows as plain text", at: location)
            return
        }
        let fixIt = Diagnostic.FixIt.closest(to: fullID, among: known)
        let id = Identifier.abbreviated(fullID)
        let written = marks.open + id + marks.close
        let notes: [Diagnostic.Note] = fixIt == nil && kind == .source ? [.init("sources are defined in sources.yaml")] : []
        switch kind {
        case .source: diagnostics.append(.error(.unknownSource, "unknown source '\(id)' in \(written)", at: location, notes: notes, fixIt: fixIt))
        case .fact: diagnostics.append(.error(.unknownFact, "unknown fact '\(id)' in \(written)", at: location, fixIt: fixIt))
        case .note: diagnostics.append(.error(.unknownLink, "unknown entry, topic or page '\(id)' in \(written)", at: location, fixIt: fixIt))
        }
    }

    /// Reports a link to a draft, which the build leaves out.
    private mutating func reportDraft(_ draft: NoteInfo, so consequence: String, at location: SourceLocation) {
        diagnostics.append(.warning(
            .draftLink, "'\(draft.id)' is a draft, which this build leaves out, so \(consequence)", at: location,
            notes: [.publishing(draft)]))
    }

    mutating func resolveLink(_ destination: String, isImage: Bool, text: String?, at location: SourceLocation) -> LinkResolution? {
        if destination.hasPrefix("#") { return nil }
        if destination.isEmpty {
            diagnostics.append(.error(.brokenLink, "link has no address", at: location))
            return nil
        }
        if let scheme = LinkScheme.of(destination) {
            if LinkScheme.unsafe.contains(scheme) {
                diagnostics.append(.error(.unsafeLink, "\(scheme): links are not allowed", at: location))
                return .address("#")
            }
            if !LinkScheme.standard.contains(scheme), !index.settings.linkSchemes.contains(scheme) {
                diagnostics.append(.error(
                    .unsafeLink,
                    "\(scheme): links are not allowed; links to other sites use http, https, mailto or tel, or a scheme listed in site.yaml's link_schemes",
                    at: location))
                return .address("#")
            }
            return nil
        }
        if destination.hasPrefix("/") {
            diagnostics.append(.error(
                .absoluteLink, "link '\(destination)' starts with '/'; links inside the site are relative, so it works under any address and from disk",
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
        // An image of the content's media folder, written from the content's root (`media/FILE`) or from the note's folder.
        if isImage, let name = Self.mediaName(path, folder: folder) {
            depend(on: .media(name))
            guard let image = index.images[name] else {
                if !index.brokenMedia.contains(name) {
                    diagnostics.append(.error(
                        .unknownMedia, "image 'media/\(name)' is not described in media.yaml", at: location,
                        fixIt: .closest(to: name, among: index.images.keys)))
                }
                return nil
            }
            let alt = text.flatMap { $0.isEmpty ? nil : $0 }
            return .figure(ImageHTML.figure(image, from: note.route, alt: alt, lazy: true))
        }
        let resolved = PathText.normalize(folder + "/" + path)
        if resolved.hasPrefix("..") || resolved.hasPrefix("/") {
            diagnostics.append(.error(.brokenLink, "link '\(destination)' leads outside the site", at: location))
            return nil
        }
        if resolved.hasSuffix(".md") {
            let parts = resolved.dropLast(3).split(separator: "/")
            if parts.count == 2 { depend(on: .note(String(parts[1]))) }
            if parts.count == 2, let info = index.notes[String(parts[1])], info.kind.folder == parts[0] {
                return .address(info.route.href(from: note.route) + fragment)
            }
            if parts.count == 2, let draft = index.drafts[String(parts[1])], draft.kind.folder == parts[0] {
                reportDraft(draft, so: "the link '\(destination)' leads to the top of this page", at: location)
                return .address("#")
            }
            diagnostics.append(.error(.brokenLink, "link '\(destination)' names no note of the content", at: location))
            return nil
        }
        depend(on: .path(resolved))
        if !index.paths.contains(resolved) {
            diagnostics.append(.error(.brokenLink, "link '\(destination)' names no page or file of the site", at: location))
        }
        return nil
    }

    /// The file name of an image of the content's `media/` folder that a Markdown image names, written from the
    /// content's root (`media/FILE`) or relative to the note's folder (`../media/FILE`); nil for any other path.
    static func mediaName(_ path: String, folder: String) -> String? {
        for prefix in ["media/", "../media/"] where path.hasPrefix(prefix) {
            let name = String(path.dropFirst(prefix.count))
            if !name.isEmpty, !name.contains("/"), prefix == "media/" || PathText.normalize(folder + "/" + path) == "media/" + name { return name }
        }
        return nil
    }
}
