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

    /// One file of the site to make or keep.
    private struct Job: Sendable {
        var route: Route
        /// The version known before rendering: for a page, from what it read the last time; nil when it
        /// must be rendered to be known.
        var version: UInt64?
        var kept = false
    }

    /// How many files the site has, and how many were rendered.
    struct Written {
        var files: Int
        var rendered: Int
    }

    func run(to output: any SiteOutput, cache: inout BuildCache, clock: inout StageClock) throws(OutputError) -> Written {
        let assets = Dictionary(templates.assets.map { ($0.route, $0.bytes) }, uniquingKeysWith: { first, _ in first })
        let routes = site.pageRoutes + Route.generatedFiles(hasBaseURL: site.index.settings.baseURL != nil) + templates.assets.map(\.route)
        let previousReads = cache.manifest.pages.isEmpty ? [:] : cache.reads
        // The fingerprint of everything the last build's pages read, each key once.
        var versions = PageRenderer(site: site, templates: templates, makingCards: false).versions
        var known = Self.fingerprints(Set(previousReads.values.joined()), versions)
        let records = cache.manifest.pages
        var jobs = routes.map { route -> Job in
            let version: UInt64?
            switch route {
            case .feed, .searchIndex, .timelineJS, .data, .factsCSV, .sitemap:
                version = StableHasher.hash { $0.combine(contentVersion); $0.combine(templates.fingerprint); $0.combine(route.path) }
            case .asset:
                version = StableHasher.hash { $0.combine(contents: assets[route] ?? []) }
            case .index, .topics, .sources, .facts, .notFound, .note, .source, .era:
                version = previousReads[route.path].map { pageVersion(versions.version(of: $0, known: known)) }
            }
            return Job(route: route, version: version)
        }
        clock.lap("versions")

        // A file is kept when its version is the one remembered and it is as the last build left it.
        let kept = parallelMap(jobs) { job -> Bool in
            guard let version = job.version, let record = records[job.route.path], record.version == version,
                  let stamp = output.stamp(of: job.route.path) else { return false }
            return stamp == record.stamp
        }
        for index in jobs.indices { jobs[index].kept = kept[index] }
        if !jobs.isEmpty, kept.allSatisfy({ $0 }), Set(records.keys) == Set(jobs.map(\.route.path)) {
            // Nothing changed: the site on disk is already this one.
            output.discard()
            return Written(files: jobs.count, rendered: 0)
        }
        let renderer = PageRenderer(site: site, templates: templates, makingCards: kept.count(where: { !$0 }) > 100)
        versions = renderer.versions
        clock.lap("compare")

        let site = self.site
        let outcomes = parallelMap(jobs) { job -> Result<[ReadKey]?, OutputError> in
            do throws(OutputError) {
                if job.kept {
                    try output.keep(job.route.path)
                    return .success(nil)
                }
                if let page = renderer.render(job.route) {
                    try output.write(job.route.path, page.bytes)
                    return .success(page.reads)
                }
                try output.write(job.route.path, site.generatedFile(job.route) ?? assets[job.route] ?? [])
                return .success(nil)
            } catch {
                return .failure(error)
            }
        }
        clock.lap("render and write pages")
        var newReads: [String: [ReadKey]] = [:]
        for (job, outcome) in zip(jobs, outcomes) {
            switch outcome {
            case .failure(let error):
                output.discard()
                throw error
            case .success(let reads?): newReads[job.route.path] = reads
            case .success(nil): break
            }
        }
        try output.commit()
        clock.lap("commit")

        // The versions of the pages rendered, from what they read now.
        known.merge(Self.fingerprints(Set(newReads.values.joined()).subtracting(known.keys), versions)) { first, _ in first }
        var pages: [String: PageRecord] = [:]
        let keptPaths = Set(jobs.filter(\.kept).map(\.route.path))
        var reads = previousReads.filter { keptPaths.contains($0.key) }
        for job in jobs {
            let path = job.route.path
            let version = newReads[path].map { pageVersion(versions.version(of: $0, known: known)) } ?? job.version
            guard let version, let stamp = output.stamp(of: path) else { continue }
            pages[path] = PageRecord(path: path, version: version, stamp: stamp)
            if let pageReads = newReads[path] { reads[path] = pageReads }
        }
        cache.manifest.pages = pages
        cache.changedPages = Set(newReads.keys)
        cache.reads = reads
        return Written(files: jobs.count, rendered: kept.count { !$0 })
    }

    /// A page's version: what it read, and the templates.
    private func pageVersion(_ reads: UInt64) -> UInt64 {
        StableHasher.hash { $0.combine(reads); $0.combine(templates.fingerprint) }
    }

    /// The fingerprints of some keys, in parallel.
    private static func fingerprints(_ keys: Set<ReadKey>, _ versions: SiteVersions) -> [ReadKey: UInt64] {
        let list = Array(keys)
        return Dictionary(uniqueKeysWithValues: zip(list, parallelMap(list) { versions.fingerprint(of: $0) }))
    }
}
