/// The README's list of what templates can show, made from the page models' own field declarations, so
/// that it cannot fall behind them: a test compares it with the README.
public enum TemplateDocumentation {
    /// The list as Markdown: each template with its page model, then every model those contain.
    public static var markdown: String {
        var text = ""
        var pending: [any TemplateModel.Type] = []
        var seen: Set<String> = []
        func note(_ kind: TemplateFieldKind) {
            switch kind {
            case .object(let type), .list(let type):
                let name = String(describing: type)
                if seen.insert(name).inserted { pending.append(type) }
            case .text, .html, .number, .flag: break
            }
        }
        let frame = Set(PageFrame.fields { (page: NotFoundPage) in page.frame }.map(\.name))
        for model in PageBuilder.pageModels {
            text += "#### `\(model.template).mustache`: \(model.summary)\n\n"
            text += "| name | holds |\n|---|---|\n"
            for field in model.fieldList where !frame.contains(field.name) {
                text += row(field)
                note(field.kind)
            }
            text += "| `site`, `page`, `root`, `navigation`, `alternates`, `jsonld` | what every page has: see *Every page* below |\n\n"
        }
        text += "#### Every page\n\n| name | holds |\n|---|---|\n"
        for field in NotFoundPage.fieldList where frame.contains(field.name) {
            text += row(field)
            note(field.kind)
        }
        text += "\n"
        while !pending.isEmpty {
            let model = pending.removeFirst()
            text += "#### \(title(model))\n\n\(model.summary)\n\n| name | holds |\n|---|---|\n"
            for field in model.fieldList {
                text += row(field)
                note(field.kind)
            }
            text += "\n"
        }
        return text
    }

    /// A model's name in the README: its type's name, split into words.
    static func title(_ model: any TemplateModel.Type) -> String {
        var words = ""
        for character in String(describing: model) {
            if character.isUppercase, !words.isEmpty, words.last?.isUppercase == false { words += " " }
            words.append(character)
        }
        return words.prefix(1) + words.dropFirst().lowercased()
    }

    private static func row(_ field: TemplateFieldDescription) -> String {
        let kind: String
        switch field.kind {
        case .text: kind = "text"
        case .html: kind = "HTML, for `{{{…}}}`"
        case .number: kind = "number"
        case .flag: kind = "true or false"
        case .object(let type): kind = "*\(title(type).lowercased())*"
        case .list(let type): kind = "list of *\(title(type).lowercased())*"
        }
        let optional = field.isOptional ? "; may be missing" : ""
        return "| `\(field.name)` | \(field.summary) (\(kind)\(optional)) |\n"
    }
}

/// What the README says of one field.
struct TemplateFieldDescription {
    var name: String
    var kind: TemplateFieldKind
    var summary: String
    var isOptional: Bool
}

extension TemplateModel {
    /// The model's fields as the README describes them.
    static var fieldList: [TemplateFieldDescription] {
        fields.map { TemplateFieldDescription(name: $0.name, kind: $0.kind, summary: $0.summary, isOptional: $0.isOptional) }
    }
}
