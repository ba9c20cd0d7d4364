import TimelineContent
import TimelineCore
import TimelineTheme

/// The Mustache templates of a site and the files of its `assets/` folder: the built-in theme's, with those
/// of the site's templates folder in their place.
public struct TemplateSet: Sendable {
    let renderer: TemplateRenderer
    /// A hash of every template and asset, so that a change to any of them is noticed.
    package let fingerprint: UInt64
    /// Files copied as they are, with their place in the site.
    public let assets: [Asset]
    /// How share cards are drawn, from `card.yaml`.
    public let cardLayout: CardLayout
    /// The interface's words in each language, from `i18n/LANG.yaml`, by language and key.
    public let interfaceStrings: [String: [String: String]]
    /// Where each language's interface strings are, for diagnostics.
    public let interfaceFiles: [String: String]

    /// A file of the `assets/` folder.
    public struct Asset: Sendable {
        public var route: Route
        public var bytes: [UInt8]
    }

    /// Loads and checks every template: the built-in theme's, each replaced by the file of the same path in
    /// `folder` when it has one; nil after reporting what is wrong. A missing folder means the built-in theme
    /// alone, unless `mustExist` (a folder named on the command line must exist).
    public static func load(
        fileSystem: any FileSystem, folder: String, mustExist: Bool = false, limits: Limits = Limits(), log: DiagnosticLog
    ) -> TemplateSet? {
        let folder = folder.hasSuffix("/") && folder.count > 1 ? String(folder.dropLast()) : folder
        var files: [String: SourceText] = [:]
        for file in DefaultTheme.files { files[file.path] = SourceText(path: builtInFolder + "/" + file.path, bytes: file.bytes) }
        if fileSystem.kind(of: folder) == nil {
            if mustExist {
                log.error(.missingTemplates, "templates folder '\(folder)' does not exist", at: .file(folder))
                return nil
            }
        } else {
            guard fileSystem.resolvedPath(folder).flatMap(fileSystem.kind(of:)) == .directory else {
                log.error(.missingTemplates, "templates folder '\(folder)' is not a folder", at: .file(folder))
                return nil
            }
            for (relative, file) in readFolder(fileSystem: fileSystem, folder: folder, limits: limits, log: log) { files[relative] = file }
        }
        var sources: [String: SourceText] = [:]
        var assets: [Asset] = []
        var cardLayout: CardLayout?
        var interfaceStrings: [String: [String: String]] = [:], interfaceFiles: [String: String] = [:]
        for relative in files.keys.sorted() {
            let file = files[relative]!
            if relative.hasSuffix(".mustache") {
                sources[String(relative.dropLast(".mustache".count))] = file
            } else if relative.hasPrefix("assets/") {
                // Stylesheets and scripts are published without their comments and indentation, which every page would load.
                let bytes = relative.hasSuffix(".css") ? StylesheetMinifier.minified(file.bytes)
                    : relative.hasSuffix(".js") ? ScriptMinifier.minified(file.bytes) : file.bytes
                assets.append(Asset(route: .asset(String(relative.dropFirst("assets/".count))), bytes: bytes))
            } else if relative.hasPrefix("i18n/"), relative.hasSuffix(".yaml"), !relative.dropFirst(5).contains("/") {
                let language = String(relative.dropFirst(5).dropLast(5))
                if let read = InterfaceStringsReader.read(file, log: log) {
                    interfaceStrings[language] = read.mapValues(\.text)
                    interfaceFiles[language] = file.path
                }
            } else if relative == "card.yaml" {
                cardLayout = CardLayoutReader.read(file, log: log)
            } else {
                log.warning(.unknownFile, "only .mustache templates, card.yaml, i18n/LANG.yaml and files under assets/ are used; this file is ignored", at: .file(file.path))
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
        var hasher = StableHasher()
        var nesting = TemplateNesting(templates: templates, sources: sources, limits: limits, log: log)
        if !nesting.check() { failed = true }
        for name in sources.keys.sorted() {
            hasher.combine(name)
            hasher.combine(contents: sources[name]!.bytes)
        }
        for language in interfaceStrings.keys.sorted() {
            hasher.combine(language)
            for (key, text) in interfaceStrings[language]!.sorted(by: { $0.key < $1.key }) {
                hasher.combine(key)
                hasher.combine(text)
            }
        }
        for asset in assets {
            hasher.combine(asset.route.path)
            hasher.combine(contents: asset.bytes)
        }
        guard !failed, let cardLayout else { return nil }
        return TemplateSet(
            renderer: TemplateRenderer(templates: templates, depthLimit: limits.templateDepth), fingerprint: hasher.value, assets: assets,
            cardLayout: cardLayout, interfaceStrings: interfaceStrings, interfaceFiles: interfaceFiles)
    }

    /// Where diagnostics place the built-in theme's files.
    static let builtInFolder = "(built-in theme)"

    /// The readable files of a site's templates folder, by their paths inside it.
    static func readFolder(fileSystem: any FileSystem, folder: String, limits: Limits, log: DiagnosticLog) -> [String: SourceText] {
        let walk = FolderWalker(fileSystem: fileSystem).walk(folder)
        for failure in walk.failures { log.error(.unreadableFile, "cannot read folder: \(failure.reason)", at: .file(failure.path)) }
        let root = fileSystem.resolvedPath(folder) ?? folder
        var files: [String: SourceText] = [:]
        for file in walk.items where file.kind != .directory {
            let path = folder + "/" + file.path
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
            do {
                files[file.path] = SourceText(path: path, bytes: try fileSystem.readFile(path, limit: limits.dataFileSize))
            } catch {
                log.error(error.kind == .tooLarge ? .fileTooLarge : .unreadableFile, "cannot read file: \(error.reason)", at: .file(path))
            }
        }
        return files
    }

    /// Renders a page with the template of its kind, giving `spill` what is made so far as it goes
    /// (``TemplateRenderer/render(_:_:spill:)``).
    func render(_ template: String, _ model: any TemplateObject, pieceSize: Int = Site.exportPiece, spill: (inout [UInt8]) -> Void = { _ in }) -> [UInt8] {
        renderer.render(template, model, pieceSize: pieceSize, spill: spill)
    }
}
