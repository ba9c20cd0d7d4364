import TimelineContent
import TimelineCore
import TimelineMarkdown
import TimelineSite

/// Runs a build as a pipeline of named stages: load templates, read content, index, render bodies, link,
/// check, then render and write pages. Each stage reports into one ``DiagnosticLog``; a build writes
/// nothing unless every stage before writing succeeded.
public struct SiteBuilder: Sendable {
    public let options: BuildOptions
    let fileSystem: any FileSystem

    public init(options: BuildOptions, fileSystem: any FileSystem = LocalFileSystem()) {
        self.options = options
        self.fileSystem = fileSystem
    }

    /// A site that passed every check, ready to be written.
    public struct PreparedSite: Sendable {
        public let site: Site
        let templates: TemplateSet
        /// A version of everything the site is made from, for the files that show all of it.
        let contentVersion: UInt64
        /// A version of the facts and the settings, for `facts.csv`, which shows the facts alone.
        let factsVersion: UInt64
        /// The published copies of images, by route.
        let media: [Route: [UInt8]]
        /// Where processed images and share cards are kept between builds.
        let store: MediaStore
        /// The site in each of its other languages, published under the language's code.
        let languageSites: [Site]
        /// How many notes were read from their files rather than remembered, and how many bodies rendered.
        let notesRead: Int
        let bodiesRendered: Int
    }

    /// Reads and checks everything without writing; nil when the build must stop.
    public func prepare(log: DiagnosticLog) -> PreparedSite? {
        var cache = BuildCache.empty()
        return prepare(log: log, cache: &cache)
    }

    /// Reads and checks everything, reusing from `cache` the notes and rendered bodies that did not change,
    /// and leaving in it what to remember of them now. A note file whose identity in `identities` (by path, as
    /// ``InputStamp`` finds them) is the one the cache remembers its text with is not read again.
    public func prepare(log: DiagnosticLog, cache: inout BuildCache, identities: [String: FileIdentity] = [:]) -> PreparedSite? {
        prepare(log: log, cache: &cache, identities: identities, texts: TextLoading(cache.manifest.pages.isEmpty || identities.isEmpty ? nil : cache))
    }

    /// Prepares the site with the texts the cache keeps, which `texts` may have started to load.
    func prepare(log: DiagnosticLog, cache: inout BuildCache, identities: [String: FileIdentity], texts loadingTexts: TextLoading) -> PreparedSite? {
        var clock = StageClock(enabled: StageClock.asked || options.verbose)
        defer { clock.report() }
        // The templates are loaded while the content is read: neither needs the other, and the log sorts what
        // each reports.
        let (fileSystem, options) = (fileSystem, options)
        let loadingTemplates = BackgroundWork {
            TemplateSet.load(
                fileSystem: fileSystem, folder: options.templatesFolder, mustExist: options.templatesMustExist, limits: options.limits, log: log)
        }
        let fresh = cache.manifest.pages.isEmpty
        // The last build's renderings are read from the cache on a thread of their own while the notes the
        // last build read are, and then the content; those two spread their own work over every core.
        let loading = cache
        let loadingRenderings = BackgroundWork { fresh ? nil : loading.loadRenderings() }
        // What the last build's pages read is read from the cache meanwhile, for when the pages are written.
        let loadingPages = BackgroundWork { fresh ? nil : loading.loadPageRecords() }
        loadingTexts.start()
        let readings = fresh ? NoteReadings() : cache.readings
        let texts = loadingTexts.wait()
        let remembered = RememberedTexts(texts: texts?.records ?? [:], identities: identities, lastStart: cache.manifest.startedAt)
        let read = ContentReader(fileSystem: fileSystem, folder: options.contentFolder, limits: options.limits)
            .read(log: log, previous: readings, previousData: fresh ? DataReadings() : cache.dataReadings, remembered: remembered)
        cache.dataReadings = read.data
        let templates = loadingTemplates.wait()
        cache.preload(renderings: loadingRenderings.wait())
        clock.lap("templates and read")
        guard var content = read.content else { return nil }
        let savingReadings = cache.startSavingReadings(read.readings, since: readings, texts: texts, identities: identities)
        if !options.drafts { content = content.leavingOutDrafts() }
        if let baseURL = options.baseURL { content.settings.baseURL = baseURL }
        let store = MediaStore(folder: cache.path.map { $0 + ".media" })
        let media = MediaStage(fileSystem: fileSystem, contentFolder: options.contentFolder, store: store, limits: options.limits).run(content.media, log: log)
        content.images = media.images
        // The version of what the files no template renders are made from, found while the bodies are
        // rendered and linked, which leave a core idle at times.
        let (settings, sources, facts, filesHash) = (content.settings, content.sources, content.facts, read.readings.filesHash)
        let versioning = BackgroundWork { () -> (content: UInt64, facts: UInt64) in
            let (settingsVersion, factsVersion) = (Fingerprint.of([settings]), Fingerprint.of(list: facts))
            let content = StableHasher.hash { h in
                h.combine(settingsVersion)
                h.combine(Fingerprint.of(list: sources))
                h.combine(factsVersion)
                h.combine(filesHash)
            }
            return (content, StableHasher.hash { $0.combine(settingsVersion); $0.combine(factsVersion) })
        }
        clock.lap("media")
        let index = SiteIndex(content: content, assets: templates?.assets.map(\.route) ?? [])
        clock.lap("index")
        let languages = content.settings.languages.map(\.code)
        var previousRenderings = fresh ? [:] : cache.takeRenderings()
        let previousLocal = BuildCache.takeLanguageRenderings(from: &previousRenderings, languages: languages)
        let bodies = BodyStage(content: content, index: index).run(previous: consume previousRenderings, log: log)
        clock.lap("render bodies")
        let site = Site(content: content, index: index, rendered: bodies.rendered)
        clock.lap("link")
        site.runChecks(log: log)
        if let templates { InterfaceText.checkLanguages(content, templates: templates, folder: options.templatesFolder, log: log) }
        clock.lap("check")

        let changed = cache.finishSavingReadings(savingReadings)
        cache.renderings = bodies.renderings
        cache.changedNotes = changed.union(bodies.renderedPaths)
        let (contentVersion, factsVersion) = versioning.wait()
        guard let templates, !log.hasFailures(strict: options.strict) else { return nil }
        // Each other language is the same site with its texts in that language; what its texts report was
        // reported once already, as the translations were rendered with the main site.
        let localized = languages.map { content.localized(to: $0) }
        let localIndexes = localized.map { SiteIndex(content: $0, assets: templates.assets.map(\.route)) }
        var textRenderings: [String: [String: RenderedNote]] = [:]
        if !languages.isEmpty {
            textRenderings[content.settings.language] = Dictionary(bodies.rendered.map { ($0.info.id, $0) }, uniquingKeysWith: { a, _ in a })
        }
        // Each language's bodies are rendered as the main language's are, keeping each rendering that stands.
        var localRenderings: [String: BuildCache.Rendering] = [:]
        var renderedAgain: Set<String> = []
        for (position, code) in languages.enumerated() {
            let stage = BodyStage(content: localized[position], index: localIndexes[position], renderingTranslations: false)
            let local = stage.run(previous: previousLocal[code] ?? [:], log: DiagnosticLog())
            textRenderings[code] = Dictionary(local.rendered.map { ($0.info.id, $0) }, uniquingKeysWith: { a, _ in a })
            for (path, rendering) in local.renderings { localRenderings[BuildCache.languageKey(code, path)] = rendering }
            for path in local.renderedPaths { renderedAgain.insert(BuildCache.languageKey(code, path)) }
        }
        if !languages.isEmpty { cache.keep(languageRenderings: localRenderings, changed: renderedAgain) }
        let languageSites = languages.enumerated().map { position, code -> Site in
            // A text that falls back to another language is rendered as that language's site renders it, so
            // that its links, figures and citations read in the language of the text around them.
            let rendered = (textRenderings[code] ?? [:]).values.map { note -> RenderedNote in
                guard let textLanguage = localized[position].noteLanguages[note.info.id]?.language, textLanguage != code,
                      var fallback = textRenderings[textLanguage]?[note.info.id] else { return note }
                fallback.info = note.info
                return fallback
            }
            return Site(
                content: localized[position], index: localIndexes[position], rendered: rendered.sorted { $0.info.id < $1.info.id },
                sameTextsAs: site)
        }
        clock.lap("languages")
        cache.preload(pages: loadingPages.wait())
        return PreparedSite(
            site: site, templates: templates, contentVersion: contentVersion, factsVersion: factsVersion, media: media.files, store: store, languageSites: languageSites,
            notesRead: changed.count,
            bodiesRendered: bodies.renderedPaths.count)
    }

    /// How the site holds to its sources (`timeline report`), or nil when the content cannot be read. Errors
    /// of the checks do not stop it: a quotation not found is part of the report.
    public func report(log: DiagnosticLog) -> EvidenceReport? {
        let read = ContentReader(fileSystem: fileSystem, folder: options.contentFolder, limits: options.limits).read(log: log)
        guard let content = read.content else { return nil }
        let index = SiteIndex(content: content, assets: [])
        let bodies = BodyStage(content: content, index: index).run(previous: [:], log: log)
        return EvidenceReport(site: Site(content: content, index: index, rendered: bodies.rendered))
    }

    /// What `timeline check` says of a site that passed, beside its diagnostics: what it lacks that a reader
    /// would miss, which builds do not repeat every time.
    public static func notes(on prepared: PreparedSite) -> [String] {
        guard prepared.site.content.settings.baseURL == nil else { return [] }
        return ["site.yaml has no base_url, so there is no sitemap.xml, and the feed, canonical and Open Graph addresses are relative"]
    }

    /// What writing a site did.
    public struct WriteResult: Sendable {
        /// Files of the site.
        public var files: Int
        /// Files rendered and written; the others were kept from the previous site.
        public var rendered: Int
    }

    /// Renders the pages whose inputs changed since the build `cache` remembers, keeps the others, and
    /// writes the site.
    public func write(_ prepared: PreparedSite, to output: any SiteOutput, cache: inout BuildCache) throws(OutputError) -> WriteResult {
        var clock = StageClock(enabled: StageClock.asked || options.verbose)
        defer { clock.report() }
        let site = prepared.site
        let cards = site.index.settings.shareCards ? ShareCards(layout: prepared.templates.cardLayout, site: site, store: prepared.store) : nil
        let stage = PageStage(
            site: site, templates: prepared.templates, contentVersion: prepared.contentVersion, factsVersion: prepared.factsVersion,
            media: prepared.media, cards: cards,
            languageSites: prepared.languageSites)
        let written = try stage.run(to: output, cache: &cache, clock: &clock)
        return WriteResult(files: written.files, rendered: written.rendered)
    }

    /// Checks and writes the site, without a cache of an earlier build; nil when it stopped, with the reasons in `log`.
    public func build(into output: any SiteOutput, log: DiagnosticLog) throws(OutputError) -> BuildSummary? {
        var cache = BuildCache.empty()
        return try build(into: output, log: log, cache: &cache)
    }

    /// Checks and writes the site, doing only what changed since the build `cache` remembers; nil when it
    /// stopped, with the reasons in `log`.
    public func build(into output: any SiteOutput, log: DiagnosticLog, cache: inout BuildCache) throws(OutputError) -> BuildSummary? {
        let start = StageClock.now()
        let startedAt = InputStamp.now()
        // The texts of the notes are loaded while the rest of the input files are stamped, from the first
        // file found changed: a build with nothing changed never needs them.
        let texts = TextLoading(cache.manifest.pages.isEmpty ? nil : cache)
        let stamper = InputStamp(fileSystem: fileSystem, options: options)
        let stamp = stamper.make(lastStart: cache.manifest.startedAt, noticed: texts.start)
        if let stamp, stamp.settled, stamp.value == cache.manifest.inputStamp, let warnings = cache.manifest.warnings,
           !(options.strict && !warnings.isEmpty), let counts = cache.manifest.counts, output.holdsExactly(cache.manifest.pages) {
            // No input file changed since a build that left this very site: there is nothing to do but to say
            // again what that build warned of.
            output.discard()
            log.report(contentsOf: warnings)
            return BuildSummary(
                counts: counts, files: cache.manifest.pages.count, rendered: 0, seconds: StageClock.now() - start, warnings: warnings.count, notes: [])
        }
        guard let prepared = prepare(log: log, cache: &cache, identities: stamper.identities(of: stamp?.contentFiles ?? []), texts: texts) else {
            output.discard()
            return nil
        }
        let result = try write(prepared, to: output, cache: &cache)
        if options.endsWithBuild { _ = Unmanaged.passRetained(KeptToTheEnd(prepared)) }
        let content = prepared.site.content
        let counts = BuildCounts(content)
        cache.manifest.inputStamp = stamp?.value ?? 0
        cache.manifest.startedAt = startedAt
        cache.manifest.warnings = log.diagnostics.filter { $0.severity == .warning }
        cache.manifest.counts = counts
        return BuildSummary(
            counts: counts, files: result.files, rendered: result.rendered, seconds: StageClock.now() - start,
            warnings: log.warningCount, notes: cache.damageNotes)
    }
}

/// A value held until the process ends, never released.
private final class KeptToTheEnd<Value> {
    let value: Value
    init(_ value: Value) { self.value = value }
}
