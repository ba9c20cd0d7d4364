/// The renderings of a site's other languages, kept in the same file as the main language's under keys of
/// their own.
extension BuildCache {
    /// Renderings of the site's other languages, kept beside the main language's under keys of their own
    /// (``languageKey(_:_:)``), moved out of `renderings` as the main language's are.
    static func takeLanguageRenderings(from renderings: inout [String: Rendering], languages: [String]) -> [String: [String: Rendering]] {
        guard !languages.isEmpty else { return [:] }
        var taken: [String: [String: Rendering]] = [:]
        for key in Array(renderings.keys) {
            guard let separator = key.utf8.firstIndex(of: 0) else { continue }
            let code = String(key[..<separator]), path = String(key[key.index(after: separator)...])
            guard languages.contains(code), let rendering = renderings.removeValue(forKey: key) else { continue }
            taken[code, default: [:]][path] = rendering
        }
        return taken
    }

    /// The key of a rendering of the note at `path` for the site in the language `code`.
    static func languageKey(_ code: String, _ path: String) -> String { code + "\u{0}" + path }
}
