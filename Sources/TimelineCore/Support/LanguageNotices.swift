/// The words of the notices a page in another language shows, for the languages the generator knows (English,
/// French and Haitian Creole), in English for any other.
public enum LanguageNotices {
    /// Names of languages, in each language: `names["fr"]?["en"]` is "anglais".
    static let names: [String: [String: String]] = [
        "en": ["en": "English", "fr": "French", "ht": "Haitian Creole", "es": "Spanish"],
        "fr": ["en": "anglais", "fr": "français", "ht": "créole haïtien", "es": "espagnol"],
        "ht": ["en": "angle", "fr": "franse", "ht": "kreyòl", "es": "panyòl"],
    ]

    /// A language's name as a page in `language` writes it.
    public static func name(of code: String, in language: String) -> String {
        names[base(language)]?[base(code)] ?? names["en"]?[base(code)] ?? code
    }

    /// What a page in `language` says when its text is in `fallback` instead, and the words of its link to the original.
    public static func fallback(page language: String, text fallback: String) -> (notice: String, link: String) {
        let page = name(of: language, in: language), text = name(of: fallback, in: language)
        switch base(language) {
        case "fr": return ("Cette page n’est pas encore traduite en \(page) : le texte ci-dessous est en \(text).", "Lire l’original")
        case "ht": return ("Paj sa a poko tradui an \(page): tèks ki anba a an \(text).", "Li orijinal la")
        default: return ("This page is not yet translated into \(page): the text below is in \(text).", "Read the original")
        }
    }

    /// What a page in `language` says when its translation is older than the original's last update.
    public static func outdated(page language: String) -> (notice: String, link: String) {
        switch base(language) {
        case "fr": return ("Cette traduction est antérieure à la dernière mise à jour du texte original.", "Lire l’original")
        case "ht": return ("Tradiksyon sa a fèt anvan dènye fwa yo te mete tèks orijinal la ajou.", "Li orijinal la")
        default: return ("This translation is older than the original's last update.", "Read the original")
        }
    }

    private static func base(_ tag: String) -> String { tag.split(separator: "-").first.map { $0.lowercased() } ?? tag }
}
