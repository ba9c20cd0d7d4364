import Mustache

/// The Mustache templates of a site and the files of its `assets/` folder, loaded from the templates folder.
public struct TemplateSet: Sendable {
    /// Templates every site needs, one per kind of page.
    static let required = ["index", "entry", "topic", "topics", "source", "sources", "facts", "page", "era", "404"]

    let library: MustacheLibrary
    /// Files copied as they are: their path in the site (under `assets/`) and their bytes.
    let assets: [(path: String, bytes: [UInt8])]

    /// Loads and checks every template; nil after reporting what is wrong.
    public static func load(fileSystem: any FileSystem, folder: String, limits: Limits = Limits(), log: DiagnosticLog) -> TemplateSet? {
        let folder = folder.hasSuffix("/") && folder.count > 1 ? String(folder.dropLast()) : folder
        guard fileSystem.kind(of: folder) != nil else {
            log.error("missing-templates", "templates folder '\(folder)' does not exist", at: .file(folder))
            return nil
        }
        var files: [(relative: String, kind: FileKind)] = []
        func walk(_ relative: String) {
            let path = relative.isEmpty ? folder : folder + "/" + relative
            let items: [DirectoryItem]
            do {
                items = try fileSystem.listDirectory(path) ?? []
            } catch {
                log.error("unreadable-file", "cannot read folder: \(error.reason)", at: .file(path))
                return
            }
            for item in items.sorted(by: { $0.name < $1.name }) where !item.name.hasPrefix(".") {
                let child = relative.isEmpty ? item.name : relative + "/" + item.name
                if item.kind == .directory { walk(child) } else { files.append((child, item.kind)) }
            }
        }
        walk("")

        let root = fileSystem.resolvedPath(folder) ?? folder
        var sources: [String: SourceText] = [:]
        var assets: [(path: String, bytes: [UInt8])] = []
        for file in files {
            let path = folder + "/" + file.relative
            if file.kind == .symbolicLink {
                guard let target = fileSystem.resolvedPath(path), target.hasPrefix(root + "/") else {
                    log.error("outside-templates", "symbolic link points outside the templates folder", at: .file(path))
                    continue
                }
            }
            let bytes: [UInt8]
            do {
                bytes = try fileSystem.readFile(path, limit: limits.dataFileSize)
            } catch {
                log.error(error.reason.contains("limit") ? "file-too-large" : "unreadable-file", "cannot read file: \(error.reason)", at: .file(path))
                continue
            }
            if file.relative.hasSuffix(".mustache") {
                sources[String(file.relative.dropLast(".mustache".count))] = SourceText(path: path, bytes: bytes)
            } else if file.relative.hasPrefix("assets/") {
                assets.append((file.relative, bytes))
            } else {
                log.warning("unknown-file", "only .mustache templates and files under assets/ are used; this file is ignored", at: .file(path))
            }
        }

        var library = MustacheLibrary()
        var failed = false
        for name in sources.keys.sorted() {
            let source = sources[name]!
            do {
                library.register(try MustacheTemplate(string: source.string()), named: name)
            } catch let error as MustacheTemplate.ParserError {
                log.error(
                    "template-syntax", "template error: \(describe(error.error))",
                    at: tagStart(in: source, line: error.context.lineNumber, column: error.context.columnNumber + 1))
                failed = true
            } catch {
                log.error("template-syntax", "template error: \(error)", at: .file(source.path))
                failed = true
            }
            for (partial, location) in partials(in: source) where sources[partial] == nil {
                log.error("missing-partial", "template '\(name)' uses partial '\(partial)', which does not exist (\(folder)/\(partial).mustache)", at: location)
                failed = true
            }
        }
        for name in required where sources[name] == nil {
            log.error("missing-template", "template '\(name)' is missing; every site needs \(folder)/\(name).mustache", at: .file(folder))
            failed = true
        }
        return failed ? nil : TemplateSet(library: library, assets: assets)
    }

    /// Where the tag around a column starts (its `{{`), so that a syntax error points at the whole tag.
    static func tagStart(in source: SourceText, line: Int, column: Int) -> SourceLocation {
        let range = source.lineRange(line)
        let scalars = Array(source.string(range).unicodeScalars)
        var index = min(column - 1, scalars.count - 1)
        while index >= 1 {
            if scalars[index] == "{" && scalars[index - 1] == "{" { return source.location(line: line, column: index) }
            if scalars[index] == "}" && index < column - 1 { break }
            index -= 1
        }
        return source.location(line: line, column: column)
    }

    /// The partials a template includes or extends (`{{> name}}`, `{{< name}}`), with where each is named.
    static func partials(in source: SourceText) -> [(String, SourceLocation)] {
        var found: [(String, SourceLocation)] = []
        let bytes = source.bytes
        var index = 0
        while index + 2 < bytes.count {
            if bytes[index] == UInt8(ascii: "{"), bytes[index + 1] == UInt8(ascii: "{"),
               bytes[index + 2] == UInt8(ascii: ">") || bytes[index + 2] == UInt8(ascii: "<") {
                var start = index + 3
                while start < bytes.count, bytes[start] == 0x20 { start += 1 }
                var end = start
                while end < bytes.count, bytes[end] != UInt8(ascii: "}"), bytes[end] != 0x20 { end += 1 }
                if end > start, !bytes[start..<end].contains(UInt8(ascii: "*")) {
                    found.append((String(decoding: bytes[start..<end], as: UTF8.self), source.location(ofOffset: index)))
                }
                index = end
            } else {
                index += 1
            }
        }
        return found
    }

    private static func describe(_ error: any Error) -> String {
        switch error {
        case MustacheTemplate.Error.sectionCloseNameIncorrect: return "a section is closed with a different name than it was opened with"
        case MustacheTemplate.Error.unfinishedName: return "a tag is not finished with '}}'"
        case MustacheTemplate.Error.expectedSectionEnd: return "a section is never closed"
        default: return String(describing: error)
        }
    }

    /// Renders a page with the template of its kind.
    func render(_ template: String, _ values: [String: Any]) -> String {
        library.render(values, withTemplate: template) ?? ""
    }
}
