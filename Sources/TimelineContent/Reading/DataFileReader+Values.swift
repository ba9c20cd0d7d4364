import TimelineCore

/// The forms of values the data files share: language tags and addresses.
extension DataFileReader {
    static func isLanguageTag(_ tag: String) -> Bool {
        let parts = tag.split(separator: "-", omittingEmptySubsequences: false)
        guard let first = parts.first, (2...3).contains(first.count), first.allSatisfy({ $0.isASCII && $0.isLetter }) else { return false }
        return parts.dropFirst().allSatisfy { (1...8).contains($0.count) && $0.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber) } }
    }

    /// The units of `site.yaml`: each a name (`soldiers`), or a mapping of its `name` and its `translations`
    /// (`{name: soldiers, translations: {fr: {name: soldats}}}`).
    static func readUnits(_ fields: FieldReader) -> (names: [String], translations: [String: Translations]) {
        guard let node = fields.node("units") else { return ([], [:]) }
        guard case .list(let items) = node else { return (fields.references("units").map(\.id), [:]) }
        var names: [String] = []
        var translations: [String: Translations] = [:]
        for item in items {
            guard case .mapping = item else {
                if let name = fields.text(item, field: "units") { names.append(name) }
                continue
            }
            guard let unit = fields.reader(of: item, subject: "a unit") else { continue }
            unit.rejectUnknownFields(["name", "translations"])
            guard let name = unit.string("name", required: true) else { continue }
            names.append(name)
            let translated = unit.about("unit '\(name)'").translations(["name"])
            if !translated.isEmpty { translations[name] = translated }
        }
        return (names, translations)
    }

    /// Checks a URL given in content: absolute http, https or mailto only.
    static func urlProblem(_ url: String) -> String? {
        let lower = url.lowercased()
        if lower.hasPrefix("https://") || lower.hasPrefix("http://") {
            if url.contains(where: { $0 == " " || $0 == "\"" || $0 == "<" || $0 == ">" || $0.isNewline }) {
                return "an address cannot contain spaces, quotes or angle brackets"
            }
            return nil
        }
        return "must be an absolute http or https address"
    }
}
