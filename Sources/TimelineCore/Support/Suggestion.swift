/// The one "did you mean" of the generator: the known name closest to a name that was written, when it is
/// close enough to be a slip of the keyboard.
public enum Suggestion {
    /// The closest of `known` to `name` by edit distance, ties broken by name, when at most
    /// `max(2, name.count / 4)` edits away; nil when none is.
    public static func closest(to name: String, among known: some Sequence<String>) -> String? {
        let limit = max(2, name.count / 4)
        var best: (distance: Int, name: String)?
        for candidate in known where candidate != name {
            let distance = Self.distance(candidate, name)
            guard distance <= limit else { continue }
            if best == nil || (distance, candidate) < (best!.distance, best!.name) { best = (distance, candidate) }
        }
        return best?.name
    }

    /// Levenshtein distance between two names, counted in characters.
    public static func distance(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous = Array(0...b.count)
        var current = previous
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            swap(&previous, &current)
        }
        return previous[b.count]
    }
}
