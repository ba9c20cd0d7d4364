import TimelineCore
import TimelineMarkdown

/// The stage that renders every note's Markdown body, taking from the last build each rendering whose file,
/// options and lookups are unchanged.
struct BodyStage {
    let content: Content
    let index: SiteIndex

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

    func run(previous: [String: BuildCache.Rendering], log: DiagnosticLog) -> Result {
        let jobs = content.entries.map { Job(info: $0.info, body: $0.body) } + content.topics.map { Job(info: $0.info, body: $0.body) }
            + content.pages.map { Job(info: $0.info, body: $0.body) }
            + content.unreadNotes.map { Job(info: $0.info, body: $0.body, isPublished: false) }
        let index = self.index
        let optionsHash = StableHasher.hash { h in
            h.combine(index.settings.allowHTML)
            h.combine(index.settings.smartPunctuation)
            for scheme in index.settings.linkSchemes { h.combine(scheme) }
        }
        let remembered = jobs.map { previous[$0.body.path] }
        let results = parallelMap(Array(zip(jobs, remembered))) { job, rendering -> (BuildCache.Rendering, Bool) in
            // A remembered rendering stands while every lookup it made finds the same as before.
            if let rendering, rendering.fileHash == job.body.fileHash, rendering.optionsHash == optionsHash, rendering.result.note.info == job.info,
               !rendering.result.diagnostics.contains(where: { $0.severity == .error }), rendering.result.isCurrent(in: index) {
                return (rendering, false)
            }
            let result = NoteLinker.render(job.body, note: job.info, index: index)
            return (BuildCache.Rendering(fileHash: job.body.fileHash, optionsHash: optionsHash, result: result), true)
        }
        var result = Result(rendered: [], renderings: [:], renderedPaths: [])
        for (job, (rendering, fresh)) in zip(jobs, results) {
            log.report(contentsOf: rendering.result.diagnostics)
            if job.isPublished { result.rendered.append(rendering.result.note) }
            result.renderings[job.body.path] = rendering
            if fresh { result.renderedPaths.insert(job.body.path) }
        }
        return result
    }
}
