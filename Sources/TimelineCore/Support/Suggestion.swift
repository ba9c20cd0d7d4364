/// The one "did you mean" of the generator: the known name closest to a name that was written, when it is
/// close enough to be a slip of the keyboard.
///
/// Its cost is bounded, so that a site full of unknown names still checks quickly: names longer than an id
/// can be get no suggestion, a candidate whose length alone puts it too far is skipped at once, and the edit
/// distance is computed only within the allowed number of edits.
public enum Suggestion {
    /// The longest name, in characters, for which a suggestion is looked for: that of an id.
    public static let longestName = Identifier.maximumLength
    /// The most known names a suggestion is looked for among; beyond, names are reported without one.
    public static let largestKnownSet = 20_000

    /// The closest of `known` to `name` by edit distance, ties broken by name, when at most
    /// `max(2, name.count / 4)` edits away; nil when none is, when `name` is longer than `longestName`, or when
    /// there are more than `largestKnownSet` known names.
    public static func closest(to name: String, among known: some Collection<String>) -> String? {
        let target = Array(name.unicodeScalars)
        guard target.count <= longestName, known.count <= largestKnownSet else { return nil }
        var limit = max(2, target.count / 4)
        let counts = CharacterCounts(target)
        var best: (distance: Int, name: String)?
        for candidate in known where candidate != name {
            // A name far longer than an id is not read scalar by scalar: its length alone puts it too far.
            let length = candidate.utf8.count
            guard length <= (target.count + limit) * 4, length + limit >= target.count else { continue }
            guard counts.differences(from: candidate) <= 2 * limit else { continue }
            let scalars = Array(candidate.unicodeScalars)
            guard let distance = distance(scalars, target, atMost: limit) else { continue }
            if let current = best, (distance, candidate) >= (current.distance, current.name) { continue }
            best = (distance, candidate)
            limit = distance
        }
        return best?.name
    }

    /// How many times each character occurs in a name, folded into 64 buckets: each edit changes the counts
    /// by at most two, so half the differences of two names' counts is at most their edit distance.
    struct CharacterCounts {
        var counts = [Int](repeating: 0, count: 64)

        init(_ scalars: [Unicode.Scalar]) {
            for scalar in scalars { counts[Int(scalar.value & 63)] += 1 }
        }

        /// The sum of the differences between these counts and those of `name`, read without copying it.
        func differences(from name: String) -> Int {
            withUnsafeTemporaryAllocation(of: Int.self, capacity: 64) { remaining in
                for index in 0..<64 { remaining[index] = counts[index] }
                for scalar in name.unicodeScalars { remaining[Int(scalar.value & 63)] -= 1 }
                var sum = 0
                for index in 0..<64 { sum += abs(remaining[index]) }
                return sum
            }
        }
    }

    /// Levenshtein distance between two names, counted in Unicode scalars.
    public static func distance(_ a: String, _ b: String) -> Int {
        let a = Array(a.unicodeScalars), b = Array(b.unicodeScalars)
        return distance(a, b, atMost: max(a.count, b.count)) ?? max(a.count, b.count)
    }

    /// Levenshtein distance between two sequences when it is at most `limit`, or nil; only the diagonal band
    /// of width `2 × limit + 1` is computed, so the cost is proportional to `limit × a.count`.
    static func distance(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar], atMost limit: Int) -> Int? {
        if abs(a.count - b.count) > limit { return nil }
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        let outside = limit + 1
        var previous = (0...b.count).map { $0 <= limit ? $0 : outside }
        var current = [Int](repeating: outside, count: b.count + 1)
        for i in 1...a.count {
            let low = max(1, i - limit), high = min(b.count, i + limit)
            current[0] = i <= limit ? i : outside
            if low > 1 { current[low - 1] = outside }
            var smallest = current[0]
            if low <= high {
                for j in low...high {
                    let substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)
                    let value = min(previous[j] + 1, current[j - 1] + 1, substitution, outside)
                    current[j] = value
                    smallest = min(smallest, value)
                }
            }
            if high < b.count { current[high + 1] = outside }
            if smallest > limit { return nil }
            swap(&previous, &current)
        }
        return previous[b.count] <= limit ? previous[b.count] : nil
    }
}
