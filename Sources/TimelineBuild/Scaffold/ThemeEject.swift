import TimelineCore
import TimelineTheme

/// The built-in theme's files a site asks for, to copy into its templates folder and edit there.
public enum ThemeEject {
    /// The paths of every file of the built-in theme.
    public static var paths: [String] { DefaultTheme.files.map(\.path) }

    /// The files named (paths inside the theme, such as `entry.mustache`; `entry` and a folder such as
    /// `partials` or `assets` name theirs too), or all of them when none is named; or the first name that
    /// matches nothing, with the closest one.
    public static func files(named names: [String]) -> Result<StarterFiles, UnknownName> {
        guard !names.isEmpty else { return .success(StarterFiles(files: DefaultTheme.files)) }
        var chosen: [String] = []
        for name in names {
            let name = name.hasSuffix("/") ? String(name.dropLast()) : name
            let matches = paths.filter { $0 == name || $0 == name + ".mustache" || $0.hasPrefix(name + "/") }
            guard !matches.isEmpty else { return .failure(UnknownName(name: name, closest: closest(to: name))) }
            chosen += matches.filter { !chosen.contains($0) }
        }
        return .success(StarterFiles(files: DefaultTheme.files.filter { chosen.contains($0.path) }))
    }

    /// The theme's file whose path, or path without `.mustache`, is closest to `name`.
    static func closest(to name: String) -> String? {
        let short = paths.map { $0.hasSuffix(".mustache") ? String($0.dropLast(".mustache".count)) : $0 }
        guard let near = Suggestion.closest(to: name, among: short) else { return nil }
        return paths[short.firstIndex(of: near)!]
    }

    /// A name that is no file of the theme.
    public struct UnknownName: Error, Sendable {
        public var name: String
        public var closest: String?
    }
}
