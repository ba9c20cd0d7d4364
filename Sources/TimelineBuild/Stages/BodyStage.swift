import TimelineCore
import TimelineMarkdown

/// The stage that renders every note's Markdown body, taking from the last build each rendering whose file,
/// options and lookups are unchanged.
struct BodyStage {
    let content: Content
    let index: SiteIndex
    /// Whether the bodies of the notes' translations are rendered too, for what they report: the main
    /// language's stage renders them, and another language's, which reports nothing, leaves them out.
    var renderingTranslations = true

    /// A note's body to render.
    struct Job: Sendable {
        var info: NoteInfo
        var body: MarkdownBody
        /// Whether the note is published; the body of a note whose front matter could not be read is
        /// rendered only for what it reports.
        var isPublished = true
    }

    struct Result {
        var rendered: [RenderedNote]
        /// The rendering of each note, by its file's path.
        var renderings: [String: BuildCache.Rendering]
        /// The paths of the notes rendered anew.
        var renderedPaths: Set<String>
    }

    /// Renders the bodies, keeping each rendering of `previous` that still stands; every rendering is moved
    /// into the result, never copied.
    func run(previous: consuming [String: BuildCache.Rendering], log: DiagnosticLog) -> Result {
        let jobs = content.entries.map { Job(info: $0.info, body: $0.body) } + content.topics.map { Job(info: $0.info, body: $0.body) }
            + content.pages.map { Job(info: $0.info, body: $0.body) }
            + content.unreadNotes.map { Job(info: $0.info, body: $0.body, isPublished: false) }
            // Translations are rendered for what they report: citations and links of the translated text.
            + (renderingTranslations ? content.noteTranslations : []).compactMap { translation in
                translation.body.map { Job(info: NoteInfo(kind: translation.kind, id: translation.id, title: translation.title), body: $0, isPublished: false) }
            }
        let index = self.index
        let optionsHash = StableHasher.hash { h in
            h.combine(index.settings.allowHTML)
            h.combine(index.settings.smartPunctuation)
            for scheme in index.settings.linkSchemes { h.combine(scheme) }
        }
        var previous = previous
        let remembered = jobs.map { previous.removeValue(forKey: $0.body.path) }
        // Only the renderings made anew come back; a remembered one stands while every lookup it made finds
        // the same as before.
        var fresh = parallelMap(Array(jobs.indices)) { position -> BuildCache.Rendering? in
            let job = jobs[position]
            if let rendering = remembered[position], rendering.fileHash == job.body.fileHash, rendering.optionsHash == optionsHash,
               rendering.result.note.info == job.info, !rendering.result.diagnostics.contains(where: { $0.severity == .error }),
               rendering.result.isCurrent(in: index) {
                return nil
            }
            let result = NoteLinker.render(job.body, note: job.info, index: index)
            return BuildCache.Rendering(fileHash: job.body.fileHash, optionsHash: optionsHash, result: result)
        }
        var kept = consume remembered
        var result = Result(rendered: [], renderings: [:], renderedPaths: [])
        result.rendered.reserveCapacity(jobs.count)
        result.renderings.reserveCapacity(jobs.count)
        for position in jobs.indices {
            let path = jobs[position].body.path
            if fresh[position] != nil { result.renderedPaths.insert(path) }
            guard let rendering = fresh[position].take() ?? kept[position].take() else { continue }
            log.report(contentsOf: rendering.result.diagnostics)
            if jobs[position].isPublished { result.rendered.append(rendering.result.note) }
            result.renderings[path] = rendering
        }
        return result
    }
}
