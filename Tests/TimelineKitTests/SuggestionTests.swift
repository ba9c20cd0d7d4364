import Foundation
import Testing
@testable import TimelineBuild
@testable import TimelineContent
@testable import TimelineCore
import TimelineTesting

/// "Did you mean" suggestions: the same answers as a plain edit distance over every known name, at a cost
/// that stays small however many unknown names a site holds and however long they are.
@Suite struct SuggestionTests {
    /// The textbook edit distance, over the whole table, to compare the bounded one with.
    static func plainDistance(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar]) -> Int {
        var previous = Array(0...b.count)
        for i in 0..<a.count {
            var current = [i + 1] + [Int](repeating: 0, count: b.count)
            for j in 0..<b.count {
                current[j + 1] = min(previous[j + 1] + 1, current[j] + 1, previous[j] + (a[i] == b[j] ? 0 : 1))
            }
            previous = current
        }
        return previous[b.count]
    }

    /// The closest known name by the plain distance, ties broken by name.
    static func plainClosest(to name: String, among known: [String]) -> String? {
        let limit = max(2, name.unicodeScalars.count / 4)
        return known.filter { $0 != name }
            .map { (plainDistance(Array($0.unicodeScalars), Array(name.unicodeScalars)), $0) }
            .filter { $0.0 <= limit }.min { ($0.0, $0.1) < ($1.0, $1.1) }?.1
    }

    static func randomName(_ generator: inout SeededGenerator, alphabet: [Unicode.Scalar]) -> String {
        var name = ""
        for _ in 0..<Int.random(in: 0...14, using: &generator) { name.unicodeScalars.append(alphabet.randomElement(using: &generator)!) }
        return name
    }

    @Test func boundedDistanceAgreesWithThePlainOne() {
        var generator = SeededGenerator(state: 15)
        let alphabet = Array("abc-é".unicodeScalars)
        for _ in 0..<3000 {
            let a = Array(Self.randomName(&generator, alphabet: alphabet).unicodeScalars)
            let b = Array(Self.randomName(&generator, alphabet: alphabet).unicodeScalars)
            let limit = Int.random(in: 0...6, using: &generator)
            let plain = Self.plainDistance(a, b)
            #expect(Suggestion.distance(a, b, atMost: limit) == (plain <= limit ? plain : nil), "\(a) \(b) \(limit)")
        }
    }

    @Test func closestAgreesWithThePlainSearch() {
        var generator = SeededGenerator(state: 16)
        let alphabet = Array("abcd-".unicodeScalars)
        for _ in 0..<300 {
            let known = (0..<20).map { _ in Self.randomName(&generator, alphabet: alphabet) }
            let name = Self.randomName(&generator, alphabet: alphabet)
            #expect(Suggestion.closest(to: name, among: known) == Self.plainClosest(to: name, among: known), "\(name) among \(known)")
        }
        #expect(Suggestion.closest(to: "gazete-1998", among: ["gazette-1998", "gazette-2009"]) == "gazette-1998")
    }

    @Test func namesLongerThanAnIdGetNoSuggestionAndAreShownCut() {
        let long = String(repeating: "a", count: 100_000)
        let start = Date()
        #expect(Suggestion.closest(to: long, among: [String(repeating: "a", count: 99_999)]) == nil)
        #expect(Date().timeIntervalSince(start) < 1)
        #expect(Identifier.abbreviated(long) == String(repeating: "a", count: 50) + "…")
        #expect(Identifier.abbreviated("gazette-1998") == "gazette-1998")
    }

    /// One citation of a 100 KB id, and a thousand unknown citations, in a site with 2,000 sources: checked
    /// in seconds, with diagnostic lines of ordinary length.
    @Test func unknownCitationsAmongManySourcesAreCheckedQuickly() throws {
        var generator = SeededGenerator(state: 17)
        let letters = Array("abcdefghijklmnopqrstuvwxyz".unicodeScalars)
        func id() -> String {
            var text = "source-"
            for _ in 0..<40 { text.unicodeScalars.append(letters.randomElement(using: &generator)!) }
            return text
        }
        var sources = TestSupport.minimalSite["Content/sources.yaml"]!
        for _ in 0..<2000 { sources += "- id: \(id())\n  date: 2001\n" }
        let citations = (0..<300).map { _ in "[@\(id())]" }.joined(separator: " ")
        let files = TestSupport.minimalSite(with: [
            "Content/sources.yaml": sources,
            "Content/entries/long.md": "---\ntitle: U\ndate: 2001\nsources: [paper]\n---\n[@" + String(repeating: "a", count: 100_000) + "]\n",
            "Content/entries/many.md": "---\ntitle: V\ndate: 2001\nsources: [paper]\n---\n" + citations + "\n",
        ])
        let start = Date()
        let diagnostics = TestSupport.diagnostics(files)
        #expect(Date().timeIntervalSince(start) < 30)
        #expect(diagnostics.filter { $0.contains("[unknown-source]") }.count == 301)
        let long = try #require(diagnostics.first { $0.contains("entries/long.md") })
        #expect(long.utf8.count < 300, "\(long.prefix(300))")
        #expect(long.contains("unknown source '" + String(repeating: "a", count: 50) + "…' in [@" + String(repeating: "a", count: 50) + "…]"))
    }
}
