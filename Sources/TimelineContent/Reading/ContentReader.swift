import TimelineCore

/// The first stage of a build: reads the content folder into a ``Content`` value, reporting every problem
/// with the files' syntax and fields. References between items are checked later, once the site is linked.
public struct ContentReader: Sendable {
    let fileSystem: any FileSystem
    /// The content folder, as the user named it; diagnostics show paths under this name.
    let folder: String
    let limits: Limits

    public init(fileSystem: any FileSystem, folder: String, limits: Limits = Limits()) {
        self.fileSystem = fileSystem
        self.folder = Self.folderName(folder)
        self.limits = limits
    }

    /// The content folder as diagnostics and readings name it: as the user named it, without a last `/`.
    public static func folderName(_ folder: String) -> String {
        folder.hasSuffix("/") && folder.count > 1 ? String(folder.dropLast()) : folder
    }

    /// The data files of the content format.
    static let dataFiles = ["site.yaml", "sources.yaml", "facts.yaml"]

    /// What a read found: the content, or nil when nothing usable could be read, and the reading of every
    /// note file and list file, which the next build may reuse.
    public struct Result: Sendable {
        public var content: Content?
        public var readings: NoteReadings
        public var data = DataReadings()
    }

    /// Reads every file of the content folder, taking from `previous` the readings of notes, and from
    /// `previousData` those of list files, whose bytes did not change.
    /// A note file whose identity is that of its text in `remembered` is not read again: the text is taken.
    public func read(
        log: DiagnosticLog, previous: NoteReadings = NoteReadings(), previousData: DataReadings = DataReadings(),
        remembered: RememberedTexts = RememberedTexts()
    ) -> Result {
        guard fileSystem.kind(of: folder) != nil else {
            log.error(.missingContent, "content folder '\(folder)' does not exist", at: .file(folder))
            return Result(content: nil, readings: NoteReadings())
        }
        guard fileSystem.resolvedPath(folder).flatMap(fileSystem.kind(of:)) == .directory else {
            log.error(.missingContent, "content folder '\(folder)' is not a folder", at: .file(folder))
            return Result(content: nil, readings: NoteReadings())
        }
        let files = ContentFiles(fileSystem: fileSystem, folder: folder, root: fileSystem.resolvedPath(folder) ?? folder, limits: limits)
        let errorsBefore = log.errorCount
        checkTopLevel(log: log)

        var broken = BrokenIDs()
        let data = DataFileReader(files: files)
        let settings = data.readSettings(log: log)
        // The sources and facts are read on a thread of their own while the notes are: neither needs the other.
        let listing = BackgroundWork { () -> (sources: [Source], facts: [Fact], readings: DataReadings, broken: BrokenIDs) in
            var broken = BrokenIDs()
            // A list file that cannot be read at all hides every id it holds: references to them are not reported.
            let (readSources, sourcesReading) = data.readSources(log: log, broken: &broken, previous: previousData.sources)
            let sources = readSources ?? { broken.insertAll(.source); return [] }()
            let (readFacts, factsReading) = data.readFacts(log: log, broken: &broken, settings: settings, previous: previousData.facts)
            let facts = readFacts ?? { broken.insertAll(.fact); return [] }()
            return (sources, facts, DataReadings(sources: sourcesReading, facts: factsReading), broken)
        }

        var content = Content(settings: settings ?? SiteSettings(title: ""), sources: [], facts: [])
        content.archives = ArchiveReader(files: files).read(log: log)
        let media = MediaReader(files: files)
        (content.media, content.brokenMedia) = media.readMedia(log: log)
        content.maps = media.readMaps(log: log)
        var readings = NoteReadings()
        readNotes(EntryFields.self, files: files, previous: previous, remembered: remembered, into: &content, readings: &readings, broken: &broken, log: log)
        readNotes(TopicFields.self, files: files, previous: previous, remembered: remembered, into: &content, readings: &readings, broken: &broken, log: log)
        readNotes(PageFields.self, files: files, previous: previous, remembered: remembered, into: &content, readings: &readings, broken: &broken, log: log)
        let lists = listing.wait()
        (content.sources, content.facts) = (lists.sources, lists.facts)
        broken.formUnion(lists.broken)
        let dataReadings = lists.readings
        if files.budget.exceeded {
            log.error(
                .contentTooLarge, "the content's files add up to more than the limit of \(limits.contentSize) bytes",
                at: .file(folder))
            return Result(content: nil, readings: NoteReadings())
        }
        guard settings != nil else { return Result(content: nil, readings: readings, data: dataReadings) }
        content.brokenIDs = broken
        content.isComplete = log.errorCount == errorsBefore
        return Result(content: content, readings: readings, data: dataReadings)
    }

    /// Reads the notes of one kind, in parallel.
    private func readNotes<Fields: ReadableNoteFields>(
        _ kind: Fields.Type, files: ContentFiles, previous: NoteReadings, remembered: RememberedTexts, into content: inout Content, readings: inout NoteReadings,
        broken: inout BrokenIDs, log: DiagnosticLog
    ) {
        var translationTexts: [(id: String, language: String, text: SourceText)] = []
        let languages = Set(content.settings.languages.map(\.code))
        let texts = noteFiles(
            in: Fields.kind.folder, files: files, languages: languages, remembered: remembered, log: log, broken: &broken, translations: &translationTexts)
        let reader = NoteReader(limits: limits)
        let earlier = previous[keyPath: Fields.readings]
        let read = parallelMap(texts) { id, text in reader.read(text, id: id, previous: earlier[text.path]) as NoteReading<Fields> }
        // A note is a large value held to the end of the build: the list is made its exact size, not grown.
        content[keyPath: Fields.notes].reserveCapacity(content[keyPath: Fields.notes].count + read.count)
        readings[keyPath: Fields.readings].reserveCapacity(readings[keyPath: Fields.readings].count + read.count)
        for ((id, _), reading) in zip(texts, read) {
            log.report(contentsOf: reading.diagnostics)
            readings[keyPath: Fields.readings][reading.path] = reading
            if let note = reading.note {
                content[keyPath: Fields.notes].append(note)
            } else {
                broken.insert(.note, id)
                if let body = reading.unreadBody { content.unreadNotes.append(UnreadNote(info: NoteInfo(kind: Fields.kind, id: id, title: id), body: body)) }
            }
        }
        let originals = Set(texts.map(\.id))
        let translator = TranslationReader(limits: limits)
        for (id, language, text) in translationTexts {
            guard originals.contains(id) else {
                log.error(
                    .unknownLink, "'\(Fields.kind.folder)/\(id).\(language).md' translates '\(id)', but there is no '\(Fields.kind.folder)/\(id).md'", at: .file(text.path),
                    fixIt: .closest(to: id, among: originals))
                continue
            }
            if let translation = translator.read(text, kind: Fields.kind, id: id, language: language, log: log) { content.noteTranslations.append(translation) }
        }
    }

    /// Warns about files and folders at the top of the content folder that the format does not know.
    private func checkTopLevel(log: DiagnosticLog) {
        let items: [DirectoryItem]
        do {
            items = try fileSystem.listDirectory(folder) ?? []
        } catch {
            log.error(.unreadableFile, "cannot read the content folder: \(error.reason)", at: .file(folder))
            return
        }
        let known = NoteKind.allCases.map(\.folder) + Self.dataFiles + ["assets", ArchiveReader.folder, MediaReader.folder, "media.yaml", "maps.yaml", "maps"]
        for item in items where !item.name.hasPrefix(".") && !known.contains(item.name) {
            log.warning(
                .unknownFile, "'\(item.name)' is not part of the content format and is ignored", at: .file(folder + "/" + item.name),
                fixIt: .closest(to: item.name, among: known))
        }
    }

    /// The Markdown files of a note folder, sorted by name, each checked to have a valid id as its name.
    private func noteFiles(
        in folderName: String, files: ContentFiles, languages: Set<String>, remembered: RememberedTexts, log: DiagnosticLog, broken: inout BrokenIDs,
        translations: inout [(id: String, language: String, text: SourceText)]
    ) -> [(id: String, text: SourceText)] {
        let folderPath = files.path(folderName)
        // A folder that is a symbolic link must lead to a folder inside the content, as a linked file must.
        if fileSystem.kind(of: folderPath) == .symbolicLink {
            guard let target = fileSystem.resolvedPath(folderPath) else {
                log.error(.brokenLink, "symbolic link points to nothing", at: .file(folderPath))
                broken.insertAll(.note)
                return []
            }
            guard target.hasPrefix(files.root + "/") else {
                log.error(.outsideContent, "symbolic link points outside the content folder, to '\(target)'", at: .file(folderPath))
                broken.insertAll(.note)
                return []
            }
        }
        let items: [DirectoryItem]
        do {
            guard let listed = try fileSystem.listDirectory(folderPath) else { return [] }
            // By the bytes of the names; names all in ASCII, as a site's almost always are, are in that order
            // by Swift's own comparison of text, which is quicker.
            let ascii = listed.allSatisfy { item in item.name.utf8.allSatisfy { $0 < 0x80 } }
            items = ascii ? listed.sorted { $0.name < $1.name } : listed.sorted { $0.name.utf8.lexicographicallyPrecedes($1.name.utf8) }
        } catch {
            log.error(.unreadableFile, "cannot read folder: \(error.reason)", at: .file(folderPath))
            broken.insertAll(.note)
            return []
        }
        if items.count > limits.notesPerFolder {
            log.error(.tooManyFiles, "folder has \(items.count) files, over the limit of \(limits.notesPerFolder)", at: .file(folderPath))
            broken.insertAll(.note)
            return []
        }
        var accepted: [(id: String, relative: String, kind: FileKind)] = []
        var translationFiles: [(id: String, language: String, relative: String, kind: FileKind)] = []
        for item in items where !item.name.hasPrefix(".") {
            let relative = folderName + "/" + item.name
            guard item.name.hasSuffix(".md") else {
                if item.kind == .directory {
                    log.warning(.unknownFile, "folders inside '\(folderName)' are not read", at: .file(files.path(relative)))
                } else {
                    log.warning(.unknownFile, "only Markdown files (.md) are read here; this file is ignored", at: .file(files.path(relative)))
                }
                continue
            }
            let id = String(item.name.dropLast(3))
            // `ID.LANG.md` is the translation of `ID.md` into one of the site's languages.
            if id.utf8.contains(UInt8(ascii: ".")), let dot = id.utf8.lastIndex(of: UInt8(ascii: ".")), Identifier.problem(with: String(id[..<dot])) == nil,
               case let language = String(id[id.index(after: dot)...]), language.first?.isLetter == true, DataFileReader.isLanguageTag(language) {
                if languages.contains(language) {
                    translationFiles.append((String(id[..<dot]), language, relative, item.kind))
                } else {
                    log.error(
                        .invalidLanguage,
                        languages.isEmpty
                            ? "'\(item.name)' reads as a translation into '\(language)', but site.yaml lists no other languages; add it under languages"
                            : "'\(item.name)' reads as a translation into '\(language)', which is not one of the site's languages (\(languages.sorted().joined(separator: ", ")))",
                        at: .file(files.path(relative)), fixIt: .closest(to: language, among: languages))
                }
                continue
            }
            if let problem = Identifier.problem(with: id) {
                let suggestion = Identifier.made(from: id)
                log.error(
                    .invalidID, "file name '\(item.name)' is not a valid id: \(problem)", at: .file(files.path(relative)),
                    fixIt: suggestion.isEmpty ? nil : Diagnostic.FixIt(.rename, suggestion + ".md"))
                continue
            }
            accepted.append((id, relative, item.kind))
        }
        let limit = limits.noteSize
        let plain = accepted.first.map { files.isPlainFolder(containing: $0.relative) }
        let texts = parallelMap(accepted) { item -> (String, SourceText)? in
            // A regular file in a folder that is no link, as it was when its text was remembered, is not read again.
            if item.kind == .file, plain == true, let text = remembered.text(files.path(item.relative)) {
                return files.budget.take(text.bytes.count, limit: limits.contentSize) ? (item.id, text) : nil
            }
            return files.readText(item.relative, limit: limit, listedAs: item.kind, inPlainFolder: plain, log: log).map { (item.id, $0) }
        }
        for (item, text) in zip(accepted, texts) where text == nil { broken.insert(.note, item.id) }
        for file in translationFiles {
            if let text = files.readText(file.relative, limit: limit, listedAs: file.kind, inPlainFolder: plain, log: log) {
                translations.append((file.id, file.language, text))
            }
        }
        return texts.compactMap { $0 }
    }
}
