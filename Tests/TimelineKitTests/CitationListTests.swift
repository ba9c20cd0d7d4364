import Testing
@testable import TimelineCore

/// A page's list of citations numbers its sources in the order they are first cited, however long it grows:
/// short lists are searched and long ones looked up (``CitationList/searchedCount``), with the same numbers.
@Suite struct CitationListTests {
    /// Seeded runs of citations of up to 40 sources, past the length where the list starts to look sources
    /// up, against a plain model: a source's number is its place among the sources first cited, and each of
    /// its citations in place is anchored by how many came before.
    @Test func numbersAndAnchorsFollowTheOrderOfFirstCitationAtEveryLength() {
        var numbers = SeededNumbers(seed: 2026)
        var longest = 0
        for _ in 0..<300 {
            let sourceCount = 1 + numbers.next(40)
            var list = CitationList()
            var order: [String] = []
            var placed: [String: Int] = [:]
            for _ in 0..<(1 + numbers.next(120)) {
                let id = "source-\(numbers.next(sourceCount))"
                let inPlace = numbers.next(4) != 0
                if !order.contains(id) { order.append(id) }
                if inPlace { placed[id, default: 0] += 1 }
                let cited = list.cite(id, inPlace: inPlace)
                #expect(cited.number == order.firstIndex(of: id)! + 1)
                #expect(cited.anchor == (inPlace ? "cite-\(id)-\(placed[id]!)" : nil))
            }
            #expect(list.order == order)
            longest = max(longest, order.count)
            // A list made from the sources of another, as the build cache keeps it, numbers and anchors as it did.
            var copy = CitationList(sources: list.sources + list.sources.reversed())
            #expect(copy == list && copy.order == order)
            let id = order[numbers.next(order.count)]
            #expect(copy.cite(id).anchor == "cite-\(id)-\((placed[id] ?? 0) + 1)")
            #expect(copy.cite(id, inPlace: false).number == order.firstIndex(of: id)! + 1)
            #expect(copy.cite("a-new-source").number == order.count + 1)
        }
        #expect(longest > CitationList.searchedCount + 10)
    }
}
