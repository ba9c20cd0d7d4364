import TimelineContent
import TimelineCore

/// The Mustache templates of a site and the files of its `assets/` folder, loaded from the templates folder.
public struct TemplateSet: Sendable {
    /// Templates every site needs, one per kind of page.
    static let required = ["index", "entry", "topic", "topics", "source", "sources", "facts", "page", "era", "404"]

    let renderer: TemplateRenderer
    /// A hash of every template and asset, so that a change to any of them is noticed.
    package let fingerprint: UInt64
    /// Files copied as they are, with their place in the site.
    public let assets: [Asset]

    /// A file of the `assets/` folder.
    public struct Asset: Sendable {
        public var route: Route
        public var bytes: [UInt8]
    }

    /// Loads and checks every template; nil after reporting what is wrong.
    public static func load(fileSystem: any FileSystem, folder: String, limits: Limits = Limits(), log: DiagnosticLog) -> TemplateSet? {
        let folder = folder.hasSuffix("/") && folder.count > 1 ? String(folder.dropLast()) : folder
        guard fileSystem.kind(of: folder) != nil else {
            log.error(.missingTemplates, "templates folder '\(folder)' does not exist", at: .file(folder))
            return nil
        }
        guard fileSystem.resolvedPath(folder).flatMap(fileSystem.kind(of:)) == .directory else {
            log.error(.missingTemplates, "templates folder '\(folder)' is not a folder", at: .file(folder))
            return nil
        }
        let walk = FolderWalker(fileSystem: fileSystem).walk(folder)
        for failure in walk.failures { log.error(.unreadableFile, "cannot read folder: \(failure.reason)", at: .file(failure.path)) }
        let files = walk.items.filter { $0.kind != .directory }.map { (relative: $0.path, kind: $0.kind) }

        let root = fileSystem.resolvedPath(folder) ?? folder
        var sources: [String: SourceText] = [:]
        var assets: [Asset] = []
        for file in files {
            let path = folder + "/" + file.relative
            if file.kind == .other {
                log.error(.unreadableFile, "cannot read file: it is not a regular file (a pipe, socket or device)", at: .file(path))
                continue
            }
            if file.kind == .symbolicLink {
                guard let target = fileSystem.resolvedPath(path), target.hasPrefix(root + "/") else {
                    log.error(.outsideTemplates, "symbolic link points outside the templates folder", at: .file(path))
                    continue
                }
            }
            let bytes: [UInt8]
            do {
                bytes = try fileSystem.readFile(path, limit: limits.dataFileSize)
            } catch {
                log.error(error.kind == .tooLarge ? .fileTooLarge : .unreadableFile, "cannot read file: \(error.reason)", at: .file(path))
                continue
            }
            if file.relative.hasSuffix(".mustache") {
                sources[String(file.relative.dropLast(".mustache".count))] = SourceText(path: path, bytes: bytes)
            } else if file.relative.hasPrefix("assets/") {
                assets.append(Asset(route: .asset(String(file.relative.dropFirst("assets/".count))), bytes: bytes))
            } else {
                log.warning(.unknownFile, "only .mustache templates and files under assets/ are used; this file is ignored", at: .file(path))
            }
        }

        var templates: [String: Template] = [:]
        var failed = false
        for name in sources.keys.sorted() {
            let source = sources[name]!
            do {
                let template = try Template(name: name, text: source.string(), depthLimit: limits.templateDepth)
                templates[name] = template
                for (partial, line, column) in template.references where sources[partial] == nil {
                    log.error(
                        .missingPartial, "template '\(name)' uses partial '\(partial)', which does not exist (\(folder)/\(partial).mustache)",
                        at: source.location(line: line, column: column))
                    failed = true
                }
            } catch {
                log.error(error.id, "template error: \(error.message)", at: source.location(line: error.line, column: error.column))
                failed = true
            }
        }
        var nesting = TemplateNesting(templates: templates, sources: sources, limits: limits, log: log)
        if !nesting.check() { failed = true }
        for name in required where sources[name] == nil {
            log.error(.missingTemplate, "template '\(name)' is missing; every site needs \(folder)/\(name).mustache", at: .file(folder))
            failed = true
        }
        var hasher = StableHasher()
        for name in sources.keys.sorted() {
            hasher.combine(name)
            hasher.combine(contents: sources[name]!.bytes)
        }
        for asset in assets {
            hasher.combine(asset.route.path)
            hasher.combine(contents: asset.bytes)
        }
        return failed ? nil : TemplateSet(renderer: TemplateRenderer(templates: templates, depthLimit: limits.templateDepth), fingerprint: hasher.value, assets: assets)
    }

    /// Renders a page with the template of its kind.
    func render(_ template: String, _ model: any TemplateObject) -> [UInt8] {
        renderer.render(template, model)
    }
}
