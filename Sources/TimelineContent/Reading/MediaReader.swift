import TimelineCore

/// Reads `media.yaml`, which describes the images of `Content/media/`, and `maps.yaml`, which lists the base
/// maps and their GeoJSON files; checks that every file named exists and every image file is described.
struct MediaReader: Sendable {
    let files: ContentFiles

    /// The folder of images inside the content.
    static let folder = "media"
    /// Largest GeoJSON file of a base map, in bytes.
    static let mapFileSize = 16 << 20

    /// The images described in `media.yaml`, with their files checked to exist; an image file that
    /// `media.yaml` does not describe is an error, since it could not be published with its credit.
    func readMedia(log: DiagnosticLog) -> (items: [MediaItem], broken: Set<String>) {
        let data = DataFileReader(files: files)
        var seen: [String: SourceLocation] = [:]
        var stems: [String: String] = [:]
        let listed = data.readList("media.yaml", required: false, log: log) { node, document -> MediaItem? in
            guard let fields = FieldReader(node, in: document, subject: "an image", log: log) else { return nil }
            fields.rejectUnknownFields(["file", "alt", "credit", "license", "caption", "source_url", "date", "translations"])
            guard let file = fields.string("file", required: true) else { return nil }
            let subject = fields.about("image '\(file)'")
            let alt = subject.string("alt", required: true)
            let credit = subject.string("credit", required: true)
            let license = subject.string("license", required: true)
            let caption = subject.string("caption")
            let sourceURL = subject.string("source_url")
            let date = subject.date("date")
            if file.contains("/") || file.hasPrefix(".") || file.isEmpty {
                log.error(.invalidID, "an image's file is a name in Content/media/, such as 'port-au-prince.jpg'", at: fields.location(of: "file"))
                return nil
            }
            if let first = seen[file] {
                log.error(.duplicateID, "image '\(file)' is described twice", at: fields.location(of: "file"), notes: [.init("first described here", at: first)])
                return nil
            }
            seen[file] = fields.location(of: "file")
            var item = MediaItem(file: file, alt: alt ?? "", credit: credit ?? "", license: license ?? "", caption: caption, sourceURL: sourceURL, date: date,
                                 location: fields.location(of: "file"))
            item.translations = fields.translations(["alt", "caption", "credit", "license"])
            if let other = stems[item.stem] {
                log.error(
                    .duplicateID, "images '\(other)' and '\(file)' would publish copies of the same name; rename one of them",
                    at: fields.location(of: "file"))
                return nil
            }
            stems[item.stem] = file
            if let sourceURL, !(sourceURL.hasPrefix("https://") || sourceURL.hasPrefix("http://")) {
                log.error(.invalidURL, "source_url must be an http or https address", at: fields.location(of: "source_url"))
            }
            if let alt, let caption, Self.plain(alt) == Self.plain(caption) {
                log.error(
                    .altIsCaption,
                    "the alt text repeats the caption; alt says what the image shows for a reader who cannot see it, the caption what it means",
                    at: fields.location(of: "alt"))
            }
            guard alt != nil, credit != nil, license != nil else { return nil }
            let path = files.path(Self.folder + "/" + file)
            if files.fileSystem.kind(of: path) == nil {
                log.error(.missingFile, "image file '\(Self.folder)/\(file)' does not exist", at: fields.location(of: "file"),
                          fixIt: .closest(to: file, among: imageFiles()))
                return nil
            }
            return item
        } ?? []
        let described = Set(seen.keys)
        for name in imageFiles() where !described.contains(name) {
            log.error(
                .unknownMedia, "image '\(name)' is not described in media.yaml; give it alt, credit and license there",
                at: .file(files.path(Self.folder + "/" + name)))
        }
        return (listed, described.subtracting(listed.map(\.file)))
    }

    /// The names of the files in `Content/media/`.
    private func imageFiles() -> [String] {
        ((try? files.fileSystem.listDirectory(files.path(Self.folder))) ?? nil)?.map(\.name).filter { !$0.hasPrefix(".") }.sorted() ?? []
    }

    /// Text compared without case, spaces or punctuation.
    static func plain(_ text: String) -> String {
        String(text.lowercased().unicodeScalars.filter { $0.properties.isAlphabetic || $0.properties.numericType != nil }.map(Character.init))
    }

    /// The base maps listed in `maps.yaml`, each with the shapes of its GeoJSON file.
    func readMaps(log: DiagnosticLog) -> [BaseMap] {
        var seen: [String: SourceLocation] = [:]
        return DataFileReader(files: files).readList("maps.yaml", required: false, log: log) { node, document -> BaseMap? in
            guard let fields = FieldReader(node, in: document, subject: "a map", log: log) else { return nil }
            fields.rejectUnknownFields(["id", "title", "file", "credit", "license", "translations"])
            guard let id = fields.string("id", required: true) else { return nil }
            if let problem = Identifier.problem(with: id) {
                log.error(.invalidID, "map id '\(id)' is not valid: \(problem)", at: fields.location(of: "id"))
                return nil
            }
            if let first = seen[id] {
                log.error(.duplicateID, "map '\(id)' is listed twice", at: fields.location(of: "id"), notes: [.init("first listed here", at: first)])
                return nil
            }
            seen[id] = fields.location(of: "id")
            let subject = fields.about("map '\(id)'")
            guard let title = subject.string("title", required: true), let file = subject.string("file", required: true),
                  let credit = subject.string("credit", required: true), let license = subject.string("license", required: true) else { return nil }
            if files.fileSystem.kind(of: files.path(file)) == nil {
                log.error(.missingFile, "map file '\(file)' does not exist; give its path under the content folder, such as 'maps/haiti.geojson'",
                          at: fields.location(of: "file"))
                return nil
            }
            guard let text = files.readText(file, limit: Self.mapFileSize, log: log) else { return nil }
            guard let shapes = GeoJSONReader.shapes(in: text, log: log) else { return nil }
            var map = BaseMap(id: id, title: title, file: file, credit: credit, license: license, shapes: shapes, location: fields.location(of: "id"))
            map.translations = fields.translations(["title", "credit", "license"])
            return map
        } ?? []
    }
}
