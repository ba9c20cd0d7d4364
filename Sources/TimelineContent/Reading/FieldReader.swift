import TimelineCore

/// Reads the fields of one YAML mapping (a note's front matter, a source, a fact) into Swift values,
/// reporting each problem at the place it was written.
struct FieldReader {
    let document: YAMLDocument
    let log: DiagnosticLog
    /// What the mapping describes, for messages: "entry", "source 'cnn'".
    let subject: String
    let location: SourceLocation
    private let pairs: [(key: String, keyNode: YAMLNode, value: YAMLNode)]

    /// A reader for `node`, or nil after reporting that the node is not a mapping.
    init?(_ node: YAMLNode, in document: YAMLDocument, subject: String, log: DiagnosticLog) {
        guard case .mapping(let mapping) = node else {
            log.error(
                .yamlType, "expected the fields of \(subject) (key: value lines), found \(Self.describe(node))",
                at: document.location(of: node))
            return nil
        }
        self.document = document
        self.log = log
        self.subject = subject
        self.location = document.location(of: node)
        self.pairs = mapping.map { (key: $0.key.string ?? "", keyNode: $0.key, value: $0.value) }
    }

    /// The same fields, described otherwise in messages: once its id is known, "a source" becomes "source 'cnn'".
    func about(_ subject: String) -> FieldReader {
        FieldReader(document: document, log: log, subject: subject, location: location, pairs: pairs)
    }

    private init(document: YAMLDocument, log: DiagnosticLog, subject: String, location: SourceLocation, pairs: [(key: String, keyNode: YAMLNode, value: YAMLNode)]) {
        self.document = document
        self.log = log
        self.subject = subject
        self.location = location
        self.pairs = pairs
    }

    /// A reader of a mapping inside these fields, such as one correction of an entry.
    func reader(of node: YAMLNode, subject: String) -> FieldReader? {
        FieldReader(node, in: document, subject: subject, log: log)
    }

    static func describe(_ node: YAMLNode) -> String {
        switch node {
        case .scalar(let scalar): return scalar.string.isEmpty ? "nothing" : "the text '\(scalar.string)'"
        case .list: return "a list"
        case .mapping: return "a mapping"
        }
    }

    /// Whether a scalar is YAML's empty value (`~`, `null` or nothing).
    static func isNull(_ node: YAMLNode) -> Bool {
        guard case .scalar(let scalar) = node, scalar.style == .plain else { return false }
        return ["", "~", "null", "Null", "NULL"].contains(scalar.string)
    }

    func node(_ key: String) -> YAMLNode? {
        guard let value = pairs.first(where: { $0.key == key })?.value, !Self.isNull(value) else { return nil }
        return value
    }

    func has(_ key: String) -> Bool { node(key) != nil }

    /// The keys of the fields, in the order written.
    var keys: [String] { pairs.map(\.key) }

    func location(of key: String) -> SourceLocation {
        guard let pair = pairs.first(where: { $0.key == key }) else { return location }
        return document.location(of: pair.value)
    }

    private func missing(_ key: String) {
        if let pair = pairs.first(where: { $0.key == key }),
           let mistake = mistake(on: pair.keyNode, YAMLMistake.commentAsValue) {
            log.error(.missingField, "\(subject) needs a '\(key)'; \(mistake.message)", at: document.location(mistake))
            return
        }
        log.error(.missingField, "\(subject) needs a '\(key)'", at: location)
    }

    /// A mistake `recognise` finds on the line where `node` starts.
    private func mistake(on node: YAMLNode, _ recognise: ([Unicode.Scalar], Int) -> YAMLMistake?) -> YAMLMistake? {
        let line = document.location(of: node).line
        guard line >= 1, line <= document.file.lineStarts.count else { return nil }
        let text = Array(String(decoding: document.file.bytes[document.file.lineRange(line)], as: UTF8.self).unicodeScalars)
        return recognise(text, line - document.firstLine + 1)
    }

    /// Whether a list was written with an item lacking the space after its dash (`-harbour`), which YAML
    /// reads as text; reported as such.
    private func reportsItemWithoutSpace(_ node: YAMLNode, field: String) -> Bool {
        guard case .scalar(let scalar) = node, scalar.style == .plain, scalar.string.hasPrefix("-"),
              let mistake = mistake(on: node, YAMLMistake.itemWithoutSpace) else { return false }
        log.error(.yamlType, "'\(field)' of \(subject) should be a list; \(mistake.message)", at: document.location(mistake))
        return true
    }

    /// A text field; numbers and dates are taken as written.
    func string(_ key: String, required: Bool = false) -> String? {
        guard let node = node(key) else {
            if required { missing(key) }
            return nil
        }
        return text(node, field: key)
    }

    /// The text of a scalar node, or nil after reporting that it is something else.
    func text(_ node: YAMLNode, field: String) -> String? {
        guard case .scalar(let scalar) = node else {
            log.error(.yamlType, "'\(field)' of \(subject) should be text, found \(Self.describe(node))", at: document.location(of: node))
            return nil
        }
        let value = scalar.string.trimmingWhitespace
        if value.isEmpty {
            log.error(.missingField, "'\(field)' of \(subject) is empty", at: document.location(of: node))
            return nil
        }
        return value
    }

    func date(_ key: String, required: Bool = false) -> EDTFDate? {
        guard let node = node(key) else {
            if required { missing(key) }
            return nil
        }
        return date(node, field: key)
    }

    func date(_ node: YAMLNode, field: String) -> EDTFDate? {
        guard case .scalar(let scalar) = node else {
            log.error(.yamlType, "'\(field)' of \(subject) should be a date, found \(Self.describe(node))", at: document.location(of: node))
            return nil
        }
        do {
            return try EDTFDate(parsing: scalar.string)
        } catch {
            // The character at fault, when the date is written on the line where its value starts; a block
            // scalar (`date: >`) or a value that wraps is pointed at as a whole.
            // A date written another common way ("1 August 2025") is pointed at as a whole, with its EDTF form.
            let explained = EDTFDate.explanation(of: scalar.string, error: error)
            let start = document.location(of: node)
            var location = start
            let quoted = scalar.style == .singleQuoted || scalar.style == .doubleQuoted
            location.column += explained.offset + (quoted ? 1 : 0)
            let onOneLine = scalar.style != .literal && scalar.style != .folded && !scalar.string.contains(where: \.isNewline)
            let lineLength = SourceText.scalarCount(document.file.bytes[document.file.lineRange(start.line)])
            log.error(
                .invalidDate, "invalid date: \(explained.message)", at: onOneLine && location.column <= lineLength + 1 ? location : start,
                fixIt: explained.fixIt)
            return nil
        }
    }

    func bool(_ key: String) -> Bool? {
        guard let node = node(key) else { return nil }
        guard case .scalar(let scalar) = node, let value = ["true": true, "yes": true, "false": false, "no": false][scalar.string.lowercased()] else {
            log.error(.yamlType, "'\(key)' of \(subject) should be true or false", at: document.location(of: node))
            return nil
        }
        return value
    }

    func integer(_ key: String) -> Int? {
        guard let node = node(key) else { return nil }
        guard case .scalar(let scalar) = node, let value = Int(scalar.string) else {
            log.error(.yamlType, "'\(key)' of \(subject) should be a whole number", at: document.location(of: node))
            return nil
        }
        return value
    }

    /// A number written in plain digits, with an optional decimal point (`1300000`, `86.2`): zero, or between
    /// 10^-6 and 10^15 in magnitude, so that every figure has digits to show and a place on a chart.
    func number(_ key: String) -> Double? {
        guard let node = node(key) else { return nil }
        guard case .scalar(let scalar) = node, let value = Self.parseNumber(scalar.string) else {
            let shown = node.scalar.map { "not '\($0.string.count > 40 ? $0.string.prefix(40) + "…" : $0.string)'" } ?? "found \(Self.describe(node))"
            log.error(
                .invalidNumber, "'\(key)' of \(subject) should be a number written in digits (such as 1300000 or 86.2), \(shown)",
                at: document.location(of: node))
            return nil
        }
        guard abs(value) < Fact.largestFigure else {
            log.error(
                .invalidNumber, "'\(key)' of \(subject) is too large: figures are shown in full up to 999 trillion (less than 10^15)",
                at: document.location(of: node))
            return nil
        }
        guard value == 0 || abs(value) >= Fact.smallestFigure else {
            log.error(
                .invalidNumber, "'\(key)' of \(subject) is too small: figures other than 0 are at least 0.000001 (10^-6) in magnitude; give it in a larger unit",
                at: document.location(of: node))
            return nil
        }
        return value
    }

    static func parseNumber(_ text: String) -> Double? {
        let cleaned = text.replacingUnderscores
        var sawDigit = false
        var sawPoint = false
        for (index, char) in cleaned.enumerated() {
            if char.isASCII, char.isNumber { sawDigit = true; continue }
            if char == ".", !sawPoint { sawPoint = true; continue }
            if char == "-", index == 0 { continue }
            return nil
        }
        guard sawDigit, let value = Double(cleaned), value.isFinite else { return nil }
        return value
    }

    /// A list of ids, such as `topics: [moise, army]`; a single id is taken as a list of one.
    func references(_ key: String) -> [Reference] {
        guard let node = node(key) else { return [] }
        let items: [YAMLNode]
        if reportsItemWithoutSpace(node, field: key) { return [] }
        switch node {
        case .list(let list): items = Array(list)
        case .scalar: items = [node]
        default:
            log.error(.yamlType, "'\(key)' of \(subject) should be a list of ids", at: document.location(of: node))
            return []
        }
        return items.compactMap { item in
            guard let id = text(item, field: key) else { return nil }
            return Reference(id: id, location: document.location(of: item))
        }
    }

    /// The item's texts in other languages, `translations: {LANG: {FIELD: text}}`, each field one of `fields`.
    func translations(_ fields: [String]) -> Translations {
        guard let node = node("translations") else { return Translations() }
        guard case .mapping(let languages) = node else {
            log.error(.yamlType, "'translations' of \(subject) maps each language to its texts, such as {fr: {\(fields[0]): …}}", at: document.location(of: node))
            return Translations()
        }
        var result = Translations()
        for (key, value) in languages {
            guard let language = key.scalar?.string, let texts = reader(of: value, subject: "the \(key.scalar?.string ?? "") translation of \(subject)") else { continue }
            texts.rejectUnknownFields(fields)
            var found: [String: String] = [:]
            for field in fields { if let text = texts.string(field) { found[field] = text } }
            result.texts[language] = found
            result.locations[language] = document.location(of: key)
        }
        return result
    }

    /// A point on the Earth written `[latitude, longitude]` in degrees, such as `[18.54, -72.34]`.
    func coordinates(_ key: String) -> Coordinates? {
        guard let node = node(key) else { return nil }
        let expected = "'\(key)' of \(subject) is [latitude, longitude] in degrees, such as [18.54, -72.34]"
        guard case .list(let sequence) = node, sequence.count == 2,
              let latitude = sequence[0].scalar.flatMap({ Double($0.string) }), let longitude = sequence[1].scalar.flatMap({ Double($0.string) }) else {
            log.error(.invalidCoordinates, expected, at: document.location(of: node))
            return nil
        }
        guard (-90...90).contains(latitude) else {
            log.error(.invalidCoordinates, "latitude \(sequence[0].scalar?.string ?? "") is out of range (-90 to 90); \(expected)", at: document.location(of: sequence[0]))
            return nil
        }
        guard (-180...180).contains(longitude) else {
            log.error(.invalidCoordinates, "longitude \(sequence[1].scalar?.string ?? "") is out of range (-180 to 180); \(expected)", at: document.location(of: sequence[1]))
            return nil
        }
        return Coordinates(latitude: latitude, longitude: longitude)
    }

    /// Citations: a list whose items are a source id, or `{id, quote, locator, lang}`.
    func citations(_ key: String, required: Bool = false) -> [Citation] {
        guard let node = node(key) else {
            if required { missing(key) }
            return []
        }
        if reportsItemWithoutSpace(node, field: key) { return [] }
        let items: [YAMLNode]
        switch node {
        case .list(let list): items = Array(list)
        case .scalar, .mapping: items = [node]
        }
        if items.isEmpty, required { missing(key) }
        return items.compactMap { item in
            if case .mapping = item {
                guard let fields = FieldReader(item, in: document, subject: "a citation of \(subject)", log: log) else { return nil }
                fields.rejectUnknownFields(["id", "quote", "locator", "lang"])
                guard let id = fields.string("id", required: true) else { return nil }
                return Citation(
                    sourceID: id, locator: fields.string("locator"), quote: fields.string("quote"),
                    quoteLanguage: fields.string("lang"), location: fields.location(of: "id"),
                    quoteLocation: fields.has("quote") ? fields.location(of: "quote") : nil)
            }
            guard let id = text(item, field: key) else { return nil }
            return Citation(sourceID: id, location: document.location(of: item))
        }
    }

    /// A list of mappings, such as `corrections` or `eras`.
    func mappings(_ key: String) -> [(YAMLNode, SourceLocation)] {
        guard let node = node(key) else { return [] }
        guard case .list(let sequence) = node else {
            log.error(.yamlType, "'\(key)' of \(subject) should be a list", at: document.location(of: node))
            return []
        }
        return sequence.map { ($0, document.location(of: $0)) }
    }

    /// Warns about fields the format does not know, which are usually misspellings.
    func rejectUnknownFields(_ known: [String]) {
        for pair in pairs where !known.contains(pair.key) {
            log.warning(
                .unknownField, "unknown field '\(pair.key)' in \(subject)", at: document.location(of: pair.keyNode),
                fixIt: .closest(to: pair.key, among: known))
        }
    }
}
