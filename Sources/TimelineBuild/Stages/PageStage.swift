import Synchronization
import TimelineContent
import TimelineCore
import TimelineSite

/// The stage that writes the site: it renders the pages and files whose inputs changed since the build the
/// cache remembers (all of them without one), keeps the others, and records what each page read.
struct PageStage {
    let site: Site
    let templates: TemplateSet
    /// A version of everything the files no template renders are made from.
    let contentVersion: UInt64
    /// A version of the facts and the settings, which are all `facts.csv` is made from.
    let factsVersion: UInt64
    /// The published copies of images, by route.
    let media: [Route: [UInt8]]
    /// The entries' share cards, when the site has them.
    let cards: ShareCards?
    /// The site in each of its other languages.
    var languageSites: [Site] = []

    /// One file of the site to make or keep.
    private struct Job: Sendable {
        var route: Route
        /// Where the file is written: the route's path, under the language's folder for another language.
        var path: String
        /// The position of the job's language in ``languageSites``, or nil for the main language.
        var language: Int?
        /// The version known before rendering: for a page, from what it read the last time; nil when it
        /// must be rendered to be known.
        var version: UInt64?
        /// For a file kept as the last build left it, its size and time.
        var keptStamp: FileStamp?
        var kept: Bool { keptStamp != nil }
    }

    /// How many files the site has, and how many were rendered.
    struct Written {
        var files: Int
        var rendered: Int
    }

    func run(to output: any SiteOutput, cache: inout BuildCache, clock: inout StageClock) throws(OutputError) -> Written {
        let assets = Dictionary(templates.assets.map { ($0.route, $0.bytes) }, uniquingKeysWith: { first, _ in first })
        // The exports first, the largest files, so that they start at once and the pages fill in around them;
        // `data.json`, the largest of all, first of them, so that no core is left waiting for it at the end.
        let exports = Route.generatedFiles(hasBaseURL: site.index.settings.baseURL != nil)
        var routes = exports.filter { $0 == .data } + exports.filter { $0 != .data } + site.pageRoutes + templates.assets.map(\.route)
        routes += media.keys.sorted()
        if cards != nil { routes += site.entries.map { .card($0.id) } }
        let previousReads = cache.manifest.pages.isEmpty ? [:] : cache.reads
        var table = cache.manifest.pages.isEmpty ? [] : cache.readKeys
        // The fingerprint of everything the last build's pages read, each key once, by its position in the table.
        let versions = SiteVersions(site: site)
        var fingerprints = Self.fingerprints(table, versions)
        // The pages of each other language read keys of the same table, which that language's site resolves.
        let localVersions = languageSites.map { SiteVersions(site: $0) }
        var localFingerprints = localVersions.map { Self.fingerprints(table, $0) }
        let localCards = languageSites.map { local in cards.map { ShareCards(layout: $0.layout, site: local, store: $0.store) } }
        let records = cache.manifest.pages
        let previousLayouts = records.isEmpty ? [:] : cache.exportLayouts
        let (known, knownLocal) = (fingerprints, localFingerprints)
        /// The version of a file known before rendering it, in the main language or the one at `language`.
        @Sendable func version(_ route: Route, path: String, language: Int?) -> UInt64? {
            switch route {
            case .feed, .searchIndex, .timelineJS, .data, .factsCSV, .sitemap:
                // Another language's exports are made from its translations too, which the content's
                // version does not cover: they are made anew by every build. `facts.csv` is made from the
                // facts alone, and is kept while they stay the same whatever notes change.
                guard language == nil else { return nil }
                let made = route == .factsCSV ? factsVersion : contentVersion
                return StableHasher.hash { $0.combine(made); $0.combine(templates.fingerprint); $0.combine(route.path) }
            case .asset:
                return StableHasher.hash { $0.combine(contents: assets[route] ?? []) }
            case .media:
                return StableHasher.hash { $0.combine(contents: media[route] ?? []) }
            case .card(let id):
                return (language.map { localCards[$0] } ?? cards)?.version(id)
            case .index, .topics, .sources, .facts, .notFound, .dataFiles, .embed, .note, .source, .era, .map:
                let known = language.map { knownLocal[$0] } ?? known
                return previousReads[path].flatMap { positions in
                    positions.allSatisfy { $0 >= 0 && $0 < known.count } ? pageVersion(positions.map { known[$0] }) : nil
                }
            }
        }
        // Each file's version is found on every core: a page's is a hash of the fingerprints of what it read.
        var jobs = parallelMap(routes) { route in
            let path = route.path
            return Job(route: route, path: path, language: nil, version: version(route, path: path, language: nil))
        }
        // Each other language's site is written under its code, each page kept while what it read is the same.
        for (position, local) in languageSites.enumerated() {
            let code = local.index.settings.language
            var localRoutes = local.pageRoutes + Route.generatedFiles(hasBaseURL: false) + templates.assets.map(\.route) + media.keys.sorted()
            if cards != nil { localRoutes += local.entries.map { .card($0.id) } }
            jobs += parallelMap(localRoutes) { route in
                let path = code + "/" + route.path
                return Job(route: route, path: path, language: position, version: version(route, path: path, language: position))
            }
        }
        clock.lap("versions")

        // A file is kept when its version is the one remembered and it is as the last build left it.
        let keptStamps = parallelMap(jobs) { job -> FileStamp? in
            guard let version = job.version, let record = records[job.path], record.version == version,
                  let stamp = output.stamp(of: job.path), stamp == record.stamp else { return nil }
            return stamp
        }
        for index in jobs.indices { jobs[index].keptStamp = keptStamps[index] }
        let kept = jobs.map(\.kept)
        if !jobs.isEmpty, kept.allSatisfy({ $0 }), Set(records.keys) == Set(jobs.map(\.path)) {
            // Nothing changed: the site on disk is already this one.
            output.discard()
            return Written(files: jobs.count, rendered: 0)
        }
        // The renderers, with the cards they made ahead, are let go once the pages are written.
        var outcomes: [(Result<[ReadKey]?, OutputError>, Double)]
        let timed = clock.enabled
        let layouts = Mutex<[String: ExportLayout]>([:])
        do {
            // Cards are made ahead for a language only when many of its pages are to be rendered.
            func many(_ language: Int?) -> Bool { zip(jobs, kept).count { $0.language == language && !$1 } > 100 }
            let renderer = PageRenderer(site: site, templates: templates, makingCards: many(nil))
            clock.lap("compare")

            let localRenderers = languageSites.indices.map { PageRenderer(site: languageSites[$0], templates: templates, makingCards: many($0)) }
            // One by one: the exports, each as large as all the pages, are listed together and must not fall to one worker.
            outcomes = parallelMap(jobs, oneByOne: true) { job -> (Result<[ReadKey]?, OutputError>, Double) in
                let start = timed && !job.kept ? StageClock.now() : 0
                let outcome = make(job)
                return (outcome, timed && !job.kept ? StageClock.now() - start : 0)
            }
            /// Makes or keeps one file; what the page read, for a page rendered.
            @Sendable func make(_ job: Job) -> Result<[ReadKey]?, OutputError> {
                do throws(OutputError) {
                    if let stamp = job.keptStamp {
                        try output.keep(job.path, stamp: stamp)
                        return .success(nil)
                    }
                    if case .card(let id) = job.route, let cards = job.language.map({ localCards[$0] }) ?? cards {
                        switch cards.bytes(id) {
                        case .success(let bytes): try output.write(job.path, bytes)
                        case .failure(let problem): throw OutputError(path: job.path, "cannot draw the share card: \(problem)")
                        }
                        return .success(nil)
                    }
                    if let bytes = media[job.route] {
                        try output.write(job.path, bytes)
                        return .success(nil)
                    }
                    let maker = job.language.map { localRenderers[$0] } ?? renderer
                    if job.route.listsEntries {
                        // A page that may list every entry is written as it is made.
                        var reads: [ReadKey] = []
                        try output.write(job.path) { (write) throws(OutputError) in
                            var page: PageRenderer.Page?
                            try write(try Self.inPieces(writing: write) { spill in
                                page = maker.render(job.route, spill: spill)
                                return page?.bytes
                            } ?? [])
                            reads = page?.reads ?? []
                        }
                        return .success(reads)
                    }
                    if let page = maker.render(job.route) {
                        try output.write(job.path, page.bytes)
                        return .success(page.reads)
                    }
                    if job.language == nil, let layout = try export(job, maker) {
                        layouts.withLock { $0[job.path] = layout }
                        return .success(nil)
                    }
                    try output.write(job.path) { (write) throws(OutputError) in
                        try write(try Self.inPieces(writing: write) { maker.generatedFile(job.route, spill: $0) } ?? assets[job.route] ?? [])
                    }
                    return .success(nil)
                } catch {
                    return .failure(error)
                }
            }
            /// Writes an export made from the entries of the one on disk that did not change, when the last
            /// build recorded its layout and the file is as it left it; the new layout, or nil for a route
            /// that is not such an export.
            @Sendable func export(_ job: Job, _ maker: PageRenderer) throws(OutputError) -> ExportLayout? {
                func write(from previous: PreviousExport?) throws(OutputError) -> ExportLayout? {
                    var layout: ExportLayout?
                    try output.write(job.path) { (write) throws(OutputError) in
                        try write(try Self.inPieces(writing: write) { spill in
                            let made = maker.generatedExport(job.route, previous: previous, spill: spill)
                            layout = made?.layout
                            return made?.bytes
                        } ?? [])
                    }
                    return layout
                }
                guard Site.exportsByEntry.contains(job.route) else { return nil }
                guard let layout = previousLayouts[job.path], let record = records[job.path], output.stamp(of: job.path) == record.stamp,
                      let made = output.withCurrentFile(job.path, { bytes in Result { () throws(OutputError) in try write(from: PreviousExport(bytes: bytes, layout: layout)) } })
                else { return try write(from: nil) }
                return try made.get()
            }
        }
        clock.lap("render and write pages")
        if timed {
            clock.slowest = zip(jobs, outcomes).map { ($0.path, $1.1) }.sorted { ($0.1, $1.0) > ($1.1, $0.0) }.prefix(5).map { $0 }
        }
        var newReads: [(path: String, keys: [ReadKey])] = []
        // The language of each page of another language rendered, by its path.
        var languages: [String: Int] = [:]
        for (job, (outcome, _)) in zip(jobs, outcomes) {
            switch outcome {
            case .failure(let error):
                output.discard()
                throw error
            case .success(let reads?):
                newReads.append((job.path, reads))
                if let language = job.language { languages[job.path] = language }
            case .success(nil): break
            }
        }
        // What each page read is held once, in `newReads`, from here on.
        outcomes = []
        // The site is put in place while what its pages read is numbered: neither needs the other. The cache
        // is changed only once the site is in place.
        let committing = BackgroundWork { () -> OutputError? in
            do throws(OutputError) {
                try output.commit()
                return nil
            } catch {
                return error
            }
        }

        // The rendered bodies are written to the cache meanwhile, on the core the numbering leaves idle.
        cache.startSavingRenderings()

        // What the pages rendered read, as positions in the table, which grows by the keys it lacks. A page
        // that read the same keys as the last time keeps its positions; the table is looked up by key only
        // for the others, and made into a lookup only then.
        var positions: [ReadKey: Int] = [:]
        var added: [ReadKey] = []
        var rendered: [String: [Int]] = [:]
        rendered.reserveCapacity(newReads.count)
        // Each page's keys are let go as soon as they are numbered.
        while let (path, keys) = newReads.popLast() {
            if let before = previousReads[path], before.count == keys.count,
               zip(before, keys).allSatisfy({ position, key in position >= 0 && position < table.count && table[position] == key }) {
                rendered[path] = before
                continue
            }
            if positions.isEmpty, !table.isEmpty {
                positions = Dictionary(table.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
            }
            // One look-up a key: a key met for the first time is given the next position where it is found missing.
            rendered[path] = keys.map { key in
                let next = table.count + added.count
                let position = Self.position(of: &positions[key, default: -1], next: next)
                if position == next { added.append(key) }
                return position
            }
        }
        // The keys are let go before the records are made.
        positions = [:]
        table += added
        fingerprints += Self.fingerprints(added, versions)
        for language in localFingerprints.indices { localFingerprints[language] += Self.fingerprints(added, localVersions[language]) }
        var renderedVersions: [String: UInt64] = [:]
        renderedVersions.reserveCapacity(rendered.count)
        for (path, positions) in rendered {
            let known = languages[path].map { localFingerprints[$0] } ?? fingerprints
            renderedVersions[path] = pageVersion(positions.map { known[$0] })
        }
        let keptPaths = Set(jobs.filter(\.kept).map(\.path))
        var reads = previousReads.filter { path, _ in keptPaths.contains(path) }
        reads.merge(rendered) { _, new in new }
        // A table that holds many keys no page reads any more is made again from those that are read.
        let changedPages: Set<String>
        var used = [Bool](repeating: false, count: table.count)
        for list in reads.values { for position in list { used[position] = true } }
        if used.count(where: { $0 }) * 2 < table.count {
            var renumbered = [Int](repeating: -1, count: table.count)
            var compact: [ReadKey] = []
            for (position, key) in table.enumerated() where used[position] {
                renumbered[position] = compact.count
                compact.append(key)
            }
            reads = reads.mapValues { $0.map { renumbered[$0] } }
            fingerprints = fingerprints.indices.filter { used[$0] }.map { fingerprints[$0] }
            table = compact
            changedPages = Set(reads.keys)
        } else {
            changedPages = Set(rendered.keys)
        }
        if let failure = committing.wait() { throw failure }
        clock.lap("commit and remember reads")
        cache.changedPages = changedPages
        cache.changedReadKeys = !added.isEmpty || changedPages.count == reads.count
        // A kept file is the same file, or a copy with its time, so it keeps the stamp it was kept with; the
        // others are looked at on disk.
        let stamps = parallelMap(jobs) { job in job.keptStamp ?? output.stamp(of: job.path) }
        var pages: [String: PageRecord] = [:]
        pages.reserveCapacity(jobs.count)
        for (job, stamp) in zip(jobs, stamps) {
            let path = job.path
            // An export of another language is recorded without a version, which no later build matches.
            guard let version = renderedVersions[path] ?? job.version ?? (job.language != nil ? 0 : nil), let stamp else { continue }
            pages[path] = PageRecord(path: path, version: version, stamp: stamp)
        }
        cache.manifest.pages = pages
        // A kept export keeps its layout; one made again has a new one.
        let madeLayouts = layouts.withLock { $0 }
        cache.exportLayouts = previousLayouts.filter { keptPaths.contains($0.key) }.merging(madeLayouts) { _, new in new }
        cache.changedExports = Set(madeLayouts.keys)
        cache.reads = reads
        cache.readKeys = table
        return Written(files: jobs.count, rendered: kept.count { !$0 })
    }

    /// A file `make` makes, giving what it made so far to a spill as it goes: each megabyte or more is
    /// written by `write` at once and taken away, and the rest is returned.
    private static func inPieces(writing write: ([UInt8]) throws(OutputError) -> Void, _ make: (_ spill: (inout [UInt8]) -> Void) -> [UInt8]?) throws(OutputError) -> [UInt8]? {
        var failure: OutputError?
        let rest = withoutActuallyEscaping(write) { write in
            make { made in
                guard made.count >= Site.exportPiece else { return }
                if failure == nil {
                    do throws(OutputError) { try write(made) } catch { failure = error }
                }
                made.removeAll(keepingCapacity: true)
            }
        }
        if let failure { throw failure }
        return rest
    }

    /// The position a key has in the table, giving it `next` when it has none yet (-1).
    private static func position(of slot: inout Int, next: Int) -> Int {
        if slot < 0 { slot = next }
        return slot
    }

    /// A page's version: the fingerprints of what it read, in the order it read them, and the templates.
    private func pageVersion(_ fingerprints: [UInt64]) -> UInt64 {
        StableHasher.hash { hasher in
            for fingerprint in fingerprints { hasher.combine(fingerprint) }
            hasher.combine(templates.fingerprint)
        }
    }

    /// The fingerprints of some keys, in parallel.
    private static func fingerprints(_ keys: [ReadKey], _ versions: SiteVersions) -> [UInt64] {
        parallelMap(keys) { versions.fingerprint(of: $0) }
    }
}
