import TimelineCore

/// Reads `archive/`: one file a source, `SOURCE-ID.md` or `SOURCE-ID.txt`, the source's text as retrieved,
/// with optional front matter (`retrieved`, `url`, `note` with its `translations`, and `known_errors`: the words at fault of errors
/// the author has seen, so that the build stops warning about them).
struct ArchiveReader {
    let files: ContentFiles

    static let folder = "archive"

    /// The archived texts, by source id; none when the folder does not exist.
    func read(log: DiagnosticLog) -> [String: Archive] {
        let folderPath = files.path(Self.folder)
        guard files.fileSystem.kind(of: folderPath) != nil else { return [:] }
        let items: [DirectoryItem]
        do {
            items = (try files.fileSystem.listDirectory(folderPath) ?? []).sorted { $0.name.utf8.lexicographicallyPrecedes($1.name.utf8) }
        } catch {
            log.error(.unreadableFile, "cannot read folder: \(error.reason)", at: .file(folderPath))
            return [:]
        }
        var archives: [String: Archive] = [:]
        for item in items where !item.name.hasPrefix(".") {
            let relative = Self.folder + "/" + item.name
            guard let dot = item.name.lastIndex(of: "."), [".md", ".txt"].contains(String(item.name[dot...])) else {
                log.warning(.unknownFile, "only archived texts (.md or .txt) are read here; this file is ignored", at: .file(files.path(relative)))
                continue
            }
            let id = String(item.name[..<dot])
            if let problem = Identifier.problem(with: id) {
                log.error(.invalidID, "file name '\(item.name)' is not a valid source id: \(problem)", at: .file(files.path(relative)))
                continue
            }
            guard let text = files.readText(relative, limit: files.limits.dataFileSize, log: log) else { continue }
            if let earlier = archives[id] {
                log.error(
                    .duplicateID, "source '\(id)' has two archived texts; keep one", at: .file(text.path),
                    notes: [.init("the other one", at: earlier.location)])
                continue
            }
            if let archive = read(text, id: id, log: log) { archives[id] = archive }
        }
        return archives
    }

    /// One archived text: its front matter, when it starts with a line `---`, then the text.
    private func read(_ file: SourceText, id: String, log: DiagnosticLog) -> Archive? {
        var archive = Archive(sourceID: id, text: file.string(), firstLine: 1, location: .file(file.path))
        guard file.lineRange(1).count >= 3, file.string(file.lineRange(1)).trimmingWhitespace == "---" else { return archive }
        guard let (parts, document, read) = FrontMatter.read(file, depthLimit: files.limits.yamlDepth, log: log), let node = read else { return nil }
        if case .mapping(let mapping) = node, mapping.count == 0 {
            // Front matter with no fields.
        } else if let fields = FieldReader(node, in: document, subject: "the archived text of '\(id)'", log: log) {
            fields.rejectUnknownFields(["retrieved", "url", "note", "known_errors", "translations"])
            archive.retrieved = fields.date("retrieved")
            archive.url = fields.string("url")
            if let url = archive.url, let problem = DataFileReader.urlProblem(url) {
                log.error(.invalidURL, "url of the archived text of '\(id)' \(problem)", at: fields.location(of: "url"))
            }
            archive.note = fields.string("note")
            archive.translations = fields.translations(["note"])
            archive.knownErrors = fields.references("known_errors").map(\.id)
        }
        archive.text = file.string(parts.body)
        archive.firstLine = parts.bodyFirstLine
        return archive
    }
}
