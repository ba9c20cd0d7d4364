import TimelineCore

/// Reads `card.yaml`, the layout of share cards, reporting each mistake at its place.
public enum CardLayoutReader {
    /// The layout, or nil after reporting what is wrong.
    public static func read(_ file: SourceText, log: DiagnosticLog) -> CardLayout? {
        let document = YAMLDocument(file: file)
        guard let node = document.root(log: log, depthLimit: 16), let fields = FieldReader(node, in: document, subject: "the share card", log: log) else {
            return nil
        }
        fields.rejectUnknownFields(["background", "boxes", "texts"])
        let errors = log.errorCount
        let background = colour(fields, "background", required: true)
        var boxes: [CardLayout.Box] = []
        for (node, _) in fields.mappings("boxes") {
            guard let box = fields.reader(of: node, subject: "a box of the share card") else { continue }
            box.rejectUnknownFields(["x", "y", "width", "height", "colour"])
            let place = frame(box)
            if let place, let colour = colour(box, "colour", required: true) {
                boxes.append(CardLayout.Box(x: place.x, y: place.y, width: place.width, height: place.height, colour: colour))
            }
        }
        var texts: [CardLayout.Text] = []
        for (node, _) in fields.mappings("texts") {
            guard let text = fields.reader(of: node, subject: "a text of the share card") else { continue }
            text.rejectUnknownFields(["text", "x", "y", "width", "height", "font", "size", "font_file", "colour"])
            let place = frame(text)
            let words = text.string("text", required: true)
            if let words { checkPlaceholders(words, at: text.location(of: "text"), log: log) }
            let font = text.string("font", required: true)
            let size = text.integer("size")
            let fontFile = text.string("font_file", required: true)
            // Fonts are files of the machine, not of the site: they are looked for on its own disk.
            if let fontFile, LocalFileSystem().kind(of: fontFile) == nil {
                log.error(
                    .missingFile, "font file '\(fontFile)' does not exist; install it (fonts-dejavu-core on Debian) or name another",
                    at: text.location(of: "font_file"))
            }
            let colour = colour(text, "colour", required: true)
            guard let place, let words, let font, let fontFile, let colour else { continue }
            texts.append(CardLayout.Text(
                text: words, x: place.x, y: place.y, width: place.width, height: place.height, font: font, size: size ?? 40, fontFile: fontFile,
                colour: colour))
        }
        guard let background, log.errorCount == errors else { return nil }
        return CardLayout(background: background, boxes: boxes, texts: texts)
    }

    /// A box's place and size, each within the card.
    private static func frame(_ fields: FieldReader) -> (x: Int, y: Int, width: Int, height: Int)? {
        let values = ["x", "y", "width", "height"].map { key -> Int? in
            if !fields.has(key) {
                fields.log.error(.missingField, "\(fields.subject) needs '\(key)', in pixels", at: fields.location)
                return nil
            }
            guard let value = fields.integer(key) else { return nil }
            guard (0...2000).contains(value) else {
                fields.log.error(.invalidNumber, "'\(key)' of \(fields.subject) is between 0 and 2000 pixels", at: fields.location(of: key))
                return nil
            }
            return value
        }
        guard let x = values[0], let y = values[1], let width = values[2], let height = values[3] else { return nil }
        return (x, y, width, height)
    }

    private static func colour(_ fields: FieldReader, _ key: String, required: Bool) -> CardLayout.Colour? {
        guard let text = fields.string(key, required: required) else { return nil }
        guard let colour = CardLayout.Colour(hex: text) else {
            fields.log.error(.yamlType, "'\(key)' of \(fields.subject) is a colour written #rrggbb, such as \"#1d3557\"", at: fields.location(of: key))
            return nil
        }
        return colour
    }

    /// Reports a `{{name}}` that names none of the words a card can use.
    private static func checkPlaceholders(_ text: String, at location: SourceLocation, log: DiagnosticLog) {
        var rest = Substring(text)
        while let open = rest.range(of: "{{") {
            guard let close = rest[open.upperBound...].range(of: "}}") else { return }
            let name = rest[open.upperBound..<close.lowerBound].trimmingCharacters()
            if !CardLayout.placeholders.contains(name) {
                log.error(
                    .templateSyntax, "a share card's text can use {{title}}, {{date}}, {{summary}} and {{site}}, not {{\(name)}}", at: location,
                    fixIt: .closest(to: name, among: CardLayout.placeholders))
            }
            rest = rest[close.upperBound...]
        }
    }
}

extension Substring {
    fileprivate func trimmingCharacters() -> String { String(drop { $0 == " " }.reversed().drop { $0 == " " }.reversed()) }
    fileprivate func range(of needle: String) -> Range<Index>? {
        var index = startIndex
        while index < endIndex {
            if self[index...].hasPrefix(needle) { return index..<self.index(index, offsetBy: needle.count) }
            index = self.index(after: index)
        }
        return nil
    }
}
