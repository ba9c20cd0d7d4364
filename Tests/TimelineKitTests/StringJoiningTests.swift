import Testing
@testable import TimelineCore

/// Texts joined in one allocation are the texts one after another, whatever their storage: small, large,
/// empty or not ASCII; and links made so are those interpolation makes.
@Suite struct StringJoiningTests {
    @Test func joiningIsConcatenation() {
        let parts = ["", "a", "../", "entries", "Port-au-Prince", "é🇭🇹", String(repeating: "long text ", count: 20), "#"]
        var numbers = SeededNumbers(seed: 1_207)
        for _ in 0..<500 {
            let chosen = (0..<6).map { _ in parts[numbers.next(parts.count)] }
            let joined = String.joining(chosen[0], chosen[1], chosen[2], chosen[3], chosen[4], chosen[5])
            #expect(joined == chosen.joined())
            #expect(String.joining(chosen[0], chosen[1]) == chosen[0] + chosen[1])
        }
    }

    @Test func linksAreThoseOfTheirParts() {
        let page = Route.note(.entry, "moise-killed")
        #expect(Route.note(.topic, "haïti").href(from: page) == "../topics/haïti.html")
        #expect(Route.source("cnn-2025").href(from: page, fragment: "q1") == "../sources/cnn-2025.html#q1")
        #expect(Route.era("1995").href(from: .index) == "eras/1995.html")
        #expect(Route.facts.href(from: page, fragment: "metric-a") == "../facts.html#metric-a")
        #expect(Route.note(.page, "about").path == "pages/about.html")
    }
}
